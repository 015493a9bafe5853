"""What the user has chosen to look at, approve or export: languages, documents, set.

One small value passed to every session call, instead of an ``ExportRequest`` with a
dummy folder: the folder belongs to an export only.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from app.facts.vocabulary import LANGUAGES, Language
from app.templates.documents import DocumentKind, documents_of, draft_languages
from app.templates.metadata import TemplateSet

if TYPE_CHECKING:
    from app.facts.models import Incident


@dataclass(frozen=True)
class Selection:
    """Which drafts: every document in ``documents`` (``None``: the documents the
    incident needs, :func:`~app.templates.documents.documents_of`) in every language in
    ``languages``, from ``template_set`` (``None``: the set of the statement the facts
    are for). The session resolves ``None`` with :meth:`of` before using it, which also
    narrows a document addressed to authorities to their languages (``narrowed``: the
    ICO's notification is drafted in English only)."""

    languages: tuple[Language, ...] = LANGUAGES
    documents: tuple[DocumentKind, ...] | None = None
    template_set: TemplateSet | None = None
    narrowed: tuple[tuple[DocumentKind, tuple[Language, ...]], ...] = ()
    resolved: bool = False  # set by of(): only then are its drafts known

    def __post_init__(self) -> None:
        # Callers pass lists (argparse, dialogs); keep the value hashable and immutable.
        object.__setattr__(self, "languages", tuple(self.languages))
        if self.documents is not None:
            object.__setattr__(self, "documents", tuple(self.documents))

    def of(self, incident: Incident) -> Selection:
        """This selection with its documents named (those the incident needs if unsaid)
        and each one's languages narrowed to those it is drafted in for ``incident``."""
        documents = documents_of(incident) if self.documents is None else self.documents
        narrowed = tuple(
            (document, draft_languages(incident, document, self.languages))
            for document in documents
        )
        return replace(
            self,
            documents=documents,
            narrowed=tuple((kind, found) for kind, found in narrowed if found != self.languages),
            resolved=True,
        )

    def languages_of(self, document: DocumentKind) -> tuple[Language, ...]:
        """The languages ``document`` is drafted in within this selection."""
        self._documents()
        return dict(self.narrowed).get(document, self.languages)

    def pairs(self) -> Iterator[tuple[DocumentKind, Language]]:
        """Each draft of the selection, document by document, in the export's order."""
        for document in self._documents():
            for language in self.languages_of(document):
                yield document, language

    @property
    def count(self) -> int:
        return sum(len(self.languages_of(document)) for document in self._documents())

    def _documents(self) -> tuple[DocumentKind, ...]:
        if self.documents is None or not self.resolved:
            raise ValueError(
                "which drafts a selection holds depends on the facts: resolve it with of()"
            )
        return self.documents
