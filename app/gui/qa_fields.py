"""The editors of the question chosen in the Q&A step: its words, its answer and its
"if pressed" line, each in English and French side by side (a built-in question's words
are shown, not edited: :class:`BuiltInQuestion`).

They edit the question the step has chosen (:meth:`QaTextField.show_question` moves
them to another), and they write through the step (``write``), which keeps
``drafting.qa`` whole: a first edit turns "every built-in question" into a list.
A built-in question's answer not written by the lead shows the answer the drafts give
from the facts (``generated``); typing starts from it, so the lead edits that answer
rather than writing one from nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QPlainTextEdit, QWidget

from app.facts.qa_editing import QA_PATH, QaPart
from app.facts.qa_questions import qa_question
from app.facts.vocabulary import LANGUAGES, Language, QaQuestion
from app.gui.fields import BilingualField
from app.gui.incident_model import IncidentModel
from app.gui.texts import TextRegistry
from app.gui.wrapping_label import WrappingLabel

Texts = dict[str, str]
#: The step's part of the job: the texts the drafts give for the question shown (or
#: ``None``) and how a text typed is written into ``drafting.qa``.
Generated = Callable[[int, QaPart], Texts | None]
Write = Callable[[int, QaPart, Texts | None], None]


class QaTextField(BilingualField):
    """One part (question, answer, "if pressed") of the question at ``index``.

    ``from_facts``: whether the boxes show the drafts' own text (nothing of the lead's
    written for this part), so the step can say so beside them."""

    def __init__(
        self,
        model: IncidentModel,
        part: QaPart,
        texts: TextRegistry,
        *,
        accessible_name: str,
        generated: Generated,
        write: Write,
        optional: bool,
    ) -> None:
        self.part = part
        self.index = 0
        self._generated = generated
        self._write = write
        self.from_facts = False
        self._given: Texts = {}  # the texts refresh put in the boxes
        self._shown: Texts = {}  # the same, as the boxes give them back
        super().__init__(
            model,
            f"{QA_PATH}[0].{part}",
            texts,
            accessible_name=accessible_name,
            optional=optional,
            short=True,
        )

    def show_question(self, index: int) -> None:
        """Edit the question at ``index`` from now on."""
        self.index = index
        self.path = f"{QA_PATH}[{index}].{self.part}"
        self.refresh()

    def _on_model_changed(self, path: str) -> None:
        """The step refreshes its editors (the list may have moved under them)."""

    def own(self) -> Texts | None:
        """The lead's texts of this part, ``None`` when not written (from the facts)."""
        value = self.model.value(self.path)
        if not isinstance(value, dict):
            return None
        return {language: str(value.get(language) or "") for language in LANGUAGES}

    def refresh(self) -> None:
        own = self.own()
        shown = own if own is not None else self._generated(self.index, self.part)
        self.from_facts = own is None and shown is not None
        self._refreshing = True
        try:
            for language, editor in self.editors.items():
                text = (shown or {}).get(language) or ""
                if text != self._given.get(language) or self._text(language) != self._shown.get(
                    language
                ):
                    if isinstance(editor, QPlainTextEdit):
                        editor.setPlainText(text)
                    else:
                        editor.setText(text)
                self._given[language] = text
                # as the box gives it back (a no-break space comes back a space)
                self._shown[language] = self._text(language)
        finally:
            self._refreshing = False
        self._mark_missing()

    def _edited(self, language: str) -> None:
        if self._refreshing or self.retired:
            return
        if self._text(language) == self._shown.get(language, ""):
            return  # a box redrawn (spelling marks), not an edit
        # The lead's answer starts from what the boxes show: the drafts' answer in the
        # other language too, not an empty box to fill again.
        value: Texts = {code: self._text(code) for code in LANGUAGES}
        self._given, self._shown = dict(value), dict(value)
        if self.optional and not any(text.strip() for text in value.values()):
            self._write(self.index, self.part, None)
        else:
            self._write(self.index, self.part, value)
        self._mark_missing()


class BuiltInQuestion(QWidget):
    """A built-in question's words in English and French, side by side as the editors
    below them (the lead does not reword a built-in question: add one instead)."""

    def __init__(self) -> None:
        super().__init__()
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.words: dict[Language, WrappingLabel] = {}
        for column, language in enumerate(LANGUAGES):
            label = WrappingLabel()
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setProperty("sampleLanguage", language)  # the document's words, not ours
            layout.addWidget(label, 0, column)
            layout.setColumnStretch(column, 1)
            self.words[language] = label

    def show_question(self, key: QaQuestion) -> None:
        for language, label in self.words.items():
            label.setText(qa_question(key, language))
        # measured again: a question on two lines needs its second line (the form
        # kept the height of the question shown before)
        layout = self.layout()
        if layout is not None:
            layout.invalidate()
        self.updateGeometry()
