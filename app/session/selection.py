"""What the user has chosen to look at, approve or export: languages, documents, set.

One small value passed to every session call, instead of an ``ExportRequest`` with a
dummy folder: the folder belongs to an export only.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from app.facts.models import LANGUAGES, Language
from app.templates.documents import DocumentKind
from app.templates.metadata import TemplateSet


@dataclass(frozen=True)
class Selection:
    """Which drafts: every document in ``documents`` in every language in ``languages``,
    from ``template_set`` (``None``: the set of the statement the facts are for)."""

    languages: tuple[Language, ...] = LANGUAGES
    documents: tuple[DocumentKind, ...] = tuple(DocumentKind)
    template_set: TemplateSet | None = None

    def __post_init__(self) -> None:
        # Callers pass lists (argparse, dialogs); keep the value hashable and immutable.
        object.__setattr__(self, "languages", tuple(self.languages))
        object.__setattr__(self, "documents", tuple(self.documents))

    def pairs(self) -> Iterator[tuple[DocumentKind, Language]]:
        """Each draft of the selection, document by document, in the export's order."""
        for document in self.documents:
            for language in self.languages:
                yield document, language

    @property
    def count(self) -> int:
        return len(self.documents) * len(self.languages)
