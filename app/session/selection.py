"""What the user has chosen to look at, approve or export: languages, documents, set.

One small value passed to every session call, instead of an ``ExportRequest`` with a
dummy folder: the folder belongs to an export only.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from app.facts.vocabulary import LANGUAGES, Language
from app.templates.documents import DocumentKind, documents_of
from app.templates.metadata import TemplateSet

if TYPE_CHECKING:
    from app.facts.models import Incident


@dataclass(frozen=True)
class Selection:
    """Which drafts: every document in ``documents`` (``None``: the documents the
    incident needs, :func:`~app.templates.documents.documents_of`) in every language in
    ``languages``, from ``template_set`` (``None``: the set of the statement the facts
    are for). The session resolves ``None`` with :meth:`of` before using it."""

    languages: tuple[Language, ...] = LANGUAGES
    documents: tuple[DocumentKind, ...] | None = None
    template_set: TemplateSet | None = None

    def __post_init__(self) -> None:
        # Callers pass lists (argparse, dialogs); keep the value hashable and immutable.
        object.__setattr__(self, "languages", tuple(self.languages))
        if self.documents is not None:
            object.__setattr__(self, "documents", tuple(self.documents))

    def of(self, incident: Incident) -> Selection:
        """This selection with its documents named: those the incident needs if unsaid."""
        if self.documents is not None:
            return self
        return replace(self, documents=documents_of(incident))

    def pairs(self) -> Iterator[tuple[DocumentKind, Language]]:
        """Each draft of the selection, document by document, in the export's order."""
        for document in self._documents():
            for language in self.languages:
                yield document, language

    @property
    def count(self) -> int:
        return len(self._documents()) * len(self.languages)

    def _documents(self) -> tuple[DocumentKind, ...]:
        if self.documents is None:
            raise ValueError("a selection of the incident's documents: resolve it with of()")
        return self.documents
