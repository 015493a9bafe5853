"""Writing files so that a crash or a full disk never leaves a half-written one.

Data goes to a temporary file in the destination folder, is flushed to disk, and only
then replaces the destination in one ``os.replace`` (atomic on Windows, macOS, Linux).
Files get the permissions the user's other new files get (the umask), or keep those of
the file they replace: not the owner-only mode temporary files are created with.
"""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import stat
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path


def write_temporary(destination: Path, data: bytes, *, sync: bool = True) -> Path:
    """Write ``data`` to a hidden temporary file beside ``destination``; return its path.

    The caller moves it into place with :func:`commit` or removes it with :func:`discard`.
    ``sync=False`` leaves flushing the data to the disk to the system (an export of many
    documents that can be made again: the renames stay atomic, and the folder is synced
    once at the end), instead of waiting for the disk once per file.
    """
    handle, name = tempfile.mkstemp(
        prefix=f".{destination.name}.", suffix=".tmp", dir=destination.parent
    )
    temporary = Path(name)
    try:
        _take_permissions(temporary, destination)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            if sync:
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


def replace_all(temporaries: Mapping[Path, Path]) -> None:
    """Move each temporary (from :func:`write_temporary`) over its destination: all of
    them, or none.

    Each destination that exists first gets a backup beside it (a hard link, or a copy
    where the file system has none), so it is never missing; a failure at any step
    puts every backup back and removes what was new, leaving the folder as it was
    (then raises). On success the backups go. Durable once the caller syncs the folder."""
    backups: dict[Path, Path] = {}
    moved: list[Path] = []
    try:
        for destination in temporaries:
            if destination.exists():
                backups[destination] = backup(destination)
        for destination, temporary in temporaries.items():
            commit(temporary, destination, sync=False)
            moved.append(destination)
    except BaseException:
        for destination in moved:
            if destination in backups:
                with contextlib.suppress(OSError):
                    backups.pop(destination).replace(destination)
            else:
                discard(destination)
        for leftover in [*backups.values(), *temporaries.values()]:
            discard(leftover)
        raise
    for kept in backups.values():
        discard(kept)


def backup(destination: Path) -> Path:
    """A second name for ``destination``'s current content, hidden beside it (swept like
    a temporary file if a crash leaves it)."""
    while True:
        target = destination.with_name(f".{destination.name}.{os.urandom(4).hex()}.bak.tmp")
        try:
            os.link(destination, target)
        except FileExistsError:
            continue
        except OSError:  # no hard links here (FAT, some network shares): copy instead
            shutil.copy2(destination, target)
        return target


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


def _take_permissions(temporary: Path, destination: Path) -> None:
    """Give ``temporary`` the mode ``destination`` has, or a new file's default mode."""
    try:
        mode = stat.S_IMODE(destination.stat().st_mode)
    except OSError:
        mode = 0o666 & ~_umask()
    with contextlib.suppress(OSError):  # a file system without modes (FAT): nothing to do
        temporary.chmod(mode)


@functools.cache
def _umask() -> int:
    """The process's umask (read once: setting it back at once is the only portable way)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable where the OS allows opening folders (POSIX)."""
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
