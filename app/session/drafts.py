"""Drafts rendered once per version of the facts, then shared.

The checks, the approval and the export of one session all need the same drafts; a
final export used to render each of them twice (once to check, once to write). The
cache keeps each draft, or the error its template raised, until the facts change: the
session tells it so by a new version number, so nothing here compares incidents.

The desktop app renders in a background thread (a user's template may run up to its
time limit, and the window must not wait for it) while its own thread reads the cache
and moves the facts on. So a render is done outside the lock and kept only if the
version and the renderer it was made for are still the cache's: a draft of facts the
user has since changed is never handed out as the current one.

The drafts of one version also share their renders (:mod:`app.drafts.shared_renders`):
a preview's draft with missing texts marked is the export's when no text is missing,
and a document of short texts fitted in both languages renders each template once.
"""

from __future__ import annotations

import threading

from app.drafts.blocks import Draft
from app.drafts.render import DraftRenderer
from app.drafts.shared_renders import SharedRenders
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
        self._shared = SharedRenders()  # of this version, with this renderer
        self._lock = threading.Lock()

    def holds(self, version: int, key: DraftCacheKey) -> bool:
        """Whether the draft (or its template's error) of ``key`` for facts ``version``
        is at hand, so that asking for it costs nothing."""
        with self._lock:
            return version == self._version and key in self._drafts

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
        key = (document, language, template_set, mark_missing)
        with self._lock:
            if self._version is None or version > self._version:  # newer facts
                self._drafts.clear()
                self._shared = SharedRenders()
                self._version = version
            current = version == self._version
            found = self._drafts.get(key) if current else None
            renderer = self.renderer
            # Facts older than the cache's share nothing with its drafts.
            shared = self._shared if current else None
        if found is None:
            try:
                found = renderer.render(
                    incident,
                    document,
                    language,
                    template_set=template_set,
                    mark_missing=mark_missing,
                    shared=shared,
                )
            except CrisisDraftError as error:
                found = error
            with self._lock:
                if version == self._version and renderer is self.renderer:
                    found = self._drafts.setdefault(key, found)
        if isinstance(found, CrisisDraftError):
            raise found
        return found

    def use(self, renderer: DraftRenderer) -> None:
        """Render with ``renderer`` from now on (a library read again): drop every draft."""
        with self._lock:
            self.renderer = renderer
            self._drafts.clear()
            self._shared = SharedRenders()
