"""A document the registry says may not be published (the reactive Q&A) says so on every
page, in Word, the PDF and the preview, as a draft and once approved; a document that
may be published does not."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from app.drafts.blocks import Draft
from app.export.marks import INTERNAL_MARKS
from app.export.pdf_writer import draft_to_pdf
from app.export.preview_html import draft_to_html
from app.export.word_base import BaseDocument
from app.export.word_writer import draft_to_docx
from app.facts.loading import load_incident
from app.facts.models import Approval, Approver, Language
from app.files.resources import bundled
from app.templates.documents import DOCUMENTS, DocumentKind

WHEN = datetime(2025, 9, 16, 16, 30, tzinfo=UTC)
DRAFT = {"en": "DRAFT – NOT FOR RELEASE", "fr": "PROJET – NE PAS DIFFUSER"}


def approval_of(draft: Draft) -> Approval:
    return Approval(
        document=draft.info.document.value,
        language=draft.info.language,
        text_sha256="0" * 64,
        approved_at=WHEN,
        approver=Approver(name="Sam Patel", role="Head of Communications"),
    )


def draft_of(renderer, document: DocumentKind, language: Language) -> Draft:
    incident = load_incident(bundled("examples") / "data-affected-paused.crisis.json")
    return renderer.render(incident, document, language)


def headers_of(data: bytes) -> list[str]:
    """The text of every header of every section: default, first page and even pages."""
    document = docx.Document(io.BytesIO(data))
    texts = []
    for section in document.sections:
        headers = [section.header, section.first_page_header, section.even_page_header]
        texts += ["\n".join(p.text for p in header.paragraphs) for header in headers]
    return texts


def letterhead_with_a_different_first_page(folder: Path) -> Path:
    """A company letterhead whose first page and even pages have headers of their own."""
    document = docx.Document()
    section = document.sections[0]
    section.different_first_page_header_footer = True
    document.settings.odd_and_even_pages_header_footer = True
    section.header.paragraphs[0].text = "Northwind Motors Ltd"
    section.first_page_header.paragraphs[0].text = "Northwind Motors Ltd · Coventry"
    section.even_page_header.paragraphs[0].text = "Northwind Motors"
    path = folder / "letterhead.docx"
    document.save(str(path))
    return path


def test_the_registry_says_which_documents_are_not_for_publication() -> None:
    private = [kind for kind, spec in DOCUMENTS.items() if not spec.publishable]
    assert private == [DocumentKind.QA]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_word_header_of_the_qa_says_not_for_publication_drafted_and_approved(
    renderer, tmp_path, language
) -> None:
    draft = draft_of(renderer, DocumentKind.QA, language)
    base = BaseDocument(letterhead_with_a_different_first_page(tmp_path))
    drafted = headers_of(draft_to_docx(draft, base))
    approved = headers_of(draft_to_docx(draft, base, approval=approval_of(draft)))
    assert len(drafted) == 3
    for header in drafted:
        assert DRAFT[language] in header and INTERNAL_MARKS[language] in header, header
        assert "Northwind Motors" in header  # the letterhead's own header stays
    for header in approved:
        assert INTERNAL_MARKS[language] in header and DRAFT[language] not in header, header
    plain = headers_of(draft_to_docx(draft, BaseDocument()))[0]
    assert plain.splitlines()[1] == INTERNAL_MARKS[language]  # under the DRAFT line


def test_a_publishable_document_carries_no_such_mark(renderer) -> None:
    draft = draft_of(renderer, DocumentKind.PRESS_RELEASE, "en")
    for header in headers_of(draft_to_docx(draft, BaseDocument())):
        assert "PUBLICATION" not in header
    assert "PUBLICATION" not in draft_to_html(draft)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_pdf_page_of_the_qa_says_not_for_publication(renderer, language) -> None:
    draft = draft_of(renderer, DocumentKind.QA, language)
    for approval in (None, approval_of(draft)):
        pages = PdfReader(io.BytesIO(draft_to_pdf(draft, approval=approval))).pages
        assert len(pages) >= 2
        for page in pages:
            text = page.extract_text().replace("\u00a0", " ")
            assert INTERNAL_MARKS[language] in text
            assert (DRAFT[language] in text) is (approval is None)


def test_the_preview_and_a_copy_say_it_too(renderer) -> None:
    draft = draft_of(renderer, DocumentKind.QA, "fr")
    assert INTERNAL_MARKS["fr"] in draft_to_html(draft)  # a copy pasted into an e-mail
    assert draft_to_html(draft, internal=False).count(INTERNAL_MARKS["fr"]) == 1  # its body
