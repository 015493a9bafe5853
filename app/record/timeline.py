"""The incident's timeline: detection, each statement issued by audience, promised next
updates (overdue ones flagged), phase changes, and the regulator clocks that apply.

Its lanes come from the registry of documents: the incident's own lane, one lane per
document (each audience's statements), the regulators' clocks. A document added to the
registry has its lane with no change here.

Events carry an English message id and its values, so the desktop app can show them in
its own language and the command line in English.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from types import MappingProxyType
from typing import Any

from app.errors import N_
from app.facts.migration import read_snapshot
from app.facts.models import Incident, RecoveryPhase
from app.record.regulator_clocks import regulator_clocks
from app.record.timeline_events import (
    EventKind as EventKind,
    FixedLane as FixedLane,
    Lane as Lane,
    TimelineEvent as TimelineEvent,
)
from app.templates.documents import DOCUMENTS, DocumentKind, documents_of

PHASE_MESSAGES = {
    RecoveryPhase.CONTAINED: N_("Phase: contained"),
    RecoveryPhase.INVESTIGATING: N_("Phase: investigating"),
    RecoveryPhase.PHASED_RESTART: N_("Phase: phased restart"),
    RecoveryPhase.RESTORED: N_("Phase: restored"),
}


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
    events += regulator_clocks(incident, issued, now)
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
        recipients = list(dict.fromkeys(n for p in positions for n in issued[p].recipients))
        events.append(
            TimelineEvent(
                EventKind.ISSUED,
                issued_at,
                DocumentKind(document),
                _issued_message(bool(edited), after is not None, bool(recipients)),
                {
                    "recipients": ", ".join(recipients),
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


def _issued_message(edited_in_word: bool, draft_was_approved: bool, addressed: bool) -> str:
    """What an issued event says: to whom, for a text to authorities (the record keeps
    whom it notified), whether sent from the app or from Word; edited in Word after the
    app's draft was approved, its approvals are two (the draft's and the edited text's),
    and both are named."""
    return _ISSUED_MESSAGES[edited_in_word, draft_was_approved and edited_in_word, addressed]


#: (edited in Word, its draft approved before, addressed to authorities) -> message.
_ISSUED_MESSAGES: Mapping[tuple[bool, bool, bool], str] = MappingProxyType(
    {
        (False, False, False): N_("Issued ({languages}), approved by {approver}"),
        (False, False, True): N_("Issued ({languages}) to {recipients}, approved by {approver}"),
        (True, False, False): N_("Issued from Word ({languages}), approved by {approver}"),
        (True, False, True): N_(
            "Issued from Word ({languages}) to {recipients}, approved by {approver}"
        ),
        (True, True, False): N_(
            "Issued from Word ({languages}), edited after {draft_approver} approved the "
            "draft; the edited text approved by {approver}"
        ),
        (True, True, True): N_(
            "Issued from Word ({languages}) to {recipients}, edited after {draft_approver} "
            "approved the draft; the edited text approved by {approver}"
        ),
    }
)


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
