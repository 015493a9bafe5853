"""The record's commands: approve, history, diff, timeline (the parser is in ``cli``)."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime

from app.drafts.render import DraftRenderer
from app.errors import CrisisDraftError
from app.export.pack import ExportRequest
from app.facts import editing
from app.facts.loading import load_incident
from app.facts.models import Approver
from app.record.diff import diff_as_text, facts_diff, word_diff
from app.record.timeline import build_timeline
from app.record.workflow import approve_drafts


def now_of(options: argparse.Namespace) -> datetime:
    """``--now`` when given (to check as of a moment), else the current time."""
    given = getattr(options, "now", None)
    if given is None:
        return datetime.now(UTC)
    try:
        moment = datetime.fromisoformat(given)
    except ValueError:
        raise CrisisDraftError(f"--now: '{given}' is not an ISO 8601 date and time") from None
    if moment.tzinfo is None:
        raise CrisisDraftError(f"--now: '{given}' needs a UTC offset, e.g. +01:00")
    return moment


def approve_command(options: argparse.Namespace, renderer: DraftRenderer) -> int:
    incident = load_incident(options.incident)
    request = ExportRequest(
        options.incident.parent, options.lang, options.doc, None, options.template_set
    )
    approver = Approver(name=options.by, role=options.role)
    approved = approve_drafts(incident, renderer, request, approver, now_of(options))
    editing.save_record(options.incident, approved)
    for document in options.doc:
        for language in options.lang:
            print(f"approved: {document.value} ({language}) by {options.by}, {options.role}")
    return 0


def history_command(options: argparse.Namespace) -> int:
    incident = load_incident(options.incident)
    if not incident.record.issued:
        print("No statement has been issued yet.")
    for number, statement in enumerate(incident.record.issued, start=1):
        local = incident.local(statement.issued_at).isoformat(timespec="minutes")
        print(
            f"{number:>3}  {local}  {statement.document:<14} {statement.language}  "
            f"{statement.template_id} v{statement.template_version}  "
            f"approved by {statement.approver.name} ({statement.approver.role})  "
            f"{statement.file_name}"
        )
    return 0


def diff_command(options: argparse.Namespace) -> int:
    incident = load_incident(options.incident)
    issued = incident.record.issued
    for number in (options.first, options.second):
        if not 1 <= number <= len(issued):
            raise CrisisDraftError(
                f"{options.incident.name}: there is no issued statement {number} "
                f"(1 to {len(issued)}); see 'crisisdraft history'"
            )
    first, second = issued[options.first - 1], issued[options.second - 1]
    changes = facts_diff(first.facts, second.facts)
    print(f"Facts changed ({len(changes)}):")
    for change in changes:
        print(f"  {change.path}: {change.before!r} -> {change.after!r}")
    print("\nText ([-removed-] {+added+}):\n")
    print(diff_as_text(word_diff(first.text, second.text)))
    return 0


def timeline_command(options: argparse.Namespace) -> int:
    incident = load_incident(options.incident)
    now = now_of(options)
    for event in build_timeline(incident, now):
        when = incident.local(event.at).isoformat(timespec="minutes")
        left = ""
        if event.overdue:
            left = "  OVERDUE"
        elif event.time_left is not None:
            hours = event.time_left.total_seconds() / 3600
            left = f"  ({hours:.0f} h left)"
        print(f"{when}  {event.lane.value:<14} {event.text()}{left}")
    return 0
