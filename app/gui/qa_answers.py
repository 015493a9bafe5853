"""The answers the Q&A draft gives from the facts, for the Q&A step to start the lead's
own answer from (:mod:`app.drafts.qa_rows` reads them from the draft's table).

The drafts are read as :class:`~app.gui.document_drafts.DocumentDrafts` reads them: in
the background, only while the Q&A step asks.
"""

from __future__ import annotations

from collections.abc import Callable

from app.drafts.blocks import Draft
from app.drafts.qa_rows import QaRow, qa_rows, row_of
from app.facts import qa_editing as qa
from app.facts.qa_editing import QA_PATH, QaPart
from app.facts.qa_questions import qa_question
from app.facts.vocabulary import LANGUAGES, Language, QaQuestion
from app.gui.document_drafts import DocumentDrafts
from app.gui.incident_model import IncidentModel
from app.gui.session_feed import SessionFeed
from app.templates.documents import DocumentKind
from app.templates.metadata import TemplateSet


class DraftedAnswers(DocumentDrafts):
    """The Q&A drafts' rows. Signals: ``changed()`` when the answers read changed."""

    def __init__(
        self,
        model: IncidentModel,
        sessions: SessionFeed,
        template_set: Callable[[], TemplateSet],
    ) -> None:
        super().__init__(model, sessions, template_set, DocumentKind.QA)
        self._rows: dict[Language, list[QaRow]] = {}

    def read(self, drafts: dict[Language, Draft]) -> bool:
        rows = {language: qa_rows(draft) for language, draft in drafts.items()}
        if rows == self._rows:
            return False
        self._rows = rows
        return True

    def available(self) -> bool:
        """Whether a Q&A draft has been read (its answers can be shown)."""
        return any(self._rows.values())

    def asked(self, key: QaQuestion) -> bool | None:
        """Whether the draft asks the built-in question ``key`` (a template leaves out a
        question the facts do not call for); ``None`` before a draft is read."""
        if not self.available():
            return None
        return any(
            row_of(self._rows.get(language, []), qa_question(key, language)) is not None
            for language in LANGUAGES
        )

    def generated(self, index: int, part: QaPart) -> dict[str, str] | None:
        """The draft's text of ``part`` of the built-in question at ``index`` of
        ``drafting.qa``, per language; ``None`` for a question of the lead's own, a
        question's words, or no draft read yet."""
        if part == "question" or not self.available():
            return None
        entries = qa.qa_entries(self.model.value(QA_PATH))
        if not 0 <= index < len(entries):
            return None
        key = qa.built_in(entries[index])
        if key is None:
            return None
        texts: dict[str, str] = {}
        for language in LANGUAGES:
            row = row_of(self._rows.get(language, []), qa_question(key, language))
            texts[language] = "" if row is None else getattr(row, part)
        return texts
