"""The file behind the facts a window edits: read for editing, held, saved, recovered.

A window that edits an incident owns one :class:`EditedFile`. It reads an incident file
into the plain facts the editor works on, holds the file's lock while it is open (so a
second window or person is warned), writes the facts back atomically without losing
what others wrote meanwhile (:mod:`app.session.file_writes`), and keeps unsaved work in
a recovery file until it is saved. The front end only asks the user the questions
(discard? open a file someone else holds? keep mine or take theirs?) and says what
happened.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from app.facts import editing
from app.facts.editing import IncidentData
from app.files import file_lock
from app.files.file_lock import LockHolder

if TYPE_CHECKING:
    from app.session.file_writes import Baseline

# app.session.file_writes (the models, the record's merge) loads with the first read or
# save in full: the window paints before that (app.gui.launcher).
from app.session.recovery import RecoveredWork, RecoveryStore


class EditedFile:
    """The incident file of one window (``None`` until the facts are saved), its lock
    and its recovery file in ``recovery``."""

    def __init__(self, recovery: RecoveryStore) -> None:
        self.recovery = recovery
        self._held: Path | None = None
        self._baseline: Baseline | None = None  # the held file as last read or written
        self._just_read: Baseline | None = None  # a file read, not yet held

    @property
    def held(self) -> Path | None:
        """The incident file this window holds the lock of, if any."""
        return self._held

    def read(self, path: Path) -> IncidentData:
        """The facts of ``path`` for editing (what a later save compares the file with,
        once this window holds it: :meth:`hold`); raises
        :class:`~app.errors.IncidentFileError` naming every fault when it cannot."""
        from app.session import file_writes

        data, self._just_read = file_writes.read_for_editing(path)
        return data

    @staticmethod
    def read_example(path: Path) -> IncidentData:
        """The facts of a file used as a model, not edited in place (the bundled example)."""
        return editing.read_incident_data(path)

    def adopt(self, source: Path | None) -> None:
        """Work brought back after a crash, for ``source``: what it was read from is not
        known, so a save into ``source`` asks if the facts there differ."""
        from app.session import file_writes

        self._baseline = file_writes.Baseline(source, "", None) if source is not None else None

    @staticmethod
    def held_elsewhere(path: Path) -> LockHolder | None:
        """Who else (another window, another person) holds ``path`` open, if anyone."""
        return file_lock.holder(path)

    def hold(self, path: Path) -> None:
        """Hold ``path`` for this window, letting go of the file held before; a file
        just read becomes the one later saves compare with."""
        if self._held is not None and self._held != path:
            file_lock.release(self._held)
        file_lock.acquire(path)
        self._held = path
        if self._just_read is not None and self._just_read.path == path:
            self._baseline, self._just_read = self._just_read, None

    def release(self) -> None:
        """Let go of the incident file this window holds, if any."""
        if self._held is not None:
            file_lock.release(self._held)
            self._held = None

    def save(self, path: Path, data: IncidentData, *, keep_mine: bool = False) -> IncidentData:
        """Write ``data`` into ``path`` atomically, with the record entries others added
        to it meanwhile; returns what was written (the caller shows that record). Raises
        ``OSError`` (nothing written), :class:`~app.session.file_writes.FactsChangedOnDiskError`
        when someone else changed the facts (nothing written; ``keep_mine`` overrides),
        or :class:`~app.errors.CrisisDraftError` when another writer holds the file too
        long. The work is saved, so no recovery file is kept."""
        from app.session import file_writes

        written, self._baseline = file_writes.save_edited(
            path, data, self._baseline, keep_mine=keep_mine
        )
        self.recovery.clear()
        return written

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
