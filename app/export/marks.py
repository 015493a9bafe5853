"""The DRAFT mark, as the Word and PDF headers and the preview show it, and the other
words a document carries beside its text (its status once approved, its page numbers)."""

from __future__ import annotations

from app.drafts.blocks import Draft
from app.facts.models import Language

DRAFT_MARKS: dict[Language, str] = {
    "en": "DRAFT – NOT FOR RELEASE",
    "fr": "PROJET – NE PAS DIFFUSER",
}
APPROVED_MARKS: dict[Language, str] = {
    "en": "Approved for release",
    "fr": "Approuvé pour diffusion",
}
PAGE_WORDS: dict[Language, tuple[str, str]] = {"en": ("Page", "of"), "fr": ("Page", "sur")}


def draft_mark(draft: Draft) -> str:
    """ "DRAFT – NOT FOR RELEASE · 2 September 2025, 09:00 BST"."""
    return f"{DRAFT_MARKS[draft.info.language]} · {draft.info.statement_time}"
