"""A draft sent to counsel for legal review says so on every page, under its DRAFT mark,
in Word, the PDF and the preview, in English and in French; a final document never does."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from app.drafts.blocks import Draft
from app.errors import ExportError
from app.export.marks import Mark
from app.export.pack import write_documents
from app.export.pdf_writer import draft_to_pdf
from app.export.preview_html import draft_to_html
from app.export.word_base import BaseDocument
from app.export.word_writer import draft_to_docx
from app.facts.loading import load_incident
from app.facts.models import Approval, Approver, Language
from app.files.resources import bundled, example_incident
from app.interface_text.translator import Translator
from app.templates.documents import DocumentKind
from tests.export.test_internal_mark import letterhead_with_a_different_first_page

WHEN = datetime(2025, 9, 2, 8, 30, tzinfo=UTC)
# Written out here, not read from app.export.marks: the words counsel asked for.
PRIVILEGED = {
    "en": "PRIVILEGED & CONFIDENTIAL – PREPARED AT THE REQUEST OF COUNSEL",
    "fr": "CONFIDENTIEL – PRÉPARÉ À LA DEMANDE DU CONSEIL JURIDIQUE",
}
DRAFT = {
    "en": "DRAFT – NOT FOR RELEASE · 2 September 2025, 09:00 BST",
    "fr": "PROJET – NE PAS DIFFUSER · 2\u00a0septembre 2025 à 9\u00a0h\u00a000 (heure de Londres)",
}
INTERNAL = {"en": "INTERNAL – NOT FOR PUBLICATION", "fr": "USAGE INTERNE – NE PAS PUBLIER"}


def approval_of(draft: Draft) -> Approval:
    return Approval(
        document=draft.info.document.value,
        language=draft.info.language,
        text_sha256="0" * 64,
        approved_at=WHEN,
        approver=Approver(name="Sam Patel", role="General Counsel"),
    )


def northwind(renderer, document: DocumentKind, language: Language) -> Draft:
    return renderer.render(load_incident(example_incident()), document, language)


def header_lines(data: bytes) -> list[list[str]]:
    """The lines of every header of every section (default, first page, even pages),
    as Word shows them: a line break starts a new line."""
    document = docx.Document(io.BytesIO(data))
    headers = []
    for section in document.sections:
        for header in (section.header, section.first_page_header, section.even_page_header):
            if header.is_linked_to_previous and header is not section.header:
                continue
            text = "\n".join(paragraph.text for paragraph in header.paragraphs)
            headers.append([line for line in text.splitlines() if line.strip()])
    return headers


def spaced(text: str) -> str:
    return text.replace("\u00a0", " ")


def pdf_lines(data: bytes) -> list[list[str]]:
    """Each page's lines (a PDF's no-break spaces read back as spaces)."""
    reader = PdfReader(io.BytesIO(data))
    return [spaced(page.extract_text()).splitlines() for page in reader.pages]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_press_release_for_counsel_carries_the_privilege_mark_under_the_draft_mark(
    renderer, language
) -> None:
    draft = northwind(renderer, DocumentKind.PRESS_RELEASE, language)
    data = draft_to_docx(draft, BaseDocument(), mark=Mark.PRIVILEGED)
    assert header_lines(data) == [[DRAFT[language], PRIVILEGED[language]]]
    properties = docx.Document(io.BytesIO(data)).core_properties
    assert PRIVILEGED[language] in properties.category
    assert properties.category.startswith(DRAFT[language].split(" · ")[0])


@pytest.mark.parametrize("language", ["en", "fr"])
def test_without_the_choice_a_draft_carries_the_draft_mark_alone(renderer, language) -> None:
    draft = northwind(renderer, DocumentKind.PRESS_RELEASE, language)
    assert header_lines(draft_to_docx(draft, BaseDocument())) == [[DRAFT[language]]]
    approved = draft_to_docx(draft, BaseDocument(), approval=approval_of(draft))
    assert header_lines(approved) == [[]]  # the final document: no mark at all
    assert PRIVILEGED[language] not in draft_to_html(draft)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_qa_for_counsel_keeps_its_internal_mark_on_every_header_of_a_letterhead(
    renderer, tmp_path, language
) -> None:
    draft = northwind(renderer, DocumentKind.QA, language)
    base = BaseDocument(letterhead_with_a_different_first_page(tmp_path))
    headers = header_lines(draft_to_docx(draft, base, mark=Mark.PRIVILEGED))
    assert len(headers) == 3  # default, first page, even pages
    for lines in headers:
        assert lines[:3] == [DRAFT[language], PRIVILEGED[language], INTERNAL[language]]
        assert lines[3].startswith("Northwind Motors")  # the letterhead's own header stays


@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_pdf_page_for_counsel_carries_the_privilege_mark(renderer, language) -> None:
    draft = northwind(renderer, DocumentKind.QA, language)
    data = draft_to_pdf(draft, now=WHEN, mark=Mark.PRIVILEGED)
    pages = pdf_lines(data)
    assert len(pages) >= 2
    for lines in pages:
        assert lines[:3] == [spaced(DRAFT[language]), PRIVILEGED[language], INTERNAL[language]]
    keywords = PdfReader(io.BytesIO(data)).metadata["/Keywords"]
    assert PRIVILEGED[language] in keywords
    approved = pdf_lines(draft_to_pdf(draft, approval=approval_of(draft)))
    assert all(lines[0] == INTERNAL[language] for lines in approved)
    assert all(PRIVILEGED[language] not in "\n".join(lines) for lines in approved)


def test_the_preview_shows_the_marks_in_the_headers_order(renderer) -> None:
    draft = northwind(renderer, DocumentKind.QA, "fr")
    html = draft_to_html(draft, draft_mark=DRAFT["fr"], mark=Mark.PRIVILEGED)
    assert f"{DRAFT['fr']}<br/>{PRIVILEGED['fr']}<br/>{INTERNAL['fr']}" in html


@pytest.mark.parametrize("writer", ["docx", "pdf"])
def test_a_final_document_is_never_marked_privileged(renderer, writer) -> None:
    draft = northwind(renderer, DocumentKind.PRESS_RELEASE, "fr")
    with pytest.raises(ExportError) as refused:
        if writer == "docx":
            draft_to_docx(draft, BaseDocument(), approval=approval_of(draft), mark=Mark.PRIVILEGED)
        else:
            draft_to_pdf(draft, approval=approval_of(draft), mark=Mark.PRIVILEGED)
    french = refused.value.translated(Translator("fr").gettext, "fr")
    assert "ne peut pas porter la mention de confidentialité" in french
    assert "rien n’a été exporté" in french


def test_a_pack_with_an_approved_draft_is_refused_with_nothing_written(
    renderer, tmp_path: Path
) -> None:
    incident = load_incident(bundled("examples") / "data-affected-paused.crisis.json")
    press = renderer.render(incident, DocumentKind.PRESS_RELEASE, "en")
    staff = renderer.render(incident, DocumentKind.STAFF_MESSAGE, "en")
    out = tmp_path / "for counsel"
    with pytest.raises(ExportError) as refused:
        write_documents(
            incident, [(staff, None), (press, approval_of(press))], out, mark=Mark.PRIVILEGED
        )
    assert "cannot carry the privilege mark" in str(refused.value)
    assert not out.exists()


def baselines(data: bytes, page: int) -> list[tuple[float, str]]:
    """The height of each piece of text on ``page`` (points from the bottom), top first."""
    found: list[tuple[float, str]] = []

    def visit(text, matrix, text_matrix, _font, _size) -> None:
        if text.strip():
            found.append((matrix[5] + text_matrix[5], text.strip()))

    PdfReader(io.BytesIO(data)).pages[page].extract_text(visitor_text=visit)
    return sorted(found, key=lambda piece: -piece[0])


def test_the_pdf_text_starts_below_three_header_lines_as_in_word(renderer) -> None:
    """Word pushes the text down when the header outgrows the top margin; so does the PDF
    (the Q&A's second page starts with its table, right under the header)."""
    draft = northwind(renderer, DocumentKind.QA, "en")
    pieces = baselines(draft_to_pdf(draft, now=WHEN, mark=Mark.PRIVILEGED), 1)
    header = [height for height, text in pieces if text in (INTERNAL["en"], PRIVILEGED["en"])]
    (body_top, first_text) = next((height, text) for height, text in pieces if height < min(header))
    assert first_text == "Question"  # the table's header row, repeated
    assert min(header) - body_top >= 18  # a mark line (9 pt) and the header's 6 pt after it
