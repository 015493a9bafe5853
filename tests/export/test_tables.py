"""A table in a draft (the reactive Q&A is one) reaches every reader as a table: Word,
the PDF, the preview and plain text, with a fact's ``|`` kept as text."""

from __future__ import annotations

import io

import docx
import pytest
from docx.oxml.ns import qn
from pypdf import PdfReader

from app.drafts.blocks import BlockKind, Draft, DraftInfo
from app.drafts.markdown import make_parser, parse_blocks
from app.drafts.render import _french_block
from app.export.pdf_writer import draft_to_pdf
from app.export.preview_html import draft_to_html
from app.export.table_layout import FEWEST_SHARE, column_shares
from app.export.word_base import BaseDocument
from app.export.word_writer import draft_to_docx
from app.facts.models import Language
from app.templates.documents import DocumentKind
from app.templates.escaping import escape_markdown

ROWS = 40  # enough for the table to run onto a second page


def table_markdown(fact: str = "Plant | Line 2") -> str:
    rows = "".join(
        f"| Question {number}? | Answer {number} about {escape_markdown(fact)}, "
        f"**said plainly** and long enough to wrap onto a second line of its cell. "
        f"| {'Only the facts.' if number % 2 else ''} |\n"
        for number in range(1, ROWS + 1)
    )
    return (
        "# Reactive Q&A\n\nBefore the table.\n\n"
        "| Question | Answer | If pressed |\n|---|---|---|\n" + rows + "\nAfter the table.\n"
    )


def draft_of(markdown: str, language: Language = "en") -> Draft:
    blocks = parse_blocks(make_parser(), markdown)
    if language == "fr":
        blocks = tuple(_french_block(block) for block in blocks)
    info = DraftInfo(
        document=DocumentKind.QA,
        language=language,
        document_title="Reactive Q&A",
        author="Northwind Motors",
        statement_time="2 September 2025, 09:00 BST",
        template="test",
        proofing_tag="en-GB" if language == "en" else "fr-FR",
    )
    return Draft(info=info, blocks=blocks)


@pytest.fixture(scope="module")
def draft() -> Draft:
    return draft_of(table_markdown())


def test_a_markdown_table_is_one_table_block_with_its_header_row(draft: Draft) -> None:
    kinds = [block.kind for block in draft.blocks]
    assert kinds == [BlockKind.TITLE, BlockKind.PARAGRAPH, BlockKind.TABLE, BlockKind.PARAGRAPH]
    table = draft.blocks[2]
    assert table.rows[0].header and table.rows[0].texts == ("Question", "Answer", "If pressed")
    assert len(table.rows) == ROWS + 1 and not any(row.header for row in table.rows[1:])
    first = table.rows[1]
    assert first.texts[0] == "Question 1?"
    assert "Plant | Line 2" in first.texts[1]  # the fact's pipe is text, not a new cell
    assert len(first.cells) == 3
    assert any(span.bold and span.text == "said plainly" for span in first.cells[1])


def test_a_pipe_or_backslash_in_a_fact_never_breaks_the_table() -> None:
    for fact in ("a | b", "a \\| b", "ends with \\", "|---|---|", "| x |"):
        table = draft_of(table_markdown(fact)).blocks[2]
        assert all(len(row.cells) == 3 for row in table.rows), fact
        assert fact in table.rows[1].texts[1], fact


