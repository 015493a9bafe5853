"""What a returned document says of itself besides its body: the text of its headers
(every section's), the language Word proofs its text in, its properties; and a
minimal document (no styles, no numbering, no properties) reads all the same."""

from __future__ import annotations

from pathlib import Path

from docx.enum.section import WD_SECTION
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from app.drafts.blocks import BlockKind
from app.word_import import read_returned_document
from tests.word_import.documents import (
    draft_of,
    edited_with_python_docx,
    exported,
    paragraph_with,
    zipped,
)

RELEASE = "# Northwind Motors takes systems offline\n\nNorthwind Motors detected a cyberattack.\n"


def test_every_sections_headers_are_read_and_the_footer_is_not(tmp_path: Path) -> None:
    path = exported(draft_of(RELEASE), tmp_path / "release.docx")

    def edit(document) -> None:
        section = document.add_section(WD_SECTION.NEW_PAGE)
        section.header.is_linked_to_previous = False
        section.header.paragraphs[0].text = "Annex – internal"
        section.different_first_page_header_footer = True
        section.first_page_header.paragraphs[0].text = "Annex cover"
        document.add_paragraph("The annex.")

    edited_with_python_docx(path, edit)
    returned = read_returned_document(path)
    draft_line = "DRAFT – NOT FOR RELEASE · 2 September 2025, 09:00 BST"
    assert returned.header_texts == (draft_line, "Annex cover", "Annex – internal")
    assert not any("Page" in text for text in returned.header_texts)  # the footer's


def test_the_proofing_language_is_counted_per_character_of_the_body(tmp_path: Path) -> None:
    path = exported(draft_of(RELEASE), tmp_path / "release.docx")

    def edit(document) -> None:
        paragraph = paragraph_with(document, "Northwind Motors detected")
        pasted = paragraph.add_run(" Voilà.")  # pasted from the French version, its language kept
        language = OxmlElement("w:lang")
        language.set(qn("w:val"), "fr-FR")
        pasted._r.get_or_add_rPr().append(language)

    edited_with_python_docx(path, edit)
    returned = read_returned_document(path)
    english = len("Northwind Motors takes systems offline".replace(" ", "")) + len(
        "Northwind Motors detected a cyberattack.".replace(" ", "")
    )
    assert returned.proofing_tags == {"en-GB": english, "fr-FR": len("Voilà.")}
    assert returned.proofing_tag == "en-GB"


CONTENT_TYPES = (
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    b'relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/'
    b'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
RELATIONSHIPS = (
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
BODY = (
    b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    b"<w:body><w:p><w:r><w:t>Northwind Motors</w:t></w:r></w:p><w:p/>"
    b"<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Act</w:t></w:r><w:r><w:t xml:space='preserve'>"
    b" now.</w:t></w:r></w:p></w:body></w:document>"
)


def test_a_minimal_document_written_by_hand_reads(tmp_path: Path) -> None:
    path = tmp_path / "minimal.docx"
    path.write_bytes(
        zipped(
            {
                "[Content_Types].xml": CONTENT_TYPES,
                "_rels/.rels": RELATIONSHIPS,
                "word/document.xml": BODY,
            }
        )
    )
    returned = read_returned_document(path)
    assert [(b.kind, b.text) for b in returned.blocks] == [
        (BlockKind.PARAGRAPH, "Northwind Motors"),
        (BlockKind.PARAGRAPH, "Act now."),
    ]
    assert returned.blocks[1].spans[0].bold
    assert (returned.header_texts, returned.proofing_tag, returned.core_title) == ((), "", "")
    assert returned.core_author == returned.core_comments == ""
