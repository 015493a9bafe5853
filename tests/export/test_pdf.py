"""What a reader finds in an exported PDF: read back with pypdf, as a viewer reads it."""

from __future__ import annotations

import io
import json
import re
from datetime import UTC, datetime

import pytest
from pypdf import PdfReader

from app.drafts.blocks import BlockKind, Draft
from app.export.pdf_writer import draft_to_pdf
from app.facts.loading import load_incident, parse_incident
from app.facts.models import Approval, Approver
from app.files.resources import bundled
from app.templates.documents import DocumentKind
from tests.conftest import edited

WHEN = datetime(2025, 9, 2, 8, 15, tzinfo=UTC)
QUOTE_FR = "Pourquoi tout arrêter ? Parce que vos données comptent d'abord !"


def read(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


def page_texts(reader: PdfReader) -> list[str]:
    return [page.extract_text() for page in reader.pages]


def flowing(text: str) -> str:
    """Text as it reads, whatever the line it was broken onto: one space between words
    (a PDF's no-break spaces read back as spaces; narrow ones stay)."""
    return re.sub(r"[ \n]+", " ", text.replace("\u00a0", " ")).strip()


def fonts_of(reader: PdfReader, wanted: str) -> set[str]:
    """The fonts the lines holding ``wanted`` are set in (their names without subset tag)."""
    found: set[str] = set()

    def visit(text: str, _cm: object, _tm: object, font: dict | None, _size: float) -> None:
        if wanted in text and font is not None:
            found.add(str(font["/BaseFont"]).split("+")[-1])

    for page in reader.pages:
        page.extract_text(visitor_text=visit)
    return found


@pytest.fixture(scope="module")
def french_press_release(example_data, renderer) -> Draft:
    data = edited(example_data, {"spokesperson.quote.fr": QUOTE_FR})
    incident = parse_incident(json.dumps(data), source="test.crisis.json")
    return renderer.render(incident, DocumentKind.PRESS_RELEASE, "fr")


@pytest.fixture(scope="module")
def french_pdf(french_press_release) -> bytes:
    """The draft's PDF, written once for the tests that only read it."""
    return draft_to_pdf(french_press_release, now=WHEN)


def approval_of(draft: Draft) -> Approval:
    return Approval(
        document=draft.info.document.value,
        language=draft.info.language,
        text_sha256="0" * 64,
        approved_at=WHEN,
        approver=Approver(name="Sam Patel", role="General Counsel"),
    )


def test_the_pdf_says_every_sentence_of_the_draft_in_french(
    french_press_release, french_pdf
) -> None:
    text = flowing(" ".join(page_texts(read(french_pdf))))
    for block in french_press_release.blocks:
        assert flowing(block.text) in text, block.text
    assert "« Pourquoi tout arrêter\u202f? Parce que vos données comptent d’abord\u202f! »" in text
    assert "Coventry, le 2 septembre 2025 – Northwind Motors a été victime d’une cyberattaque" in (
        text
    )
    assert "1. Redémarrer les applications mondiales" in text  # numbered as in Word


def test_headings_bold_quotes_italic_as_in_word(french_press_release, french_pdf) -> None:
    reader = read(french_pdf)
    title = next(b.text for b in french_press_release.blocks if b.kind is BlockKind.TITLE)
    assert "met ses systèmes hors service" in title
    assert fonts_of(reader, "met ses systèmes hors service") == {"CarlitoBold"}
    assert fonts_of(reader, "Coventry, le 2") == {"CarlitoBold"}  # the bold dateline
    assert fonts_of(reader, "Northwind Motors a été victime") == {"Carlito"}
    assert fonts_of(reader, "Pourquoi tout arrêter") == {"CarlitoItalic"}


def test_a_draft_carries_the_draft_mark_and_page_numbers_on_every_page(french_pdf) -> None:
    pages = page_texts(read(french_pdf))
    assert len(pages) == 2
    for number, text in enumerate(pages, start=1):
        lines = text.splitlines()
        assert flowing(lines[0]) == (
            "PROJET – NE PAS DIFFUSER · 2 septembre 2025 à 9 h 00 (heure de Londres)"
        )
        assert lines[-1] == f"Page {number} sur 2"


def test_an_approved_draft_has_no_draft_mark_and_names_its_approver(
    french_press_release,
) -> None:
    reader = read(draft_to_pdf(french_press_release, approval=approval_of(french_press_release)))
    text = " ".join(page_texts(reader))
    assert "PROJET" not in text and "NE PAS DIFFUSER" not in text
    assert "Page 1 sur 2" in text
    assert reader.metadata is not None
    assert reader.metadata["/Keywords"] == (
        "CrisisDraft; Approuvé pour diffusion: Sam Patel (General Counsel)"
    )


def test_the_pdf_says_its_title_author_subject_and_language(
    french_press_release, french_pdf
) -> None:
    reader = read(french_pdf)
    metadata = reader.metadata
    assert metadata is not None
    assert metadata.title == french_press_release.headline
    assert metadata.author == "Northwind Motors"
    assert metadata.subject == "Communiqué de presse"
    assert metadata.creation_date == WHEN
    assert reader.trailer["/Root"]["/Lang"] == "fr-FR"
    assert reader.trailer["/Root"]["/ViewerPreferences"]["/DisplayDocTitle"]


def test_an_american_organisation_gets_american_english(renderer) -> None:
    incident = load_incident(bundled("examples") / "it-failure.crisis.json")
    draft = renderer.render(incident, DocumentKind.STAFF_MESSAGE, "en")
    reader = read(draft_to_pdf(draft))
    assert reader.trailer["/Root"]["/Lang"] == "en-US"
    assert page_texts(reader)[0].startswith("DRAFT – NOT FOR RELEASE")
    assert "Page 1 of " in page_texts(reader)[0]


def test_a_character_the_text_font_lacks_comes_from_the_fallback_font(
    make_incident, renderer
) -> None:
    incident = make_incident(spokesperson__quote__en="Call us ☎ any time ✓")
    draft = renderer.render(incident, DocumentKind.PRESS_RELEASE, "en")
    reader = read(draft_to_pdf(draft))
    assert "Call us ☎ any time ✓" in flowing(" ".join(page_texts(reader)))
    assert [font for font in fonts_of(reader, "☎") if font.startswith("DejaVuSans")]