def test_the_word_document_has_a_real_table_with_a_repeated_header(draft: Draft) -> None:
    document = docx.Document(io.BytesIO(draft_to_docx(draft, BaseDocument())))
    (table,) = document.tables
    assert table.style.name == "Table Grid"
    assert [cell.text for cell in table.rows[0].cells] == ["Question", "Answer", "If pressed"]
    assert len(table.rows) == ROWS + 1
    assert "Plant | Line 2" in table.rows[1].cells[1].text
    header_properties = table.rows[0]._tr.trPr
    assert header_properties.find(qn("w:tblHeader")) is not None  # repeated on each page
    assert all(
        row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows
    )  # a question never leaves its answer behind on the page before
    assert all(run.bold for cell in table.rows[0].cells for run in cell.paragraphs[0].runs)
    bold = [run.text for run in table.rows[1].cells[1].paragraphs[0].runs if run.bold]
    assert bold == ["said plainly"]
    # The body reads in order: the paragraph before, the table, the paragraph after.
    body = [child.tag.split("}")[1] for child in document.element.body]
    assert body[:4] == ["p", "p", "tbl", "p"]
    assert document.paragraphs[2].text == "After the table."
    # The answers get the widest column, and every column some room.
    widths = [column.width for column in table.columns]
    assert widths[1] == max(widths) and min(widths) > 0


def test_table_text_is_in_the_drafts_proofing_language() -> None:
    french = draft_of(table_markdown(), "fr")
    document = docx.Document(io.BytesIO(draft_to_docx(french, BaseDocument())))
    defaults = document.styles.element.find(qn("w:docDefaults"))
    assert defaults.find(".//" + qn("w:lang")).get(qn("w:val")) == "fr-FR"
    table = document.tables[0]._tbl
    # No run of the table says another language than the document's.
    assert table.findall(".//" + qn("w:lang")) == []
    assert document.styles["Table Grid"].element.find(".//" + qn("w:lang")) is None


def test_french_typography_applies_inside_cells() -> None:
    french = draft_of(
        '| Question | Réponse |\n|---|---|\n| Est-ce grave? | Nous l\'avons dit: "non" |\n', "fr"
    )
    row = french.blocks[0].rows[1]
    assert row.texts == ("Est-ce grave\u202f?", "Nous l’avons dit\u00a0: «\u00a0non\u00a0»")


def test_the_pdf_draws_the_table_and_repeats_its_header_on_the_next_page(draft: Draft) -> None:
    reader = PdfReader(io.BytesIO(draft_to_pdf(draft)))
    pages = [page.extract_text() for page in reader.pages]
    assert len(pages) >= 2
    for page in pages:
        assert "Question" in page and "If pressed" in page, page[:200]
    everything = " ".join(pages)
    assert "Plant | Line 2" in everything
    assert "Question 1?" in pages[0] and f"Question {ROWS}?" in pages[-1]
    assert "After the table." in pages[-1]


def test_the_preview_shows_a_table(draft: Draft) -> None:
    html = draft_to_html(draft)
    assert html.count("<table") == 1
    assert "<th " in html and "If pressed</th>" in html
    assert html.count("<tr>") == ROWS + 1
    assert "Plant | Line 2" in html
    assert "<b>said plainly</b>" in html


def test_plain_text_reads_a_table_row_by_row_with_its_column_names(draft: Draft) -> None:
    text = draft.plain_text()
    assert (
        "Question 2?\n   Answer: Answer 2 about Plant | Line 2, said plainly and long enough"
        in text
    )
    assert "   If pressed: Only the facts." in text
    assert "Question 2?\n" in text and "\n\nQuestion 3?\n" in text
    assert "If pressed: \n" not in text  # an empty cell is left out
    french = draft_of("| Question | Réponse |\n|---|---|\n| A ? | B |\n", "fr").plain_text()
    assert "A\u202f?\n   Réponse\u00a0: B" in french


def test_columns_share_the_width_by_their_text_with_a_floor(draft: Draft) -> None:
    shares = column_shares(draft.blocks[2])
    assert sum(shares) == pytest.approx(1.0)
    assert shares[1] == max(shares)
    assert min(shares) >= FEWEST_SHARE - 1e-9
    five = draft_of("| a | b | c | d | e |\n|---|---|---|---|---|\n| 1 | 2 | 3 | 4 | 5 |\n")
    assert column_shares(five.blocks[0]) == pytest.approx((0.2,) * 5)
