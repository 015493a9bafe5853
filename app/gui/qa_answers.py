"""The answers the Q&A draft gives from the facts, for the Q&A step to start the lead's
own answer from (:mod:`app.drafts.qa_rows` reads them from the draft's table).

The drafts are the window's session's: asked for in the background like the preview's
(:meth:`app.gui.session_feed.SessionFeed.prepare`), on a channel of their own, and only
while the Q&A step wants them (:meth:`DraftedAnswers.request`), so typing elsewhere
costs nothing more.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from app.drafts.qa_rows import QaRow, qa_rows, row_of
from app.errors import CrisisDraftError
from app.facts import qa_editing as qa
from app.facts.models import LANGUAGES, Language, QaQuestion
from app.facts.qa_editing import QA_PATH, QaPart
from app.facts.qa_questions import qa_question
from app.gui.incident_model import IncidentModel
from app.gui.session_feed import SessionFeed
from app.session.selection import Selection
from app.templates.documents import DocumentKind
from app.templates.metadata import TemplateSet

QA_CHANNEL = "qa answers"


class DraftedAnswers(QObject):
    """Signals: ``changed()`` when the answers read from the drafts changed."""

    changed = Signal()

    def __init__(
        self,
        model: IncidentModel,
        sessions: SessionFeed,
        template_set: Callable[[], TemplateSet],
    ) -> None:
        super().__init__()
        self.model = model
        self.sessions = sessions
        self.template_set = template_set
        self._rows: dict[Language, list[QaRow]] = {}
        self._read_for: tuple[int, TemplateSet] | None = None
        sessions.background.finished.connect(self._finished)

    def available(self) -> bool:
        """Whether a Q&A draft has been read (its answers can be shown)."""
        return any(self._rows.values())

    def request(self) -> None:
        """Read the Q&A drafts of the facts as they stand, rendering them in the
        background if need be (``changed`` follows when they differ)."""
        template_set = self.template_set()
        if self._read_for == (self.model.revision, template_set):
            return
        session = self.sessions.current()
        if session is None:
            return  # the facts cannot be read: keep the answers of the last facts that could
        selection = Selection(LANGUAGES, (DocumentKind.QA,), template_set)
        try:
            if not self.sessions.prepare(QA_CHANNEL, session, selection, mark_missing=True):
                return  # read when the background is done (_finished)
        except CrisisDraftError:
            return
        rows: dict[Language, list[QaRow]] = {}
        for language in LANGUAGES:
            try:
                draft = session.draft(DocumentKind.QA, language, template_set, mark_missing=True)
            except CrisisDraftError:
                continue  # no usable template: the preview says why; no answers to offer
            rows[language] = qa_rows(draft)
        self._read_for = (self.model.revision, template_set)
        if rows != self._rows:
            self._rows = rows
            self.changed.emit()

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

    def _finished(self, channel: str) -> None:
        if channel == QA_CHANNEL:
            self.request()
