"""Every draft that tells of the data tells the same categories and number of people:
the regulator is told what the press, customers and staff are told (issue 19)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from app.record.checks import record_problems
from app.templates.documents import DocumentKind
from tests.drafts.drafted import drafted

NOW = datetime.fromisoformat("2025-09-02T12:00:00+01:00")


def affected(make_incident):
    return make_incident(
        data__status="affected",
        data__categories=["contact_details", "identity"],
        data__people_affected=12000,
        authorities__regulators=["ICO", "CNIL"],
        organisation__listed_on=["London Stock Exchange"],
    )


def test_the_drafts_as_written_tell_the_same_data(make_incident, renderer) -> None:
    incident = affected(make_incident)
    drafts = {(d.value, lang): renderer.render(incident, d, lang) for d, lang in drafted(incident)}
    assert ("regulator_notification", "en") in drafts and ("regulator_notification", "fr") in drafts
    told = [p for p in record_problems(incident, drafts, NOW) if "told to" in p.message]
    assert told == []


def test_a_notification_that_leaves_out_a_category_or_the_number_is_flagged(
    make_incident, renderer
) -> None:
    incident = affected(make_incident)
    drafts = {(d.value, lang): renderer.render(incident, d, lang) for d, lang in drafted(incident)}
    key = ("regulator_notification", "en")
    notification = drafts[key]
    # a template edited for the regulator: identity data and the number left out
    kept = tuple(
        block
        for block in notification.blocks
        if "identity" not in block.text and "12,000" not in block.text
    )
    drafts[key] = replace(notification, blocks=kept)
    told = [p for p in record_problems(incident, drafts, NOW) if "told to" in p.message]
    assert {p.documents for p in told} == {(DocumentKind.REGULATOR_NOTIFICATION.value,)}
    facts = sorted(p.message.split("'")[1] for p in told)
    assert facts == [
        "12,000",
        "identity information (such as dates of birth or identity document numbers)",
    ]
    assert all("Press release" in p.message for p in told)
