"""Editors for lists of facts (sites, restart steps, other systems): one row per item,
each row made of bound fields, with Add and Remove buttons. Rows are rebuilt when the
list's length changes, so every row is always bound to its current index."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from app.gui.choices import SITE_KINDS, SITE_STATUSES, STEP_STATUSES
from app.gui.fields import BilingualField, BoundField, ComboField, LineField
from app.gui.incident_model import IncidentModel
from app.gui.texts import N_, Gettext, TextRegistry

RowBuilder = Callable[[IncidentModel, str, TextRegistry], list[BoundField]]


class RowsEditor(QWidget):
    """A list at ``path``; ``build_row`` makes the fields of the item at ``path[i]``."""

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
        for fields in self._row_fields:
            for field in fields:
                if path == field.path or path.startswith(field.path + "."):
                    return field
        return None

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
                    self.model.changed.disconnect(field._on_model_changed)
                widget.deleteLater()
        self._row_texts = TextRegistry()
        self._row_fields = []
        for index in range(len(self.items())):
            row = QWidget()
            layout = QHBoxLayout(row)
            layout.setContentsMargins(0, 0, 0, 0)
            fields = self.build_row(self.model, f"{self.path}[{index}]", self._row_texts)
            for field in fields:
                layout.addWidget(field, 1 if isinstance(field, BilingualField) else 0)
            remove = QPushButton()
            self._row_texts.add(remove.setText, N_("Remove"))
            self._row_texts.add(remove.setAccessibleName, N_("Remove this row"))
            remove.clicked.connect(lambda _checked=False, i=index: self.remove_item(i))
            layout.addWidget(remove)
            self._rows.addWidget(row)
            self._row_fields.append(fields)
        self._row_texts.apply(self._gettext)


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
        BilingualField(model, path, texts, accessible_name=N_("Restart step"), multiline=False),
        ComboField(
            model, f"{path}.status", texts, STEP_STATUSES, accessible_name=N_("Step status")
        ),
    ]


def other_system_row(model: IncidentModel, path: str, texts: TextRegistry) -> list[BoundField]:
    return [BilingualField(model, path, texts, accessible_name=N_("Other system"), multiline=False)]
