"""Drafts rendered once per version of the facts, then shared.

The checks, the approval and the export of one session all need the same drafts; a
final export used to render each of them twice (once to check, once to write). The
cache keeps each draft, or the error its template raised, until the facts change: the
session tells it so by a new version number, so nothing here compares incidents.
"""

from __future__ import annotations

from app.drafts.blocks import Draft
from app.drafts.render import DraftRenderer
from app.errors import CrisisDraftError
from app.facts.models import Incident, Language
from app.templates.documents import DocumentKind
from app.templates.metadata import TemplateSet

DraftCacheKey = tuple[DocumentKind, Language, TemplateSet | None, bool]


class DraftCache:
    """The drafts of one version of one incident's facts, rendered when first asked."""

    def __init__(self, renderer: DraftRenderer) -> None:
        self.renderer = renderer
        self._version: int | None = None
        self._drafts: dict[DraftCacheKey, Draft | CrisisDraftError] = {}

    def draft(
        self,
        version: int,
        incident: Incident,
        document: DocumentKind,
        language: Language,
        template_set: TemplateSet | None = None,
        *,
        mark_missing: bool = False,
    ) -> Draft:
        """The draft of ``document`` in ``language`` for facts ``version`` (``incident``).

        Raises the template's :class:`CrisisDraftError` again on every call for the same
        version, without rendering again: a broken template stays broken until the
        facts, the library or the renderer change."""
        if version != self._version:
            self._drafts.clear()
            self._version = version
        key = (document, language, template_set, mark_missing)
        if key not in self._drafts:
            try:
                self._drafts[key] = self.renderer.render(
                    incident,
                    document,
                    language,
                    template_set=template_set,
                    mark_missing=mark_missing,
                )
            except CrisisDraftError as error:
                self._drafts[key] = error
        found = self._drafts[key]
        if isinstance(found, CrisisDraftError):
            raise found
        return found

    def use(self, renderer: DraftRenderer) -> None:
        """Render with ``renderer`` from now on (a library read again): drop every draft."""
        self.renderer = renderer
        self._drafts.clear()
