"""Rows still being filled in are held back from the facts and told as errors naming
the row; the rest of the incident stays an incident the drafts are written from."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from app.errors import IncidentFileError, Problem
from app.facts import editing
from app.facts.editing import validate_edited
from app.facts.loading import load_incident
from app.facts.unfinished_rows import HeldBack
from app.files.resources import example_incident
from app.session.incident_session import IncidentSession
from app.session.problems import ExportBlockedError
from app.session.selection import Selection
from app.templates.metadata import TemplateSet


@pytest.fixture
def facts() -> dict[str, Any]:
    """The example as the editor holds it (format v3, every field present)."""
    return editing.read_incident_data(example_incident())


def lines(problems: list[Problem]) -> list[str]:
    return [str(problem) for problem in problems]


def test_a_site_without_a_name_is_left_out_and_named_as_its_row(facts) -> None:
    facts["sites"].append({"name": " ", "kind": "plant", "status": "stopped"})
    incident, problems, held = validate_edited(facts, source="n.crisis.json")
    assert incident is not None
    assert [site.name for site in incident.sites] == ["Solihull", "Halewood", "Gaydon"]
    assert lines(problems) == [
        "n.crisis.json: Sites › row 4 › Name: write the site's name or remove the row"
    ]
    assert problems[0].field == "sites[3].name" and problems[0].blocking
    assert held.problems == tuple(problems)
    assert len(facts["sites"]) == 4  # the editor's facts keep the row


def test_an_empty_step_and_an_unnamed_system_of_ones_own_are_held_back(facts) -> None:
    facts["recovery"]["steps"].insert(0, {"en": "", "fr": "  ", "status": "planned"})
    facts["recovery"]["steps"].append({"en": "Paint shop", "fr": "", "status": "planned"})
    facts["containment"]["systems"].append({"name": {"en": "", "fr": ""}, "status": "degraded"})
    incident, problems, _held = validate_edited(facts)
    assert incident is not None
    assert lines(problems) == [
        "incident: Systems › row 5 › System name: name the system, or choose one from the "
        "list, or remove the row",
        "incident: Restart steps › row 1: write the step or remove the row",
    ]
    # a step written in one language is a step: the French text is missing, not the row
    assert incident.recovery.steps[-1].en == "Paint shop"
    assert len(incident.containment.systems) == 4


def test_a_row_refused_for_another_reason_says_why_and_how_to_leave_it(facts) -> None:
    facts["sites"][1]["name"] = "Hale\u202ewood"  # a character that reorders the text
    incident, problems, _held = validate_edited(facts)
    assert incident is not None and len(incident.sites) == 2
    assert problems[0].field == "sites[1].name"
    assert str(problems[0]).startswith("incident: Sites › row 2: ")
    assert str(problems[0]).endswith("; or remove the row")


def test_other_faults_still_stop_the_incident_with_the_rows_told_too(facts) -> None:
    facts["organisation"]["name"] = ""
    facts["sites"].append({"name": "", "kind": "plant", "status": "stopped"})
    incident, problems, _held = validate_edited(facts)
    assert incident is None
    assert [p.field for p in problems] == ["organisation.name", "sites[3].name"]


def test_a_fact_of_a_later_row_is_named_as_the_editor_shows_it(facts) -> None:
    facts["sites"][0]["name"] = ""
    _incident, _problems, held = validate_edited(facts)
    assert held.edited_path("sites[1].status") == "sites[2].status"
    assert held.edited_path("sites[0]") == "sites[1]"
    assert held.edited_path("recovery.steps[0].en") == "recovery.steps[0].en"
    moved = held.as_edited(Problem("incident: sites[1].status", "x", field="sites[1].status"))
    assert (moved.where, moved.field) == ("incident: sites[2].status", "sites[2].status")
    assert HeldBack().edited_path("sites[1]") == "sites[1]"


def test_the_session_refuses_to_export_while_a_row_is_unfinished(
    facts, renderer, tmp_path: Path
) -> None:
    facts["sites"].append({"name": "", "kind": "plant", "status": "stopped"})
    incident, _problems, held = validate_edited(facts)
    assert incident is not None
    session = IncidentSession(incident, renderer)
    holding = Selection(template_set=TemplateSet.HOLDING)
    assert not session.problems(holding).blocks_export
    session.hold_back(held)
    found = session.problems(holding)
    assert found.blocks_export and found.errors == list(held.problems)
    with pytest.raises(ExportBlockedError, match="Sites › row 4 › Name"):
        session.export(holding, tmp_path)
    assert not list(tmp_path.iterdir())
    session.hold_back(HeldBack())  # the row filled or removed
    assert not session.problems(holding).blocks_export


def test_a_file_saved_with_a_row_half_filled_opens_for_editing_but_not_for_check(
    facts, tmp_path: Path
) -> None:
    facts["sites"].insert(1, {"name": "", "kind": "warehouse", "status": "reduced"})
    path = tmp_path / "saved.crisis.json"
    editing.save_incident_data(path, facts)
    with pytest.raises(IncidentFileError, match=r"sites\[1\]\.name: is empty"):
        load_incident(path)  # the contract is strict: check and export refuse it
    reopened = editing.read_incident_data(path)
    assert [site["name"] for site in reopened["sites"]] == ["Solihull", "", "Halewood", "Gaydon"]
    assert reopened["sites"][1] == {"name": "", "kind": "warehouse", "status": "reduced"}
    assert reopened["incident"]["detected_at"] == facts["incident"]["detected_at"]


def test_a_file_with_other_faults_is_still_refused_for_editing(facts, tmp_path: Path) -> None:
    facts["sites"].append({"name": "", "kind": "plant", "status": "stopped"})
    facts["organisation"]["timezone"] = "Mars/Olympus"
    path = tmp_path / "broken.crisis.json"
    editing.save_incident_data(path, facts)
    with pytest.raises(IncidentFileError, match="Mars/Olympus"):
        editing.read_incident_data(path)
