"""The law's clocks on the timeline: the GDPR's 72 hours to notify the supervisory
authority, NIS2's early warning, notification and final report, and a listed company's
market announcement no later than the press (docs/regulatory-clocks.md).

Each clock counts from the fact the law counts from (awareness of the data breach,
detection of the incident, the first press release) and is met, drawn green, once the
text it asks for is in the record as issued: a regulator notification to every
regulator named, the NIS2 early warning or notification, the market announcement.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from datetime import datetime
from typing import Final

from app.errors import N_
from app.facts.clocks import (
    GDPR_DELAY,
    NIS2_EARLY_WARNING_DELAY,
    NIS2_NOTIFICATION_DELAY,
    data_breach_awareness,
    first_notified,
)
from app.facts.migration import read_snapshot
from app.facts.models import Incident, IssuedStatement
from app.record.timeline_events import EventKind, FixedLane, TimelineEvent
from app.templates.documents import DocumentKind

#: NIS2 art. 23(4)(a) and (b): from becoming aware of the significant incident; each
#: with the documents whose issue meets it (an incident notification sent within 24
#: hours gives the early warning's content too).
NIS2_CLOCKS: Final = (
    (
        NIS2_EARLY_WARNING_DELAY,
        N_("NIS2: early warning to the national CSIRT"),
        N_("NIS2: early warning sent ({authority})"),
        (DocumentKind.NIS2_EARLY_WARNING, DocumentKind.NIS2_NOTIFICATION),
    ),
    (
        NIS2_NOTIFICATION_DELAY,
        N_("NIS2: incident notification"),
        N_("NIS2: incident notification sent ({authority})"),
        (DocumentKind.NIS2_NOTIFICATION,),
    ),
)
#: NIS2 art. 23(4)(d): one month after the incident notification was submitted (before
#: it is, from the latest it may be: the 72 hours above). Not a document CrisisDraft
#: writes, so never met here.
NIS2_FINAL_REPORT = N_("NIS2: final report")


def regulator_clocks(
    incident: Incident, issued: Sequence[IssuedStatement], now: datetime
) -> list[TimelineEvent]:
    """The clocks that run for ``incident``, given what ``issued`` (time order) holds."""
    return [
        *_gdpr_clock(incident, issued, now),
        *_nis2_clocks(incident, issued, now),
        *_market_deadline(incident, issued),
    ]


def _gdpr_clock(
    incident: Incident, issued: Sequence[IssuedStatement], now: datetime
) -> list[TimelineEvent]:
    """GDPR / UK GDPR art. 33: 72 hours from awareness, met once a notification went to
    every regulator named (to one of any name when none is named). A notification sent
    after the deadline meets it too (the obligation is discharged, late): the event then
    says so, and whether the reasons for the delay went with it."""
    aware = data_breach_awareness(incident)
    if aware is None:
        return []
    deadline = aware + GDPR_DELAY
    notified_at = _notified_at(incident, issued)
    regulators = ", ".join(incident.authorities.regulators) or "ICO / CNIL"
    if notified_at is None:
        message = N_("GDPR / UK GDPR: notify the supervisory authority ({regulators}) within 72 h")
    elif notified_at <= deadline:
        message = N_("GDPR / UK GDPR: supervisory authority notified ({regulators})")
    elif _gave_reasons(issued):
        message = N_(
            "GDPR / UK GDPR: supervisory authority notified ({regulators}) after the 72 h, "
            "with the reason for the delay"
        )
    else:
        message = N_("GDPR / UK GDPR: supervisory authority notified ({regulators}) after the 72 h")
    return [_deadline(aware, deadline, message, {"regulators": regulators}, notified_at, now)]


def _notified_at(incident: Incident, issued: Sequence[IssuedStatement]) -> datetime | None:
    """When the last of the regulators named was first sent a notification (None: one
    of them has not been yet); with no regulator named, when the first notification went."""
    regulators = incident.authorities.regulators
    if not regulators:
        notified = DocumentKind.REGULATOR_NOTIFICATION.value
        return min((s.issued_at for s in issued if s.document == notified), default=None)
    times = [first_notified(incident, name) for name in regulators]
    return None if None in times else max(t for t in times if t is not None)


def _gave_reasons(issued: Sequence[IssuedStatement]) -> bool:
    """Whether a regulator notification issued carried the reasons for its delay."""
    notified = DocumentKind.REGULATOR_NOTIFICATION.value
    return any(
        statement.document == notified
        and (said := read_snapshot(statement.facts)) is not None
        and said.data.delay_reason is not None
        for statement in issued
    )


def _nis2_clocks(
    incident: Incident, issued: Sequence[IssuedStatement], now: datetime
) -> list[TimelineEvent]:
    detected = incident.incident.detected_at
    if not incident.record.nis2_in_scope or detected is None:
        return []
    authority = {"authority": incident.authorities.nis2_authority or "CSIRT"}
    events = []
    for delay, due, sent, documents in NIS2_CLOCKS:
        done = _first_issued(issued, *documents)
        message = due if done is None else sent
        events.append(_deadline(detected, detected + delay, message, authority, done, now))
    notified = _first_issued(issued, DocumentKind.NIS2_NOTIFICATION)
    counted_from = notified or detected + NIS2_CLOCKS[-1][0]
    final = one_month_after(counted_from)
    events.append(_deadline(detected, final, NIS2_FINAL_REPORT, authority, None, now))
    return events


def _deadline(
    started: datetime,
    deadline: datetime,
    message: str,
    values: dict[str, str],
    met_at: datetime | None,
    now: datetime,
) -> TimelineEvent:
    """A regulator's clock from ``started`` to ``deadline``: met (green) once its text
    was issued (``met_at``), else overdue past the deadline or counting down to it."""
    met = met_at is not None
    return TimelineEvent(
        EventKind.DEADLINE,
        deadline,
        FixedLane.REGULATORS,
        message,
        values,
        overdue=not met and deadline < now,
        time_left=None if met else deadline - now,
        starts_at=started,
        met=met,
    )


def one_month_after(moment: datetime) -> datetime:
    """The same day and time of the next month, or its last day when the next month is
    shorter (31 January -> 28 or 29 February): "one month after", as deadlines count."""
    year, month = (moment.year + 1, 1) if moment.month == 12 else (moment.year, moment.month + 1)
    last_day = calendar.monthrange(year, month)[1]
    return moment.replace(year=year, month=month, day=min(moment.day, last_day))


def _market_deadline(incident: Incident, issued: Sequence[IssuedStatement]) -> list[TimelineEvent]:
    """A listed organisation tells its exchange no later than the press (MAR art. 17,
    docs/regulatory-clocks.md): once a press release is issued, the deadline it set,
    met when a market announcement went out at or before it, else overdue."""
    exchanges = incident.organisation.listed_on
    first_press = _first_issued(issued, DocumentKind.PRESS_RELEASE)
    if not exchanges or first_press is None:
        return []
    announced = _first_issued(issued, DocumentKind.MARKET_ANNOUNCEMENT)
    met = announced is not None and announced <= first_press
    return [
        TimelineEvent(
            EventKind.DEADLINE,
            first_press,
            FixedLane.REGULATORS,
            N_("Market announcement ({exchanges}): no later than the press release"),
            {"exchanges": ", ".join(exchanges)},
            overdue=not met,
            starts_at=incident.incident.detected_at,
            met=met,
        )
    ]


def _first_issued(issued: Sequence[IssuedStatement], *documents: DocumentKind) -> datetime | None:
    keys = {document.value for document in documents}
    return min((s.issued_at for s in issued if s.document in keys), default=None)
