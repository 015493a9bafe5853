"""The frame of a kind of Word document, made by python-docx from the base document:
proofing language, DRAFT header ("not for publication" too, for a document that may not
be published; the privilege mark on a draft sent to counsel), page numbers, properties.
The drafts are written into it by :mod:`app.export.word_document` (``draft_to_docx``,
also importable from here); the redline writes its headers and footers with the same
functions. Everything visual (fonts, colours, letterhead) comes from the base document.
"""

from __future__ import annotations

import io
import zipfile
from typing import TYPE_CHECKING, Any

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import RGBColor

from app.export.marks import PAGE_WORDS
from app.export.word_document import draft_to_docx as draft_to_docx, fit_property as fit_property
from app.export.word_frame import (
    BODY_MARKER,
    FRAME_ENTRY,
    LINE_TOKEN,
    PROPERTY_TOKENS,
    SENTINEL_MOMENT,
    FrameFacts,
)
from app.export.word_language import set_proofing_language
from app.facts.models import Language

if TYPE_CHECKING:
    from app.export.word_base import BaseDocument


def frame_document(
    base: BaseDocument, proofing_tag: str, line_count: int, language: Language
) -> bytes:
    """The frame of every document in ``language`` proofed as ``proofing_tag`` whose
    header says ``line_count`` lines (:mod:`app.export.word_frame`), made by python-docx
    from ``base``: the proofing language, the header marks and page numbers, a marker
    where the body goes, tokens where the header lines and the properties go."""
    document = base.new()
    set_proofing_language(document, proofing_tag)
    document.add_paragraph()._p.set(BODY_MARKER.split("=")[0], "here")
    if line_count:
        lines = tuple(LINE_TOKEN.format(index) for index in range(line_count))
        mark_headers(document, lines, base.style_ids.get("Draft Mark"))
    number_pages(document, language)
    properties = document.core_properties
    for name, token in PROPERTY_TOKENS.items():
        setattr(properties, name, token)
    properties.language = proofing_tag
    properties.keywords = "CrisisDraft"
    properties.created = properties.modified = SENTINEL_MOMENT
    properties.revision = 1
    facts = FrameFacts(
        style_ids=dict(base.style_ids),
        block_width=int(document._block_width),
        **_numbering_facts(document, base.style_ids),
    )
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(buffer, "a") as archive:
        archive.writestr(FRAME_ENTRY, facts.to_json())
    return buffer.getvalue()


def _numbering_facts(document: Any, style_ids: dict[str, str]) -> dict[str, Any]:
    """Where a numbered list that starts again at 1 gets its format: for each list
    style, the abstract numbering of the list instance it names."""
    try:
        part = document.part.part_related_by(RT.NUMBERING)
    except KeyError:
        return {}
    numbering = part.element
    if numbering.prefix != "w" or not len(numbering):
        return {}  # a numbering part written otherwise: lists simply go on numbering
    nums = {num.get(qn("w:numId")): num for num in numbering.findall(qn("w:num"))}
    abstracts = {}
    for name in ("List Number", "List Number 2"):
        style = document.styles.element.get_by_id(style_ids.get(name, name))
        num_id = style.find(".//" + qn("w:numId")) if style is not None else None
        num = nums.get(num_id.get(qn("w:val"))) if num_id is not None else None
        abstract = num.find(qn("w:abstractNumId")) if num is not None else None
        if abstract is not None:
            abstracts[style_ids.get(name, name)] = str(int(abstract.get(qn("w:val"))))
    return {
        "list_abstracts": abstracts,
        "numbering_part": part.partname.membername,
        "num_ids": tuple(int(num_id) for num_id in nums),
    }


def mark_headers(document: Any, lines: tuple[str, ...], mark_style_id: str | None) -> None:
    """Put ``lines`` (the DRAFT line with the statement time, the privilege mark, "not
    for publication") at the top of every page's header, one paragraph with a line
    break between them."""
    for section in document.sections:
        headers = [section.header]
        if section.different_first_page_header_footer:
            headers.append(section.first_page_header)
        if document.settings.odd_and_even_pages_header_footer:
            headers.append(section.even_page_header)
        for header in headers:
            header.is_linked_to_previous = False
            existing = header.paragraphs
            if (
                len(existing) == 1
                and not existing[0].text.strip()
                and not _has_drawing(existing[0])
            ):
                paragraph = existing[0]
            else:
                paragraph = (
                    existing[0].insert_paragraph_before() if existing else header.add_paragraph()
                )
            _style_mark(paragraph, lines, mark_style_id)


def _style_mark(paragraph: Any, lines: tuple[str, ...], mark_style_id: str | None) -> None:
    """The house "Draft Mark" style; in a letterhead without it, bold red in its font."""
    paragraph.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if mark_style_id is not None:
        paragraph._p.get_or_add_pPr().style = mark_style_id
    for index, line in enumerate(lines):
        if index:
            paragraph.add_run().add_break()
        run = paragraph.add_run(line)
        if mark_style_id is None:
            run.bold = True
            run.font.color.rgb = RGBColor(0xB0, 0x1E, 0x1E)


def _has_drawing(paragraph: Any) -> bool:
    return bool(paragraph._p.findall(".//" + qn("w:drawing")))


def number_pages(document: Any, language: Language) -> None:
    """ "Page 2 of 3" in the footer, unless the letterhead's footer numbers pages already."""
    page, of = PAGE_WORDS[language]
    for section in document.sections:
        footer = section.footer
        if _has_page_field(footer):
            continue
        footer.is_linked_to_previous = False
        paragraphs = footer.paragraphs
        paragraph = (
            paragraphs[0]
            if len(paragraphs) == 1 and not paragraphs[0].text
            else footer.add_paragraph()
        )
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run(f"{page} ")
        _add_field(paragraph, "PAGE")
        paragraph.add_run(f" {of} ")
        _add_field(paragraph, "NUMPAGES")


def _has_page_field(footer: Any) -> bool:
    xml = footer._element.xml
    return "PAGE" in xml and ("fldSimple" in xml or "instrText" in xml)


def _add_field(paragraph: Any, instruction: str) -> None:
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    run._r.append(begin)
    run._r.append(text)
    run._r.append(separate)
    shown = paragraph.add_run("1")
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    shown._r.append(end)
