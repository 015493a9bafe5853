"""The DRAFT mark, as the Word header and the preview both show it."""

from __future__ import annotations

from app.drafts.blocks import Draft
from app.facts.models import Language

DRAFT_MARKS: dict[Language, str] = {
    "en": "DRAFT – NOT FOR RELEASE",
    "fr": "PROJET – NE PAS DIFFUSER",
}


def draft_mark(draft: Draft) -> str:
    """ "DRAFT – NOT FOR RELEASE · 2 September 2025, 09:00 BST"."""
    return f"{DRAFT_MARKS[draft.info.language]} · {draft.info.statement_time}"
