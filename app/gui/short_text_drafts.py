"""The short texts the ``social`` draft prints, for the short-texts step to show beside
their counters and to start the lead's own wording from (:mod:`app.drafts.short_texts`
finds each text under its heading, as sent, with its length).

The drafts are the window's session's: asked for in the background like the preview's
(:meth:`app.gui.session_feed.SessionFeed.prepare`), on a channel of their own, and only
while the step wants them (:meth:`DraftedShortTexts.request`), so typing elsewhere
costs nothing more.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from app.drafts.short_texts import DraftedShortText, short_texts_of
from app.errors import CrisisDraftError
from app.facts.models import LANGUAGES, Language, ShortText
from app.gui.incident_model import IncidentModel
from app.gui.session_feed import SessionFeed
from app.session.selection import Selection
from app.templates.documents import DocumentKind
from app.templates.metadata import TemplateSet

SHORT_TEXTS_CHANNEL = "short texts"

#: Each short text of a draft, per language, as the draft sends it.
Drafted = dict[ShortText, dict[Language, DraftedShortText]]


class DraftedShortTexts(QObject):
    """Signals: ``changed()`` when the texts read from the drafts changed."""

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
        self._texts: Drafted = {}
        self._read_for: tuple[int, TemplateSet] | None = None
        sessions.background.finished.connect(self._finished)

    def request(self) -> None:
        """Read the short texts of the drafts of the facts as they stand, rendering them
        in the background if need be (``changed`` follows when they differ)."""
        template_set = self.template_set()
        if self._read_for == (self.model.revision, template_set):
            return
        session = self.sessions.current()
        if session is None:
            return  # the facts cannot be read: keep the texts of the last facts that could
        selection = Selection(LANGUAGES, (DocumentKind.SOCIAL,), template_set)
        try:
            if not self.sessions.prepare(
                SHORT_TEXTS_CHANNEL, session, selection, mark_missing=True
            ):
                return  # read when the background is done (_finished)
        except CrisisDraftError:
            return
        texts: Drafted = {}
        for language in LANGUAGES:
            try:
                draft = session.draft(
                    DocumentKind.SOCIAL, language, template_set, mark_missing=True
                )
            except CrisisDraftError:
                continue  # no usable template: the preview says why; no texts to offer
            for text in short_texts_of(draft):
                texts.setdefault(text.spec.key, {})[language] = text
        self._read_for = (self.model.revision, template_set)
        if texts != self._texts:
            self._texts = texts
            self.changed.emit()

    def current(self) -> bool:
        """Whether the texts read are those of the facts as they stand."""
        return self._read_for is not None and self._read_for[0] == self.model.revision

    def drafted(self, key: ShortText, language: Language) -> DraftedShortText | None:
        """The text ``key`` as the ``language`` draft last read sends it, or ``None``
        (no draft read yet, or a template that leaves the text out)."""
        return self._texts.get(key, {}).get(language)

    def _finished(self, channel: str) -> None:
        if channel == SHORT_TEXTS_CHANNEL:
            self.request()


__all__ = ["SHORT_TEXTS_CHANNEL", "DraftedShortTexts"]
