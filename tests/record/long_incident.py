"""An incident that runs six weeks, issued statement by statement through the session
as a lead would (approve, then export as final): three statements within the first
hours (two of them 40 minutes apart), then an update every two or three days, data
found affected on the second day, NIS2 in scope, and the resolution on 10 October.
The timeline tests draw it at every zoom."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

from app.drafts.render import DraftRenderer
from app.facts.loading import parse_incident
from app.facts.models import Approver, Incident
from app.session.incident_session import IncidentSession
from app.session.selection import Selection
from app.templates.metadata import TemplateSet
from tests.conftest import edited

APPROVERS = (
    Approver(name="Sam Patel", role="General Counsel"),
    Approver(name="Claire Dubois", role="Directrice de la communication"),
)
FIRST = datetime.fromisoformat("2025-09-01T09:30:00+01:00")
#: When each statement is issued, counted from the first.
ISSUED_AFTER = (
    timedelta(0),
    timedelta(minutes=40),
    timedelta(hours=6),
    timedelta(days=1),
    *(timedelta(days=days) for days in (3, 5, 8, 10, 13, 16, 19, 22, 25, 28, 31, 34, 37, 39)),
)
#: "Now" for the six-week record: the morning after the resolution.
SIX_WEEKS_NOW = datetime.fromisoformat("2025-10-11T10:00:00+01:00")
DATA_AFFECTED_FROM = 3  # the fourth statement says personal data is affected


def issued_at(number: int) -> datetime:
    """When statement ``number`` (from 1) is issued."""
    return FIRST + ISSUED_AFTER[number - 1]


def long_incident(example: dict, renderer: DraftRenderer, out: Path, statements: int) -> Incident:
    """The example incident after its first ``statements`` statements (at most
    ``len(ISSUED_AFTER)``, the last one the resolution), each approved and exported
    into ``out``."""
    incident = parse_incident(
        json.dumps(edited(example, {"record": {"nis2_in_scope": True}})), source="long"
    )
    last = len(ISSUED_AFTER)
    for index in range(statements):
        when = FIRST + ISSUED_AFTER[index]
        following = FIRST + ISSUED_AFTER[index + 1] if index + 1 < last else None
        changes: dict[str, object] = {
            "incident.statement_at": (when - timedelta(minutes=20)).isoformat(),
            "next_update_at": following.isoformat() if following else None,
        }
        if index == DATA_AFFECTED_FROM:
            changes |= {"data.status": "affected", "data.categories": ["contact_details"]}
        template_set = TemplateSet.UPDATE if index else TemplateSet.HOLDING
        if index == last - 1:
            template_set = TemplateSet.RESOLUTION
            changes |= {f"sites.{site}.status": "operating" for site in range(3)}
            changes |= {f"recovery.steps.{step}.status": "done" for step in range(3)}
            changes |= {f"containment.systems.{n}.status": "restored" for n in range(4)}
            changes["recovery.phase"] = "restored"
        incident = Incident.model_validate(edited(incident.model_dump(mode="json"), changes))
        session = IncidentSession(incident, renderer)
        every_draft = Selection(template_set=template_set)
        approver = APPROVERS[index % len(APPROVERS)]
        session.approve(every_draft, approver, when - timedelta(minutes=10))
        session.export(every_draft, out / str(index + 1), final=True, now=when)
        incident = session.incident
    return incident
