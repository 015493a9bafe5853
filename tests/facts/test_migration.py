"""Older incident files (v1, v2) load as v3, as the contract's "Version 3" section says;
the record's snapshots stay as written and are read through the same migration; a file
from a newer version is refused; saving writes version 3."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from app.errors import IncidentFileError
from app.facts import editing
from app.facts.loading import load_incident, parse_incident
from app.facts.migration import migrate, migrate_snapshot
from app.facts.models import (
    FORMAT_VERSION,
    BilingualText,
    EnglishVariant,
    Incident,
    OrganisationKind,
    SystemKey,
    SystemStatus,
)
from app.files.resources import example_incident
from app.session.file_writes import write_record
from tests.conftest import edited

REGISTRATION = {
    "en": "the new vehicle registration service",
    "fr": "le service d'immatriculation des véhicules neufs",
}


def v1_example() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(example_incident().read_text(encoding="utf-8"))
    assert data["format_version"] == 1  # the contract example, as outside tools write it
    return data


def systems_of(incident: Incident) -> list[tuple[SystemKey | None, str | None, SystemStatus]]:
    return [
        (system.key, system.name.en if system.name else None, system.status)
        for system in incident.containment.systems
    ]


def test_the_shipped_v1_example_loads_as_v3() -> None:
    incident = load_incident(example_incident())
    assert incident.format_version == 3
    # shutdown "global": every listed system was shut down, the other one too
    assert incident.containment.shutdown.value == "global"  # type: ignore[union-attr]
    assert systems_of(incident) == [
        (SystemKey.CORPORATE_IT, None, SystemStatus.SHUT_DOWN),
        (SystemKey.PRODUCTION, None, SystemStatus.SHUT_DOWN),
        (SystemKey.DEALER_SYSTEMS, None, SystemStatus.SHUT_DOWN),
        (None, REGISTRATION["en"], SystemStatus.SHUT_DOWN),
    ]
    assert incident.containment.systems[3].name == BilingualText(**REGISTRATION)
    # v1's "payment_data_affected": false was a forced answer: it is now unknown
    assert incident.data.payment_data_affected is None
    assert incident.organisation.kind is OrganisationKind.VEHICLE_MAKER
    assert incident.organisation.english is EnglishVariant.BRITISH
    assert incident.record.approvals == [] and incident.record.issued == []


def test_migrating_leaves_the_document_given_untouched() -> None:
    data = v1_example()
    before = copy.deepcopy(data)
    migrated = migrate(data, 1)
    assert data == before
    assert migrated["format_version"] == FORMAT_VERSION
    assert "other_systems" not in migrated["containment"]


def test_a_v1_file_with_no_shutdown_has_its_systems_unavailable() -> None:
    data = edited(
        v1_example(),
        {"containment.shutdown": "none", "containment.proactive": False},
    )
    incident = parse_incident(json.dumps(data), source="failed.crisis.json")
    assert {system.status for system in incident.containment.systems} == {SystemStatus.UNAVAILABLE}
    assert len(incident.containment.systems) == 4


def test_a_v1_partial_shutdown_shuts_its_systems_down() -> None:
    data = edited(v1_example(), {"containment.shutdown": "partial"})
    incident = parse_incident(json.dumps(data), source="partial.crisis.json")
    assert {system.status for system in incident.containment.systems} == {SystemStatus.SHUT_DOWN}


def test_affected_payment_data_is_kept_as_said() -> None:
    data = edited(
        v1_example(),
        {
            "data.status": "affected",
            "data.categories": ["financial"],
            "data.payment_data_affected": True,
        },
    )
    incident = parse_incident(json.dumps(data), source="paid.crisis.json")
    assert incident.data.payment_data_affected is True


# A v2 file: the v1 example plus a record whose statement was issued with v2 facts.
def v2_snapshot() -> dict[str, Any]:
    """The facts as a v2 statement recorded them: systems as keys, payment data false."""
    facts = dict(v1_example(), format_version=2)
    assert facts["containment"]["systems"][0] == "corporate_it"
    assert facts["data"]["payment_data_affected"] is False
    return facts


def v2_file_data() -> dict[str, Any]:
    approver = {"name": "Sam Patel", "role": "General Counsel"}
    record = {
        "nis2_in_scope": False,
        "approvals": [
            {
                "document": "press_release",
                "language": "en",
                "approver": approver,
                "approved_at": "2025-09-02T09:20:00+01:00",
                "text_sha256": "0" * 64,
            }
        ],
        "issued": [
            {
                "issued_at": "2025-09-02T09:30:00+01:00",
                "document": "press_release",
                "language": "en",
                "template_id": "holding.press_release",
                "template_version": "1",
                "approver": approver,
                "file_name": "2025-09-02_northwind-motors_press_release_en.docx",
                "facts": v2_snapshot(),
                "text": "Northwind Motors shuts down systems as a precaution.",
            }
        ],
    }
    return dict(v1_example(), format_version=2, record=record)


def test_a_v2_file_loads_with_its_record_as_written(tmp_path: Path) -> None:
    data = v2_file_data()
    path = tmp_path / "v2.crisis.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    incident = load_incident(path)
    assert incident.format_version == 3
    assert incident.containment.systems[0].status is SystemStatus.SHUT_DOWN
    assert incident.record.model_dump(mode="json") == data["record"]
    (statement,) = incident.record.issued
    assert statement.facts == v2_snapshot()  # the snapshot keeps its version


def test_a_v2_snapshot_is_read_as_v3() -> None:
    snapshot = v2_snapshot()
    read = migrate_snapshot(snapshot)
    assert snapshot == v2_snapshot()  # the stored snapshot is not rewritten
    assert read["format_version"] == 3
    assert read["containment"]["systems"][0] == {"key": "corporate_it", "status": "shut_down"}
    assert read["containment"]["systems"][3] == {"name": REGISTRATION, "status": "shut_down"}
    assert read["data"]["payment_data_affected"] is None
    assert (
        Incident.model_validate(read).facts_snapshot()
        == load_incident(example_incident()).facts_snapshot()
    )


def test_a_snapshot_without_a_version_is_read_as_v2_and_a_v3_one_as_it_is() -> None:
    unversioned = v2_snapshot()
    del unversioned["format_version"]
    assert migrate_snapshot(unversioned)["containment"]["systems"][0]["status"] == "shut_down"
    current = load_incident(example_incident()).facts_snapshot()
    assert migrate_snapshot(current) == current


def test_saving_a_v2_file_writes_v3_facts_and_keeps_the_record_as_written(
    tmp_path: Path,
) -> None:
    data = v2_file_data()
    original, path = tmp_path / "original.crisis.json", tmp_path / "v2.crisis.json"
    for file in (original, path):
        file.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    editing.save_incident_data(path, editing.read_incident_data(path))
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["format_version"] == 3
    first = saved["containment"]["systems"][0]
    assert (first["key"], first["status"]) == ("corporate_it", "shut_down")
    assert "other_systems" not in saved["containment"]
    assert saved["incident"]["statement_at"] == "2025-09-02T09:00:00+01:00"  # as written
    assert saved["record"] == data["record"]
    assert saved["record"]["issued"][0]["facts"]["format_version"] == 2
    assert load_incident(path) == load_incident(original)


def test_saving_the_record_of_a_v1_file_writes_version_3(tmp_path: Path) -> None:
    path = tmp_path / "v1.crisis.json"
    path.write_text(json.dumps(v1_example(), ensure_ascii=False), encoding="utf-8")
    write_record(path, load_incident(path).record)
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["format_version"] == 3
    assert saved["data"]["payment_data_affected"] is None
    assert load_incident(path) == load_incident(example_incident())


def test_a_new_incident_is_version_3() -> None:
    assert editing.blank_incident()["format_version"] == FORMAT_VERSION == 3


@pytest.mark.parametrize("version", [4, 10])
def test_a_file_from_a_newer_version_is_refused_naming_format_version(
    tmp_path: Path, version: int
) -> None:
    path = tmp_path / "future.crisis.json"
    path.write_text(json.dumps(dict(v2_file_data(), format_version=version)), encoding="utf-8")
    with pytest.raises(IncidentFileError) as error:
        load_incident(path)
    (problem,) = error.value.problems
    assert problem.field == "format_version"
    assert str(error.value) == (
        f"future.crisis.json: format_version: was written by a newer CrisisDraft (format "
        f"version {version}; this one reads up to 3); update CrisisDraft to open it"
    )


@pytest.mark.parametrize("version", [0, "3", 2.5, True, None])
def test_a_format_version_that_is_no_whole_number_is_refused(version: object) -> None:
    with pytest.raises(IncidentFileError) as error:
        parse_incident(json.dumps(dict(v1_example(), format_version=version)), source="x.json")
    assert error.value.problems[0].field == "format_version"
