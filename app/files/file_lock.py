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
import socket
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

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


def _me() -> LockHolder:
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "unknown"
    return LockHolder(
        user, socket.gethostname(), os.getpid(), datetime.now(UTC).isoformat(timespec="minutes")
    )


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
