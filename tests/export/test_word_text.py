"""The words of a draft reach Word as written, whatever they hold: the body and the
properties are written as XML text (app/export/word_body.py, word_frame.py), so what
XML gives a meaning to must come back as the same characters."""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace
from datetime import UTC, datetime

import docx
import pytest

from app.drafts.blocks import Block, BlockKind, Span, TableRow
from app.export.marks import Mark
from app.export.word_base import BaseDocument
from app.export.word_writer import draft_to_docx
from app.facts.models import Approval, Approver
from app.templates.documents import DocumentKind

AWKWARD = "  R&D <team> said \"no\" & 'yes'\tthen\u00a0stopped  "


@pytest.fixture
def press_release(make_incident, renderer):
    return renderer.render(make_incident(), DocumentKind.PRESS_RELEASE, "en")


def test_text_with_xml_characters_spaces_tabs_and_line_breaks_reads_back_as_written(
    press_release,
) -> None:
    blocks = (
        Block(BlockKind.PARAGRAPH, (Span(AWKWARD), Span("bold\nnext", bold=True))),
        Block(BlockKind.QUOTE, (Span("é « ça » ?\n"), Span("x", italic=True))),
        Block(
            BlockKind.TABLE,
            (),
            rows=(
                TableRow(((Span("Q & A"),), (Span("<answer>"),)), header=True),
                TableRow(((Span(AWKWARD),),)),
            ),
        ),
    )
    data = draft_to_docx(replace(press_release, blocks=blocks), BaseDocument())
    assert zipfile.ZipFile(io.BytesIO(data)).testzip() is None  # every entry intact
    document = docx.Document(io.BytesIO(data))
    first, quote = document.paragraphs[:2]
    assert first.text == AWKWARD + "bold\nnext"
    assert [run.bold for run in first.runs if run.text.strip()] == [None, True, True]
    assert quote.text == "é « ça » ?\nx" and quote.style.name == "Quote"
    assert quote.runs[-1].italic
    table = document.tables[0]
    assert [cell.text for cell in table.rows[0].cells] == ["Q & A", "<answer>"]
    assert table.rows[0].cells[0].paragraphs[0].runs[0].bold
    assert [cell.text for cell in table.rows[1].cells] == [AWKWARD, ""]


def test_the_properties_and_marks_hold_any_name_as_typed(press_release) -> None:
    when = datetime(2025, 9, 2, 8, 30, tzinfo=UTC)
    approval = Approval(
        document="press_release",
        language="en",
        text_sha256="0" * 64,
        approved_at=when,
        approver=Approver(name="Sam <Patel> & Co", role='"Counsel"'),
    )
    titled = replace(press_release, blocks=(Block(BlockKind.TITLE, (Span("Q&A <draft>"),)),))
    document = docx.Document(
        io.BytesIO(draft_to_docx(titled, BaseDocument(), now=when, approval=approval))
    )
    properties = document.core_properties
    assert properties.title == "Q&A <draft>"
    assert properties.last_modified_by == 'Sam <Patel> & Co ("Counsel")'
    assert properties.created == when
    drafted = docx.Document(io.BytesIO(draft_to_docx(titled, BaseDocument(), mark=Mark.PRIVILEGED)))
    header = drafted.sections[0].header.paragraphs[0].text.splitlines()
    assert header[0].startswith("DRAFT – NOT FOR RELEASE · ")
    assert header[1] == "PRIVILEGED & CONFIDENTIAL – PREPARED AT THE REQUEST OF COUNSEL"


def test_text_xml_cannot_hold_is_refused_not_written_broken(press_release) -> None:
    broken = replace(press_release, blocks=(Block(BlockKind.PARAGRAPH, (Span("a\x01b"),)),))
    with pytest.raises(ValueError, match="XML compatible"):
        draft_to_docx(broken, BaseDocument())


def test_documents_of_one_export_share_their_frame_but_not_their_words(
    press_release, make_incident, renderer
) -> None:
    base = BaseDocument()
    french = renderer.render(make_incident(), DocumentKind.PRESS_RELEASE, "fr")
    english_again = replace(press_release, blocks=press_release.blocks[:1])
    texts = [
        "\n".join(p.text for p in docx.Document(io.BytesIO(draft_to_docx(d, base))).paragraphs)
        for d in (press_release, french, english_again)
    ]
    assert texts[0].startswith(press_release.blocks[0].text)
    assert "septembre" in texts[1] and "septembre" not in texts[0]
    assert texts[2] == press_release.blocks[0].text
