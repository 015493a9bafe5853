"""English and French versions agree on times even when American English writes them on
a 12-hour clock ("3:00 PM" / « 15 h 00 »)."""

from __future__ import annotations

from datetime import UTC, datetime

from app.drafts.render import DraftRenderer
from app.facts.loading import load_incident
from app.files.resources import bundled
from app.record.checks import record_problems
from tests.drafts.drafted import drafted


def test_an_american_company_s_versions_agree_on_the_hour(renderer: DraftRenderer) -> None:
    incident = load_incident(bundled("examples") / "it-failure.crisis.json")
    drafts = {
        (document.value, language): renderer.render(incident, document, language)
        for document, language in drafted(incident)
    }
    english = drafts[("staff_message", "en")].plain_text()
    assert (
        "3:00 PM" in english and "15\u00a0h\u00a000" in drafts[("staff_message", "fr")].plain_text()
    )
    problems = record_problems(incident, drafts, datetime(2026, 2, 9, 22, tzinfo=UTC))
    assert [p for p in problems if "disagree" in p.message] == []
