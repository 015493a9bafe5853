"""What a user finds when opening an exported document in Word."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from app.drafts.blocks import BlockKind
from app.errors import ExportError
from app.export.word_base import BaseDocument
from app.export.word_writer import draft_to_docx
from app.templates.documents import DocumentKind


def open_docx(data: bytes):
    return docx.Document(io.BytesIO(data))


def body_text(document) -> str:
    return "\n".join(paragraph.text for paragraph in document.paragraphs)


def proofing_language(document) -> str:
    defaults = document.styles.element.find(qn("w:docDefaults"))
    return defaults.find(".//" + qn("w:lang")).get(qn("w:val"))


@pytest.fixture
def french_press_release(make_incident, renderer):
    return renderer.render(make_incident(), DocumentKind.PRESS_RELEASE, "fr")


def test_blocks_become_real_word_styles(french_press_release) -> None:
    document = open_docx(draft_to_docx(french_press_release, BaseDocument()))
    styles = [paragraph.style.name for paragraph in document.paragraphs]
    expected = {
        BlockKind.TITLE: "Title",
        BlockKind.HEADING_1: "Heading 1",
        BlockKind.NUMBERED: "List Number",
        BlockKind.QUOTE: "Quote",
        BlockKind.PARAGRAPH: "Normal",
    }
    assert styles == [
        {**expected}.get(block.kind, "List Bullet") for block in french_press_release.blocks
    ]
    title = document.paragraphs[1]
    assert title.style.name == "Title"
    assert title.text.startswith("Northwind Motors met ses systèmes hors service")
    dateline = document.paragraphs[2].runs[0]
    assert dateline.bold and dateline.text == "Coventry, le 2\u00a0septembre 2025"


def test_the_document_says_its_language_title_and_author(french_press_release) -> None:
    when = datetime(2025, 9, 2, 8, 15, tzinfo=UTC)
    document = open_docx(draft_to_docx(french_press_release, BaseDocument(), now=when))
    assert proofing_language(document) == "fr-FR"
    properties = document.core_properties
    assert properties.language == "fr-FR"
    assert properties.author == "Northwind Motors"
    assert properties.title == french_press_release.headline
    assert properties.subject == "Communiqué de presse"
    assert properties.created == when


def test_every_page_carries_the_draft_mark_and_page_numbers(french_press_release) -> None:
    document = open_docx(draft_to_docx(french_press_release, BaseDocument()))
    section = document.sections[0]
    header = "\n".join(paragraph.text for paragraph in section.header.paragraphs)
    assert "PROJET – NE PAS DIFFUSER" in header
    assert "2\u00a0septembre 2025 à 9\u00a0h\u00a000" in header
    footer_xml = section.footer._element.xml
    assert "PAGE" in footer_xml and "NUMPAGES" in footer_xml
    assert "Page" in section.footer.paragraphs[0].text
    assert round(section.page_width.cm, 1) == 21.0  # A4


def test_a_reference_document_gives_its_letterhead_and_styles(
    tmp_path: Path, make_incident, renderer
) -> None:
    letterhead = docx.Document()
    letterhead.sections[0].header.paragraphs[0].text = "NORTHWIND MOTORS LTD · Abbey Road, Coventry"
    letterhead.sections[0].footer.paragraphs[0].text = "Registered in England No. 123456"
    letterhead.styles["Normal"].font.name = "Georgia"
    letterhead.add_paragraph("Old letter body that must not appear")
    reference = tmp_path / "letterhead.docx"
    letterhead.save(reference)

    draft = renderer.render(make_incident(), DocumentKind.DEALER_NOTICE, "en")
    document = open_docx(draft_to_docx(draft, BaseDocument(reference)))
    assert document.styles["Normal"].font.name == "Georgia"
    assert "Old letter body" not in body_text(document)
    assert body_text(document).startswith("NOTICE TO ALL NORTHWIND MOTORS RETAILERS")
    header = [paragraph.text for paragraph in document.sections[0].header.paragraphs]
    assert header[0].startswith("DRAFT – NOT FOR RELEASE · 2 September 2025, 09:00 BST")
    assert "NORTHWIND MOTORS LTD · Abbey Road, Coventry" in header
    footer = "\n".join(paragraph.text for paragraph in document.sections[0].footer.paragraphs)
    assert "Registered in England No. 123456" in footer
    assert proofing_language(document) == "en-GB"


def test_a_reference_without_list_styles_still_gets_real_lists(
    tmp_path: Path, make_incident, renderer
) -> None:
    bare = docx.Document()
    styles = bare.styles.element
    for style in list(styles.findall(qn("w:style"))):
        name = style.find(qn("w:name")).get(qn("w:val"))
        if name.startswith(("List", "Quote", "Title")):
            styles.remove(style)
    reference = tmp_path / "bare.docx"
    bare.save(reference)
    assert "List Bullet" not in {style.name for style in docx.Document(reference).styles}

    draft = renderer.render(make_incident(), DocumentKind.STAFF_MESSAGE, "en")
    document = open_docx(draft_to_docx(draft, BaseDocument(reference)))
    bullets = [p for p in document.paragraphs if p.style.name == "List Bullet"]
    assert [p.text for p in bullets][:1] == ["The Solihull plant: stopped"]
    numbered = [p for p in document.paragraphs if p.style.name == "List Number"]
    assert len(numbered) == 3
    num_id = numbered[0].style.element.find(".//" + qn("w:numId")).get(qn("w:val"))
    numbering = document.part.numbering_part.element
    assert any(num.get(qn("w:numId")) == num_id for num in numbering.findall(qn("w:num")))


@pytest.mark.parametrize("content", [b"not a zip at all", b"PK\x03\x04 broken"])
def test_a_reference_that_is_not_a_word_document_is_refused(tmp_path: Path, content) -> None:
    reference = tmp_path / "letterhead.docx"
    reference.write_bytes(content)
    with pytest.raises(ExportError, match=r"letterhead\.docx: is not a Word document"):
        BaseDocument(reference)


def test_a_second_numbered_list_starts_again_at_one(make_incident, renderer) -> None:
    incident = make_incident(data__status="affected", data__categories=["contact_details"])
    draft = renderer.render(incident, DocumentKind.PRESS_RELEASE, "en")
    from dataclasses import replace

    from app.drafts.blocks import Block, Span

    extra = (Block(BlockKind.NUMBERED, (Span("again"),), list_id=99),)
    document = open_docx(draft_to_docx(replace(draft, blocks=draft.blocks + extra), BaseDocument()))
    last = document.paragraphs[-1]
    assert last.text == "again"
    override = last._p.pPr.find(qn("w:numPr"))
    assert override is not None  # its own numbering instance, restarted at 1
