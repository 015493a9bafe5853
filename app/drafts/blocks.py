"""A Draft: a flat sequence of blocks (title, headings, paragraphs, quotes, list items,
tables) made of spans of text that may be bold or italic. Small enough that the Word
export and the preview each map it in a few lines, rich enough for a communications
document.

A table is one block holding its rows, not one block per row as list items are: Word
(``w:tbl``), HTML (``<table>``) and the PDF writer each write a table as one object
with one header and one number of columns, so every consumer takes it whole instead of
gathering rows back together.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from app.facts.vocabulary import Language
from app.templates.documents import DocumentKind


class BlockKind(StrEnum):
    TITLE = "title"
    HEADING_1 = "heading_1"
    HEADING_2 = "heading_2"
    PARAGRAPH = "paragraph"
    QUOTE = "quote"
    BULLET = "bullet"
    NUMBERED = "numbered"
    TABLE = "table"


LIST_KINDS = frozenset({BlockKind.BULLET, BlockKind.NUMBERED})


@dataclass(frozen=True)
class Span:
    """A run of text; a ``"\\n"`` inside it is a line break within the paragraph.

    ``verbatim``: text that reaches the reader exactly as typed (a template's code span,
    such as the indicators of compromise given to an authority): no typography."""

    text: str
    bold: bool = False
    italic: bool = False
    verbatim: bool = False


Cell = tuple[Span, ...]


@dataclass(frozen=True)
class TableRow:
    """One row of a table: one paragraph of spans per cell. A ``header`` row names the
    columns and is repeated at the top of every page the table runs onto."""

    cells: tuple[Cell, ...]
    header: bool = False

    @property
    def texts(self) -> tuple[str, ...]:
        return tuple(cell_text(cell) for cell in self.cells)


def cell_text(cell: Cell) -> str:
    return "".join(span.text for span in cell)


@dataclass(frozen=True)
class Block:
    """One paragraph of the document, or one table.

    For list items, ``level`` is the nesting depth (0 at the top) and ``list_id`` tells
    which list the item belongs to, so that each numbered list starts again at 1.
    A ``TABLE`` has no spans of its own: its text is in ``rows`` (every row has the
    same number of cells, header rows first).
    """

    kind: BlockKind
    spans: tuple[Span, ...]
    level: int = 0
    list_id: int = 0
    rows: tuple[TableRow, ...] = ()

    @property
    def text(self) -> str:
        """The block's words; a table's cells that say something separated by tabs,
        its rows by lines."""
        if self.kind is BlockKind.TABLE:
            return "\n".join("\t".join(text for text in row.texts if text) for row in self.rows)
        return "".join(span.text for span in self.spans)

    @property
    def header_row(self) -> TableRow | None:
        return next((row for row in self.rows if row.header), None)


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
    # For the lead, never the recipient: shown under the DRAFT mark while a draft
    # (an authority whose language is unknown, a late notification without its reason).
    lead_notes: tuple[str, ...] = ()
    # The one authority this draft goes to, when a text to several authorities of one
    # language is written as one file per authority (see app.drafts.per_recipient).
    recipient: str = ""


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
            elif block.kind is BlockKind.TABLE:
                lines.append(_table_text(block, self.info.language))
            else:
                lines.append(block.text)
            previous = block
        return "\n".join(lines) + "\n"


#: How a column's name introduces its cell in plain text ("Answer: ...", « Réponse : »).
_LABEL_SEPARATORS: dict[Language, str] = {"en": ": ", "fr": "\u00a0: "}


def _table_text(block: Block, language: Language) -> str:
    """A table as plain text reads row by row, not as a grid no e-mail keeps aligned:
    each row's first cell on its own line, then each other cell indented and named by
    its column's header ("   Answer: ..."); empty cells are left out. A table without
    a header names nothing and indents the other cells only."""
    header = block.header_row
    names = header.texts if header is not None else ()
    separator = _LABEL_SEPARATORS[language]
    rows: list[str] = []
    for row in block.rows:
        if row.header:
            continue
        first, *others = row.texts
        lines = [first]
        for index, text in enumerate(others, start=1):
            if not text.strip():
                continue
            name = names[index] if index < len(names) and names[index].strip() else ""
            lines.append(f"   {name}{separator}{text}" if name else f"   {text}")
        rows.append("\n".join(lines))
    return "\n\n".join(rows)
