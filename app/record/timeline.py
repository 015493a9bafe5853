"""The incident's timeline: detection, each statement issued by audience, promised next
updates (overdue ones flagged), phase changes, and the regulator clocks that apply.

Its lanes come from the registry of documents: the incident's own lane, one lane per
document (each audience's statements), the regulators' clocks. A document added to the
registry has its lane with no change here.

Events carry an English message id and its values, so the desktop app can show them in
its own language and the command line in English.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any, TypeAlias

from app.errors import N_
from app.facts.migration import read_snapshot
from app.facts.models import DataStatus, Incident, RecoveryPhase
from app.templates.documents import DOCUMENTS, DocumentKind, documents_of


class FixedLane(StrEnum):
    """The lanes of every timeline, above and below the documents' lanes."""

    INCIDENT = "incident"  # detection, phases, promised updates
    REGULATORS = "regulators"  # the regulators' clocks


#: A lane of the timeline: a fixed one, or a document's (its statements, one audience).
Lane: TypeAlias = FixedLane | DocumentKind


class EventKind(StrEnum):
    DETECTED = "detected"
    ISSUED = "issued"
    PROMISED_UPDATE = "promised_update"
    PHASE = "phase"
    DEADLINE = "deadline"


@dataclass(frozen=True)
class TimelineEvent:
    """One moment of the incident. ``starts_at`` is when a regulator's clock started
    (awareness or detection) or when a next update was promised, so a picture can draw
    the time between as a bar. ``documents`` are the positions in ``record.issued``
    (counted from 0) of what an ``ISSUED`` event stands for, one per language, so a
    front can open them; ``statement`` is the statement's number (the documents issued
    together are one statement, the first is 1), as exported file names carry it."""

    kind: EventKind
    at: datetime
    lane: Lane
    message: str
    values: dict[str, Any] = field(default_factory=dict)
    overdue: bool = False
    time_left: timedelta | None = None  # for deadlines and promises still ahead
    starts_at: datetime | None = None
    met: bool = False  # a deadline the matching text was issued in time for
    documents: tuple[int, ...] = ()
    statement: int | None = None

    def text(self, gettext: Any = None) -> str:
        template = gettext(self.message) if gettext else self.message
        return str(template).format(**self.values)


PHASE_MESSAGES = {
    RecoveryPhase.CONTAINED: N_("Phase: contained"),
    RecoveryPhase.INVESTIGATING: N_("Phase: investigating"),
    RecoveryPhase.PHASED_RESTART: N_("Phase: phased restart"),
    RecoveryPhase.RESTORED: N_("Phase: restored"),
}
GDPR_HOURS = 72
#: NIS2 art. 23(4)(a) and (b): from becoming aware of the significant incident.
NIS2_CLOCKS = (
    (timedelta(hours=24), N_("NIS2: early warning to the national CSIRT")),
    (timedelta(hours=72), N_("NIS2: incident notification")),
)
#: NIS2 art. 23(4)(d): one month after the incident notification was submitted. The
#: notification is not a document of the record yet: counted from the latest it may be
#: submitted (the 72 h above). See docs/regulatory-clocks.md.
NIS2_FINAL_REPORT = N_("NIS2: final report")


def build_timeline(incident: Incident, now: datetime) -> list[TimelineEvent]:
    """Every event, in time order."""
    events = []
    if incident.incident.detected_at is not None:  # unknown: no event and no clock
        events.append(
            TimelineEvent(
                EventKind.DETECTED,
                incident.incident.detected_at,
                FixedLane.INCIDENT,
                N_("Incident detected"),
            )
        )
    events += _issued(incident)
    issued = sorted(incident.record.issued, key=lambda statement: statement.issued_at)
    events += _promises(incident, issued, now)
    events += _phases(incident, issued)
    events += _regulator_clocks(incident, issued, now)
    events += _market_deadline(incident, issued)
    return sorted(events, key=lambda event: event.at)


def timeline_lanes(incident: Incident, events: list[TimelineEvent]) -> tuple[Lane, ...]:
    """The lanes to draw for ``incident``'s timeline: a lane for each document the
    incident needs (its audience is waiting for words even before the first statement),
    besides those of ``events`` (see :func:`lanes_for`)."""
    return lanes_for(events, documents_of(incident))


def lanes_for(
    events: list[TimelineEvent], documents: tuple[DocumentKind, ...] = ()
) -> tuple[Lane, ...]:
    """Top to bottom: the incident's lane, a lane for each of ``documents`` and for each
    document ``events`` have issued (its history stays when the lead no longer needs
    it), in the registry's order, then the regulators'."""
    wanted = set(documents) | {
        event.lane for event in events if isinstance(event.lane, DocumentKind)
    }
    in_order = [document for document in DOCUMENTS if document in wanted]
    return (FixedLane.INCIDENT, *in_order, FixedLane.REGULATORS)


