"""Editors for lists of facts (systems, sites, restart steps): one row per item,
each row made of bound fields, with Add and Remove buttons. Rows are rebuilt when the
list's length changes, so every row is always bound to its current index."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.facts.editing import empty_texts
from app.gui.choice_fields import ComboField
from app.gui.choices import (
    OWN_SYSTEM,
    SITE_KINDS,
    SITE_STATUSES,
    STEP_STATUSES,
    SYSTEM_STATUSES,
    SYSTEMS,
)
from app.gui.fields import BilingualField, BoundField, LineField
from app.gui.incident_model import IncidentModel
from app.gui.texts import N_, Gettext, TextRegistry

RowBuilder = Callable[[IncidentModel, str, TextRegistry], list[BoundField]]


class RowsEditor(QWidget):
    """A list at ``path``; ``build_row`` makes the fields of the item at ``path[i]``.

    Signals: ``rebuilt()`` after the rows are made again (one more or one fewer)."""

    rebuilt = Signal()

    def __init__(
        self,
        model: IncidentModel,
        path: str,
        texts: TextRegistry,
        build_row: RowBuilder,
        new_item: Callable[[], Any],
        add_label: str,
    ) -> None:
        super().__init__()
        self.model = model
        self.path = path
        self.build_row = build_row
        self.new_item = new_item
        self._gettext: Gettext = texts_identity
        self._row_texts = TextRegistry()
        self._row_fields: list[list[BoundField]] = []
        self._rows = QVBoxLayout()
        self._rows.setContentsMargins(0, 0, 0, 0)
        self.add_button = QPushButton()
        texts.add(self.add_button.setText, add_label)
        self.add_button.clicked.connect(self.add_item)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._rows)
        layout.addWidget(self.add_button)
        self._texts = texts
        model.changed.connect(self._on_changed)
        self._rebuild()

    def items(self) -> list[Any]:
        return list(self.model.value(self.path) or [])

    def add_item(self) -> None:
        self.model.set_value(self.path, [*self.items(), self.new_item()])
        if self._row_fields:
            self._row_fields[-1][0].setFocus()

    def remove_item(self, index: int) -> None:
        items = self.items()
        del items[index]
        self.model.set_value(self.path, items)

    def field_for(self, path: str) -> BoundField | None:
        """The editor that holds ``path`` most closely (a row's part before the row)."""
        found = [
            candidate
            for fields in self._row_fields
            for field in fields
            for candidate in (field, *field.findChildren(BoundField))
            if path == candidate.path or path.startswith(candidate.path + ".")
        ]
        return max(found, key=lambda field: len(field.path), default=None)

    def set_gettext(self, gettext: Gettext) -> None:
        self._gettext = gettext
        self._row_texts.apply(gettext)

    def _on_changed(self, path: str) -> None:
        if path in ("", self.path) and len(self.items()) != len(self._row_fields):
            self._rebuild()

    def _rebuild(self) -> None:
        while self._rows.count():
            item = self._rows.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                for field in widget.findChildren(BoundField):
                    field.retire()
                widget.hide()
                widget.deleteLater()
        self._row_texts = TextRegistry()
        self._row_fields = []
        for index in range(len(self.items())):
            row = QWidget()
            fields = self.build_row(self.model, f"{self.path}[{index}]", self._row_texts)
            self._lay_out_row(row, fields, index)
            self._rows.addWidget(row)
            self._row_fields.append(fields)
        self._row_texts.apply(self._gettext)
        self.rebuilt.emit()

    def _lay_out_row(self, row: QWidget, fields: list[BoundField], index: int) -> None:
        """The row's fields side by side, the remove button last; a part that needs the
        row's width (a system's own name) goes on a second line under the others, so a
        narrow window never scrolls sideways."""
        from PySide6.QtCore import Qt  # rows are made after the first paint (see app.gui)

        layout = QGridLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        top = Qt.AlignmentFlag.AlignTop
        for column, field in enumerate(fields):
            layout.addWidget(field, 0, column, top)
            grows = isinstance(field, BilingualField | SystemField | LineField)
            layout.setColumnStretch(column, 1 if grows else 0)
            below = getattr(field, "second_line", None)
            if isinstance(below, QWidget):
                layout.addWidget(below, 1, 0, 1, len(fields))
        from PySide6.QtWidgets import QStyle  # rows are made after the first paint

        remove = QToolButton()
        remove.setIcon(row.style().standardIcon(QStyle.StandardPixmap.SP_DialogDiscardButton))
        remove.setAutoRaise(True)
        self._row_texts.add(remove.setToolTip, N_("Remove this row"))
        self._row_texts.add(remove.setAccessibleName, N_("Remove this row"))
        remove.clicked.connect(lambda _checked=False, i=index: self.remove_item(i))
        layout.addWidget(remove, 0, len(fields), top)


def texts_identity(message: str) -> str:
    return message


def site_row(model: IncidentModel, path: str, texts: TextRegistry) -> list[BoundField]:
    return [
        LineField(model, f"{path}.name", texts, accessible_name=N_("Site name")),
        ComboField(model, f"{path}.kind", texts, SITE_KINDS, accessible_name=N_("Kind of site")),
        ComboField(
            model, f"{path}.status", texts, SITE_STATUSES, accessible_name=N_("Site status")
        ),
    ]


def step_row(model: IncidentModel, path: str, texts: TextRegistry) -> list[BoundField]:
    return [
        BilingualField(model, path, texts, accessible_name=N_("Restart step"), short=True),
        ComboField(
            model, f"{path}.status", texts, STEP_STATUSES, accessible_name=N_("Step status")
        ),
    ]


class SystemField(BoundField):
    """Which system one item of ``containment.systems`` is: a system of the catalogue,
    or the lead's own, named under the list in English and French (``name_field``)."""

    def __init__(self, model: IncidentModel, path: str, texts: TextRegistry) -> None:
        super().__init__(model, path, texts)
        self.combo = QComboBox()
        texts.add(self.combo.setAccessibleName, N_("System"))
        for index, (key, label) in enumerate([*SYSTEMS, ("", OWN_SYSTEM)]):
            self.combo.addItem(label, key)
            texts.add(partial(self.combo.setItemText, index), label)
        self.name_field = BilingualField(
            model, f"{path}.name", texts, accessible_name=N_("System name"), multiline=False
        )
        self.second_line = self.name_field  # laid out by the row, under the whole row
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo)
        self.setFocusProxy(self.combo)
        self.combo.activated.connect(self._chosen)
        self.refresh()

    def _chosen(self, index: int) -> None:
        key = self.combo.itemData(index)
        current = self.model.value(self.path)
        item: dict[str, Any] = dict(current) if isinstance(current, dict) else {}
        status = item.get("status") or NEW_SYSTEM_STATUS
        if key:
            self.model.set_value(self.path, {"key": key, "status": status})
        elif item.get("name") is None:
            self.model.set_value(self.path, {"name": empty_texts(), "status": status})
        self.refresh()

    def refresh(self) -> None:
        item = self.model.value(self.path)
        key = item.get("key") if isinstance(item, dict) else None
        own = not key
        index = self.combo.findData("" if own else key)
        if index >= 0 and index != self.combo.currentIndex():
            self.combo.setCurrentIndex(index)
        self.name_field.setVisible(own)


# A system added to the list is "unavailable": it says the least (not why, not by whom).
NEW_SYSTEM_STATUS = "unavailable"


def new_system(model: IncidentModel) -> dict[str, str]:
    """The next catalogue system not yet listed (the lead changes it in the row)."""
    listed = {item.get("key") for item in model.value("containment.systems") or []}
    key = next((key for key, _label in SYSTEMS if key not in listed), SYSTEMS[0][0])
    return {"key": key, "status": NEW_SYSTEM_STATUS}


def system_row(model: IncidentModel, path: str, texts: TextRegistry) -> list[BoundField]:
    return [
        SystemField(model, path, texts),
        ComboField(
            model, f"{path}.status", texts, SYSTEM_STATUSES, accessible_name=N_("System status")
        ),
    ]
