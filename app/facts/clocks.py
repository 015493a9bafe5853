"""When the law's clocks start and end, and whether a notification is late, from the
facts and the record: one place that the timeline, the regulator notification and the
checks all ask, so that the clock the lead sees and the delay the notification explains
are the same (docs/regulatory-clocks.md).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Final

from app.facts.authorities import same_authority
from app.facts.migration import read_snapshot
from app.facts.models import DataStatus, Incident
from app.facts.vocabulary import DocumentKind

#: GDPR art. 33(1) and UK GDPR art. 33(1): notify the supervisory authority "not later
#: than 72 hours after having become aware of" a personal data breach.
GDPR_DELAY: Final = timedelta(hours=72)
#: NIS2 art. 23(4)(a) and (b): the early warning within 24 hours of becoming aware of a
#: significant incident, the incident notification within 72 hours.
NIS2_EARLY_WARNING_DELAY: Final = timedelta(hours=24)
NIS2_NOTIFICATION_DELAY: Final = timedelta(hours=72)


def data_breach_awareness(incident: Incident) -> datetime | None:
    """When the organisation became aware of the personal data breach: ``data.aware_at``,
    else (the contract) detection when data is affected, or was said to be in a
    statement already issued; None: no GDPR clock runs."""
    if incident.data.aware_at is not None:
        return incident.data.aware_at
    if incident.data.status is DataStatus.AFFECTED or _said_affected(incident):
        return incident.incident.detected_at
    return None


def gdpr_deadline(incident: Incident) -> datetime | None:
    """The latest the supervisory authority may be notified (None: no clock runs)."""
    aware = data_breach_awareness(incident)
    return None if aware is None else aware + GDPR_DELAY


def nis2_notification_due(incident: Incident) -> datetime | None:
    """The latest the NIS2 incident notification may be sent (None: detection unknown)."""
    detected = incident.incident.detected_at
    return None if detected is None else detected + NIS2_NOTIFICATION_DELAY


def first_notified(incident: Incident, regulator: str) -> datetime | None:
    """When ``regulator`` (any spelling of it) was first sent a regulator notification,
    as the record says (None: not yet)."""
    return min(
        (
            statement.issued_at
            for statement in incident.record.issued
            if statement.document == DocumentKind.REGULATOR_NOTIFICATION.value
            and any(same_authority(regulator, sent) for sent in statement.recipients)
        ),
        default=None,
    )


def notified_late(incident: Incident, regulators: Iterable[str]) -> bool:
    """Whether a notification written now to ``regulators`` comes after the GDPR's 72
    hours, so that it must give the reasons for the delay (art. 33(1)): the statement is
    past the deadline and one of them was not notified in time before (a follow-up to a
    notification made in time, art. 33(4), is not late)."""
    deadline = gdpr_deadline(incident)
    if deadline is None or incident.incident.statement_at <= deadline:
        return False
    return any(
        (sent := first_notified(incident, name)) is None or sent > deadline for name in regulators
    )


def _said_affected(incident: Incident) -> bool:
    """Whether a statement issued said that data was affected (read only when the
    facts do not settle awareness themselves)."""
    return any(
        (said := read_snapshot(statement.facts)) is not None
        and said.data.status is DataStatus.AFFECTED
        for statement in incident.record.issued
    )
