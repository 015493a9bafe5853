"""Editors bound to one field of the incident (by field path): they write every edit to
the :class:`IncidentModel` and show the model's value when it changes elsewhere."""

from __future__ import annotations

from datetime import date, datetime
from functools import partial
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.gui.choices import Choice
from app.gui.incident_model import IncidentModel
from app.gui.texts import N_, TextRegistry


class BoundField(QWidget):
    """Base of every bound editor: knows its path, refreshes on model changes."""

    def __init__(self, model: IncidentModel, path: str, texts: TextRegistry) -> None:
        super().__init__()
        self.model = model
        self.path = path
        self.texts = texts
        model.changed.connect(self._on_model_changed)

    def _on_model_changed(self, path: str) -> None:
        if path == "" or path == self.path or path.startswith(self.path + "."):
            self.refresh()

    def refresh(self) -> None:
        raise NotImplementedError

    def _hold(self, editor: QWidget) -> None:
        """Make ``editor`` this field's only widget, taking the keyboard focus for it."""
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(editor)
        self.setFocusProxy(editor)

    def focus_field(self, path: str) -> None:
        """Put the keyboard focus on the part of this editor that holds ``path``."""
        self.setFocus()


class LineField(BoundField):
    def __init__(
        self,
        model: IncidentModel,
        path: str,
        texts: TextRegistry,
        *,
        accessible_name: str,
        optional: bool = False,
    ) -> None:
        super().__init__(model, path, texts)
        self.optional = optional
        self.edit = QLineEdit()
        texts.add(self.edit.setAccessibleName, accessible_name)
        self._hold(self.edit)
        self.edit.textEdited.connect(self._edited)
        self.refresh()

    def _edited(self, text: str) -> None:
        self.model.set_value(self.path, text if text or not self.optional else None)

    def refresh(self) -> None:
        value = self.model.value(self.path) or ""
        if self.edit.text() != value:
            self.edit.setText(str(value))


class BilingualField(BoundField):
    """An English and a French text side by side; an empty language is marked missing.

    With ``optional``, clearing both languages removes the text from the facts."""

    def __init__(
        self,
        model: IncidentModel,
        path: str,
        texts: TextRegistry,
        *,
        accessible_name: str,
        multiline: bool = True,
        optional: bool = False,
    ) -> None:
        super().__init__(model, path, texts)
        self.optional = optional
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.editors: dict[str, QPlainTextEdit | QLineEdit] = {}
        self.missing: dict[str, QLabel] = {}
        for column, (language, heading) in enumerate((("en", N_("English")), ("fr", N_("French")))):
            label = QLabel()
            texts.add(label.setText, heading)
            missing = QLabel()
            missing.setStyleSheet("color: #b01e1e; font-weight: bold;")
            texts.add(missing.setText, N_("missing"))
            header = QHBoxLayout()
            header.addWidget(label)
            header.addStretch(1)
            header.addWidget(missing)
            editor: QPlainTextEdit | QLineEdit
            if multiline:
                editor = QPlainTextEdit()
                editor.setTabChangesFocus(True)
                editor.setMinimumHeight(54)
                editor.textChanged.connect(lambda lang=language: self._edited(lang))
            else:
                editor = QLineEdit()
                editor.textEdited.connect(lambda _text, lang=language: self._edited(lang))
            texts.add(partial(_name_with_language, editor, heading), accessible_name)
            layout.addLayout(header, 0, column)
            layout.addWidget(editor, 1, column)
            self.editors[language] = editor
            self.missing[language] = missing
        self.setFocusProxy(self.editors["en"])
        self._refreshing = False
        self.refresh()

    def _text(self, language: str) -> str:
        editor = self.editors[language]
        return editor.toPlainText() if isinstance(editor, QPlainTextEdit) else editor.text()

    def _edited(self, language: str) -> None:
        if self._refreshing:
            return
        current = self.model.value(self.path)
        value = dict(current) if isinstance(current, dict) else {}
        value[language] = self._text(language)
        if self.optional and not value.get("en") and not value.get("fr"):
            self.model.set_value(self.path, None)
        else:
            value.setdefault("en", "")
            value.setdefault("fr", "")
            self.model.set_value(self.path, value)
        self._mark_missing()

    def refresh(self) -> None:
        value = self.model.value(self.path) or {}
        self._refreshing = True
        try:
            for language, editor in self.editors.items():
                text = value.get(language) or ""
                if self._text(language) != text:
                    if isinstance(editor, QPlainTextEdit):
                        editor.setPlainText(text)
                    else:
                        editor.setText(text)
        finally:
            self._refreshing = False
        self._mark_missing()

    def _mark_missing(self) -> None:
        value = self.model.value(self.path) or {}
        present = {lang: bool((value.get(lang) or "").strip()) for lang in self.editors}
        for language, label in self.missing.items():
            absent = not present[language] and (not self.optional or any(present.values()))
            label.setVisible(absent)

    def focus_field(self, path: str) -> None:
        self.editors["fr" if path.endswith(".fr") else "en"].setFocus()


