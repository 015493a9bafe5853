"""Two statements of the record, or one and the current draft, written as a Word redline:
numbered as ``history`` numbers them, the changes attributed to the later side's
approver at its time (to CrisisDraft, now, for the draft), the facts changed between
their snapshots at the top; refused, with nothing written, for two different documents
or languages or a number that is not in the record."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from docx.oxml.ns import qn

from app.drafts.render import DraftRenderer
from app.errors import CrisisDraftError
from app.facts.models import Approver, EditedInWord, Incident, IssuedStatement
from app.session.incident_session import IncidentSession
from app.templates.documents import DocumentKind
from tests.conftest import IncidentMaker
from tests.export.redline_reading import accepted, open_redline, opening_texts, rejected, revisions

FIRST_AT = datetime(2025, 9, 2, 8, 0, tzinfo=UTC)
SECOND_AT = FIRST_AT + timedelta(hours=3)
NOW = datetime(2025, 9, 2, 15, 0, tzinfo=UTC)
COUNSEL = Approver(name="Ann Carter", role="General Counsel")
CHIEF = Approver(name="Raj Patel", role="Chief Executive")
FIRST_TEXT = "NORTHWIND MOTORS\n\nWe are working with specialists.\nOur dealers remain open.\n"
SECOND_TEXT = (
    "NORTHWIND MOTORS\n\nWe are working with external specialists.\n\n"
    "We apologise to our customers.\nOur dealers remain open.\n"
)


def statement(
    incident: Incident,
    text: str,
    at: datetime,
    approver: Approver,
    *,
    document: str = "press_release",
    language: Any = "en",
    facts: dict[str, Any] | None = None,
    edited: EditedInWord | None = None,
) -> IssuedStatement:
    return IssuedStatement(
        issued_at=at,
        document=document,  # type: ignore[arg-type]
        language=language,
        template_id="holding.press_release",
        template_version="2",
        approver=approver,
        file_name=f"{document}_{language}.docx",
        facts=incident.facts_snapshot() if facts is None else facts,
        text=text,
        edited=edited,
    )


def with_issued(incident: Incident, *statements: IssuedStatement) -> Incident:
    record = incident.record.model_copy(update={"issued": list(statements)})
    return incident.model_copy(update={"record": record})


@pytest.fixture
def two_statements(make_incident: IncidentMaker) -> Incident:
    """Two English press releases (the police informed by the second only), a French
    one between them."""
    earlier = make_incident(authorities__law_enforcement=False)
    later = make_incident()
    return with_issued(
        later,
        statement(earlier, FIRST_TEXT, FIRST_AT, COUNSEL),
        statement(later, "COMMUNIQUÉ\n", FIRST_AT + timedelta(minutes=5), COUNSEL, language="fr"),
        statement(later, SECOND_TEXT, SECOND_AT, CHIEF),
    )


def test_two_issued_statements_give_the_later_text_as_the_later_approver_changed_it(
    two_statements: Incident, tmp_path: Path
) -> None:
    out = tmp_path / "redline.docx"
    written = IncidentSession(two_statements, path=tmp_path / "x.crisis.json").redline(
        1, 3, out, now=NOW
    )
    assert accepted(out) == SECOND_TEXT.removesuffix("\n")
    assert rejected(out) == FIRST_TEXT.removesuffix("\n")
    changes = revisions(out)
    assert {change.get(qn("w:author")) for change in changes} == {"Raj Patel (Chief Executive)"}
    assert {change.get(qn("w:date")) for change in changes} == {"2025-09-02T11:00:00Z"}
    assert (written.document, written.language, written.changes) == (
        DocumentKind.PRESS_RELEASE,
        "en",
        len(changes),
    )
    texts = opening_texts(open_redline(out))
    assert texts[2].startswith("Before: statement 1 of the record, issued 2 September 2025")
    assert texts[3].startswith("After: statement 3 of the record")
    facts = texts[texts.index("Facts changed") + 1 : -1]
    assert facts == ["authorities.law_enforcement: no → yes"]
    assert written.facts == 1


def test_the_current_draft_is_attributed_to_crisisdraft_now(
    two_statements: Incident, renderer: DraftRenderer, tmp_path: Path
) -> None:
    session = IncidentSession(two_statements, renderer)
    out = tmp_path / "to-draft.docx"
    written = session.redline(1, "draft", out, now=NOW)
    draft_text = session.draft(DocumentKind.PRESS_RELEASE, "en").plain_text()
    assert accepted(out) == draft_text.removesuffix("\n")
    assert rejected(out) == FIRST_TEXT.removesuffix("\n")
    assert written.author == "CrisisDraft"
    assert {change.get(qn("w:date")) for change in revisions(out)} == {"2025-09-02T15:00:00Z"}
    assert opening_texts(open_redline(out))[3] == "After: the current draft (not issued)"


def test_the_draft_before_a_statement_is_the_draft_of_that_statements_document(
    two_statements: Incident, renderer: DraftRenderer, tmp_path: Path
) -> None:
    session = IncidentSession(two_statements, renderer)
    out = tmp_path / "from-draft.docx"
    written = session.redline("draft", 2, out, now=NOW)
    assert written.language == "fr"
    french_draft = session.draft(DocumentKind.PRESS_RELEASE, "fr").plain_text()
    assert rejected(out) == french_draft.removesuffix("\n")
    assert accepted(out) == "COMMUNIQUÉ"
    assert {change.get(qn("w:author")) for change in revisions(out)} == {
        "Ann Carter (General Counsel)"
    }
    assert opening_texts(open_redline(out))[:2] == [
        "Comparaison",
        "Communiqué de presse en français",
    ]


def test_a_statement_edited_in_word_is_named_so(
    make_incident: IncidentMaker, tmp_path: Path
) -> None:
    incident = make_incident()
    edited = EditedInWord(file_sha256="0" * 64, draft_text=FIRST_TEXT, draft_approver=COUNSEL)
    session = IncidentSession(
        with_issued(
            incident,
            statement(incident, FIRST_TEXT, FIRST_AT, COUNSEL),
            statement(incident, SECOND_TEXT, SECOND_AT, CHIEF, edited=edited),
        )
    )
    out = tmp_path / "edited.docx"
    session.redline(1, 2, out, now=NOW)
    texts = opening_texts(open_redline(out))
    assert texts[3].startswith("After: statement 2 of the record, edited in Word, issued ")
    assert "No fact changed." in texts


def test_unreadable_facts_are_said_and_the_texts_still_compared(
    make_incident: IncidentMaker, tmp_path: Path
) -> None:
    incident = make_incident()
    session = IncidentSession(
        with_issued(
            incident,
            statement(incident, FIRST_TEXT, FIRST_AT, COUNSEL, facts={"broken": True}),
            statement(incident, SECOND_TEXT, SECOND_AT, CHIEF),
        )
    )
    out = tmp_path / "unreadable.docx"
    written = session.redline(1, 2, out, now=NOW)
    assert written.facts == 0
    assert any(
        text.startswith("The facts recorded with statement 1 cannot be read")
        for text in opening_texts(open_redline(out))
    )
    assert accepted(out) == SECOND_TEXT.removesuffix("\n")


@pytest.mark.parametrize(
    ("first", "second", "message"),
    [
        (
            1,
            2,
            "x.crisis.json: statement 1: press release (English); statement 2: press release "
            "(French); a comparison is of one document in one language",
        ),
        (3, 4, "x.crisis.json: there is no issued statement 4 (1 to 3); see 'crisisdraft history'"),
        ("draft", "draft", "x.crisis.json: a comparison needs an issued statement on at least"),
    ],
)
def test_what_cannot_be_compared_is_refused_and_nothing_written(
    two_statements: Incident, tmp_path: Path, first: Any, second: Any, message: str
) -> None:
    out = tmp_path / "refused.docx"
    session = IncidentSession(two_statements, path=tmp_path / "x.crisis.json")
    with pytest.raises(CrisisDraftError) as refused:
        session.redline(first, second, out, now=NOW)
    assert str(refused.value).startswith(message)
    assert not out.exists()


def test_other_documents_are_refused_too(make_incident: IncidentMaker, tmp_path: Path) -> None:
    incident = make_incident()
    session = IncidentSession(
        with_issued(
            incident,
            statement(incident, FIRST_TEXT, FIRST_AT, COUNSEL),
            statement(incident, SECOND_TEXT, SECOND_AT, CHIEF, document="staff_message"),
        ),
        path=tmp_path / "x.crisis.json",
    )
    with pytest.raises(
        CrisisDraftError,
        match=r"statement 1: press release \(English\); statement 2: staff message \(English\)",
    ):
        session.redline(1, 2, tmp_path / "refused.docx", now=NOW)


def test_nothing_issued_yet_is_said(make_incident: IncidentMaker, tmp_path: Path) -> None:
    session = IncidentSession(make_incident(), path=tmp_path / "x.crisis.json")
    with pytest.raises(CrisisDraftError, match="no statement has been issued yet"):
        session.redline(1, "draft", tmp_path / "r.docx", now=NOW)
