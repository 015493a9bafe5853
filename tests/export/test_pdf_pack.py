"""Exporting PDFs: beside the Word documents or instead of them, named like them, all or
nothing, and never over an earlier export unless told."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from app.errors import ExportError
from app.export.naming import DocumentFormat
from app.export.pack import Existing
from app.facts.models import Approver
from app.session.incident_session import IncidentSession
from app.session.selection import Selection
from app.templates.documents import DocumentKind

BOTH = (DocumentFormat.DOCX, DocumentFormat.PDF)
PDF_ONLY = (DocumentFormat.PDF,)
PRESS_FR = Selection(("fr",), (DocumentKind.PRESS_RELEASE,))
STEM = "northwind-motors_holding-1_2025-09-02-0900_press_release_fr"
ISSUED_AT = datetime.fromisoformat("2025-09-02T09:30:00+01:00")


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_a_pdf_beside_each_word_document_with_the_same_name_and_text(
    tmp_path: Path, make_incident, renderer
) -> None:
    session = IncidentSession(make_incident(), renderer)
    exported = session.export(PRESS_FR, tmp_path, formats=BOTH)
    assert [document.path.name for document in exported] == [f"{STEM}.docx", f"{STEM}.pdf"]
    assert sorted(path.name for path in tmp_path.iterdir()) == [f"{STEM}.docx", f"{STEM}.pdf"]
    word = docx.Document(tmp_path / f"{STEM}.docx")
    pdf = pdf_text(tmp_path / f"{STEM}.pdf")
    assert pdf.startswith("PROJET – NE PAS DIFFUSER")
    title = word.paragraphs[1].text
    assert title.startswith("Northwind Motors met ses systèmes") and title[:40] in pdf


def test_a_pdf_only_export_writes_no_word_document(tmp_path: Path, make_incident, renderer) -> None:
    session = IncidentSession(make_incident(), renderer)
    exported = session.export(PRESS_FR, tmp_path, formats=PDF_ONLY)
    assert [path.name for path in tmp_path.iterdir()] == [f"{STEM}.pdf"]
    assert [document.path for document in exported] == [tmp_path / f"{STEM}.pdf"]


def test_an_earlier_pdf_is_refused_or_kept_as_asked(
    tmp_path: Path, make_incident, renderer
) -> None:
    session = IncidentSession(make_incident(), renderer)
    session.export(PRESS_FR, tmp_path, formats=PDF_ONLY)
    earlier = (tmp_path / f"{STEM}.pdf").read_bytes()
    assert session.earlier_documents(PRESS_FR, tmp_path, PDF_ONLY) == [tmp_path / f"{STEM}.pdf"]
    assert session.earlier_documents(PRESS_FR, tmp_path) == []  # no Word document yet
    with pytest.raises(ExportError) as refused:
        session.export(PRESS_FR, tmp_path, formats=BOTH)
    assert f"({STEM}.pdf)" in str(refused.value) and "nothing was exported" in str(refused.value)
    assert sorted(path.name for path in tmp_path.iterdir()) == [f"{STEM}.pdf"]
    kept = session.export(PRESS_FR, tmp_path, formats=BOTH, existing=Existing.KEEP_BOTH)
    assert [document.path.name for document in kept] == [f"{STEM}.docx", f"{STEM} (2).pdf"]
    assert (tmp_path / f"{STEM}.pdf").read_bytes() == earlier


def test_a_final_export_in_both_formats_is_one_statement_without_the_draft_mark(
    tmp_path: Path, make_incident, renderer
) -> None:
    session = IncidentSession(make_incident(), renderer)
    session.approve(PRESS_FR, Approver(name="Sam Patel", role="General Counsel"), ISSUED_AT)
    session.export(PRESS_FR, tmp_path, final=True, now=ISSUED_AT, formats=BOTH)
    issued = session.issued()
    assert [(entry.document, entry.language, entry.file_name) for entry in issued] == [
        ("press_release", "fr", f"{STEM}.docx")
    ]
    text = pdf_text(tmp_path / f"{STEM}.pdf")
    assert "PROJET" not in text and "Page 1 sur 2" in text
    reader = PdfReader(tmp_path / f"{STEM}.pdf")
    assert reader.metadata is not None
    assert "Sam Patel (General Counsel)" in str(reader.metadata["/Keywords"])


def test_a_reference_document_is_not_read_for_pdfs_only(
    tmp_path: Path, make_incident, renderer
) -> None:
    not_word = tmp_path / "letterhead.docx"
    not_word.write_text("not a Word document", encoding="utf-8")
    session = IncidentSession(make_incident(), renderer)
    out = tmp_path / "out"
    session.export(PRESS_FR, out, formats=PDF_ONLY, reference_docx=not_word)
    assert [path.name for path in out.iterdir()] == [f"{STEM}.pdf"]
    with pytest.raises(ExportError):  # the Word documents do use it
        session.export(PRESS_FR, out, formats=BOTH, reference_docx=not_word)
