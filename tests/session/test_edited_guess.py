"""Which document and language a Word document brought back is offered as: the app's
own file name, else what the document itself says."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from app.session.edited_guess import EditedGuess, guess_edited
from app.session.incident_session import IncidentSession
from app.session.selection import Selection
from app.templates.documents import DocumentKind

PRESS = DocumentKind.PRESS_RELEASE
DEALERS = DocumentKind.DEALER_NOTICE


@pytest.fixture
def session(write_incident, renderer) -> IncidentSession:
    return IncidentSession.open(write_incident(), renderer)


def exported(session: IncidentSession, folder: Path, document: DocumentKind, language: str):
    [written] = session.export(Selection((language,), (document,)), folder)
    return written.path


def test_the_exports_file_name_says_it_even_renamed_by_a_colleague(tmp_path: Path) -> None:
    names = {
        "northwind-motors_holding-1_2025-09-02-0900_dealer_notice_fr.docx": (DEALERS, "fr"),
        "northwind-motors_holding-1_2025-09-02-0900_press_release_en (legal).docx": (PRESS, "en"),
        "Copy of northwind_PRESS_RELEASE_EN.docx": (PRESS, "en"),
    }
    for name, (document, language) in names.items():
        assert guess_edited(tmp_path / name) == EditedGuess(document, language), name


def test_a_document_renamed_by_hand_is_known_by_its_properties_and_proofing_language(
    session: IncidentSession, tmp_path: Path
) -> None:
    renamed = tmp_path / "dealers, final from legal.docx"
    exported(session, tmp_path, DEALERS, "fr").rename(renamed)
    assert guess_edited(renamed, (PRESS,)) == EditedGuess(DEALERS, "fr")


def test_a_document_that_says_nothing_is_offered_as_the_first_document_needed(
    tmp_path: Path,
) -> None:
    blank = tmp_path / "statement.docx"
    document = docx.Document()  # python-docx's default: no Comments, proofed in en-US
    document.add_paragraph("Our statement, retyped.")
    document.save(str(blank))
    assert guess_edited(blank, (DEALERS, PRESS)) == EditedGuess(DEALERS, "en")
    not_word = tmp_path / "notes.docx"
    not_word.write_text("not a Word document", encoding="utf-8")
    assert guess_edited(not_word, (PRESS,)) == EditedGuess(PRESS, None)
