"""An incident through holding statement, update (data now affected) and resolution:
approvals, the record, the diffs, the checks at each step, and the timeline."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

import docx
import pytest

from app.cli import run
from app.errors import ExportError
from app.facts.loading import load_incident
from app.facts.models import Approver, Incident
from app.interface_text.translator import Translator
from app.record.checks import record_problems
from app.record.diff import Change, FactChange, diff_as_text, facts_diff, word_diff
from app.record.timeline import EventKind, FixedLane, build_timeline
from app.session.file_writes import write_record
from app.session.incident_session import IncidentSession
from app.session.selection import Selection
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
    """Approve every draft of ``template_set`` ten minutes before ``when``, then export
    them as final at ``when``: the documents, and the incident with its record."""
    session = IncidentSession(incident, renderer)
    every_draft = Selection(template_set=template_set)
    session.approve(every_draft, COUNSEL, at(when) - timedelta(minutes=10))
    documents = session.export(every_draft, out, final=True, now=at(when))
    return documents, session.incident


def current_drafts(incident, renderer, template_set: TemplateSet):
    """The drafts of ``template_set`` as the record checks take them."""
    drafts = IncidentSession(incident, renderer).drafts(Selection(template_set=template_set))
    return {(draft.info.document.value, draft.info.language): draft for draft in drafts}


def test_an_incident_from_first_statement_to_resolution(
    tmp_path: Path, make_incident, renderer
) -> None:
    # 1. First statement, 2 Sept 09:30.
    first = make_incident()
    with pytest.raises(ExportError, match="not approved as it stands"):
        IncidentSession(first, renderer).export(
            Selection(), tmp_path / "none", final=True, now=at("2025-09-02T09:30:00+01:00")
        )
    assert not (tmp_path / "none").exists()
    documents, first = issue(
        first, renderer, tmp_path / "1", TemplateSet.HOLDING, "2025-09-02T09:30:00+01:00"
    )
    assert len(first.record.issued) == 6
    statement = first.record.issued[0]
    in_force = renderer.library.find(DocumentKind.PRESS_RELEASE, "en", TemplateSet.HOLDING)
    assert (statement.template_id, statement.template_version) == (
        "holding.press_release",
        in_force.meta.version,
    )
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
    drafts = current_drafts(update, renderer, TemplateSet.UPDATE)
    problems = record_problems(update, drafts, at("2025-09-03T12:05:00+01:00"))
    # the promised time as each language writes it, on the organisation's clock, not ISO
    assert [p.message for p in problems if not p.blocking] == [
        "the update promised for Sep 3, 2025, 12:00\u202fPM is overdue: issue one now"
    ]
    french = Translator("fr").gettext
    assert [p.translated(french, "fr") for p in problems if not p.blocking] == [
        "le point de situation promis pour 3 sept. 2025, 12:00 est en retard\u00a0: "
        "publiez-en un maintenant"
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

    # 4. Resolution, 8 Sept.: every site, step and system back (else a contradiction).
    back = {f"sites__{index}__status": "operating" for index in range(3)}
    back |= {f"recovery__steps__{index}__status": "done" for index in range(3)}
    back |= {f"containment__systems__{index}__status": "restored" for index in range(4)}
    resolution = changed(
        update,
        recovery__phase="restored",
        incident__statement_at="2025-09-05T10:00:00+01:00",
        next_update_at=None,
        **back,
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
    assert kinds[0] == (EventKind.DETECTED, FixedLane.INCIDENT)
    assert kinds.count((EventKind.ISSUED, DocumentKind.PRESS_RELEASE)) == 3
    assert kinds.count((EventKind.ISSUED, DocumentKind.DEALER_NOTICE)) == 3
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
    path = tmp_path / "old.crisis.json"
    path.write_text(json.dumps(example_data), encoding="utf-8")  # format version 1
    incident = load_incident(path)
    assert incident.record.issued == [] and incident.format_version == 3
    _docs, issued = issue(
        incident, renderer, tmp_path / "out", TemplateSet.HOLDING, "2025-09-02T09:30:00+01:00"
    )
    write_record(path, issued.record)
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["format_version"] == 3
    assert saved["incident"]["statement_at"] == "2025-09-02T09:00:00+01:00"  # as written
    assert len(load_incident(path).record.issued) == 6


def deadlines_of(incident: Incident, now: str) -> dict[str, tuple[datetime, timedelta | None]]:
    events = build_timeline(incident, at(now))
    return {e.text(): (e.at, e.time_left) for e in events if e.kind is EventKind.DEADLINE}


def test_nis2_clocks_show_when_in_scope(make_incident) -> None:
    incident = make_incident(record={"nis2_in_scope": True}, data__status="under_investigation")
    deadlines = deadlines_of(incident, "2025-09-01T12:00:00+01:00")
    early = deadlines["NIS2: early warning to the national CSIRT"]
    assert early[0] == at("2025-09-01T23:40:00+01:00") and early[1] == timedelta(
        hours=11, minutes=40
    )
    assert "NIS2: final report" in deadlines
    # v3: data under investigation starts no GDPR clock; affected data does, from
    # detection unless the lead says when the organisation became aware of it.
    assert not any(text.startswith("GDPR / UK GDPR") for text in deadlines)
    affected = changed(incident, data__status="affected")
    gdpr = [
        v
        for text, v in deadlines_of(affected, "2025-09-01T12:00:00+01:00").items()
        if text.startswith("GDPR / UK GDPR")
    ]
    assert [deadline for deadline, _left in gdpr] == [at("2025-09-03T23:40:00+01:00")]
    aware = changed(affected, data__aware_at="2025-09-02T08:00:00+01:00")
    gdpr = [
        v
        for text, v in deadlines_of(aware, "2025-09-01T12:00:00+01:00").items()
        if text.startswith("GDPR / UK GDPR")
    ]
    assert [deadline for deadline, _left in gdpr] == [at("2025-09-05T08:00:00+01:00")]


def test_languages_audiences_and_claims_that_disagree_are_caught(
    tmp_path: Path, make_incident
) -> None:
    from app.drafts.render import DraftRenderer, open_library

    mine = tmp_path / "mine"
    (mine / "press_release").mkdir(parents=True)
    built_in = Path(__file__).resolve().parents[2] / "templates"
    french = (built_in / "holding" / "press_release" / "fr.md.j2").read_text(encoding="utf-8")
    (mine / "press_release" / "fr.md.j2").write_text(
        french.replace("{{ say.next_update(false) }}", "Nouveau point le 4 septembre à 18 h."),
        encoding="utf-8",
    )
    staff = (built_in / "holding" / "staff_message" / "en.md.j2").read_text(encoding="utf-8")
    staff = staff.replace("{% for site in sites %}", "{% for site in sites[:1] %}")
    staff = staff.replace('{{ say.section("Where things stand", say.press_impact()) }}', "")
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
    drafts = current_drafts(incident, renderer, TemplateSet.HOLDING)
    messages = [str(p) for p in record_problems(incident, drafts, at("2025-09-02T09:30:00+01:00"))]
    assert any("press_release: the English and French versions disagree" in m for m in messages)
    assert any("“minor incident”" in m for m in messages)
    assert any("“no data was affected”" in m for m in messages)
    # the staff message still names Halewood in its lead? Only the sites list was cut:
    # the press release and dealer notice name Gaydon, the English staff message does not.
    assert any("staff_message (en)" in m and "'Gaydon'" in m for m in messages)


def test_a_statement_recorded_in_v2_differs_from_v3_facts_only_where_the_facts_do(
    example_data, make_incident, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    as_recorded_in_v2 = dict(example_data, format_version=2)  # systems as keys, payment false
    assert facts_diff(as_recorded_in_v2, make_incident().facts_snapshot()) == []
    later = changed(make_incident(), data__status="under_investigation").facts_snapshot()
    assert facts_diff(as_recorded_in_v2, later) == [
        FactChange("data.status", "no_evidence", "under_investigation")
    ]
    # and as `crisisdraft diff` shows it, for a file whose record spans both versions
    statement = {
        "issued_at": "2025-09-02T09:30:00+01:00",
        "document": "press_release",
        "language": "en",
        "template_id": "holding.press_release",
        "template_version": "1",
        "approver": COUNSEL.model_dump(),
        "file_name": "press.docx",
        "text": "A statement.",
    }
    record = {
        "issued": [
            dict(statement, facts=as_recorded_in_v2),
            dict(statement, issued_at="2025-09-03T12:00:00+01:00", facts=later),
        ]
    }
    path = tmp_path / "both.crisis.json"
    path.write_text(json.dumps(dict(as_recorded_in_v2, record=record)), encoding="utf-8")
    assert run(["diff", str(path), "1", "2"]) == 0
    shown = capsys.readouterr().out.splitlines()
    assert shown[:2] == [
        "Facts changed (1):",
        "  data.status: 'no_evidence' -> 'under_investigation'",
    ]
