"""Hostile or damaged incident files, as a user meets them on the command line: one line
that names the file and the fault, never a traceback, and ``check`` and ``export`` agree
(what ``check`` passes, ``export`` writes; what it refuses, ``export`` refuses alike)."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import edited, example_document
from tests.test_cli import crisisdraft

EXAMPLE = example_document("northwind-cyberattack")

# Each case runs the command line as a process (a second each): run by .ci/run with the
# slow tests; the same refusals are checked in process by tests/facts/test_hardening.py.
pytestmark = pytest.mark.slow


def _with(changes: dict[str, Any]) -> str:
    return json.dumps(edited(EXAMPLE, changes))


HOSTILE = {
    "non-character": (
        _with({"organisation.name": "North\uffffwind"}),
        "organisation.name: contains U+FFFF, which is not a character, at position 6",
    ),
    "lone surrogate": (
        _with({"organisation.city": "Cov\ud800entry"}),
        "organisation.city: contains U+D800, which is not a character, at position 4",
    ),
    "right-to-left override": (
        _with({"organisation.name": "Northwind \u202eMotors"}),
        "organisation.name: contains an invisible direction control "
        "(U+202E RIGHT-TO-LEFT OVERRIDE) at position 11",
    ),
    "zero-width space": (
        _with({"organisation.name": "North\u200bwind"}),
        "organisation.name: contains an invisible character (U+200B ZERO WIDTH SPACE) "
        "at position 6",
    ),
    "200-character name": (
        _with({"organisation.name": "N" * 200}),
        "organisation.name: is 200 characters long; a name may have at most 120",
    ),
    "year 1": (
        _with({"incident.statement_at": "0001-01-01T00:00:00+00:00"}),
        "incident.statement_at: is in the year 1; dates must be between 2000 and 2100",
    ),
    "year 9999": (
        _with({"incident.statement_at": "9999-12-31T23:59:00-05:00", "incident.detected_at": None}),
        "incident.statement_at: is in the year 9999; dates must be between 2000 and 2100",
    ),
    "nested 1,000 deep": (
        '{"format": "crisisdraft.incident", "title": ' + "[" * 1000 + "]" * 1000 + "}",
        "is nested more than 64 levels deep, which no incident file is",
    ),
    "5,000-digit number": (
        _with({"title": 1}).replace('"title": 1', '"title": ' + "7" * 5000),
        "contains a number of 5,000 digits (777777777777...), which no field takes",
    ),
    "duplicate key": (
        _with({}).replace('"city": ', '"city": "Paris", "city": '),
        "organisation.city: gives 'city' twice in the same object, and only the last one "
        "would count",
    ),
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_check_and_export_refuse_a_hostile_file_alike_in_one_line(
    name: str, tmp_path: Path
) -> None:
    text, message = HOSTILE[name]
    incident = tmp_path / "hostile.crisis.json"
    incident.write_text(text, encoding="utf-8", errors="surrogatepass")

    checked = crisisdraft("check", str(incident))
    assert checked.returncode == 1, checked.stderr
    assert "Traceback" not in checked.stderr
    assert f"hostile.crisis.json: {message}" in checked.stdout

    out = tmp_path / "out"
    exported = crisisdraft("export", str(incident), "--out", str(out))
    assert exported.returncode == 2, exported.stderr
    assert "Traceback" not in exported.stderr
    assert f"hostile.crisis.json: {message}" in exported.stderr
    assert not out.exists() or not any(out.iterdir())


STATEMENT = {
    "issued_at": "2025-09-02T09:30:00+01:00",
    "document": "press_release",
    "language": "en",
    "template_id": "holding.press_release",
    "template_version": "1",
    "approver": {"name": "Sam Patel", "role": "General Counsel"},
    "file_name": "press.docx",
    "text": "Northwind Motors takes systems offline.",
}
BROKEN_FACTS = {
    "emptied": {},
    "sections of the wrong kind": {"data": "x", "recovery": 5, "next_update_at": "soon"},
    "values outside the contract": {
        "format_version": 3,
        "data": {"status": "bogus"},
        "recovery": {"phase": "nope"},
        "next_update_at": "2025-09-03T09:00:00",
    },
    "a version 1 snapshot broken": {"format_version": 1, "containment": {"systems": 5}},
}


@pytest.mark.parametrize("broken", list(BROKEN_FACTS))
def test_a_statement_whose_facts_were_broken_by_hand_is_said_so_by_every_command(
    broken: str, tmp_path: Path
) -> None:
    whole = dict(copy.deepcopy(EXAMPLE), format_version=2)
    record = {
        "issued": [
            dict(STATEMENT, facts=BROKEN_FACTS[broken]),
            dict(
                STATEMENT,
                issued_at="2025-09-03T12:00:00+01:00",
                text="Systems are back.",
                facts=whole,
            ),
        ]
    }
    incident = tmp_path / "broken.crisis.json"
    incident.write_text(json.dumps(dict(whole, record=record)), encoding="utf-8")

    for command in (["history"], ["diff", "1", "2"], ["timeline"], ["check"]):
        arguments = [command[0], str(incident), *command[1:]]
        result = crisisdraft(*arguments)
        assert "Traceback" not in result.stderr, (command, result.stderr)
        assert result.returncode in (0, 1), (command, result.stderr)

    history = crisisdraft("history", str(incident)).stdout.splitlines()
    assert len(history) == 2 and "approved by Sam Patel (General Counsel)" in history[0]
    compared = crisisdraft("diff", str(incident), "1", "2").stdout
    assert compared.startswith(
        "The facts recorded with statement 1 cannot be read (the file was changed by hand); "
        "only the texts are compared.\nFacts changed (0):"
    )
    assert "{+back.+}" in compared
    assert "Issued (EN), approved by Sam Patel" in crisisdraft("timeline", str(incident)).stdout
    checked = crisisdraft("check", str(incident), "--now", "2025-09-03T13:00:00+01:00").stdout
    assert (
        "warning: broken.crisis.json: record.issued[0].facts: the facts recorded with "
        "statement 1 (Press release, English) cannot be read (the file was changed by hand): "
        "comparisons, checks and the timeline leave them out"
    ) in checked


@pytest.mark.parametrize(("by", "role"), [("", ""), ("  ", "\t"), ("Sam Patel", " ")])
def test_approving_without_a_name_or_role_says_so_and_records_nothing(
    by: str, role: str, tmp_path: Path
) -> None:
    incident = tmp_path / "nw.crisis.json"
    incident.write_text(json.dumps(EXAMPLE), encoding="utf-8")
    result = crisisdraft("approve", str(incident), "--by", by, "--role", role)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    empty = "name" if not by.strip() else "role"
    assert f"the approver's {empty} is empty; give " in result.stderr
    assert json.loads(incident.read_text(encoding="utf-8")) == EXAMPLE  # nothing recorded
