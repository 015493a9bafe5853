"""Editors bound to one field of the incident (by field path): they write every edit to
the :class:`IncidentModel` and show the model's value when it changes elsewhere."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.facts.languages import LANGUAGE_NAMES
from app.facts.vocabulary import LANGUAGES
from app.gui.incident_model import IncidentModel
from app.gui.texts import N_, TextRegistry
from app.gui.theme import show_as_alert
from app.interface_text.field_help import whats_this


class BoundField(QWidget):
    """Base of every bound editor: knows its path, refreshes on model changes."""

    def __init__(self, model: IncidentModel, path: str, texts: TextRegistry) -> None:
        super().__init__()
        self.model = model
        self.path = path
        self.texts = texts
        self.retired = False  # its row was removed: it waits to be deleted, edits nothing
        explain(self, path, texts)
        model.changed.connect(self._on_model_changed)

    def retire(self) -> None:
        """Its row is gone (the path may now name another row, or none): stop listening
        and ignore what its boxes still say, e.g. a text redrawn by the spelling marks."""
        self.retired = True
        self.model.changed.disconnect(self._on_model_changed)

    def _on_model_changed(self, path: str) -> None:
        inside = path.startswith(self.path + ".")
        around = self.path.startswith(path + ".")  # its group given or taken away
        if path == "" or path == self.path or inside or around:
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

    With ``optional``, clearing both languages removes the text from the facts; ``short``
    keeps a multiline text to a few lines' height."""

    def __init__(
        self,
        model: IncidentModel,
        path: str,
        texts: TextRegistry,
        *,
        accessible_name: str,
        multiline: bool = True,
        optional: bool = False,
        short: bool = False,
    ) -> None:
        super().__init__(model, path, texts)
        self.optional = optional
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.editors: dict[str, QPlainTextEdit | QLineEdit] = {}
        self.missing: dict[str, QLabel] = {}
        for column, (language, heading) in enumerate(LANGUAGE_NAMES.items()):
            label = QLabel()
            texts.add(label.setText, heading)
            missing = QLabel()
            bold = missing.font()
            bold.setBold(True)
            missing.setFont(bold)
            show_as_alert(missing)
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
                if short:  # a few lines are enough: keep the form compact
                    editor.setMaximumHeight(90)
                editor.textChanged.connect(lambda lang=language: self._edited(lang))
            else:
                editor = QLineEdit()
                editor.textEdited.connect(lambda _text, lang=language: self._edited(lang))
            texts.add(partial(_name_with_language, editor, heading), accessible_name)
            layout.addLayout(header, 0, column)
            layout.addWidget(editor, 1, column)
            self.editors[language] = editor
            self.missing[language] = missing
        self.setFocusProxy(self.editors[LANGUAGES[0]])
        self._refreshing = False
        self.refresh()

    def _text(self, language: str) -> str:
        editor = self.editors[language]
        return editor.toPlainText() if isinstance(editor, QPlainTextEdit) else editor.text()

    def _edited(self, language: str) -> None:
        if self._refreshing or self.retired:
            return
        current = self.model.value(self.path)
        value = dict(current) if isinstance(current, dict) else {}
        if (value.get(language) or "") == self._text(language):
            # not an edit: a box redrawn (spelling marks) fires textChanged too; writing
            # then would turn a text not given (a spokesperson not quoted) into an empty one
            return
        value[language] = self._text(language)
        if self.optional and not any(value.get(code) for code in LANGUAGES):
            self.model.set_value(self.path, None)
        else:
            for code in LANGUAGES:
                value.setdefault(code, "")
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
        given = self.model.value(self.path)
        value = given or {}
        present = {lang: bool((value.get(lang) or "").strip()) for lang in self.editors}
        # no text at all where one is needed: its group is not given (a spokesperson not
        # quoted), so nothing is missing from it
        asked = given is not None
        for language, label in self.missing.items():
            absent = not present[language] and (not self.optional or any(present.values()))
            label.setVisible(absent and asked)

    def focus_field(self, path: str) -> None:
        language = path.rsplit(".", 1)[-1]
        self.editors.get(language, self.editors[LANGUAGES[0]]).setFocus()


class ListTextField(BoundField):
    """A list of names typed on one line, separated by commas (e.g. regulators); the
    ``hint`` shows in the empty box (examples of names)."""

    def __init__(
        self,
        model: IncidentModel,
        path: str,
        texts: TextRegistry,
        *,
        accessible_name: str,
        hint: str | None = None,
    ) -> None:
        super().__init__(model, path, texts)
        self.edit = QLineEdit()
        texts.add(self.edit.setAccessibleName, accessible_name)
        if hint is not None:
            texts.add(self.edit.setPlaceholderText, hint)
            texts.add(self.edit.setToolTip, hint)
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


class NumberField(BoundField):
    """A whole number, or nothing: an empty box writes ``None`` (not known yet)."""

    def __init__(
        self,
        model: IncidentModel,
        path: str,
        texts: TextRegistry,
        *,
        accessible_name: str,
        placeholder: str,
    ) -> None:
        super().__init__(model, path, texts)
        self.edit = QLineEdit()
        self.edit.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,9}")))
        self.edit.setMaximumWidth(220)
        texts.add(self.edit.setAccessibleName, accessible_name)
        texts.add(self.edit.setPlaceholderText, placeholder)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addStretch(1)
        self.setFocusProxy(self.edit)
        self.edit.textEdited.connect(self._edited)
        self.refresh()

    def _edited(self, text: str) -> None:
        self.model.set_value(self.path, int(text) if text.isdigit() else None)

    def refresh(self) -> None:
        value = self.model.value(self.path)
        shown = str(value) if isinstance(value, int) and not isinstance(value, bool) else ""
        if self.edit.text() != shown:
            self.edit.setText(shown)


def explain(editor: QWidget, path: str, texts: TextRegistry) -> None:
    """Give ``editor`` the What's This text of the field at ``path``: what it does to the
    drafts. Its parts without a text of their own show it too (Qt asks the parents)."""
    text = whats_this(path)
    if text is not None:
        texts.add(editor.setWhatsThis, text)


def _name_with_language(editor: QWidget, language_name: str, name: str) -> None:
    editor.setAccessibleName(f"{name} ({language_name})")


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
    "LineField",
    "ListTextField",
    "NumberField",
    "explain",
    "stacked",
]
