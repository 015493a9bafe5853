"""Typed work that survives a crash: recovery files in the per-user data folder.

Each running window writes its unsaved facts to its own recovery file a few seconds
after the user stops typing, atomically; it removes the file when the work is saved or
the window closes normally. A recovery file still there at the next start belongs to a
session that crashed or was killed, and is offered back to the user.
"""

from __future__ import annotations

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
        """Recovery files of other sessions, newest first; unreadable ones are skipped."""
        found: list[RecoveredWork] = []
        if not self.folder.is_dir():
            return found
        for file in self.folder.glob("session-*.json"):
            if file == self.file:
                continue
            try:
                record = json.loads(file.read_text(encoding="utf-8"))
                found.append(
                    RecoveredWork(
                        file=file,
                        source=Path(record["source"]) if record.get("source") else None,
                        saved_at=datetime.fromisoformat(record["saved_at"]),
                        data=record["incident"],
                    )
                )
            except (OSError, ValueError, KeyError, TypeError):
                continue
        return sorted(found, key=lambda work: work.saved_at, reverse=True)
