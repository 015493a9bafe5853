"""What the timeline knows of each event, so a picture can draw it and open it: the
statement's number and documents, when each regulator's clock started, when each next
update was promised."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from app.facts.models import Drafting
from app.record.regulator_clocks import one_month_after
from app.record.timeline import (
    EventKind,
    FixedLane,
    build_timeline,
    timeline_lanes,
)
from app.templates.documents import DocumentKind
from tests.record.long_incident import ISSUED_AFTER, issued_at, long_incident


def test_each_mark_knows_its_statement_and_the_documents_it_stands_for(
    tmp_path: Path, example_data, renderer
) -> None:
    incident = long_incident(example_data, renderer, tmp_path, statements=4)
    issued = incident.record.issued
    events = build_timeline(incident, issued_at(4) + timedelta(hours=1))

    statements = [e for e in events if e.kind is EventKind.ISSUED]
    assert [(e.statement, e.lane) for e in statements[:3]] == [
        (1, DocumentKind.PRESS_RELEASE),
        (1, DocumentKind.DEALER_NOTICE),
        (1, DocumentKind.STAFF_MESSAGE),
    ]
    assert sorted({e.statement for e in statements}) == [1, 2, 3, 4]
    for event in statements:  # the English and the French document of that audience
        documents = [issued[position] for position in event.documents]
        assert [d.language for d in documents] == ["en", "fr"]
        assert {(d.issued_at, d.document) for d in documents} == {(event.at, str(event.lane))}
    second = next(e for e in statements if e.statement == 2)
    assert second.values["template_set"] == "update"
    assert (second.values["approver"], second.values["role"]) == (
        "Claire Dubois",
        "Directrice de la communication",
    )

    detected = incident.incident.detected_at
    assert detected is not None
    clocks = {e.text(): e for e in events if e.kind is EventKind.DEADLINE}
    assert {clock.starts_at for clock in clocks.values()} == {detected}  # aware at detection
    # NIS2 art. 23(4)(d): a month after the notification, due 72 h after detection.
    assert clocks["NIS2: final report"].at == one_month_after(detected + timedelta(hours=72))
    promises = [e for e in events if e.kind is EventKind.PROMISED_UPDATE]
    # Each statement promised the next one at the time it was then issued.
    assert [(p.starts_at, p.at) for p in promises] == [
        (issued_at(n), issued_at(n + 1)) for n in range(1, 5)
    ]
    assert len(ISSUED_AFTER) >= 18  # the six-week record the pictures are tested with


def test_each_document_the_incident_needs_or_has_issued_has_its_lane(
    tmp_path: Path, example_data, renderer
) -> None:
    incident = long_incident(example_data, renderer, tmp_path, statements=1)
    events = build_timeline(incident, issued_at(1) + timedelta(hours=1))
    first_three = [
        DocumentKind.PRESS_RELEASE,
        DocumentKind.DEALER_NOTICE,
        DocumentKind.STAFF_MESSAGE,
    ]
    assert timeline_lanes(incident, events) == (
        FixedLane.INCIDENT,
        *first_three,
        FixedLane.REGULATORS,
    )

    # The lead now needs a supplier notice and no staff message: the supplier notice's
    # lane waits for its first statement, the staff message's keeps what was issued.
    chosen = incident.model_copy(
        update={"drafting": Drafting(documents=["supplier_notice", "press_release"])}
    )
    assert timeline_lanes(chosen, events) == (
        FixedLane.INCIDENT,
        *first_three,
        DocumentKind.SUPPLIER_NOTICE,
        FixedLane.REGULATORS,
    )


def test_one_month_after_keeps_the_day_or_takes_the_last_of_a_shorter_month() -> None:
    paris = datetime.fromisoformat("2025-01-31T09:30:00+01:00")
    assert one_month_after(paris) == datetime.fromisoformat("2025-02-28T09:30:00+01:00")
    assert one_month_after(paris.replace(year=2024)).day == 29  # a leap year
    december = datetime.fromisoformat("2025-12-05T18:00:00+00:00")
    assert one_month_after(december) == datetime.fromisoformat("2026-01-05T18:00:00+00:00")
    september = datetime.fromisoformat("2025-09-05T09:00:00+01:00")
    assert one_month_after(september) == datetime.fromisoformat("2025-10-05T09:00:00+01:00")
