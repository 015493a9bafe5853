"""Typed work that survives a crash: recovery files in the per-user data folder.

Each running window writes its unsaved facts to its own recovery file a few seconds
after the user stops typing, atomically; it removes the file when the work is saved or
the window closes normally. A recovery file still there at the next start belongs to a
session that crashed or was killed, and is offered back to the user.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app.files import atomic


@dataclass(frozen=True)
class RecoveredWork:
    """Unsaved facts left by a session that did not close normally."""

    file: Path
    source: Path | None  # the incident file the work was for, if it had one
    saved_at: datetime
    data: dict[str, Any]


class RecoveryStore:
    """The recovery file of one window, and the left-overs of earlier sessions."""

    def __init__(self, folder: Path, session: str | None = None) -> None:
        self.folder = folder
        self.file = folder / f"session-{session or os.getpid()}.json"

    def save(self, data: dict[str, Any], source: Path | None) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        record = {
            "source": str(source) if source else None,
            "saved_at": datetime.now(UTC).isoformat(),
            "incident": data,
        }
        atomic.write_atomically(self.file, json.dumps(record, ensure_ascii=False).encode("utf-8"))

    def clear(self) -> None:
        atomic.discard(self.file)

    def left_over(self) -> list[RecoveredWork]:
        """Recovery files of other sessions, newest first. One that cannot be read (cut
        short, edited, damaged) is set aside as ``*.damaged`` (kept for a look by hand,
        never offered again) and the others are still offered."""
        found: list[RecoveredWork] = []
        if not self.folder.is_dir():
            return found
        for file in self.folder.glob("session-*.json"):
            atomic.sweep_stale_temporaries(file)  # an autosave killed half-way
            if file == self.file:
                continue
            work = _read_recovery(file)
            if work is None:
                with contextlib.suppress(OSError):
                    file.replace(file.with_suffix(".damaged"))
                continue
            found.append(work)
        return sorted(found, key=lambda work: work.saved_at, reverse=True)


def _read_recovery(file: Path) -> RecoveredWork | None:
    """The work in ``file``, or ``None`` when it is not a whole recovery file."""
    try:
        record = json.loads(file.read_text(encoding="utf-8"))
        if not isinstance(record, dict):
            return None
        source, saved_at, data = (
            record.get("source"),
            record.get("saved_at"),
            record.get("incident"),
        )
        if not (isinstance(saved_at, str) and isinstance(data, dict)):
            return None
        moment = datetime.fromisoformat(saved_at)
    except (OSError, ValueError, RecursionError):
        return None
    return RecoveredWork(
        file=file,
        source=Path(source) if isinstance(source, str) and source else None,
        saved_at=moment if moment.tzinfo else moment.replace(tzinfo=UTC),
        data=data,
    )
