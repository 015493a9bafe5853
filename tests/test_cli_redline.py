"""``crisisdraft redline`` as a user runs it: statements numbered as ``history`` lists
them, or ``draft``; a Word document whose tracked changes give the later text when
accepted; refusals in one line, exit 2, nothing written."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import docx
import pytest

from app.facts.models import Approver, IssuedStatement
from app.session.incident_session import IncidentSession
from tests.export.redline_reading import accepted, rejected
from tests.test_cli import crisisdraft

FIRST_TEXT = "NORTHWIND MOTORS\n\nWe are working with specialists.\nOur dealers remain open.\n"
SECOND_TEXT = (
    "NORTHWIND MOTORS\n\nWe are working with external specialists.\nOur dealers are open.\n"
)
FIRST_AT = datetime(2025, 9, 2, 8, 0, tzinfo=UTC)


@pytest.fixture
def incident_file(write_incident: Callable[..., Path]) -> Path:
    """An incident whose record holds two English press releases and a French one."""
    path = write_incident("northwind.crisis.json")
    session = IncidentSession.open(path)
    incident = session.incident
    approvers = [("Ann Carter", "General Counsel"), ("Ann Carter", "General Counsel")]
    approvers.append(("Raj Patel", "Chief Executive"))
    texts = [(FIRST_TEXT, "en"), ("COMMUNIQUÉ\n", "fr"), (SECOND_TEXT, "en")]
    issued = [
        IssuedStatement(
            issued_at=FIRST_AT + timedelta(hours=hours),
            document="press_release",
            language=language,
            template_id="holding.press_release",
            template_version="2",
            approver=Approver(name=name, role=role),
            file_name=f"statement-{hours}.docx",
            facts=incident.facts_snapshot(),
            text=text,
        )
        for hours, ((text, language), (name, role)) in enumerate(zip(texts, approvers, strict=True))
    ]
    record = incident.record.model_copy(update={"issued": issued})
    session.replace(incident.model_copy(update={"record": record}))
    session.save_record()
    return path


def test_redline_of_two_statements_writes_tracked_changes_and_says_what(
    incident_file: Path, tmp_path: Path
) -> None:
    out = tmp_path / "comparison.docx"
    result = crisisdraft("redline", str(incident_file), "1", "3", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        f"Comparison written: {out}",
        "  press_release (en): statement 1 compared with statement 3",
        "  3 tracked change(s) attributed to Raj Patel (Chief Executive)",
        "  0 fact(s) changed",
    ]
    assert accepted(out) == SECOND_TEXT.removesuffix("\n")
    assert rejected(out) == FIRST_TEXT.removesuffix("\n")


def test_redline_to_the_current_draft_gives_the_draft_as_render_prints_it(
    incident_file: Path, tmp_path: Path
) -> None:
    out = tmp_path / "to-draft.docx"
    result = crisisdraft("redline", str(incident_file), "3", "draft", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "statement 3 compared with the current draft" in result.stdout
    assert "attributed to CrisisDraft" in result.stdout
    rendered = crisisdraft("render", str(incident_file), "--doc", "press_release", "--lang", "en")
    assert accepted(out) == rendered.stdout.removesuffix("\n")


def test_redline_for_counsel_carries_the_privilege_mark(
    incident_file: Path, tmp_path: Path
) -> None:
    out = tmp_path / "for-counsel.docx"
    result = crisisdraft(
        "redline", str(incident_file), "1", "3", "--out", str(out), "--mark", "privileged"
    )
    assert result.returncode == 0, result.stderr
    header = docx.Document(str(out)).sections[0].header.paragraphs[0].text
    assert header.splitlines() == [
        "COMPARISON – NOT FOR RELEASE",
        "PRIVILEGED & CONFIDENTIAL – PREPARED AT THE REQUEST OF COUNSEL",
    ]


def test_two_languages_are_refused_in_one_line_and_nothing_is_written(
    incident_file: Path, tmp_path: Path
) -> None:
    out = tmp_path / "refused.docx"
    result = crisisdraft("redline", str(incident_file), "1", "2", "--out", str(out))
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "crisisdraft: northwind.crisis.json: statement 1: press release (English); statement 2: "
        "press release (French); a comparison is of one document in one language: choose two "
        "statements of the same document and language (see 'crisisdraft history')"
    )
    assert not out.exists()


def test_a_side_that_is_neither_a_number_nor_draft_is_a_usage_error(
    incident_file: Path, tmp_path: Path
) -> None:
    result = crisisdraft("redline", str(incident_file), "last", "3", "--out", str(tmp_path / "x"))
    assert result.returncode == 2
    assert "argument A: 'last' is neither a statement's number" in result.stderr


def test_redline_speaks_french_to_a_french_user(incident_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "comparaison.docx"
    result = crisisdraft(
        "redline", str(incident_file), "1", "draft", "--out", str(out), "--ui-language", "fr"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[:2] == [
        f"Comparaison créée\u00a0: {out}",
        "  press_release (en)\u00a0: comparaison entre la déclaration 1 et le projet actuel",
    ]
    refused = crisisdraft(
        "redline", str(incident_file), "7", "draft", "--out", str(out), "--ui-language", "fr"
    )
    assert refused.returncode == 2
    assert "il n’y a pas de déclaration diffusée n°\u00a07 (de 1 à 3)" in refused.stderr
