"""Property: any draft the export can write reads back as written. Drafts are generated
block by block (titles, headings, paragraphs, quotes, bullet and numbered lists on two
levels, tables with or without a header row) with spans of any printable text, French
typography, line breaks and tabs, bold and italic; exported as the app exports them and
read back, each block keeps its kind, level, text and the look of every character, and
the plain text is the draft's."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from app.drafts.blocks import LIST_KINDS, Block, BlockKind, Draft, Span, TableRow
from app.word_import import read_returned_document
from tests.word_import.documents import draft_of, exported

pytestmark = pytest.mark.slow

CHARACTERS = st.characters(
    whitelist_categories=("L", "N", "P", "S", "Zs"), blacklist_characters="\u2028\u2029"
)
PIECE = st.one_of(
    st.text(alphabet=CHARACTERS, min_size=1, max_size=30),
    st.sampled_from(["\n", "\t", "\u00a0: ", "«\u00a0oui\u00a0»", "\u202f!", "’"]),
)
SPAN = st.builds(Span, PIECE, bold=st.booleans(), italic=st.booleans())
SPANS = (
    st.lists(SPAN, min_size=1, max_size=5)
    .map(tuple)
    .filter(lambda spans: "".join(span.text for span in spans).strip() != "")
)
PLAIN_KINDS = [
    BlockKind.TITLE,
    BlockKind.HEADING_1,
    BlockKind.HEADING_2,
    BlockKind.PARAGRAPH,
    BlockKind.QUOTE,
]


@st.composite
def tables(draw: st.DrawFn) -> Block:
    columns = draw(st.integers(1, 4))
    cell = st.one_of(st.just(()), SPANS)
    header = draw(st.booleans())
    rows = [
        TableRow(tuple(draw(cell) for _ in range(columns)), header=header and index == 0)
        for index in range(draw(st.integers(1, 4)))
    ]
    block = Block(BlockKind.TABLE, (), rows=tuple(rows))
    return block if block.text.strip() else Block(BlockKind.PARAGRAPH, (Span("Table."),))


@st.composite
def drafts(draw: st.DrawFn) -> Draft:
    """Blocks as a template's Markdown gives them: each list its own id, a list of one
    kind and level at a time (two lists alike side by side are one list in Word too)."""
    blocks: list[Block] = []
    next_list = 0
    for _ in range(draw(st.integers(1, 12))):
        choice = draw(st.sampled_from(["plain", "list", "table"]))
        if choice == "table":
            blocks.append(draw(tables()))
        elif choice == "plain":
            blocks.append(Block(draw(st.sampled_from(PLAIN_KINDS)), draw(SPANS)))
        else:
            kind = draw(st.sampled_from(sorted(LIST_KINDS)))
            level = draw(st.integers(0, 1))
            previous = blocks[-1] if blocks else None
            if previous is not None and (previous.kind, previous.level) == (kind, level):
                level = 1 - level
            next_list += 1
            blocks += [
                Block(kind, draw(SPANS), level=level, list_id=next_list)
                for _ in range(draw(st.integers(1, 3)))
            ]
    return Draft(info=draft_of("# x\n").info, blocks=tuple(blocks))


def looks(spans: tuple[Span, ...], *, header: bool = False) -> list[tuple[str, bool, bool]]:
    """Each character with its look; a line break has none of its own in Word (it is a
    run of its own), and a header row is bold by the export's hand."""
    return [
        (character, span.bold and not header, span.italic)
        for span in spans
        for character in span.text
        if character != "\n"
    ]


def shape(block: Block) -> tuple[object, ...]:
    rows = tuple(
        (row.header, tuple(looks(cell, header=row.header) for cell in row.cells))
        for row in block.rows
    )
    return (block.kind, block.level, block.text, looks(block.spans), rows)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(draft=drafts())
def test_any_draft_reads_back_as_written(draft: Draft) -> None:
    with tempfile.TemporaryDirectory() as folder:
        returned = read_returned_document(exported(draft, Path(folder) / "draft.docx"))
    back = returned.draft(draft.info)
    assert [shape(block) for block in back.blocks] == [shape(block) for block in draft.blocks]
    assert back.plain_text() == draft.plain_text()
