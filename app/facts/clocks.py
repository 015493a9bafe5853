"""When the law's clocks start and end, from the facts: one place that the timeline
and the regulator notification both ask, so that the clock the lead sees and the delay
the notification explains are the same (docs/regulatory-clocks.md).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Final

from app.facts.models import DataStatus, Incident

#: GDPR art. 33(1) and UK GDPR art. 33(1): notify the supervisory authority "not later
#: than 72 hours after having become aware of" a personal data breach.
GDPR_DELAY: Final = timedelta(hours=72)
#: NIS2 art. 23(4)(a) and (b): the early warning within 24 hours of becoming aware of a
#: significant incident, the incident notification within 72 hours.
NIS2_EARLY_WARNING_DELAY: Final = timedelta(hours=24)
NIS2_NOTIFICATION_DELAY: Final = timedelta(hours=72)


def data_breach_awareness(incident: Incident, *, said_affected: bool = False) -> datetime | None:
    """When the organisation became aware of the personal data breach: ``data.aware_at``,
    else (the contract) detection when data is affected, or was said to be in a
    statement already issued (``said_affected``); None: no GDPR clock runs."""
    if incident.data.aware_at is not None:
        return incident.data.aware_at
    if incident.data.status is DataStatus.AFFECTED or said_affected:
        return incident.incident.detected_at
    return None


def gdpr_deadline(incident: Incident) -> datetime | None:
    """The latest the supervisory authority may be notified (None: no clock runs)."""
    aware = data_breach_awareness(incident)
    return None if aware is None else aware + GDPR_DELAY


def notified_late(incident: Incident) -> bool:
    """Whether the statement being written is later than the GDPR's 72 hours, so that a
    notification made with it must give the reason for the delay (art. 33(1))."""
    deadline = gdpr_deadline(incident)
    return deadline is not None and incident.incident.statement_at > deadline
