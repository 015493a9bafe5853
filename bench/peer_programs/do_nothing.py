"""The command-line peer: a program that does nothing, frozen by the same PyInstaller as
the app. Its start is the floor of any frozen command (the bootloader unpacking nothing,
Python starting, PyInstaller's own start-up hooks)."""
