"""Editors that choose among fixed answers: radio buttons with their meanings, check
boxes, drop-down lists, and the toggle that makes an optional group of facts exist.

In format v3 a claim may be unknown (null). :class:`ChoiceField` with ``unknown`` adds
that answer as one more radio button, so "Not known yet" is a choice the user sees and
makes, the same way for every question: an incident kind, a yes/no question such as
"as a precaution", a recovery phase.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QRadioButton,
    QSizePolicy,
)

from app.gui.choices import Choice, ChoiceKey, Unknown
from app.gui.fields import BoundField
from app.gui.incident_model import IncidentModel
from app.gui.texts import N_, TextRegistry
from app.gui.theme import show_as_hint


class ChoiceField(BoundField):
    """Radio buttons, each with its plain-language meaning beside it.

    With ``unknown`` (a label and its meaning), a last button writes ``None``: the fact
    is not stated. A value the buttons do not show leaves every button unticked."""

    def __init__(
        self,
        model: IncidentModel,
        path: str,
        texts: TextRegistry,
        choices: list[Choice],
        *,
        unknown: Unknown | None = None,
    ) -> None:
        super().__init__(model, path, texts)
        self.group = QButtonGroup(self)
        self.buttons: dict[ChoiceKey | None, QRadioButton] = {}
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        answers: list[tuple[ChoiceKey | None, str, str]] = list(choices)
        if unknown is not None:
            answers.append((None, *unknown))
        for row, (key, label, meaning) in enumerate(answers):
            button = QRadioButton()
            texts.add(button.setText, label)
            explanation = QLabel()
            explanation.setWordWrap(True)
            show_as_hint(explanation)
            texts.add(explanation.setText, meaning)
            texts.add(button.setToolTip, meaning)
            self.group.addButton(button)
            self.buttons[key] = button
            button.toggled.connect(partial(self._chosen, key))
            layout.addWidget(button, row, 0)  # fills the column: its text starts at the left
            layout.addWidget(explanation, row, 1)
        layout.setColumnStretch(1, 1)
        self.setFocusProxy(next(iter(self.buttons.values())))
        self.refresh()

    @property
    def unknown_button(self) -> QRadioButton | None:
        """The "Not known yet" button, if this question has one."""
        return self.buttons.get(None)

    def _chosen(self, key: ChoiceKey | None, on: bool) -> None:
        if on:
            self.model.set_value(self.path, key)

    def refresh(self) -> None:
        value: Any = self.model.value(self.path)
        button = self.buttons.get(value) if isinstance(value, str | bool | None) else None
        if button is not None:
            if not button.isChecked():
                button.setChecked(True)
        else:
            checked = self.group.checkedButton()
            if checked is not None:  # an exclusive group cannot untick its last button
                self.group.setExclusive(False)
                checked.setChecked(False)
                self.group.setExclusive(True)
        # Tab (and a click on a problem) lands on the answer given, as in any group of
        # radio buttons; on the first answer while there is none.
        self.setFocusProxy(button or next(iter(self.buttons.values())))


class CheckField(BoundField):
    def __init__(self, model: IncidentModel, path: str, texts: TextRegistry, label: str) -> None:
        super().__init__(model, path, texts)
        self.box = QCheckBox()
        texts.add(self.box.setText, label)
        self._hold(self.box)
        self.box.toggled.connect(self._toggled)
        self.refresh()

    def _toggled(self, on: bool) -> None:
        self.model.set_value(self.path, on)

    def refresh(self) -> None:
        on = bool(self.model.value(self.path))
        if self.box.isChecked() != on:
            self.box.setChecked(on)


class OptionalGroup(CheckField):
    """Ticked: an optional group of facts exists (``empty()`` to fill in); unticked: it is
    ``None``. The fields of the group (``dependants``) can be edited only while ticked."""

    dependants: tuple[BoundField, ...] = ()

    def __init__(
        self,
        model: IncidentModel,
        path: str,
        texts: TextRegistry,
        empty: Any,
        label: str = N_("Yes"),
    ) -> None:
        super().__init__(model, path, texts, label)
        self.empty = empty

    def control(self, *fields: BoundField) -> None:
        self.dependants = (*self.dependants, *fields)
        self._enable()

    def _toggled(self, on: bool) -> None:
        if on and self.model.value(self.path) is None:
            self.model.set_value(self.path, self.empty())
        elif not on:
            self.model.set_value(self.path, None)
        self._enable()

    def refresh(self) -> None:
        super().refresh()
        self._enable()

    def _enable(self) -> None:
        for field in self.dependants:
            field.setEnabled(self.box.isChecked())


def empty_contact() -> dict[str, str]:
    return {"name": "", "email": "", "phone": ""}


class MultiChoiceField(BoundField):
    """Check boxes for a list of catalogue keys, kept in catalogue order."""

    def __init__(
        self,
        model: IncidentModel,
        path: str,
        texts: TextRegistry,
        options: list[tuple[str, str]],
        columns: int = 3,
    ) -> None:
        super().__init__(model, path, texts)
        self.boxes: dict[str, QCheckBox] = {}
        from PySide6.QtCore import Qt  # not a field of the first step (see app.gui)

        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for index, (key, label) in enumerate(options):
            box = QCheckBox()
            texts.add(box.setText, label)
            box.toggled.connect(self._edited)
            self.boxes[key] = box
            layout.addWidget(box, index // columns, index % columns, Qt.AlignmentFlag.AlignLeft)
        self.setFocusProxy(next(iter(self.boxes.values())))
        self.refresh()

    def _edited(self) -> None:
        chosen = [key for key, box in self.boxes.items() if box.isChecked()]
        self.model.set_value(self.path, chosen)

    def refresh(self) -> None:
        value = self.model.value(self.path)
        listed = value if isinstance(value, list) else []
        chosen = {key for key in listed if isinstance(key, str)}
        for key, box in self.boxes.items():
            if box.isChecked() != (key in chosen):
                box.blockSignals(True)
                box.setChecked(key in chosen)
                box.blockSignals(False)


class ComboField(BoundField):
    """A drop-down list of catalogue keys, shown by their labels."""

    def __init__(
        self,
        model: IncidentModel,
        path: str,
        texts: TextRegistry,
        options: list[tuple[str, str]],
        *,
        accessible_name: str,
    ) -> None:
        super().__init__(model, path, texts)
        self.combo = QComboBox()
        # its choice is always read in full, in either language: a name beside it gives way
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.combo.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        texts.add(self.combo.setAccessibleName, accessible_name)
        for index, (key, label) in enumerate(options):
            self.combo.addItem(label, key)
            texts.add(partial(self.combo.setItemText, index), label)
        self._hold(self.combo)
        self.combo.activated.connect(
            lambda index: self.model.set_value(self.path, self.combo.itemData(index))
        )
        self.refresh()

    def refresh(self) -> None:
        index = self.combo.findData(self.model.value(self.path))
        if index >= 0 and index != self.combo.currentIndex():
            self.combo.setCurrentIndex(index)


__all__ = [
    "CheckField",
    "ChoiceField",
    "ComboField",
    "MultiChoiceField",
    "OptionalGroup",
    "empty_contact",
]
