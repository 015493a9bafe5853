"""A redline opened in real LibreOffice (headless, through its UNO bridge): it sees the
tracked changes under the approver's name, Edit › Track Changes › Accept All gives the
text after exactly and Reject All the text before, paragraph breaks included; the
opening part (what is compared, the facts changed) is no tracked change."""

from __future__ import annotations

from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from app.drafts.render import DraftRenderer
from app.export.redline import write_redline
from app.facts.models import Approver, Incident, IssuedStatement, Language
from app.session.incident_session import IncidentSession
from app.templates.documents import DocumentKind
from tests.conftest import IncidentMaker
from tests.export.redline_reading import TEXT_HEADINGS
from tests.export.test_redline import CASES, redline
from tests.office.libreoffice_uno import (
    AcceptAll,
    OfficeDocument,
    RejectAll,
    needs_office,
    run_jobs,
)

pytestmark = [pytest.mark.libreoffice, needs_office]

NBSP, NNBSP = "\u00a0", "\u202f"
ISSUED_AT = datetime(2025, 9, 2, 11, 0, tzinfo=UTC)
NOW = datetime(2025, 9, 2, 15, 0, tzinfo=UTC)
APPROVERS: dict[Language, Approver] = {
    "en": Approver(name="Raj Patel", role="Chief Executive"),
    "fr": Approver(name="Claire Dubois", role="Directrice juridique"),
}


def replaced(text: str, edits: list[tuple[str, str]]) -> str:
    """``text`` with each edit made once; an edit that finds nothing fails the test (the
    draft changed: the edit would test nothing)."""
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


EDITS: dict[Language, list[tuple[str, str]]] = {
    "en": [
        ("cybersecurity specialists", "independent cybersecurity specialists"),  # words
        (
            "its customers.\n",
            "its customers.\n\nWe apologise to our customers, retailers and partners.\n",
        ),  # a paragraph inserted
        (
            "Customers with a vehicle on order will be contacted by their retailer. Roadside "
            "assistance is operating normally.\n\n",
            "",
        ),  # a paragraph deleted
        (" Customer services remain available.", "\nCustomer services remain available."),
        ("Recovery\n\nNorthwind Motors is now", "Recovery: Northwind Motors is now"),  # merged
    ],
    "fr": [
        ("des experts en cybersécurité", "des spécialistes indépendants en cybersécurité"),
        (
            "ses clients.\n",
            f"ses clients.\n\n«{NBSP}Nous présentons nos excuses à nos clients{NNBSP}!{NBSP}»\n",
        ),
        (f"La production est suspendue{NBSP}:", f"La production est arrêtée{NBSP}:"),
        ("Conséquences sur l’activité\n\n", "Conséquences sur l’activité\n"),
    ],
}


def with_edited_statements(incident: Incident, renderer: DraftRenderer) -> Incident:
    """The incident with its press release issued in each language as edited in Word
    (statement 1 in English, 2 in French), by the language's approver."""
    session = IncidentSession(incident, renderer)
    issued = [
        IssuedStatement(
            issued_at=ISSUED_AT,
            document="press_release",
            language=language,
            template_id="holding.press_release",
            template_version="2",
            approver=APPROVERS[language],
            file_name=f"press_release_{language}.docx",
            facts=incident.facts_snapshot(),
            text=replaced(session.draft(DocumentKind.PRESS_RELEASE, language).plain_text(), edits),
        )
        for language, edits in EDITS.items()
    ]
    record = incident.record.model_copy(update={"issued": issued})
    return incident.model_copy(update={"record": record})


def in_libreoffice(paths: list[Path]) -> list[tuple[OfficeDocument, ...]]:
    """Each document as LibreOffice opens it, then with every change accepted, then
    rejected (saved as Word and opened again), in one soffice."""
    jobs: list[dict[str, Any]] = []
    for path in paths:
        accepted, rejected = path.with_suffix(".accepted.docx"), path.with_suffix(".rejected.docx")
        jobs += [
            {"open": str(path), "steps": [], "read": True},
            {"open": str(path), "steps": [asdict(AcceptAll())], "save": str(accepted)},
            {"open": str(accepted), "steps": [], "read": True},
            {"open": str(path), "steps": [asdict(RejectAll())], "save": str(rejected)},
            {"open": str(rejected), "steps": [], "read": True},
        ]
    answers = iter(run_jobs(jobs))
    documents = []
    for _path in paths:
        opened, _, accepted_doc, _, rejected_doc = (next(answers) for _ in range(5))
        documents.append(
            tuple(
                OfficeDocument.from_json(answer) for answer in (opened, accepted_doc, rejected_doc)
            )
        )
    return documents


def compared(document: OfficeDocument) -> str:
    """The compared text: the paragraphs after its heading."""
    start = next(i for i, text in enumerate(document.paragraphs) if text in TEXT_HEADINGS)
    return "\n".join(document.paragraphs[start + 1 :])


def opening(document: OfficeDocument) -> tuple[str, ...]:
    start = next(i for i, text in enumerate(document.paragraphs) if text in TEXT_HEADINGS)
    return document.paragraphs[: start + 1]


def test_libreoffice_accepts_a_press_release_redline_into_the_issued_text(
    make_incident: IncidentMaker, renderer: DraftRenderer, tmp_path: Path
) -> None:
    session = IncidentSession(with_edited_statements(make_incident(), renderer), renderer)
    paths = {"en": tmp_path / "redline-en.docx", "fr": tmp_path / "redline-fr.docx"}
    session.redline("draft", 1, paths["en"], now=NOW)
    session.redline("draft", 2, paths["fr"], now=NOW)
    results = dict(zip(paths, in_libreoffice(list(paths.values())), strict=True))
    for number, (language, (opened, accepted, rejected)) in enumerate(results.items(), start=1):
        approver = APPROVERS[language]
        assert opened.changes, f"LibreOffice sees no tracked change in the {language} redline"
        assert {change.author for change in opened.changes} == {
            f"{approver.name} ({approver.role})"
        }
        assert {change.kind for change in opened.changes} == {"Insert", "Delete"}
        statement = session.issued()[number - 1]
        draft = session.draft(DocumentKind.PRESS_RELEASE, language).plain_text()
        assert compared(accepted) == statement.text.removesuffix("\n")
        assert compared(rejected) == draft.removesuffix("\n")
        assert not accepted.changes and not rejected.changes
        # What is compared and the facts changed are no tracked change.
        assert opening(accepted) == opening(rejected) == opening(opened)
    assert results["en"][0].headers == ("COMPARISON – NOT FOR RELEASE",)
    assert results["fr"][0].headers == ("COMPARAISON – NE PAS DIFFUSER",)


@pytest.mark.slow
def test_libreoffice_accepts_and_rejects_every_tricky_case_exactly(tmp_path: Path) -> None:
    paths = []
    for number, (before, after) in enumerate(CASES.values()):
        path = tmp_path / f"case-{number}.docx"
        write_redline(redline(before, after), path)
        paths.append(path)
    results = in_libreoffice(paths)
    for name, (before, after), (opened, accepted, rejected) in zip(
        CASES, CASES.values(), results, strict=True
    ):
        assert opened.changes, name
        assert compared(accepted) == after.removesuffix("\n"), name
        assert compared(rejected) == before.removesuffix("\n"), name
