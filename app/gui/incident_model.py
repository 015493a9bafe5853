"""The one source of truth for an open incident: the facts being edited, its file,
and whether there are unsaved changes. Widgets edit it and listen to it, never to
each other."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from app.errors import Problem
from app.facts import editing
from app.facts.editing import IncidentData
from app.facts.unfinished_rows import HeldBack

if TYPE_CHECKING:
    from app.facts.models import Incident


class IncidentModel(QObject):
    """Signals: ``changed(path)`` after one field changed (``""`` after a reset);
    ``reset()`` after new facts were loaded; ``state_changed()`` when the file or the
    unsaved-changes mark changed."""

    changed = Signal(str)
    reset = Signal()
    state_changed = Signal()

    def __init__(self, data: IncidentData, path: Path | None = None) -> None:
        super().__init__()
        self._data = editing.copy_data(data)
        self._path = path
        self._dirty = False
        self._revision = 0
        self._validated: tuple[int, Incident | None, list[Problem], HeldBack] | None = None

    @property
    def path(self) -> Path | None:
        return self._path

    @property
    def dirty(self) -> bool:
        return self._dirty

    @property
    def revision(self) -> int:
        """Grows with every change: lets views skip work for facts they already showed."""
        return self._revision

    def data(self) -> IncidentData:
        return editing.copy_data(self._data)

    def value(self, path: str, default: Any = None) -> Any:
        return editing.get_value(self._data, path, default)

    def set_value(self, path: str, value: Any) -> None:
        if editing.get_value(self._data, path, object()) == value:
            return
        editing.set_value(self._data, path, value)
        self._touch()
        self.changed.emit(path)

    def replace(self, data: IncidentData, path: Path | None, *, dirty: bool = False) -> None:
        self._data = editing.copy_data(data)
        self._path = path
        self._revision += 1
        self._validated = None
        self._dirty = dirty
        self.reset.emit()
        self.changed.emit("")
        self.state_changed.emit()

    def mark_saved(self, path: Path) -> None:
        self._path = path
        self._dirty = False
        self.state_changed.emit()

    def validated(self) -> tuple[Incident | None, list[Problem]]:
        """The facts as an :class:`Incident` without the rows still being filled in, with
        those rows' errors; or no incident and every problem. Computed once per change."""
        _revision, incident, problems, _held = self._validation()
        return incident, problems

    def held_back(self) -> HeldBack:
        """The rows :meth:`validated` left out of the incident (a site not named yet)."""
        return self._validation()[3]

    def _validation(self) -> tuple[int, Incident | None, list[Problem], HeldBack]:
        if self._validated is None or self._validated[0] != self._revision:
            source = self._path.name if self._path else "incident"
            incident, problems, held = editing.validate_edited(self._data, source=source)
            self._validated = (self._revision, incident, problems, held)
        return self._validated

    def _touch(self) -> None:
        self._revision += 1
        was_dirty = self._dirty
        self._dirty = True
        if not was_dirty:
            self.state_changed.emit()
