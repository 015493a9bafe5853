"""The look of a PDF document: CrisisDraft's house style of the Word documents, in points.

The values are those :func:`app.export.word_base._apply_house_style` gives the Word
styles (and python-docx's list styles their indents), so that the PDF of a draft reads
like its ``.docx`` opened in Word: A4, the same margins, Calibri's metrics (the bundled
Carlito), the same sizes, spacing, colours and indents. A test compares the two.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.drafts.blocks import Block, BlockKind

CM = 72 / 2.54  # points in a centimetre

PAGE_WIDTH, PAGE_HEIGHT = 21.0 * CM, 29.7 * CM  # A4
LEFT_MARGIN = RIGHT_MARGIN = 2.5 * CM
TOP_MARGIN, BOTTOM_MARGIN = 2.2 * CM, 2.0 * CM
HEADER_DISTANCE = FOOTER_DISTANCE = 1.0 * CM

#: One line of Calibri (and Carlito, metric-compatible) at single spacing, in font
#: sizes: (winAscent + winDescent) / unitsPerEm, what Word spaces single lines by.
SINGLE_LINE = 2500 / 2048
#: The Normal style's "multiple 1.15" spacing.
NORMAL_LINE = SINGLE_LINE * 1.15

NAVY = (0x1F, 0x2A, 0x44)
QUOTE_GREY = (0x33, 0x33, 0x33)
MARK_RED = (0xB0, 0x1E, 0x1E)
BLACK = (0, 0, 0)

#: A list item's text starts this far in per level (Word's List Bullet / List Number:
#: 0.25 inch, hanging 0.25 inch; "List Bullet 2" 0.5 inch).
LIST_INDENT = 18.0
BULLET = "•"


@dataclass(frozen=True)
class BlockStyle:
    """How one kind of block is set: font, colour, spacing (points), indents (points)."""

    size: float = 11.0
    bold: bool = False
    italic: bool = False
    colour: tuple[int, int, int] = BLACK
    space_before: float = 0.0
    space_after: float = 6.0
    line: float = NORMAL_LINE  # line height, in font sizes
    left_indent: float = 0.0
    right_indent: float = 0.0
    keep_with_next: bool = False  # a heading never ends a page
    contextual: bool = False  # no space between paragraphs of this style (list items)


def _heading(size: float, space_before: float, line: float = NORMAL_LINE) -> BlockStyle:
    return BlockStyle(
        size=size, bold=True, colour=NAVY, space_before=space_before, line=line,
        keep_with_next=True,
    )  # fmt: skip


STYLES: dict[BlockKind, BlockStyle] = {
    BlockKind.TITLE: _heading(20.0, 6.0, SINGLE_LINE),
    BlockKind.HEADING_1: _heading(14.0, 14.0),
    BlockKind.HEADING_2: _heading(12.0, 10.0),
    BlockKind.PARAGRAPH: BlockStyle(),
    BlockKind.QUOTE: BlockStyle(
        italic=True, colour=QUOTE_GREY, left_indent=1.0 * CM, right_indent=1.0 * CM
    ),
    BlockKind.BULLET: BlockStyle(contextual=True),
    BlockKind.NUMBERED: BlockStyle(contextual=True),
    BlockKind.TABLE: BlockStyle(),  # the text in its cells: Normal's (pdf_table spaces it)
}

#: The DRAFT mark in the header ("Draft Mark" style) and "Page 1 of 2" in the footer.
MARK_STYLE = BlockStyle(size=9.0, bold=True, colour=MARK_RED)
FOOTER_STYLE = BlockStyle(line=SINGLE_LINE)


def space_between(previous: Block | None, current: Block) -> float:
    """The space between two blocks, as Word sets it: the larger of the first's space
    after and the second's space before (they do not add up); none between list items
    of one style (contextual spacing: "List Bullet" and the nested "List Bullet 2" are
    two styles, spaced). A table has no space of its own around it, as in Word: the
    paragraph before gives its space after, the one after its space before."""
    style = STYLES[current.kind]
    if previous is None or previous.kind is BlockKind.TABLE:
        return style.space_before
    if current.kind is BlockKind.TABLE:
        return STYLES[previous.kind].space_after
    same_style = previous.kind == current.kind and bool(previous.level) == bool(current.level)
    if same_style and style.contextual:
        return 0.0
    return max(STYLES[previous.kind].space_after, style.space_before)
