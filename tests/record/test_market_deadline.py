"""The market's deadline on the timeline: a listed organisation tells its exchange no
later than the press (MAR art. 17). Nothing shows before a press release is issued;
after it, the deadline is met (green) when a market announcement went out at or
before it, and overdue (red) otherwise, in the timeline and in `crisisdraft timeline`."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from app.cli import run
from app.record.timeline import EventKind, FixedLane, TimelineEvent, build_timeline

NOW = datetime.fromisoformat("2025-09-02T12:00:00+01:00")
DEADLINE = "Market announcement (London Stock Exchange): no later than the press release"


def statement(document: str, issued_at: str) -> dict[str, object]:
    return {
        "issued_at": issued_at,
        "document": document,
        "language": "en",
        "template_id": f"holding.{document}",
        "template_version": "1",
        "approver": {"name": "Sam Patel", "role": "Company Secretary"},
        "file_name": f"{document}.docx",
        "facts": {},
        "text": "A statement.",
    }


def market_deadlines(make_incident, *issued: dict[str, object]) -> list[TimelineEvent]:
    incident = make_incident(
        organisation__listed_on=["London Stock Exchange"], record={"issued": list(issued)}
    )
    return [e for e in build_timeline(incident, NOW) if e.text() == DEADLINE]


def test_no_market_deadline_before_a_press_release_or_for_an_unlisted_organisation(
    make_incident,
) -> None:
    assert market_deadlines(make_incident) == []
    market = statement("market_announcement", "2025-09-02T09:20:00+01:00")
    assert market_deadlines(make_incident, market) == []
    press = statement("press_release", "2025-09-02T09:30:00+01:00")
    unlisted = make_incident(record={"issued": [press]})
    assert not [e for e in build_timeline(unlisted, NOW) if "Market" in e.text()]


@pytest.mark.parametrize(
    ("market_at", "met"),
    [("2025-09-02T09:20:00+01:00", True), ("2025-09-02T09:30:00+01:00", True),
     ("2025-09-02T10:15:00+01:00", False), (None, False)],
)  # fmt: skip
def test_the_press_release_sets_the_market_deadline_met_or_overdue(
    make_incident, market_at: str | None, met: bool
) -> None:
    issued = [statement("press_release", "2025-09-02T09:30:00+01:00")]
    if market_at is not None:
        issued.append(statement("market_announcement", market_at))
    [deadline] = market_deadlines(make_incident, *issued)
    assert deadline.kind is EventKind.DEADLINE and deadline.lane is FixedLane.REGULATORS
    assert deadline.at == datetime.fromisoformat("2025-09-02T09:30:00+01:00")
    assert (deadline.met, deadline.overdue) == (met, not met)


def test_the_command_line_timeline_says_met_or_overdue(
    make_incident, example_data, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = dict(example_data, organisation=dict(example_data["organisation"]))
    data["organisation"]["listed_on"] = ["London Stock Exchange"]
    for market_at, said in (("2025-09-02T09:20:00+01:00", "MET"), (None, "OVERDUE")):
        issued = [statement("press_release", "2025-09-02T09:30:00+01:00")]
        if market_at:
            issued.append(statement("market_announcement", market_at))
        path = tmp_path / "listed.crisis.json"
        path.write_text(json.dumps(dict(data, record={"issued": issued})), encoding="utf-8")
        assert run(["timeline", str(path), "--now", "2025-09-02T12:00:00+01:00"]) == 0
        [line] = [line for line in capsys.readouterr().out.splitlines() if "Market" in line]
        assert line.endswith(f"{DEADLINE}  {said}")
