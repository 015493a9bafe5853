from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.errors import IncidentFileError
from app.facts.loading import load_incident, parse_incident
from app.facts.models import FORMAT_VERSION, DataStatus, SiteStatus
from app.files.resources import example_incident

SHARED_EXAMPLE = Path(__file__).parents[3] / "shared" / "examples" / "northwind-cyberattack.json"


def test_bundled_example_loads_with_every_fact() -> None:
    incident = load_incident(example_incident())
    assert incident.organisation.name == "Northwind Motors"
    assert incident.data.status is DataStatus.NO_EVIDENCE
    assert [site.status for site in incident.sites] == [
        SiteStatus.STOPPED,
        SiteStatus.STOPPED,
        SiteStatus.REDUCED,
    ]
    assert (
        incident.recovery.steps[0].fr
        == "Redémarrer les applications mondiales dans un ordre maîtrisé"
    )
    assert incident.local(incident.incident.statement_at).hour == 9


@pytest.mark.skipif(not SHARED_EXAMPLE.exists(), reason="../shared is not beside this checkout")
def test_bundled_example_is_the_shared_contract_example() -> None:
    assert json.loads(example_incident().read_text(encoding="utf-8")) == json.loads(
        SHARED_EXAMPLE.read_text(encoding="utf-8")
    )


def problems_of(error: pytest.ExceptionInfo[IncidentFileError]) -> list[str]:
    return [str(problem) for problem in error.value.problems]


def test_every_bad_field_is_named_with_its_path_and_what_to_do(example_data: dict) -> None:
    data = json.loads(json.dumps(example_data))
    data["sites"][1]["status"] = "closed"
    data["guidance"]["staff"]["de"] = "Hallo"
    data["incident"]["detected_at"] = "yesterday"
    data["organisation"]["timezone"] = "Mars/Olympus"
    del data["contacts"]["staff"]["phone"]  # required (an absent fact is only unknown)
    with pytest.raises(IncidentFileError) as error:
        parse_incident(json.dumps(data), source="bad.crisis.json")
    shown = problems_of(error)
    assert any(
        line.startswith("bad.crisis.json: sites[1].status:")
        and "'stopped', 'reduced' or 'operating'" in line
        for line in shown
    )
    assert any(line.startswith("bad.crisis.json: guidance.staff.de:") for line in shown)
    assert any("incident.detected_at" in line and "ISO 8601" in line for line in shown)
    assert any("organisation.timezone" in line and "Europe/London" in line for line in shown)
    assert any("contacts.staff.phone" in line and "missing" in line for line in shown)
    assert {problem.field for problem in error.value.problems} >= {
        "sites[1].status",
        "contacts.staff.phone",
    }


def test_a_time_without_offset_is_refused(example_data: dict) -> None:
    data = dict(example_data, next_update_at="2025-09-03T12:00:00")
    with pytest.raises(IncidentFileError) as error:
        parse_incident(json.dumps(data), source="x.crisis.json")
    assert "next_update_at" in str(error.value) and "offset" in str(error.value)


def test_a_file_from_a_newer_version_is_refused_clearly(example_data: dict) -> None:
    data = dict(example_data, format_version=FORMAT_VERSION + 1)
    with pytest.raises(IncidentFileError) as error:
        parse_incident(json.dumps(data), source="future.crisis.json")
    assert str(error.value).startswith("future.crisis.json: format_version: ")
    assert "newer CrisisDraft" in str(error.value)
    assert "update CrisisDraft" in str(error.value)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "is empty"),
        (b'{"format": "crisisdraft.incident",', "not valid JSON"),
        (b"[1, 2]", "expected a JSON object"),
        ("{}".encode("utf-16"), "not UTF-8"),
        (b'{"format": "something.else", "format_version": 1}', "not a CrisisDraft incident file"),
    ],
)
def test_unreadable_files_get_one_clear_line(tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "broken.crisis.json"
    path.write_bytes(content)
    with pytest.raises(IncidentFileError) as error:
        load_incident(path)
    assert expected in str(error.value)
    assert str(error.value).startswith("broken.crisis.json")


def test_a_missing_file_says_so(tmp_path: Path) -> None:
    with pytest.raises(IncidentFileError, match="does not exist"):
        load_incident(tmp_path / "nowhere.crisis.json")
