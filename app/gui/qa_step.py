"""The Q&A step: this incident's reactive questions and answers, as the lead shapes them
without touching a template (``drafting.qa``, :mod:`app.facts.qa_editing`).

A list of the questions in the order the document asks them, with Add, Remove, Move up
and Move down (or drag a question), the built-in questions left out offered back below
it; under the list, the chosen question's words, answer and "if pressed" line in English
and French. A built-in question's answer shows what the drafts say from the facts until
the lead types over it; "Use the generated answer" goes back to the facts. Every change
is written into the facts at once, so the preview follows and autosave keeps it.

The step is shown only when the incident's documents include the Q&A (:meth:`needed`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.facts import qa_editing as qa
from app.facts.qa_editing import QA_PATH, Entry, QaPart
from app.facts.qa_questions import qa_question
from app.facts.vocabulary import LANGUAGES, Language, QaQuestion
from app.gui.accessibility import name_field
from app.gui.qa_answers import DraftedAnswers
from app.gui.qa_fields import BuiltInQuestion, QaTextField, Texts
from app.gui.step_outline import QA
from app.gui.step_page import StepPage
from app.gui.texts import N_, Gettext
from app.gui.theme import show_as_hint
from app.gui.wrapping_label import WrappingLabel
from app.templates.documents import DocumentKind, documents_of

if TYPE_CHECKING:
    from app.facts.models import Incident

ENTRY_ROLE = Qt.ItemDataRole.UserRole  # a list item's position in drafting.qa
_QUESTION_AT = re.compile(r"^drafting\.qa\[(\d+)\](?:\.(question|answer|if_pressed))?")


class QaStep(StepPage):
    """The questions of the Q&A and the chosen question's texts; reads the drafts'
    answers through ``answers`` (:class:`DraftedAnswers`)."""

    document = DocumentKind.QA

    def __init__(
        self,
        answers: DraftedAnswers,
        interface_language: Callable[[], str],
    ) -> None:
        model = answers.model
        super().__init__(
            model,
            QA.title,
            N_(
                "The spokesperson's reactive questions and answers, not for publication. "
                "Each built-in question is answered from the facts: change an answer, add "
                "the questions you expect, leave out those that do not apply."
            ),
            (QA_PATH,),
        )
        self.answers = answers
        self._interface_language = interface_language
        self._gettext_now: Gettext = lambda message: message
        self.selected = 0
        self._filling = False
        self._build_list()
        self._build_chosen()
        self.finish()
        model.changed.connect(self._facts_changed)
        answers.changed.connect(self._show_entries)  # a question asked or not, its answer
        self._show_entries()

    # ----- building
    def _build_list(self) -> None:
        t = self.texts
        self.group(N_("Questions in the document, in order"))
        self.questions = QListWidget()
        self.questions.setWordWrap(True)
        self.questions.setMinimumHeight(150)
        self.questions.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.questions.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.questions.setDefaultDropAction(Qt.DropAction.MoveAction)
        t.add(self.questions.setAccessibleName, N_("Questions in the document, in order"))
        self.questions.currentRowChanged.connect(self._row_chosen)
        self.questions.model().rowsMoved.connect(self._dragged)
        self.add_button = self._button(N_("Add a question"), self.add_question)
        self.remove_button = self._button(N_("Remove"), self.remove_question)
        self.up_button = self._button(N_("Move up"), lambda: self.move_question(-1))
        self.down_button = self._button(N_("Move down"), lambda: self.move_question(1))
        buttons = QVBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        box = QWidget()
        layout = QHBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.questions, 1)
        layout.addLayout(buttons)
        self._wide_row(box)
        self.left_out = QComboBox()
        self.left_out.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.left_out.setMinimumContentsLength(12)
        t.add(self.left_out.setAccessibleName, N_("Built-in questions left out"))
        self.bring_back_button = self._button(N_("Bring back"), self.bring_back)
        left_out = QWidget()
        row = QHBoxLayout(left_out)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.left_out, 1)
        row.addWidget(self.bring_back_button)
        self.left_out_row = self.row(N_("Left out"), left_out)

    def _build_chosen(self) -> None:
        self.group(N_("The question chosen"))
        box = self._forms[-1].parentWidget()
        assert isinstance(box, QGroupBox)
        self.chosen_box: QGroupBox = box
        self.built_in = BuiltInQuestion()
        self.built_in_row = self.row(N_("Question"), self.built_in)
        self.question_field = self._text_field("question", N_("Question"), optional=False)
        self.own_question_row = self.row(N_("Your question"), self.question_field)
        self.answer_field = self._text_field("answer", N_("Answer"), optional=False)
        self.row(N_("Answer"), self.answer_field)
        self.status = WrappingLabel()
        show_as_hint(self.status)
        self.generated_button = self._button(N_("Use the generated answer"), self.use_generated)
        status = QWidget()
        row = QHBoxLayout(status)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.status, 1)
        row.addWidget(self.generated_button, 0, Qt.AlignmentFlag.AlignTop)
        self._wide_row(status)
        self.pressed_field = self._text_field("if_pressed", N_("If pressed"), optional=True)
        self.row(N_("If pressed"), self.pressed_field)

    def _button(self, label: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton()
        self.texts.add(button.setText, label)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def _text_field(self, part: QaPart, name: str, *, optional: bool) -> QaTextField:
        field = QaTextField(
            self.model,
            part,
            self.texts,
            accessible_name=name,
            generated=self.answers.generated,
            write=self.write_text,
            optional=optional,
        )
        self.fields.append(field)
        return field

    def _wide_row(self, widget: QWidget) -> None:
        assert self._form is not None
        self._form.addRow(widget)

    # ----- what the facts hold
    def entries(self) -> list[Entry]:
        """The questions as the document asks them (every built-in one until changed)."""
        return qa.qa_entries(self.model.value(QA_PATH))

    def needed(self, incident: Incident | None) -> bool:
        return incident is not None and DocumentKind.QA in documents_of(incident)

    def _write(self, entries: list[Entry], selected: int | None = None) -> None:
        if selected is not None:
            self.selected = selected
        self.model.set_value(QA_PATH, entries)

    # ----- what the buttons do
    def add_question(self) -> None:
        """A question of the lead's own after the chosen one, its words to type first."""
        entries = self.entries()
        at = self.selected + 1 if entries else 0
        self._write(qa.with_own_question(entries, at), at)
        self.question_field.setFocus()

    def remove_question(self) -> None:
        entries = self.entries()
        if 0 <= self.selected < len(entries):
            self._write(qa.without(entries, self.selected), max(0, self.selected - 1))

    def move_question(self, offset: int) -> None:
        entries = self.entries()
        to = self.selected + offset
        if 0 <= self.selected < len(entries) and 0 <= to < len(entries):
            self._write(qa.moved(entries, self.selected, to), to)

    def bring_back(self) -> None:
        key = self.left_out.currentData()
        if key:
            entries, at = qa.brought_back(self.entries(), QaQuestion(key))
            self._write(entries, at)

    def use_generated(self) -> None:
        entries = self.entries()
        if 0 <= self.selected < len(entries):
            self._write(qa.from_the_facts(entries, self.selected))

    def write_text(self, index: int, part: QaPart, value: Texts | None) -> None:
        entries = self.entries()
        if not 0 <= index < len(entries):
            return
        if part == "question" and qa.built_in(entries[index]) is not None:
            return  # a built-in question's words are not the lead's to change
        self._write(qa.with_text(entries, index, part, value))

    def _dragged(self, *_args: object) -> None:
        """A question dragged to another place: the list's new order is the document's."""
        if self._filling:
            return
        order = [
            int(self.questions.item(row).data(ENTRY_ROLE)) for row in range(self.questions.count())
        ]
        current = self.questions.currentItem()
        moved_to = order.index(int(current.data(ENTRY_ROLE))) if current else self.selected
        self._write(qa.reordered(self.entries(), order), moved_to)

    def _row_chosen(self, row: int) -> None:
        if not self._filling and row >= 0:
            self.selected = row
            self._show_chosen()

    # ----- showing
    def _facts_changed(self, path: str) -> None:
        if path == "" or path.startswith("drafting"):
            self._show_entries()
        if self.isVisible():
            self.answers.request()  # any fact may change an answer

    def follow_drafts(self) -> None:
        """Read the drafts' answers again while the step shows (the set of templates the
        drafts are written with changed)."""
        if self.isVisible():
            self.answers.request()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self.answers.request()

    def _show_entries(self) -> None:
        """The list as the facts hold it, the chosen question kept (or its neighbour)."""
        entries = self.entries()
        self.selected = max(0, min(self.selected, len(entries) - 1))
        _ = self._gettext_now
        self._filling = True
        try:
            if self.questions.count() != len(entries):
                self.questions.clear()
                for _entry in entries:
                    self.questions.addItem(QListWidgetItem())
            for index, entry in enumerate(entries):
                item = self.questions.item(index)
                item.setText(f"{index + 1}. {self._question_text(entry)}")
                item.setData(ENTRY_ROLE, index)
                item.setToolTip(_(self._kind_of(entry)))
            if entries:
                self.questions.setCurrentRow(self.selected)
        finally:
            self._filling = False
        left_out = qa.dropped(entries)
        language = self._language()
        self.left_out.clear()
        for key in left_out:
            self.left_out.addItem(qa_question(key, language), key.value)
        self._form_of(self.left_out_row).setRowVisible(self.left_out_row, bool(left_out))
        self.remove_button.setEnabled(bool(entries))
        self.up_button.setEnabled(self.selected > 0)
        self.down_button.setEnabled(0 <= self.selected < len(entries) - 1)
        self._show_chosen()

    def _show_chosen(self) -> None:
        entries = self.entries()
        _ = self._gettext_now
        self.chosen_box.setEnabled(bool(entries))
        if not entries:
            self.status.setText(_(N_("No question yet: add one, or bring one back.")))
            return
        entry = entries[self.selected]
        key = qa.built_in(entry)
        form = self._form_of(self.built_in_row)
        form.setRowVisible(self.built_in_row, key is not None)
        form.setRowVisible(self.own_question_row, key is None)
        if key is not None:
            self.built_in.show_question(key)
        for field in (self.question_field, self.answer_field, self.pressed_field):
            field.optional = field is self.pressed_field and key is None
            field.show_question(self.selected)
            name_field(field, _)
        own_answer = qa.own_text(entry, "answer") or qa.own_text(entry, "if_pressed")
        self.generated_button.setVisible(key is not None)
        self.generated_button.setEnabled(key is not None and own_answer is not None)
        self.status.setText(_(self._status(key, own_answer is not None)))
        self.up_button.setEnabled(self.selected > 0)
        self.down_button.setEnabled(self.selected < len(entries) - 1)

    def _status(self, key: QaQuestion | None, own_answer: bool) -> str:
        if key is None:
            return N_("Your own question: write its answer in both languages.")
        if own_answer:
            return N_("Your own answer: it stays as you wrote it when the facts change.")
        asked = self.answers.asked(key)
        if asked is None:
            return N_("Answered from the facts; the answer shows here once the drafts are written.")
        if not asked:
            return N_(
                "Not in the draft: the facts do not call for this question. Write an answer "
                "to ask it all the same."
            )
        return N_("Answered from the facts, as the draft says it now. Type to change it.")

    def _question_text(self, entry: Entry) -> str:
        """A question as the list shows it, in the interface language."""
        key = qa.built_in(entry)
        language = self._language()
        _ = self._gettext_now
        if key is not None:
            text = qa_question(key, language)
            if qa.own_text(entry, "answer") is not None:
                return _(N_("{question} (your answer)")).format(question=text)
            if self.answers.asked(key) is False:
                return _(N_("{question} (not in the draft)")).format(question=text)
            return text
        words = qa.own_text(entry, "question") or {}
        other = next((words[code] for code in LANGUAGES if words.get(code, "").strip()), "")
        text = words.get(language, "").strip() or other.strip()
        return text or _(N_("New question"))

    @staticmethod
    def _kind_of(entry: Entry) -> str:
        if qa.built_in(entry) is None:
            return N_("Your own question")
        if qa.own_text(entry, "answer") is not None:
            return N_("Built-in question, with your answer")
        return N_("Built-in question, answered from the facts")

    def _language(self) -> Language:
        language = self._interface_language()
        return next((code for code in LANGUAGES if code == language), LANGUAGES[0])

    def _form_of(self, widget: QWidget) -> QFormLayout:
        parent = widget.parentWidget()
        form = parent.layout() if parent is not None else None
        assert isinstance(form, QFormLayout)
        return form

    # ----- the step's duties
    def focus_field(self, path: str) -> bool:
        found = _QUESTION_AT.match(path)
        if found is None:
            self.questions.setFocus()
            return self.owns_field(path)
        index, part = int(found.group(1)), found.group(2)
        if index < self.questions.count():
            self.questions.setCurrentRow(index)
        field = {
            "question": self.question_field,
            "if_pressed": self.pressed_field,
        }.get(part or "", self.answer_field)
        field.focus_field(path)
        self.ensureWidgetVisible(field)
        return True

    def retranslate(self, gettext: Gettext, *, names: bool = True) -> None:
        self._gettext_now = gettext
        super().retranslate(gettext, names=names)
        self._show_entries()


__all__ = ["QaStep"]
