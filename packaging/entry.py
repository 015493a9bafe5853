"""The frozen app's entry point: the same as the ``crisisdraft`` command.

With no command it opens the desktop app on the bundled example; every command of the
command line works too (``crisisdraft-cli export ...``).
"""

from app.cli import main

if __name__ == "__main__":
    main()
