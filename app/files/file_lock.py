"""Telling two windows (or two people on a shared drive) that an incident file is open.

Opening an incident writes a small lock file beside it (``.~lock.<name>#``, the name
LibreOffice uses) saying who holds it. A second window finds it and warns instead of
letting the two overwrite each other's work. A lock left by a process that no longer
runs on this machine is stale and is taken over silently.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from app.errors import N_, CrisisDraftError
from app.files import atomic


@dataclass(frozen=True)
class LockHolder:
    user: str
    host: str
    pid: int
    since: str

    def __str__(self) -> str:
        return f"{self.user} on {self.host} (since {self.since})"


def lock_path(incident: Path) -> Path:
    return incident.with_name(f".~lock.{incident.name}#")


def _host() -> str:
    """This machine's name (the socket module loads only when a lock is written or
    read, after the window's first paint)."""
    import socket

    return socket.gethostname()


def _me() -> LockHolder:
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "unknown"
    return LockHolder(user, _host(), os.getpid(), datetime.now(UTC).isoformat(timespec="minutes"))


def holder(incident: Path) -> LockHolder | None:
    """Who else holds ``incident`` open, if anyone (stale locks and our own don't count)."""
    try:
        data = json.loads(lock_path(incident).read_text(encoding="utf-8"))
        other = LockHolder(
            str(data["user"]), str(data["host"]), int(data["pid"]), str(data["since"])
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None
    me = _me()
    if other.host == me.host and (other.pid == me.pid or not _running(other.pid)):
        return None
    return other


def acquire(incident: Path) -> None:
    """Mark ``incident`` as held by this process (best effort: a read-only folder is fine)."""
    me = _me()
    data = {"user": me.user, "host": me.host, "pid": me.pid, "since": me.since}
    with contextlib.suppress(OSError):
        atomic.write_atomically(lock_path(incident), json.dumps(data).encode("utf-8"))


def release(incident: Path) -> None:
    """Remove our lock (never somebody else's)."""
    try:
        data = json.loads(lock_path(incident).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    me = _me()
    if data.get("pid") == me.pid and data.get("host") == me.host:
        atomic.discard(lock_path(incident))


def _running(pid: int) -> bool:
    """Whether process ``pid`` runs on this machine; a pid no system gives out (zero,
    negative, or beyond the largest process id: a hand-edited lock) does not."""
    if not 0 < pid < 2**31:
        return False
    if os.name == "nt":  # Windows: ask for the process; no signal 0 there
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # type: ignore[attr-defined]
        if not handle:
            return False
        ctypes.windll.kernel32.CloseHandle(handle)  # type: ignore[attr-defined]
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


WRITE_WAIT_SECONDS = 10.0


def write_lock_path(incident: Path) -> Path:
    return incident.with_name(f".~write.{incident.name}#")


@contextlib.contextmanager
def writing(incident: Path, wait: float = WRITE_WAIT_SECONDS) -> Iterator[None]:
    """Hold ``incident`` for one read-merge-write, the app's and every command's alike.

    The open-file lock above only warns; this one is exclusive and short: created with
    O_EXCL beside the file, removed when the write is done. A lock left by a process
    that no longer runs is taken over; one still held after ``wait`` seconds raises
    :class:`~app.errors.CrisisDraftError` naming who holds it."""
    path = write_lock_path(incident)
    deadline = time.monotonic() + wait
    me = _me()
    record = json.dumps({"user": me.user, "host": me.host, "pid": me.pid, "since": me.since})
    while True:
        try:
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            other = _holder_of(path)
            if other is None:  # stale: its process is gone
                atomic.discard(path)
                continue
            if time.monotonic() > deadline:
                raise CrisisDraftError(
                    message_id=N_("{file} is being written by {holder}; try again in a moment"),
                    params={"file": incident.name, "holder": str(other)},
                ) from None
            time.sleep(0.05)
            continue
        except OSError:  # a read-only folder: the write itself will say why
            yield
            return
        break
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as stream:
            stream.write(record)
        yield
    finally:
        atomic.discard(path)


def _holder_of(path: Path) -> LockHolder | None:
    """Who holds the lock file ``path``, unless it is stale (or half-written: a holder
    that has just created it; treated as held)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        other = LockHolder(
            str(data["user"]), str(data["host"]), int(data["pid"]), str(data["since"])
        )
    except (OSError, ValueError, KeyError, TypeError):
        try:
            age = time.time() - path.stat().st_mtime
        except OSError:
            return None
        return None if age > 60 else LockHolder("?", "?", 0, "now")
    if other.host == _host() and not _running(other.pid):
        return None
    return other
