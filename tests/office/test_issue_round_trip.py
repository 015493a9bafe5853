"""Issue 17's "done when", end to end as a user runs it: a press release exported,
edited in LibreOffice with tracked changes by two people, refused while it holds them,
accepted and brought back with ``crisisdraft issue``, is in ``history``, the changes the
command shows are only the edits, and ``crisisdraft redline`` between the draft and
that issue opens in LibreOffice with tracked changes whose acceptance gives the issued
text (and whose rejection the draft's). LibreOffice stands in for Word (tests/office)."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from app.export.marks import DRAFT_MARKS
from tests.conftest import example_document
from tests.office.libreoffice_uno import (
    AcceptAll,
    ReplaceInHeaders,
    TrackChanges,
    accept_all,
    edit,
    needs_office,
    read,
    reject_all,
)
from tests.office.test_round_trip import EDITS
from tests.test_cli import crisisdraft

pytestmark = [pytest.mark.libreoffice, pytest.mark.slow, needs_office]

STEM = "northwind-motors_holding-1_2025-09-02-0900_press_release_en"
STATEMENT_TIME = "2 September 2025, 09:00 BST"  # the DRAFT mark's, in the header
ISSUER = ("--by", "Dana Reyes", "--role", "Head of Communications")
ISSUED_AT = "2025-09-02T10:30:00+01:00"


def issued(incident: Path) -> list[dict[str, object]]:
    data = json.loads(incident.read_text(encoding="utf-8"))
    statements: list[dict[str, object]] = data.get("record", {}).get("issued", [])
    return statements


def test_a_press_release_edited_in_libreoffice_comes_back_issued_and_goes_out_as_a_redline(
    tmp_path: Path,
) -> None:
    incident = tmp_path / "northwind.crisis.json"
    incident.write_text(json.dumps(example_document("northwind-cyberattack")), encoding="utf-8")
    exported = crisisdraft(
        "export",
        str(incident),
        "--doc",
        "press_release",
        "--lang",
        "en",
        "--out",
        str(tmp_path / "drafts"),
    )
    assert exported.returncode == 0, exported.stderr
    draft_file = tmp_path / "drafts" / f"{STEM}.docx"
    rendered = crisisdraft("render", str(incident), "--doc", "press_release", "--lang", "en")
    draft_text = rendered.stdout.rstrip("\n")  # the record keeps texts stripped

    # Legal and the CEO's office edit it in LibreOffice with tracked changes, and save.
    tracked = tmp_path / "reviewed.docx"
    edit(draft_file, tracked, EDITS["en"].steps())

    def issue(path: Path) -> subprocess.CompletedProcess[str]:
        return crisisdraft(
            "issue",
            str(incident),
            str(path),
            "--doc",
            "press_release",
            "--lang",
            "en",
            *ISSUER,
            "--at",
            ISSUED_AT,
            "--yes",
        )

    # Still holding tracked changes: refused, saying how many and whose, nothing recorded.
    refused = issue(tracked)
    assert refused.returncode == 2
    assert "tracked change" in refused.stderr
    assert "Legal" in refused.stderr and "CEO Office" in refused.stderr
    assert issued(incident) == []

    # The lead accepts them all, deletes the DRAFT line of the header, saves as Word.
    accepted = tmp_path / "press-release-final.docx"
    edit(
        tracked,
        accepted,
        [
            AcceptAll(),
            TrackChanges(on=False),
            ReplaceInHeaders(f"{DRAFT_MARKS['en']} · {STATEMENT_TIME}", ""),
        ],
    )
    result = issue(accepted)
    assert result.returncode == 0, result.stderr
    # What the command shows as changed from the app's draft is the edits, no more.
    # (under the line "Changed from the app's draft (N word(s); [-removed-] {+added+}):")
    shown_text = result.stdout.split("{+added+}):\n", 1)[1]
    shown = re.findall(r"\[-.*?-\]|\{\+.*?\+\}", shown_text, flags=re.DOTALL)
    assert shown == [
        "{+external +}",
        "{+\n\nWe are sorry for the disruption this is causing to our customers.+}",
    ]
    (statement,) = issued(incident)
    assert statement["text"] == EDITS["en"].applied_to(draft_text)
    assert statement["approver"] == {"name": "Dana Reyes", "role": "Head of Communications"}

    history = crisisdraft("history", str(incident))
    assert history.returncode == 0, history.stderr
    (line,) = history.stdout.splitlines()
    assert line.split()[0] == "1"
    assert "press_release" in line and "Dana Reyes" in line and "[edited in Word" in line

    # The redline between the draft it was edited from (the first statement's: once one
    # is issued, the current draft is an update) and that issue: real tracked changes in
    # LibreOffice, under the issue's approver; accepting them gives the issued text,
    # rejecting them the draft's.
    redline = tmp_path / "redline.docx"
    written = crisisdraft(
        "redline", str(incident), "draft", "1", "--set", "holding", "--out", str(redline)
    )
    assert written.returncode == 0, written.stderr
    opened = read(redline)
    assert {change.kind for change in opened.changes} == {"Insert"}
    assert {change.author for change in opened.changes} == {"Dana Reyes (Head of Communications)"}
    assert "".join(change.text for change in opened.changes).replace("\n", "") == (
        "external We are sorry for the disruption this is causing to our customers."
    )
    issued_lines = str(statement["text"]).split("\n")
    after = accept_all(redline, tmp_path / "redline-accepted.docx")
    assert list(after.paragraphs[-len(issued_lines) :]) == issued_lines
    draft_lines = draft_text.split("\n")
    before = reject_all(redline, tmp_path / "redline-rejected.docx")
    assert list(before.paragraphs[-len(draft_lines) :]) == draft_lines
