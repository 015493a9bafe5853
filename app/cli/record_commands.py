"""The record's commands: approve, history, diff, timeline (the parser is in ``cli``)."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime

from app.cli.exit_codes import EXIT_USER_ERROR
from app.drafts.render import DraftRenderer
from app.errors import N_, CrisisDraftError, Gettext
from app.facts.models import EditedInWord
from app.files import file_lock
from app.record.approval import named_approver
from app.session import record_view
from app.session.document_needs import why_none
from app.session.incident_session import IncidentSession
from app.session.selection import Selection


def now_of(options: argparse.Namespace, flag: str = "--now") -> datetime:
    """``--now`` (or the command's ``flag`` for it, such as ``--at``) when given (to
    check as of a moment), else the current time."""
    given = getattr(options, "now", None)
    if given is None:
        return datetime.now(UTC)
    try:
        moment = datetime.fromisoformat(given)
    except ValueError:
        raise CrisisDraftError(
            message_id=N_("{flag}: '{given}' is not an ISO 8601 date and time"),
            params={"flag": flag, "given": given},
        ) from None
    if moment.tzinfo is None:
        raise CrisisDraftError(
            message_id=N_("{flag}: '{given}' needs a UTC offset, e.g. +01:00"),
            params={"flag": flag, "given": given},
        )
    return moment


def approve_command(options: argparse.Namespace, renderer: DraftRenderer, _: Gettext) -> int:
    session = IncidentSession.open(options.incident, renderer)
    selection = Selection(options.lang, options.doc, options.template_set).of(session.incident)
    if not selection.count:
        for problem in why_none(session.incident, selection, source=session.source):
            print(
                _(N_("note: {problem}")).format(problem=problem.translated_line(_)), file=sys.stderr
            )
        print(
            _(N_("nothing to approve: no draft is written for the documents and languages chosen")),
            file=sys.stderr,
        )
        return EXIT_USER_ERROR
    approver = named_approver(options.by, options.role)
    session.approve(selection, approver, now_of(options))
    save_record(session, _)
    for document, language in selection.pairs():
        print(
            _(N_("approved: {document} ({language}) by {name}, {role}")).format(
                document=document.value, language=language, name=options.by, role=options.role
            )
        )
    return 0


def save_record(session: IncidentSession, _: Gettext) -> None:
    """Write what the command recorded; when the app has the file open, say that it
    keeps these entries (it merges them at its next save)."""
    session.save_record()
    assert session.path is not None
    holder = file_lock.holder(session.path)
    if holder is not None:
        print(
            _(
                N_(
                    "note: {file} is open in CrisisDraft ({holder}); what this command "
                    "recorded is kept when the app saves"
                )
            ).format(file=session.path.name, holder=holder),
            file=sys.stderr,
        )


def history_command(options: argparse.Namespace, _: Gettext) -> int:
    session = IncidentSession.open(options.incident)
    issued = session.issued()
    if not issued:
        print(_(N_("No statement has been issued yet.")))
    for number, statement in enumerate(issued, start=1):
        local = session.incident.local(statement.issued_at).isoformat(timespec="minutes")
        approved = _(N_("approved by {name} ({role})")).format(
            name=statement.approver.name, role=statement.approver.role
        )
        if statement.edited is not None:
            approved += "  " + _word_mark(statement.edited, _)
        if statement.recipients:
            approved = (
                _(N_("sent to {recipients}")).format(recipients=", ".join(statement.recipients))
                + "  "
                + approved
            )
        print(
            f"{number:>3}  {local}  {statement.document:<14} {statement.language}  "
            f"{statement.template_id} v{statement.template_version}  "
            f"{approved}  {statement.file_name}"
        )
    return 0


def _word_mark(edited: EditedInWord, _: Gettext) -> str:
    """How ``history`` marks a statement that came back from Word."""
    if edited.draft_approver is None:
        return _(N_("[edited in Word]"))
    return _(N_("[edited in Word after {name} ({role}) approved the draft]")).format(
        name=edited.draft_approver.name, role=edited.draft_approver.role
    )


def diff_command(options: argparse.Namespace, _: Gettext) -> int:
    session = IncidentSession.open(options.incident)
    comparison = session.compare_issued(options.first, options.second)
    for number in comparison.unreadable:
        print(_(record_view.UNREADABLE_FACTS).format(number=number))
    print(_(N_("Facts changed ({count}):")).format(count=len(comparison.facts)))
    for change in comparison.facts:
        print(f"  {change.path}: {change.before!r} -> {change.after!r}")
    print("\n" + _(N_("Text ([-removed-] {+added+}):")) + "\n")
    print(comparison.marked_text())
    return 0


def timeline_command(options: argparse.Namespace, _: Gettext) -> int:
    session = IncidentSession.open(options.incident)
    now = now_of(options)
    for event in session.timeline(now):
        when = session.incident.local(event.at).isoformat(timespec="minutes")
        left = ""
        if event.overdue:
            left = "  " + _(N_("OVERDUE"))
        elif event.met:
            left = "  " + _(N_("MET"))
        elif event.time_left is not None:
            hours = round(event.time_left.total_seconds() / 3600)
            left = "  " + _(N_("({hours} h left)")).format(hours=hours)
        print(f"{when}  {event.lane:<15} {event.text(_)}{left}")
    return 0
