"""The PDF is set in the Word documents' house look: a change to one that the other
does not follow fails here."""

from __future__ import annotations

from typing import Any

import pytest

from app.drafts.blocks import Block, BlockKind, Span
from app.export import pdf_layout as layout
from app.export.word_base import BaseDocument
from app.export.word_body import STYLE_OF_BLOCK


def inherited(style: Any, read: Any) -> Any:
    """A value of a Word style, from the style or the first style it is based on."""
    while style is not None:
        value = read(style)
        if value is not None:
            return value
        style = style.base_style
    return None


@pytest.fixture(scope="module")
def word_document() -> Any:
    return BaseDocument().new()


@pytest.mark.parametrize("kind", list(BlockKind))
def test_each_block_has_its_word_styles_size_emphasis_colour_and_spacing(
    word_document, kind: BlockKind
) -> None:
    word, pdf = word_document.styles[STYLE_OF_BLOCK[kind]], layout.STYLES[kind]
    assert inherited(word, lambda s: s.font.size).pt == pdf.size
    assert bool(inherited(word, lambda s: s.font.bold)) == pdf.bold
    assert bool(inherited(word, lambda s: s.font.italic)) == pdf.italic
    colour = inherited(word, lambda s: s.font.color.rgb)
    assert tuple(colour or (0, 0, 0)) == pdf.colour
    paragraph = lambda s: s.paragraph_format  # noqa: E731
    assert (inherited(word, lambda s: paragraph(s).space_before) or 0) == round(
        pdf.space_before * 12700
    )
    assert inherited(word, lambda s: paragraph(s).space_after).pt == pdf.space_after
    spacing = inherited(word, lambda s: paragraph(s).line_spacing)
    assert pdf.line == pytest.approx(layout.SINGLE_LINE * spacing)
    assert (inherited(word, lambda s: paragraph(s).left_indent) or 0) == pytest.approx(
        pdf.left_indent * 12700, abs=200
    )
    assert bool(inherited(word, lambda s: paragraph(s).keep_with_next)) == pdf.keep_with_next


def test_the_page_has_the_word_documents_size_and_margins(word_document) -> None:
    section = word_document.sections[0]
    for word, pdf in (
        (section.page_width, layout.PAGE_WIDTH),
        (section.page_height, layout.PAGE_HEIGHT),
        (section.left_margin, layout.LEFT_MARGIN),
        (section.right_margin, layout.RIGHT_MARGIN),
        (section.top_margin, layout.TOP_MARGIN),
        (section.bottom_margin, layout.BOTTOM_MARGIN),
        (section.header_distance, layout.HEADER_DISTANCE),
        (section.footer_distance, layout.FOOTER_DISTANCE),
    ):
        assert word.pt == pytest.approx(pdf, abs=0.1)


def test_the_draft_mark_has_the_word_headers_look(word_document) -> None:
    mark = word_document.styles["Draft Mark"]
    assert mark.font.size.pt == layout.MARK_STYLE.size
    assert mark.font.bold and layout.MARK_STYLE.bold
    assert tuple(mark.font.color.rgb) == layout.MARK_STYLE.colour


def block(kind: BlockKind, level: int = 0) -> Block:
    return Block(kind, (Span("text"),), level=level)


def test_spacing_between_blocks_is_the_larger_of_after_and_before_as_in_word() -> None:
    paragraph, heading = block(BlockKind.PARAGRAPH), block(BlockKind.HEADING_1)
    assert layout.space_between(paragraph, heading) == 14.0  # not 6 + 14
    assert layout.space_between(heading, paragraph) == 6.0
    assert layout.space_between(block(BlockKind.BULLET), block(BlockKind.BULLET)) == 0.0
    assert layout.space_between(block(BlockKind.BULLET), block(BlockKind.BULLET, 1)) == 6.0
