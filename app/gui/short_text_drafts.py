"""The short texts the ``social`` draft prints, for the short-texts step to show beside
their counters and to start the lead's own wording from (:mod:`app.drafts.short_texts`
finds each text under its heading, as sent, with its length).

The drafts are read as :class:`~app.gui.document_drafts.DocumentDrafts` reads them: in
the background, only while the short-texts step asks.
"""

from __future__ import annotations

from collections.abc import Callable

from app.drafts.blocks import Draft
from app.drafts.short_texts import DraftedShortText, short_texts_of
from app.facts.vocabulary import Language, ShortText
from app.gui.document_drafts import DocumentDrafts
from app.gui.incident_model import IncidentModel
from app.gui.session_feed import SessionFeed
from app.templates.documents import DocumentKind
from app.templates.metadata import TemplateSet

#: Each short text of a draft, per language, as the draft sends it.
Drafted = dict[ShortText, dict[Language, DraftedShortText]]


class DraftedShortTexts(DocumentDrafts):
    """The social drafts' texts. Signals: ``changed()`` when the texts read changed."""

    def __init__(
        self,
        model: IncidentModel,
        sessions: SessionFeed,
        template_set: Callable[[], TemplateSet],
    ) -> None:
        super().__init__(model, sessions, template_set, DocumentKind.SOCIAL)
        self._texts: Drafted = {}

    def read(self, drafts: dict[Language, Draft]) -> bool:
        texts: Drafted = {}
        for language, draft in drafts.items():
            for text in short_texts_of(draft):
                texts.setdefault(text.spec.key, {})[language] = text
        if texts == self._texts:
            return False
        self._texts = texts
        return True

    def drafted(self, key: ShortText, language: Language) -> DraftedShortText | None:
        """The text ``key`` as the ``language`` draft last read sends it, or ``None``
        (no draft read yet, or a template that leaves the text out)."""
        return self._texts.get(key, {}).get(language)


__all__ = ["DraftedShortTexts"]
