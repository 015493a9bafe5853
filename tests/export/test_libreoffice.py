"""LibreOffice opens every exported document: a second, independent reader of the
files (CI installs it; the test is skipped only where soffice is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.session.incident_session import IncidentSession
from app.session.selection import Selection
from app.templates.documents import DocumentKind, owed_documents
from tests.export.libreoffice import SOFFICE, libreoffice_texts

STEM = "northwind-motors_holding-1_2025-09-02-0900_{document}_{language}"


@pytest.mark.libreoffice
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_opens_every_exported_document_and_reads_its_text(
    tmp_path: Path, make_incident, renderer
) -> None:
    listed = make_incident(organisation__listed_on=["London Stock Exchange"])
    session = IncidentSession(listed, renderer)  # listed: the market announcement is owed
    every_document = Selection(documents=owed_documents(listed))
    written = [d.path for d in session.export(every_document, tmp_path / "out")]
    assert len(written) == 2 * 8  # no data at stake: no notification to an authority
    texts = libreoffice_texts(written, tmp_path)
    assert set(texts) == {path.stem for path in written}

    def text(document: str, language: str) -> str:
        return texts[STEM.format(document=document, language=language)]

    assert "no evidence that any customer data has been taken" in text("press_release", "en")
    assert "Données des clients" in text("press_release", "fr")
    assert "We will never ask for your password or card details" in text("customer_notice", "en")
    assert "We will never change our bank details by email alone" in text("supplier_notice", "en")
    assert "Did you pay a ransom?" in text("qa", "en")  # a table cell
    assert "NE PAS PUBLIER" in text("qa", "fr")
    assert "SMS aux collaborateurs" in text("social", "fr")
    assert "/ 160" in text("social", "en")  # the counts under the texts
    assert "Listed on: London Stock Exchange" in text("market_announcement", "en")
    assert "Cotation\u00a0: London Stock Exchange" in text("market_announcement", "fr")


def test_libreoffice_opens_the_texts_to_authorities(
    tmp_path: Path, make_incident, renderer
) -> None:
    """The ICO's notification in English, the CNIL's and the NIS2 texts to ANSSI in French."""
    affected = make_incident(
        data__status="affected",
        authorities__regulators=["ICO", "CNIL"],
        authorities__nis2_authority="ANSSI",
        record={"nis2_in_scope": True, "approvals": [], "issued": []},
    )
    to_authorities = Selection(
        documents=(
            DocumentKind.REGULATOR_NOTIFICATION,
            DocumentKind.NIS2_EARLY_WARNING,
            DocumentKind.NIS2_NOTIFICATION,
        )
    )
    written = [
        d.path for d in IncidentSession(affected, renderer).export(to_authorities, tmp_path / "out")
    ]
    texts = libreoffice_texts(written, tmp_path)
    assert set(texts) == {
        STEM.format(document="regulator_notification", language="en"),
        STEM.format(document="regulator_notification", language="fr"),
        STEM.format(document="nis2_early_warning", language="fr"),
        STEM.format(document="nis2_notification", language="fr"),
    }
    english = texts[STEM.format(document="regulator_notification", language="en")]
    assert "Information Commissioner's Office (ICO)" in english
    assert "Approximate number of records concerned: Not yet known; to follow." in english
    french = texts[STEM.format(document="regulator_notification", language="fr")]
    assert "Commission nationale de l’informatique et des libertés (CNIL)" in french
    warning = texts[STEM.format(document="nis2_early_warning", language="fr")]
    assert "Impact transfrontière éventuel" in warning
