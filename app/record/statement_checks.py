"""Every record check of the drafts of a statement about to go out: against the record,
each other and the facts (:mod:`app.record.checks`), plus, for a resolution, a reminder
to re-read the texts written during the crisis. The session asks this once per change."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from app.drafts.blocks import Draft
from app.errors import N_, Problem
from app.facts.models import Incident
from app.facts.statement import statement_choice
from app.record.checks import DraftKey, record_problems
from app.templates.metadata import TemplateSet


def record_checks(
    incident: Incident,
    drafts: Mapping[DraftKey, Draft],
    template_set: TemplateSet | None,
    now: datetime,
    *,
    source: str = "incident",
) -> list[Problem]:
    """The consistency problems of drafts already rendered (from ``template_set``, or
    the set the facts call for): against the record, each other, and the facts."""
    problems = record_problems(incident, drafts, now, source=source)
    used = template_set or statement_choice(incident).kind
    if used is TemplateSet.RESOLUTION:
        problems += _texts_from_the_crisis(incident, source)
    return problems


def _texts_from_the_crisis(incident: Incident, source: str) -> list[Problem]:
    """Guidance and quotes are the user's own words, written during the crisis: a closing
    statement prints them as they are, so ask the user to read them again."""
    texts = [
        field
        for field, value in (
            ("guidance.staff", incident.guidance.staff),
            ("guidance.dealers", incident.guidance.dealers),
            ("guidance.customers", incident.guidance.customers),
            ("guidance.suppliers", incident.guidance.suppliers),
            ("spokesperson.quote", incident.spokesperson.quote if incident.spokesperson else None),
        )
        if value is not None
    ]
    return [
        Problem(
            f"{source}: {field}",
            message_id=N_(
                "this text was written during the crisis and the resolution prints it as it "
                "is: check that it still holds, or update it"
            ),
            field=field,
            blocking=False,
        )
        for field in texts
    ]
