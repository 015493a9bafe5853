"""Which statement the lead is writing: given in the facts, else derived as the contract
says; it picks the template set wherever no set is chosen by hand."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from docx import Document

from app.drafts.render import DraftRenderer
from app.facts.loading import parse_incident
from app.facts.models import StatementKind
from app.facts.statement import (
    REASON_FIRST,
    REASON_GIVEN,
    REASON_ISSUED,
    REASON_RESTORED,
    statement_choice,
)
from app.files.resources import bundled
from app.templates.documents import DocumentKind
from app.templates.metadata import TemplateSet
from tests.test_cli import crisisdraft

EXAMPLES = bundled("examples")


def example(name: str, **edits: object) -> dict:
    data = json.loads((EXAMPLES / f"{name}.crisis.json").read_text(encoding="utf-8"))
    for path, value in edits.items():
        target = data
        *parents, last = path.split("__")
        for part in parents:
            target = target[part]
        target[last] = value
    return data


def choice_of(data: dict) -> tuple[StatementKind, str]:
    choice = statement_choice(parse_incident(json.dumps(data)))
    return choice.kind, choice.reason


ISSUED = {
    "issued_at": "2025-09-02T10:00:00+01:00",
    "document": "press_release",
    "language": "en",
    "template_id": "holding.press_release",
    "template_version": "1",
    "approver": {"name": "Sam Lee", "role": "Head of Communications"},
    "file_name": "press.docx",
    "facts": {"format_version": 2, "data": {"status": "no_evidence"}},
    "text": "First statement.",
}


@pytest.mark.parametrize(
    ("edits", "expected"),
    [
        ({"incident__statement_kind": "update"}, (StatementKind.UPDATE, REASON_GIVEN)),
        ({"incident__statement_kind": None}, (StatementKind.HOLDING, REASON_FIRST)),
        (
            {"incident__statement_kind": None, "recovery__phase": "phased_restart"},
            (StatementKind.HOLDING, REASON_FIRST),  # a restart under way is not an update
        ),
        (
            {"incident__statement_kind": None, "record": {"issued": [ISSUED]}},
            (StatementKind.UPDATE, REASON_ISSUED),
        ),
        (
            {"incident__statement_kind": None, "recovery__phase": "restored"},
            (StatementKind.RESOLUTION, REASON_RESTORED),
        ),
    ],
)
def test_the_statement_kind_is_given_or_derived(edits: dict, expected: tuple) -> None:
    assert choice_of(example("data-affected-paused", **edits)) == expected


def test_the_default_set_is_the_statement_kind(library) -> None:
    renderer = DraftRenderer(library)
    incident = parse_incident(json.dumps(example("data-affected-paused")))
    draft = renderer.render(incident, DocumentKind.PRESS_RELEASE, "en")
    assert draft.info.template_id == "update.press_release"
    by_hand = renderer.render(
        incident, DocumentKind.PRESS_RELEASE, "en", template_set=TemplateSet.HOLDING
    )
    assert by_hand.info.template_id == "holding.press_release"


def test_cli_export_uses_the_statement_kind_without_set(tmp_path: Path) -> None:
    source = EXAMPLES / "data-affected-paused.crisis.json"
    result = crisisdraft(
        "export", str(source), "--out", str(tmp_path), "--doc", "press_release", "--lang", "en"
    )
    assert result.returncode == 0, result.stderr
    (path,) = tmp_path.glob("*.docx")
    text = "\n".join(p.text for p in Document(str(path)).paragraphs)
    assert "PRESS RELEASE – UPDATE" in text
