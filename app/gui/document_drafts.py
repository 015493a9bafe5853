"""One document's drafts in every language, read for a step that shows what the drafts
say (the Q&A's generated answers, the short texts as sent) beside the lead's editors.

The drafts are the window's session's: asked for in the background like the preview's
(:meth:`app.gui.session_feed.SessionFeed.prepare`), on a channel of their own, and only
while the step wants them (:meth:`DocumentDrafts.request`), so typing elsewhere costs
nothing more. A subclass says what it reads from the drafts (:meth:`DocumentDrafts.read`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from app.drafts.blocks import Draft
from app.errors import CrisisDraftError
from app.facts.vocabulary import LANGUAGES, Language
from app.gui.incident_model import IncidentModel
from app.gui.session_feed import SessionFeed
from app.session.selection import Selection
from app.templates.documents import DocumentKind
from app.templates.metadata import TemplateSet


class DocumentDrafts(QObject):
    """Signals: ``changed()`` when what was read from the drafts changed."""

    changed = Signal()

    def __init__(
        self,
        model: IncidentModel,
        sessions: SessionFeed,
        template_set: Callable[[], TemplateSet],
        document: DocumentKind,
    ) -> None:
        super().__init__()
        self.model = model
        self.sessions = sessions
        self.template_set = template_set
        self.document = document
        self.channel = f"{document.value} drafts"
        self._read_for: tuple[int, TemplateSet] | None = None
        sessions.background.finished.connect(self._finished)

    def read(self, drafts: dict[Language, Draft]) -> bool:
        """Keep what this reader needs of ``drafts`` (the languages whose template could
        render); return whether it differs from what was kept before."""
        raise NotImplementedError

    def request(self) -> None:
        """Read the drafts of the facts as they stand, rendering them in the background
        if need be (``changed`` follows when what is read differs)."""
        template_set = self.template_set()
        if self._read_for == (self.model.revision, template_set):
            return
        session = self.sessions.current()
        if session is None:
            return  # the facts cannot be read: keep what the last readable facts gave
        selection = Selection(LANGUAGES, (self.document,), template_set)
        try:
            if not self.sessions.prepare(self.channel, session, selection, mark_missing=True):
                return  # read when the background is done (_finished)
        except CrisisDraftError:
            return
        drafts: dict[Language, Draft] = {}
        for language in LANGUAGES:
            try:
                drafts[language] = session.draft(
                    self.document, language, template_set, mark_missing=True
                )
            except CrisisDraftError:
                continue  # no usable template: the preview says why; nothing to offer
        self._read_for = (self.model.revision, template_set)
        if self.read(drafts):
            self.changed.emit()

    def current(self) -> bool:
        """Whether what was read is of the facts as they stand."""
        return self._read_for is not None and self._read_for[0] == self.model.revision

    def _finished(self, channel: str) -> None:
        if channel == self.channel:
            self.request()
