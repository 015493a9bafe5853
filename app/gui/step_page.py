"""One step of the wizard: a form of bound fields that knows which field paths it owns,
so problems can be shown on it and a click on a problem can bring the user to the field."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.errors import Problem
from app.gui.accessibility import keyboard_ready, name_fields, rows_rebuilt
from app.gui.fields import BoundField, explain
from app.gui.incident_model import IncidentModel
from app.gui.rows import RowsEditor
from app.gui.texts import Gettext, TextRegistry
from app.templates.documents import DocumentKind

if TYPE_CHECKING:
    from app.facts.models import Incident

FieldWidget = TypeVar("FieldWidget", bound=QWidget)


class StepPage(QScrollArea):
    """One step: a title, an introduction and a form, scrollable for small screens.

    ``document``: the one document the step writes for (the Q&A's step), which the
    preview shows while the step is on screen; ``None`` for a step of facts."""

    document: DocumentKind | None = None

    def __init__(self, model: IncidentModel, title: str, intro: str, owns: tuple[str, ...]) -> None:
        super().__init__()
        self.model = model
        self.title = title
        self.owns = owns
        self.texts = TextRegistry()
        self.fields: list[BoundField] = []
        self.rows: list[RowsEditor] = []
        # A viewport of a type Python knows: asking Qt for its own (a private class)
        # makes PySide build every widget class it has, with their enums, before the
        # window's first paint (see app.gui).
        self.setViewport(QWidget())
        self.setWidgetResizable(True)
        body = QWidget()
        self._layout = QVBoxLayout(body)
        heading = QLabel()
        heading.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.texts.add(heading.setText, title)
        introduction = QLabel()
        introduction.setWordWrap(True)
        self.texts.add(introduction.setText, intro)
        self._layout.addWidget(heading)
        self._layout.addWidget(introduction)
        self.setWidget(body)
        self.texts.add(self.setAccessibleName, title)  # Tab stops at the page: its title
        self._gettext: Gettext = lambda message: message
        self._form: QFormLayout | None = None
        self._forms: list[QFormLayout] = []

    def group(self, title: str) -> None:
        """Start a titled group of fields."""
        box = QGroupBox()
        self.texts.add(box.setTitle, title)
        self._form = QFormLayout(box)
        self._form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._forms.append(self._form)
        self._layout.addWidget(box)

    def row(self, label: str, field: FieldWidget) -> FieldWidget:
        assert self._form is not None, "call group() first"
        caption = QLabel()
        self.texts.add(partial(_set_caption, caption), label)
        caption.setBuddy(field)
        self._form.addRow(caption, field)
        if isinstance(field, BoundField):
            self.fields.append(field)
        if isinstance(field, RowsEditor):
            self.rows.append(field)
            field.rebuilt.connect(partial(self._rows_rebuilt, field))
            explain(field, field.path, self.texts)  # a bound field explains itself
        return field

    def finish(self, *, keyboard: bool = True) -> None:
        """The form is whole; ``keyboard=False`` leaves its Tab order and captions'
        letters to :meth:`make_keyboard_ready` (the first step, made before the window's
        first paint: reading the widgets' focus policies loads Qt's whole namespace of
        enums, about a tenth of the start)."""
        self._layout.addStretch(1)
        if keyboard:
            self.make_keyboard_ready()

    def make_keyboard_ready(self) -> None:
        """Tab goes as the form reads, captions lead to their fields."""
        body = self.widget()
        if body is not None:
            keyboard_ready(body)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._fit_forms()

    def _fit_forms(self) -> None:
        """Captions beside their fields where the fields keep a comfortable width, above
        them where they would not (a 1280 x 720 laptop): a form never scrolls sideways
        and a field is never squeezed to a few words per line."""
        width = self.viewport().width()
        changed = False
        for form in self._forms:
            captions = [
                item.widget()
                for row in range(form.rowCount())
                if (item := form.itemAt(row, QFormLayout.ItemRole.LabelRole)) is not None
            ]
            caption_width = max((c.sizeHint().width() for c in captions if c), default=0)
            beside = width - FORM_MARGINS - caption_width >= COMFORTABLE_FIELD_WIDTH
            policy = (
                QFormLayout.RowWrapPolicy.DontWrapRows
                if beside
                else QFormLayout.RowWrapPolicy.WrapAllRows
            )
            if form.rowWrapPolicy() != policy:
                form.setRowWrapPolicy(policy)
                changed = True
        if changed:  # heights depend on widths that just changed: measure them again
            for widget in self.findChildren(QWidget):
                widget.updateGeometry()  # a wrapped hint's height was cached for its old width
            self._layout.invalidate()

    def needed(self, incident: Incident | None) -> bool:
        """Whether the incident needs this step (a step of one document's texts only
        when the incident has that document); ``incident`` is ``None`` while the facts
        cannot be read."""
        return True

    def owns_field(self, path: str) -> bool:
        return any(
            path == prefix or path.startswith((prefix + ".", prefix + "[")) for prefix in self.owns
        )

    def problems(self, all_problems: list[Problem]) -> list[Problem]:
        return [p for p in all_problems if p.field is not None and self.owns_field(p.field)]

    def focus_field(self, path: str) -> bool:
        """Focus the editor of ``path`` (the closest one that holds it); True if found."""
        for rows in self.rows:
            if path.startswith(rows.path):
                field = rows.field_for(path)
                if field is not None:
                    field.focus_field(path)
                else:
                    rows.add_button.setFocus()
                self.ensureWidgetVisible(field or rows)
                return True
        candidates = [
            field
            for field in self.fields
            if path == field.path
            or path.startswith((field.path + ".", field.path + "["))
            or field.path.startswith(path + ".")
        ]
        if not candidates:
            return False
        best = max(
            candidates, key=lambda field: len(field.path) if path.startswith(field.path) else 0
        )
        best.focus_field(path)
        self.ensureWidgetVisible(best)
        return True

    def retranslate(self, gettext: Gettext, *, names: bool = True) -> None:
        """The page's text in ``gettext``'s language; ``names``: also what a screen reader
        says of each field (left for later at the window's first paint)."""
        self.texts.apply(gettext)
        for rows in self.rows:
            rows.set_gettext(gettext)
        self._gettext = gettext
        if names:
            name_fields(self, gettext)  # what a screen reader says, in this language

    def _rows_rebuilt(self, rows: RowsEditor) -> None:
        rows_rebuilt(rows, self._gettext)


WRAP_CAPTIONS_OVER = 28  # characters
COMFORTABLE_FIELD_WIDTH = 430  # pixels: two languages side by side, a dozen words each
FORM_MARGINS = 60  # the page's and the group box's margins, and the vertical scroll bar


def _set_caption(caption: QLabel, text: str) -> None:
    """A short caption stays on one line: a form row gives a wrapped caption only the
    height of its field, so a wrapped caption beside a line edit would be cut."""
    caption.setWordWrap(len(text) > WRAP_CAPTIONS_OVER)
    caption.setText(text)
