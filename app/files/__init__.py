"""What touches the disk for every layer: atomic writes, file locks, per-user folders and
the files shipped with the app. Nothing here knows about incidents or documents."""
