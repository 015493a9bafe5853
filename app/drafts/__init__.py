"""Drafts: facts + template + language -> a Draft, the one form that both the Word
export and the preview are made from, so that what the user sees is what Word gets."""

from app.drafts.blocks import Block, BlockKind, Draft, Span
from app.drafts.render import render_draft

__all__ = ["Block", "BlockKind", "Draft", "Span", "render_draft"]
