"""Writing files so that a crash or a full disk never leaves a half-written one.

Data goes to a temporary file in the destination folder, is flushed to disk, and only
then replaces the destination in one ``os.replace`` (atomic on Windows, macOS, Linux).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from pathlib import Path


def write_temporary(destination: Path, data: bytes) -> Path:
    """Write ``data`` to a hidden temporary file beside ``destination``; return its path.

    The caller moves it into place with :func:`commit` or removes it with :func:`discard`.
    """
    handle, name = tempfile.mkstemp(
        prefix=f".{destination.name}.", suffix=".tmp", dir=destination.parent
    )
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
    except BaseException:
        discard(temporary)
        raise
    return temporary


def commit(temporary: Path, destination: Path, *, sync: bool = True) -> None:
    """Move ``temporary`` over ``destination``; ``sync=False`` when the caller commits
    several files into one folder and makes the renames durable once (:func:`sync_folder`)."""
    temporary.replace(destination)
    if sync:
        _sync_folder(destination.parent)


def sync_folder(folder: Path) -> None:
    _sync_folder(folder)


def discard(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()


def write_atomically(destination: Path, data: bytes) -> None:
    """Replace ``destination`` with ``data``, completely or not at all."""
    commit(write_temporary(destination, data), destination)
    sweep_stale_temporaries(destination)


STALE_AFTER_SECONDS = 600


def sweep_stale_temporaries(destination: Path) -> None:
    """Remove temporary files that a killed process left beside ``destination``."""
    now = time.time()
    for leftover in destination.parent.glob(f".{destination.name}.*.tmp"):
        with contextlib.suppress(OSError):
            if now - leftover.stat().st_mtime > STALE_AFTER_SECONDS:
                leftover.unlink()


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable where the OS allows opening folders (POSIX)."""
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
