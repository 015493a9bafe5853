"""The texts to authorities where facts and record meet: two regulators in two
languages, a regulator added later, a follow-up to a notification made in time, the
reasons for a delay given in the one language drafted, and an authority told of under
another spelling. Each as the checks and the drafts show it to the lead."""

from __future__ import annotations

from datetime import datetime

from app.facts.authorities import by_language
from app.record.timeline import build_timeline
from app.record.timeline_events import EventKind
from app.session.incident_session import IncidentSession
from app.session.selection import Selection
from app.templates.documents import DocumentKind
from tests.test_cli import crisisdraft

NOTIFICATION = DocumentKind.REGULATOR_NOTIFICATION
AWARE = "2025-09-09T18:00:00+01:00"  # the deadline: 12 September, 18:00


def sent(at: str, *recipients: str) -> dict[str, object]:
    """A regulator notification in the record, issued ``at`` to ``recipients``."""
    return {
        "issued_at": at,
        "document": "regulator_notification",
        "language": "en",
        "template_id": "update.regulator_notification",
        "template_version": "1",
        "approver": {"name": "Sam Patel", "role": "General Counsel"},
        "file_name": "notification.docx",
        "facts": {},
        "text": "A notification.",
        "recipients": list(recipients),
    }


def affected(
    make_incident, *, regulators, issued=(), statement_at="2025-09-16T17:00:00+01:00", **more
):
    return make_incident(
        data__status="affected",
        data__aware_at=AWARE,
        authorities__regulators=list(regulators),
        incident__statement_at=statement_at,
        record={"issued": list(issued)},
        **more,
    )


def problems(incident, renderer, languages=("en", "fr"), *, final=False):
    session = IncidentSession(incident, renderer)
    selection = Selection(languages, (NOTIFICATION,))
    return session.problems(
        selection, clock=lambda: datetime.fromisoformat("2025-09-16T17:30:00+01:00"), final=final
    ).found


def test_the_ico_s_english_and_the_cnil_s_french_are_not_held_to_one_another(
    make_incident, renderer
) -> None:
    incident = affected(
        make_incident,
        regulators=["ICO", "CNIL"],
        data__delay_reason={"en": "A reason.", "fr": "Un motif."},
    )
    found = problems(incident, renderer)
    assert not [p for p in found if "disagree" in p.message], found


def test_the_reasons_for_the_delay_are_needed_in_the_languages_drafted_only(
    make_incident, renderer
) -> None:
    incident = affected(
        make_incident, regulators=["ICO"], data__delay_reason={"en": "A reason.", "fr": ""}
    )
    assert not [p for p in problems(incident, renderer) if p.field == "data.delay_reason"]
    french = affected(make_incident, regulators=["CNIL"], data__delay_reason={"en": "A reason."})
    [missing] = [p for p in problems(french, renderer) if p.field == "data.delay_reason"]
    assert not missing.blocking
    [refused] = [
        p for p in problems(french, renderer, final=True) if p.field == "data.delay_reason"
    ]
    assert refused.blocking


def test_a_follow_up_to_a_notification_made_in_time_is_not_late(make_incident, renderer) -> None:
    in_time = sent("2025-09-10T12:00:00+01:00", "ICO")
    incident = affected(make_incident, regulators=["ICO"], issued=[in_time])
    assert not [p for p in problems(incident, renderer) if p.field == "data.delay_reason"]
    draft = renderer.render(incident, NOTIFICATION, "en")
    text = draft.plain_text()
    assert text.startswith("FOLLOW-UP NOTIFICATION (ARTICLE 33(4))")
    assert not [note for note in draft.info.lead_notes if "72 hours" in note]


def test_a_regulator_added_later_gets_an_initial_notification(make_incident, renderer) -> None:
    incident = affected(
        make_incident,
        regulators=["ICO", "DPC"],
        issued=[sent("2025-09-10T12:00:00+01:00", "Information Commissioner's Office")],
        data__delay_reason={"en": "The DPC's concern was only established on 15 September."},
    )
    text = renderer.render(incident, NOTIFICATION, "en").plain_text()
    ico, dpc = text.split("PERSONAL DATA BREACH NOTIFICATION")[1:]
    assert "Information Commissioner's Office (ICO)" in ico
    assert "Follows: our notification of 10 September 2025" in ico  # another spelling, same ICO
    assert dpc.count("Data Protection Commission (DPC)") == 1
    assert "Follows:" not in dpc
    assert "Reason for notifying after 72 hours: The DPC's concern" in dpc
    assert "Reason for notifying" not in ico  # the ICO was notified in time
    assert text.count("INITIAL NOTIFICATION") == 1


def test_the_nis2_authority_is_not_told_that_it_was_told(make_incident, renderer) -> None:
    incident = make_incident(
        authorities__nis2_authority="ANSSI",
        authorities__agencies=["CERT-FR", "NCSC"],
        record={"nis2_in_scope": True, "issued": []},
    )
    text = renderer.render(incident, DocumentKind.NIS2_NOTIFICATION, "fr").plain_text()
    assert "(NCSC)" in text and "CERT-FR" not in text


def test_approving_a_language_no_regulator_reads_says_so(write_incident) -> None:
    path = write_incident(
        data={"status": "affected", "categories": []},
        authorities={"regulators": ["ICO"], "law_enforcement": True, "specialists_engaged": True},
    )
    approved = crisisdraft(
        "approve", str(path), "--doc", "regulator_notification", "--lang", "fr",
        "--by", "Sam Patel", "--role", "General Counsel",
    )  # fmt: skip
    assert approved.returncode == 2
    assert "no regulator notification" not in approved.stdout
    assert "written to in a language not chosen (ICO)" in approved.stderr
    assert "nothing to approve" in approved.stderr


def test_a_regulator_named_twice_is_written_to_once_in_the_order_named() -> None:
    named = by_language(["ICO", "CNIL", "ico", "Information Commissioner's Office", "AP"])
    assert named == {"en": ("ICO", "AP"), "fr": ("CNIL", "AP")}


def test_a_notification_edited_in_word_names_whom_it_went_to_on_the_timeline(
    make_incident,
) -> None:
    from_word = sent("2025-09-16T17:05:00+01:00", "ICO")
    from_word["edited"] = {
        "file_sha256": "0" * 64,
        "draft_text": "The app's notification.",
        "draft_approver": {"name": "Ada Lee", "role": "Head of Communications"},
    }
    incident = affected(make_incident, regulators=["ICO"], issued=[from_word])
    [issued] = [
        event
        for event in build_timeline(incident, datetime.fromisoformat("2025-09-16T18:00:00+01:00"))
        if event.kind is EventKind.ISSUED
    ]
    assert issued.message.format(**issued.values) == (
        "Issued from Word (EN) to ICO, edited after Ada Lee approved the draft; the edited "
        "text approved by Sam Patel"
    )
