"""A Draft: a flat sequence of blocks (title, headings, paragraphs, quotes, list items)
made of spans of text that may be bold or italic. Small enough that the Word export and
the preview each map it in a few lines, rich enough for a communications document.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from app.facts.models import Language
from app.templates.documents import DocumentKind


class BlockKind(StrEnum):
    TITLE = "title"
    HEADING_1 = "heading_1"
    HEADING_2 = "heading_2"
    PARAGRAPH = "paragraph"
    QUOTE = "quote"
    BULLET = "bullet"
    NUMBERED = "numbered"


LIST_KINDS = frozenset({BlockKind.BULLET, BlockKind.NUMBERED})


@dataclass(frozen=True)
class Span:
    """A run of text; a ``"\\n"`` inside it is a line break within the paragraph."""

    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class Block:
    """One paragraph of the document.

    For list items, ``level`` is the nesting depth (0 at the top) and ``list_id`` tells
    which list the item belongs to, so that each numbered list starts again at 1.
    """

    kind: BlockKind
    spans: tuple[Span, ...]
    level: int = 0
    list_id: int = 0

    @property
    def text(self) -> str:
        return "".join(span.text for span in self.spans)


@dataclass(frozen=True)
class DraftInfo:
    """What a Word document's properties and header need to know about a draft."""

    document: DocumentKind
    language: Language
    document_title: str  # "Press release", « Communiqué de presse »
    author: str  # the organisation
    statement_time: str  # already written in the draft's language
    template: str  # which template wrote it, for people: "holding.press_release v1"
    template_id: str = ""
    template_version: str = ""
    proofing_tag: str = ""  # Word's language of the text: "en-GB", "en-US", "fr-FR"


@dataclass(frozen=True)
class Draft:
    info: DraftInfo
    blocks: tuple[Block, ...] = field(default_factory=tuple)

    @property
    def headline(self) -> str:
        """The text of the first title or heading, else the document's title."""
        for block in self.blocks:
            if block.kind in (BlockKind.TITLE, BlockKind.HEADING_1):
                return block.text
        return self.info.document_title

    def plain_text(self) -> str:
        """The draft as plain text, ready for a terminal or an e-mail body."""
        lines: list[str] = []
        numbers: dict[int, int] = {}
        previous: Block | None = None
        for block in self.blocks:
            in_same_list = (
                previous is not None
                and block.kind in LIST_KINDS
                and previous.kind in LIST_KINDS
                and previous.list_id == block.list_id
            )
            if lines and not in_same_list:
                lines.append("")
            indent = "   " * block.level
            if block.kind is BlockKind.BULLET:
                lines.append(f"{indent}- {block.text}")
            elif block.kind is BlockKind.NUMBERED:
                numbers[block.list_id] = numbers.get(block.list_id, 0) + 1
                lines.append(f"{indent}{numbers[block.list_id]}. {block.text}")
            elif block.kind is BlockKind.QUOTE:
                lines.append(f"    {block.text}")
            elif block.kind is BlockKind.TITLE:
                lines.append(block.text.upper())
            else:
                lines.append(block.text)
            previous = block
        return "\n".join(lines) + "\n"
