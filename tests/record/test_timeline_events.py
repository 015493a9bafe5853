"""What the timeline knows of each event, so a picture can draw it and open it: the
statement's number and documents, when each regulator's clock started, when each next
update was promised."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from app.record.timeline import EventKind, Lane, build_timeline
from tests.record.long_incident import ISSUED_AFTER, issued_at, long_incident


def test_each_mark_knows_its_statement_and_the_documents_it_stands_for(
    tmp_path: Path, example_data, renderer
) -> None:
    incident = long_incident(example_data, renderer, tmp_path, statements=4)
    issued = incident.record.issued
    events = build_timeline(incident, issued_at(4) + timedelta(hours=1))

    statements = [e for e in events if e.kind is EventKind.ISSUED]
    assert [(e.statement, e.lane) for e in statements[:3]] == [
        (1, Lane.PRESS),
        (1, Lane.DEALERS),
        (1, Lane.STAFF),
    ]
    assert sorted({e.statement for e in statements}) == [1, 2, 3, 4]
    for event in statements:  # the English and the French document of that audience
        documents = [issued[position] for position in event.documents]
        assert [d.language for d in documents] == ["en", "fr"]
        assert {(d.issued_at, d.document) for d in documents} == {(event.at, event.lane.value)}
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
    assert clocks["NIS2: final report"].at == detected + timedelta(days=30)
    promises = [e for e in events if e.kind is EventKind.PROMISED_UPDATE]
    # Each statement promised the next one at the time it was then issued.
    assert [(p.starts_at, p.at) for p in promises] == [
        (issued_at(n), issued_at(n + 1)) for n in range(1, 5)
    ]
    assert len(ISSUED_AFTER) >= 18  # the six-week record the pictures are tested with
