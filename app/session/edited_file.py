"""The file behind the facts a window edits: read for editing, held, saved, recovered.

A window that edits an incident owns one :class:`EditedFile`. It reads an incident file
into the plain facts the editor works on, holds the file's lock while it is open (so a
second window or person is warned), writes the facts back atomically, and keeps unsaved
work in a recovery file until it is saved. The front end only asks the user the
questions (discard? open a file someone else holds?) and says what happened.
"""

from __future__ import annotations

from pathlib import Path

from app.facts import editing
from app.facts.editing import IncidentData
from app.files import file_lock
from app.files.file_lock import LockHolder
from app.session.recovery import RecoveredWork, RecoveryStore


class EditedFile:
    """The incident file of one window (``None`` until the facts are saved), its lock
    and its recovery file in ``recovery``."""

    def __init__(self, recovery: RecoveryStore) -> None:
        self.recovery = recovery
        self._held: Path | None = None

    @property
    def held(self) -> Path | None:
        """The incident file this window holds the lock of, if any."""
        return self._held

    @staticmethod
    def read(path: Path) -> IncidentData:
        """The facts of ``path`` for editing; raises
        :class:`~app.errors.IncidentFileError` naming every fault when it cannot."""
        return editing.read_incident_data(path)

    @staticmethod
    def held_elsewhere(path: Path) -> LockHolder | None:
        """Who else (another window, another person) holds ``path`` open, if anyone."""
        return file_lock.holder(path)

    def hold(self, path: Path) -> None:
        """Hold ``path`` for this window, letting go of the file held before."""
        if self._held is not None and self._held != path:
            file_lock.release(self._held)
        file_lock.acquire(path)
        self._held = path

    def release(self) -> None:
        """Let go of the incident file this window holds, if any."""
        if self._held is not None:
            file_lock.release(self._held)
            self._held = None

    def save(self, path: Path, data: IncidentData) -> None:
        """Write ``data`` into ``path`` atomically (a failed write raises ``OSError``
        and leaves the file as it was); the work is saved, so no recovery file is kept.
        The caller holds ``path`` first when it is a new file (:meth:`hold`)."""
        editing.save_incident_data(path, data)
        self.recovery.clear()

    def keep_unsaved(self, data: IncidentData, source: Path | None) -> None:
        """Put unsaved work where the next start finds it if this one crashes."""
        self.recovery.save(data, source)

    def left_over(self) -> list[RecoveredWork]:
        """Unsaved work left by sessions that crashed, newest first."""
        return self.recovery.left_over()

    @staticmethod
    def forget(left_over: list[RecoveredWork]) -> None:
        """The user has answered about ``left_over``: it is not offered again."""
        for item in left_over:
            item.file.unlink(missing_ok=True)

    def close(self) -> None:
        """The window closes with the user's consent: no recovery file, no lock left."""
        self.recovery.clear()
        self.release()
