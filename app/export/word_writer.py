"""Draft -> a Word document: real styles and tables, proofing language, properties,
DRAFT header ("not for publication" too, for a document that may not be published; the
privilege mark on a draft sent to counsel), page numbers. The mapping from blocks to
Word styles is the whole of the layout logic; everything visual (fonts, colours,
letterhead) comes from the base document.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime
from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import RGBColor

from app.drafts.blocks import Block, BlockKind, Cell, Draft
from app.export.marks import APPROVED_MARKS, PAGE_WORDS, Mark, draft_status, header_lines
from app.export.word_base import BaseDocument
from app.export.word_language import set_proofing_language
from app.export.word_table import write_table
from app.facts.languages import DEFAULT_VARIANTS
from app.facts.models import Approval, Language

STYLE_OF_BLOCK: dict[BlockKind, str] = {
    BlockKind.TITLE: "Title",
    BlockKind.HEADING_1: "Heading 1",
    BlockKind.HEADING_2: "Heading 2",
    BlockKind.PARAGRAPH: "Normal",
    BlockKind.QUOTE: "Quote",
    BlockKind.BULLET: "List Bullet",
    BlockKind.NUMBERED: "List Number",
    BlockKind.TABLE: "Normal",  # the style of the text in its cells
}


def draft_to_docx(
    draft: Draft,
    base: BaseDocument,
    *,
    now: datetime | None = None,
    approval: Approval | None = None,
    mark: Mark = Mark.DRAFT,
) -> bytes:
    """The ``.docx`` file of ``draft``, as bytes, ready to be written atomically.

    With ``approval`` it is the final document: no DRAFT mark, and the approver is
    recorded in its properties; a document the registry says may not be published
    keeps its "not for publication" mark all the same. ``mark`` adds the privilege
    mark under the DRAFT mark, in the header and the properties (refused with an
    approval: :func:`app.export.marks.check_mark`)."""
    marks = header_lines(draft, approved=approval is not None, mark=mark)
    document = base.new()
    set_proofing_language(document, _proofing_tag(draft))
    _write_blocks(document, draft, base.style_ids)
    if marks:
        mark_headers(document, marks, base.style_ids.get("Draft Mark"))
    number_pages(document, draft.info.language)
    _set_properties(document, draft, now or datetime.now(UTC), approval, mark)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _write_blocks(document: Any, draft: Draft, style_ids: dict[str, str]) -> None:
    restarted_lists: dict[int, str] = {}
    first_numbered_list: int | None = None
    for block in draft.blocks:
        if block.kind is BlockKind.TABLE:
            write_table(document, block, style_ids, _write_spans)
            continue
        paragraph = document.add_paragraph()
        style_name = _style_name(block)
        if style_name != "Normal":  # by id: python-docx's lookup by name is slow
            paragraph._p.get_or_add_pPr().style = style_ids.get(style_name, style_name)
        if block.kind is BlockKind.NUMBERED:
            if first_numbered_list is None:
                first_numbered_list = block.list_id
            elif block.list_id != first_numbered_list:
                if block.list_id not in restarted_lists:
                    restarted_lists[block.list_id] = _new_numbering(document, paragraph)
                _use_numbering(paragraph, restarted_lists[block.list_id], block.level)
        _write_spans(paragraph, block.spans)


def _write_spans(paragraph: Any, spans: Cell) -> None:
    """One run per span, a line break for each ``"\\n"``."""
    for span in spans:
        for index, line in enumerate(span.text.split("\n")):
            if index:
                paragraph.add_run().add_break()
            if line:
                run = paragraph.add_run()
                run._r.add_t(line)  # in one piece; add_run(text) goes letter by letter
                run.bold = span.bold or None
                run.italic = span.italic or None


def _style_name(block: Block) -> str:
    name = STYLE_OF_BLOCK[block.kind]
    return (
        f"{name} 2"
        if block.kind in (BlockKind.BULLET, BlockKind.NUMBERED) and block.level
        else name
    )


def _new_numbering(document: Any, paragraph: Any) -> str:
    """A numbering instance that starts again at 1, sharing the list style's format."""
    style_num_id = paragraph.style.element.find(".//" + qn("w:numId")).get(qn("w:val"))
    numbering = document.part.numbering_part.element
    style_num = next(
        n for n in numbering.findall(qn("w:num")) if n.get(qn("w:numId")) == style_num_id
    )
    abstract_id = int(style_num.find(qn("w:abstractNumId")).get(qn("w:val")))
    num = numbering.add_num(abstract_id)
    override = num.add_lvlOverride(ilvl=0)
    override.add_startOverride(1)
    return str(num.numId)


def _use_numbering(paragraph: Any, num_id: str, level: int) -> None:
    properties = paragraph._p.get_or_add_pPr()
    numbering = properties.get_or_add_numPr()
    numbering.get_or_add_ilvl().val = level
    numbering.get_or_add_numId().val = int(num_id)


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


# Word keeps at most 255 characters in a text property of a document (python-docx refuses
# more); a headline written by a template may be longer, and must not fail the export.
_PROPERTY_LIMIT = 255


def fit_property(text: str) -> str:
    """``text`` cut to what a document property holds, with an ellipsis when cut."""
    return text if len(text) <= _PROPERTY_LIMIT else text[: _PROPERTY_LIMIT - 1] + "…"


def _set_properties(
    document: Any, draft: Draft, now: datetime, approval: Approval | None, mark: Mark
) -> None:
    properties = document.core_properties
    properties.title = fit_property(draft.headline)
    properties.subject = fit_property(draft.info.document_title)
    properties.author = fit_property(draft.info.author)
    properties.last_modified_by = fit_property(draft.info.author)
    properties.language = _proofing_tag(draft)
    properties.category = fit_property(draft_status(draft, mark))
    properties.keywords = "CrisisDraft"
    properties.comments = fit_property(f"Written with CrisisDraft from {draft.info.template}")
    if approval is not None:
        approver = approval.approver
        properties.category = APPROVED_MARKS[draft.info.language]
        properties.last_modified_by = fit_property(f"{approver.name} ({approver.role})")
        properties.comments = fit_property(
            f"Approved by {approver.name}, {approver.role}, on "
            f"{approval.approved_at.isoformat(timespec='minutes')}; written with CrisisDraft "
            f"from {draft.info.template}"
        )
    properties.created = now
    properties.modified = now
    properties.revision = 1


def _proofing_tag(draft: Draft) -> str:
    """The draft's own variant (en-US for an American organisation), else its language's."""
    return draft.info.proofing_tag or DEFAULT_VARIANTS[draft.info.language].proofing_tag