class ChoiceField(BoundField):
    """Radio buttons, each with its plain-language meaning beside it."""

    def __init__(
        self, model: IncidentModel, path: str, texts: TextRegistry, choices: list[Choice]
    ) -> None:
        super().__init__(model, path, texts)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for row, (key, label, meaning) in enumerate(choices):
            button = QRadioButton()
            texts.add(button.setText, label)
            explanation = QLabel()
            explanation.setWordWrap(True)
            explanation.setStyleSheet("color: palette(mid);")
            texts.add(explanation.setText, meaning)
            texts.add(button.setToolTip, meaning)
            self.group.addButton(button)
            self.buttons[key] = button
            button.toggled.connect(partial(self._chosen, key))
            layout.addWidget(button, row, 0)
            layout.addWidget(explanation, row, 1)
        layout.setColumnStretch(1, 1)
        self.setFocusProxy(next(iter(self.buttons.values())))
        self.refresh()

    def _chosen(self, key: str, on: bool) -> None:
        if on:
            self.model.set_value(self.path, key)

    def refresh(self) -> None:
        button = self.buttons.get(self.model.value(self.path))
        if button is not None and not button.isChecked():
            button.setChecked(True)


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
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for index, (key, label) in enumerate(options):
            box = QCheckBox()
            texts.add(box.setText, label)
            box.toggled.connect(self._edited)
            self.boxes[key] = box
            layout.addWidget(box, index // columns, index % columns)
        self.setFocusProxy(next(iter(self.boxes.values())))
        self.refresh()

    def _edited(self) -> None:
        chosen = [key for key, box in self.boxes.items() if box.isChecked()]
        self.model.set_value(self.path, chosen)

    def refresh(self) -> None:
        chosen = set(self.model.value(self.path) or [])
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


class ListTextField(BoundField):
    """A list of names typed on one line, separated by commas (e.g. regulators)."""

    def __init__(
        self, model: IncidentModel, path: str, texts: TextRegistry, *, accessible_name: str
    ) -> None:
        super().__init__(model, path, texts)
        self.edit = QLineEdit()
        texts.add(self.edit.setAccessibleName, accessible_name)
        self._hold(self.edit)
        self.edit.textEdited.connect(self._edited)
        self.refresh()

    def _edited(self, text: str) -> None:
        names = [name.strip() for name in text.split(",") if name.strip()]
        self.model.set_value(self.path, names)

    def refresh(self) -> None:
        names = self.model.value(self.path) or []
        current = [name.strip() for name in self.edit.text().split(",") if name.strip()]
        if current != names:
            self.edit.setText(", ".join(names))


def _name_with_language(editor: QWidget, language_name: str, name: str) -> None:
    editor.setAccessibleName(f"{name} ({language_name})")


def _zone(model: IncidentModel) -> ZoneInfo:
    try:
        return ZoneInfo(model.value("organisation.timezone") or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


class DateTimeField(BoundField):
    """A date and time in the organisation's time zone, stored as ISO 8601 with offset.

    With ``optional``, a check box says whether there is a time at all."""

    def __init__(
        self,
        model: IncidentModel,
        path: str,
        texts: TextRegistry,
        *,
        accessible_name: str,
        optional_label: str | None = None,
    ) -> None:
        super().__init__(model, path, texts)
        self.edit = QDateTimeEdit()
        self.edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.edit.setCalendarPopup(True)
        texts.add(self.edit.setAccessibleName, accessible_name)
        self.enabled: QCheckBox | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if optional_label is not None:
            self.enabled = QCheckBox()
            texts.add(self.enabled.setText, optional_label)
            self.enabled.toggled.connect(self._edited)
            layout.addWidget(self.enabled)
        layout.addWidget(self.edit)
        self.zone_label = QLabel()
        layout.addWidget(self.zone_label)
        layout.addStretch(1)
        self.setFocusProxy(self.edit)
        self.edit.dateTimeChanged.connect(self._edited)
        model.changed.connect(self._zone_changed)
        self._refreshing = False
        self.refresh()

    def _zone_changed(self, path: str) -> None:
        if path == "organisation.timezone":
            self._edited()

    def _edited(self) -> None:
        if self._refreshing:
            return
        if self.enabled is not None and not self.enabled.isChecked():
            self.edit.setEnabled(False)
            self.model.set_value(self.path, None)
            return
        self.edit.setEnabled(True)
        shown = self.edit.dateTime()
        moment = datetime(
            shown.date().year(),
            shown.date().month(),
            shown.date().day(),
            shown.time().hour(),
            shown.time().minute(),
            tzinfo=_zone(self.model),
        )
        self.model.set_value(self.path, moment.isoformat())

    def refresh(self) -> None:
        self._refreshing = True
        try:
            zone = _zone(self.model)
            self.zone_label.setText(zone.key)
            value = self.model.value(self.path)
            if self.enabled is not None:
                self.enabled.setChecked(value is not None)
                self.edit.setEnabled(value is not None)
            if value:
                try:
                    local = datetime.fromisoformat(value).astimezone(zone)
                except (TypeError, ValueError):
                    return
                self.edit.setDateTime(
                    QDateTime(
                        QDate(local.year, local.month, local.day), QTime(local.hour, local.minute)
                    )
                )
        finally:
            self._refreshing = False


class DateField(BoundField):
    """An optional date (``YYYY-MM-DD``), with a check box for "a date is given"."""

    def __init__(self, model: IncidentModel, path: str, texts: TextRegistry, *, label: str) -> None:
        super().__init__(model, path, texts)
        self.enabled = QCheckBox()
        texts.add(self.enabled.setText, label)
        self.edit = QDateEdit()
        self.edit.setDisplayFormat("yyyy-MM-dd")
        self.edit.setCalendarPopup(True)
        texts.add(self.edit.setAccessibleName, label)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.enabled)
        layout.addWidget(self.edit)
        layout.addStretch(1)
        self.setFocusProxy(self.enabled)
        self._refreshing = False
        self.enabled.toggled.connect(self._edited)
        self.edit.dateChanged.connect(self._edited)
        self.refresh()

    def _edited(self) -> None:
        if self._refreshing:
            return
        self.edit.setEnabled(self.enabled.isChecked())
        if not self.enabled.isChecked():
            self.model.set_value(self.path, None)
            return
        chosen = self.edit.date()
        self.model.set_value(
            self.path, date(chosen.year(), chosen.month(), chosen.day()).isoformat()
        )

    def refresh(self) -> None:
        self._refreshing = True
        try:
            value: Any = self.model.value(self.path)
            self.enabled.setChecked(bool(value))
            self.edit.setEnabled(bool(value))
            if value:
                try:
                    day = date.fromisoformat(value)
                except ValueError:
                    return
                self.edit.setDate(QDate(day.year, day.month, day.day))
            else:
                self.edit.setDate(QDate.currentDate())
        finally:
            self._refreshing = False


def stacked(*widgets: QWidget) -> QWidget:
    """Widgets one above the other, without margins."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget)
    return box


__all__ = [
    "BilingualField",
    "BoundField",
    "CheckField",
    "ChoiceField",
    "ComboField",
    "DateField",
    "DateTimeField",
    "LineField",
    "ListTextField",
    "MultiChoiceField",
    "stacked",
]
