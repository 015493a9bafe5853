"""The DRAFT mark, as the Word and PDF headers and the preview show it, and the other
words a document carries beside its text (its status once approved, its page numbers,
and "not for publication" on a document that must never leave the organisation)."""

from __future__ import annotations

from app.drafts.blocks import Draft
from app.facts.models import Language
from app.templates.documents import spec_of

DRAFT_MARKS: dict[Language, str] = {
    "en": "DRAFT – NOT FOR RELEASE",
    "fr": "PROJET – NE PAS DIFFUSER",
}
APPROVED_MARKS: dict[Language, str] = {
    "en": "Approved for release",
    "fr": "Approuvé pour diffusion",
}
#: On every page of a document the registry says is not publishable (the reactive
#: Q&A), drafted or approved alike: approval makes it ready to hand to the
#: spokesperson, never to publish.
INTERNAL_MARKS: dict[Language, str] = {
    "en": "INTERNAL – NOT FOR PUBLICATION",
    "fr": "USAGE INTERNE – NE PAS PUBLIER",
}
PAGE_WORDS: dict[Language, tuple[str, str]] = {"en": ("Page", "of"), "fr": ("Page", "sur")}


def draft_mark(draft: Draft) -> str:
    """ "DRAFT – NOT FOR RELEASE · 2 September 2025, 09:00 BST"."""
    return f"{DRAFT_MARKS[draft.info.language]} · {draft.info.statement_time}"


def internal_mark(draft: Draft) -> str | None:
    """ "INTERNAL – NOT FOR PUBLICATION" for a document the registry says may not be
    published (``DocumentSpec.publishable``), else None."""
    if spec_of(draft.info.document).publishable:
        return None
    return INTERNAL_MARKS[draft.info.language]


def header_lines(draft: Draft, *, approved: bool = False) -> tuple[str, ...]:
    """What the top of every page says: the DRAFT mark until the draft is approved, and
    "not for publication" for a document that may not be published, approved or not."""
    lines = [] if approved else [draft_mark(draft)]
    internal = internal_mark(draft)
    if internal is not None:
        lines.append(internal)
    return tuple(lines)