def _issued(incident: Incident) -> list[TimelineEvent]:
    """One event per audience and moment, for the languages issued together."""
    issued = incident.record.issued
    moments = sorted({statement.issued_at for statement in issued})
    groups: dict[tuple[datetime, str], list[int]] = {}
    for position, statement in enumerate(issued):
        groups.setdefault((statement.issued_at, statement.document), []).append(position)
    events = []
    for (issued_at, document), positions in groups.items():
        first = issued[positions[0]]
        languages = sorted({issued[position].language for position in positions})
        edited = [e for p in positions if (e := issued[p].edited) is not None]
        after = next((e.draft_approver for e in edited if e.draft_approver is not None), None)
        events.append(
            TimelineEvent(
                EventKind.ISSUED,
                issued_at,
                DocumentKind(document),
                _issued_message(bool(edited), after is not None),
                {
                    "languages": "/".join(languages).upper(),
                    "approver": first.approver.name,
                    "role": first.approver.role,
                    "template_set": first.template_id.split(".")[0],
                    "language_codes": tuple(languages),
                    "edited_in_word": bool(edited),
                    "draft_approver": after.name if after is not None else "",
                },
                documents=tuple(sorted(positions, key=lambda p: issued[p].language)),
                statement=moments.index(issued_at) + 1,
            )
        )
    return events


def _issued_message(edited_in_word: bool, draft_was_approved: bool) -> str:
    """What an issued event says: edited in Word after the app's draft was approved,
    its approvals are two (the draft's and the edited text's), and both are named."""
    if not edited_in_word:
        return N_("Issued ({languages}), approved by {approver}")
    if draft_was_approved:
        return N_(
            "Issued from Word ({languages}), edited after {draft_approver} approved the "
            "draft; the edited text approved by {approver}"
        )
    return N_("Issued from Word ({languages}), approved by {approver}")


def _promises(incident: Incident, issued: list[Any], now: datetime) -> list[TimelineEvent]:
    promises: dict[datetime, datetime] = {}  # promised time -> when it was promised
    for statement in issued:
        snapshot = read_snapshot(statement.facts)  # unreadable: its promise is not known
        if snapshot and snapshot.next_update_at:
            promises.setdefault(snapshot.next_update_at, statement.issued_at)
    events = []
    for promised_at, made_at in sorted(promises.items()):
        kept = any(s.issued_at > made_at for s in issued)
        overdue = not kept and promised_at < now
        events.append(
            TimelineEvent(
                EventKind.PROMISED_UPDATE,
                promised_at,
                FixedLane.INCIDENT,
                N_("Next update promised (overdue)") if overdue else N_("Next update promised"),
                overdue=overdue,
                time_left=None if kept or overdue else promised_at - now,
                starts_at=made_at,
            )
        )
    return events


def _phases(incident: Incident, issued: list[Any]) -> list[TimelineEvent]:
    events = []
    previous = None
    for statement in issued:
        snapshot = read_snapshot(statement.facts)
        phase = snapshot.recovery.phase if snapshot else None
        if phase is not None and phase != previous:
            events.append(_phase_event(phase, statement.issued_at))
            previous = phase
    if incident.recovery.phase is not None and incident.recovery.phase != previous:
        events.append(_phase_event(incident.recovery.phase, incident.incident.statement_at))
    return events


def _phase_event(phase: RecoveryPhase, at: datetime) -> TimelineEvent:
    return TimelineEvent(EventKind.PHASE, at, FixedLane.INCIDENT, PHASE_MESSAGES[phase])


def _regulator_clocks(incident: Incident, issued: list[Any], now: datetime) -> list[TimelineEvent]:
    detected = incident.incident.detected_at
    snapshots = [read_snapshot(statement.facts) for statement in issued]
    said = [snapshot.data.status for snapshot in snapshots if snapshot]
    affected = DataStatus.AFFECTED in {incident.data.status, *said}
    regulators = ", ".join(incident.authorities.regulators) or "ICO / CNIL"
    clocks: list[tuple[datetime, datetime, str]] = []  # started, deadline, what
    # GDPR art. 33: 72 hours from becoming aware of a breach of personal data; the
    # contract takes detection as that moment when data is affected and no time is given.
    aware = incident.data.aware_at or (detected if affected else None)
    if aware is not None:
        clocks.append(
            (
                aware,
                aware + timedelta(hours=GDPR_HOURS),
                N_("GDPR / UK GDPR: notify the supervisory authority ({regulators}) within 72 h"),
            )
        )
    if incident.record.nis2_in_scope and detected is not None:
        clocks += [(detected, detected + delay, message) for delay, message in NIS2_CLOCKS]
        notified = detected + NIS2_CLOCKS[-1][0]
        clocks.append((detected, one_month_after(notified), NIS2_FINAL_REPORT))
    return [
        TimelineEvent(
            EventKind.DEADLINE,
            deadline,
            FixedLane.REGULATORS,
            message,
            {"regulators": regulators},
            overdue=deadline < now,
            time_left=deadline - now,
            starts_at=started,
        )
        for started, deadline, message in clocks
    ]


def one_month_after(moment: datetime) -> datetime:
    """The same day and time of the next month, or its last day when the next month is
    shorter (31 January -> 28 or 29 February): "one month after", as deadlines count."""
    year, month = (moment.year + 1, 1) if moment.month == 12 else (moment.year, moment.month + 1)
    last_day = calendar.monthrange(year, month)[1]
    return moment.replace(year=year, month=month, day=min(moment.day, last_day))


def _market_deadline(incident: Incident, issued: list[Any]) -> list[TimelineEvent]:
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


def _first_issued(issued: list[Any], document: DocumentKind) -> datetime | None:
    return min((s.issued_at for s in issued if s.document == document.value), default=None)
