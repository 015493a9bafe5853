"""An incident through holding statement, update (data now affected) and resolution:
approvals, the record, the diffs, the checks at each step, and the timeline."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import docx
import pytest

from app.errors import ExportError
from app.export.pack import ExportRequest
from app.facts import editing
from app.facts.loading import load_incident
from app.facts.models import Approver, Incident
from app.record.checks import record_problems
from app.record.diff import Change, diff_as_text, facts_diff, word_diff
from app.record.timeline import EventKind, Lane, build_timeline
from app.record.workflow import approve_drafts, current_drafts, export_final
from app.templates.documents import DocumentKind
from app.templates.metadata import TemplateSet
from tests.conftest import edited

COUNSEL = Approver(name="Sam Patel", role="General Counsel")


def at(text: str) -> datetime:
    return datetime.fromisoformat(text)


def changed(incident: Incident, **changes: object) -> Incident:
    """``incident`` with dotted fields (``data__status``) changed, validated again."""
    dotted = {key.replace("__", "."): value for key, value in changes.items()}
    return Incident.model_validate(edited(incident.model_dump(mode="json"), dotted))


def issue(incident, renderer, out: Path, template_set: TemplateSet, when: str):
    request = ExportRequest(out, template_set=template_set)
    approved = approve_drafts(
        incident, renderer, request, COUNSEL, at(when) - timedelta(minutes=10)
    )
    return export_final(approved, request, renderer, at(when))


def test_an_incident_from_first_statement_to_resolution(
    tmp_path: Path, make_incident, renderer
) -> None:
    # 1. First statement, 2 Sept 09:30.
    first = make_incident()
    with pytest.raises(ExportError, match="not approved as it stands"):
        export_final(
            first, ExportRequest(tmp_path / "none"), renderer, at("2025-09-02T09:30:00+01:00")
        )
    assert not (tmp_path / "none").exists()
    documents, first = issue(
        first, renderer, tmp_path / "1", TemplateSet.HOLDING, "2025-09-02T09:30:00+01:00"
    )
    assert len(first.record.issued) == 6
    statement = first.record.issued[0]
    assert (statement.template_id, statement.template_version) == ("holding.press_release", "1")
    assert statement.approver == COUNSEL and statement.facts["data"]["status"] == "no_evidence"
    final = docx.Document(documents[0].path)
    header = "\n".join(p.text for p in final.sections[0].header.paragraphs)
    assert "DRAFT" not in header and "PROJET" not in header
    assert final.core_properties.last_modified_by == "Sam Patel (General Counsel)"
    assert "Approved by Sam Patel, General Counsel" in final.core_properties.comments

    # 2. Update, 3 Sept 12:00: data now affected; the promised time has come.
    update = changed(
        first,
        data__status="affected",
        data__categories=["contact_details"],
        incident__statement_at="2025-09-03T12:00:00+01:00",
        next_update_at="2025-09-05T12:00:00+01:00",
    )
    drafts = current_drafts(update, renderer, ["en", "fr"], list(DocumentKind), TemplateSet.UPDATE)
    problems = record_problems(update, drafts, at("2025-09-03T12:05:00+01:00"))
    assert [p.message for p in problems if not p.blocking] == [
        "the update promised for 2025-09-03T12:00:00+01:00 is overdue: issue one now"
    ]
    assert all(not p.blocking for p in problems)  # the update says "now" / « désormais »
    assert "désormais que certaines données" in drafts[("press_release", "fr")].plain_text()
    _docs, update = issue(
        update, renderer, tmp_path / "2", TemplateSet.UPDATE, "2025-09-03T12:05:00+01:00"
    )
    assert len(update.record.issued) == 12

    # What changed between the two English press releases.
    changed_facts = {
        change.path
        for change in facts_diff(update.record.issued[0].facts, update.record.issued[6].facts)
    }
    assert {"data.status", "next_update_at", "incident.statement_at"} <= changed_facts
    pieces = word_diff(update.record.issued[0].text, update.record.issued[6].text)
    inserted = " ".join(p.text for p in pieces if p.change is Change.INSERTED)
    deleted = " ".join(p.text for p in pieces if p.change is Change.DELETED)
    assert "now believes" in inserted and "no evidence" in deleted
    assert "{+" in diff_as_text(pieces) and "[-" in diff_as_text(pieces)

    # 3. Saying "no evidence" again after "affected" is a contradiction: blocked.
    walk_back = changed(update, data__status="no_evidence", data__categories=[])
    with pytest.raises(ExportError, match="contradicts them"):
        issue(walk_back, renderer, tmp_path / "x", TemplateSet.UPDATE, "2025-09-04T09:00:00+01:00")

    # 4. Resolution, 8 Sept.
    resolution = changed(
        update,
        recovery__phase="restored",
        incident__statement_at="2025-09-05T10:00:00+01:00",
        next_update_at=None,
    )
    _docs, resolution = issue(
        resolution, renderer, tmp_path / "3", TemplateSet.RESOLUTION, "2025-09-05T11:00:00+01:00"
    )
    assert [s.template_id.split(".")[0] for s in resolution.record.issued[::6]] == [
        "holding",
        "update",
        "resolution",
    ]

    # The timeline, seen on 5 Sept at noon.
    events = build_timeline(resolution, at("2025-09-05T12:00:00+01:00"))
    kinds = [(event.kind, event.lane) for event in events]
    assert kinds[0] == (EventKind.DETECTED, Lane.INCIDENT)
    assert kinds.count((EventKind.ISSUED, Lane.PRESS)) == 3
    assert kinds.count((EventKind.ISSUED, Lane.DEALERS)) == 3
    promised = [e for e in events if e.kind is EventKind.PROMISED_UPDATE]
    assert [(e.at, e.overdue) for e in promised] == [
        (at("2025-09-03T12:00:00+01:00"), False),  # kept by the update
        (at("2025-09-05T12:00:00+01:00"), False),  # kept by the resolution
    ]
    phases = [e.text() for e in events if e.kind is EventKind.PHASE]
    assert phases == ["Phase: phased restart", "Phase: restored"]
    (gdpr,) = [e for e in events if e.kind is EventKind.DEADLINE]
    assert gdpr.at == at("2025-09-03T23:40:00+01:00") and gdpr.overdue
    assert "ICO" in gdpr.text()


def test_the_record_survives_saving_and_an_old_file_migrates(
    tmp_path: Path, example_data, make_incident, renderer
) -> None:
    import json

    path = tmp_path / "old.crisis.json"
    path.write_text(json.dumps(example_data), encoding="utf-8")  # format version 1
    incident = load_incident(path)
    assert incident.record.issued == [] and incident.format_version == 2
    _docs, issued = issue(
        incident, renderer, tmp_path / "out", TemplateSet.HOLDING, "2025-09-02T09:30:00+01:00"
    )
    editing.save_record(path, issued)
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["format_version"] == 2
    assert saved["incident"]["statement_at"] == "2025-09-02T09:00:00+01:00"  # as written
    assert len(load_incident(path).record.issued) == 6


def test_nis2_clocks_show_when_in_scope(make_incident) -> None:
    incident = make_incident(record={"nis2_in_scope": True}, data__status="under_investigation")
    events = build_timeline(incident, at("2025-09-01T12:00:00+01:00"))
    deadlines = {e.text(): (e.at, e.time_left) for e in events if e.kind is EventKind.DEADLINE}
    early = deadlines["NIS2: early warning to the national CSIRT"]
    assert early[0] == at("2025-09-01T23:40:00+01:00") and early[1] == timedelta(
        hours=11, minutes=40
    )
    assert "NIS2: final report" in deadlines
    assert any(text.startswith("GDPR / UK GDPR") for text in deadlines)


def test_languages_audiences_and_claims_that_disagree_are_caught(
    tmp_path: Path, make_incident
) -> None:
    from app.drafts.render import DraftRenderer, open_library

    mine = tmp_path / "mine"
    (mine / "press_release").mkdir(parents=True)
    built_in = Path(__file__).resolve().parents[2] / "templates"
    french = (built_in / "press_release" / "fr.md.j2").read_text(encoding="utf-8")
    (mine / "press_release" / "fr.md.j2").write_text(
        french.replace("{{ say.next_update(false) }}", "Nouveau point le 4 septembre à 18 h."),
        encoding="utf-8",
    )
    staff = (built_in / "staff_message" / "en.md.j2").read_text(encoding="utf-8")
    staff = staff.replace("{% for site in sites %}", "{% for site in sites[:1] %}")
    (mine / "staff_message").mkdir()
    (mine / "staff_message" / "en.md.j2").write_text(
        staff.replace(
            "Dear colleagues,",
            "Dear colleagues, this is a minor incident and no data was affected.",
        ),
        encoding="utf-8",
    )
    renderer = DraftRenderer(open_library([mine]))
    incident = make_incident()
    drafts = current_drafts(
        incident, renderer, ["en", "fr"], list(DocumentKind), TemplateSet.HOLDING
    )
    messages = [str(p) for p in record_problems(incident, drafts, at("2025-09-02T09:30:00+01:00"))]
    assert any("press_release: the English and French versions disagree" in m for m in messages)
    assert any("“minor incident”" in m for m in messages)
    assert any("“no data was affected”" in m for m in messages)
    # the staff message still names Halewood in its lead? Only the sites list was cut:
    # the press release and dealer notice name Gaydon, the English staff message does not.
    assert any("staff_message (en)" in m and "'Gaydon'" in m for m in messages)
