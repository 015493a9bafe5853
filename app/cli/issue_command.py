"""``crisisdraft issue``: record a Word document edited outside the app as issued.

It prints what the checks found and what was changed from the app's draft, then, on
confirmation (asked on a terminal; ``--yes`` for scripts), records the document with
its file's hash and who approved the edited text.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from app.cli.record_commands import now_of, save_record
from app.drafts.render import DraftRenderer
from app.errors import N_, CrisisDraftError, Gettext, ProblemsError
from app.facts.models import LANGUAGES
from app.record.approval import named_approver
from app.session.edited_issue import EditedIssue
from app.session.incident_session import IncidentSession
from app.templates.documents import DocumentKind

NOT_CONFIRMED = N_(
    "not recorded: confirm with --yes to record the document without being asked "
    "(the command could not ask: it is not run from a terminal)"
)


def add_issue_options(
    issue: argparse.ArgumentParser, add_common: Callable[[argparse.ArgumentParser], None]
) -> None:
    issue.description = (
        "Read FILE.docx (the DOC document in LANG, edited in Word by others), check its "
        "text against the facts, the other language and the other audiences, show what "
        "was changed from the app's draft and, once confirmed, record it as issued, "
        "approved by NAME (ROLE)."
    )
    add_common(issue)
    issue.add_argument("file", type=Path, metavar="FILE.docx", help="the edited Word document")
    issue.add_argument(
        "--doc", type=DocumentKind, choices=list(DocumentKind), required=True, metavar="DOC"
    )
    issue.add_argument("--lang", choices=LANGUAGES, required=True, metavar="LANG")
    issue.add_argument("--by", required=True, metavar="NAME", help="who approved the edited text")
    issue.add_argument("--role", required=True, metavar="ROLE", help="e.g. General Counsel")
    issue.add_argument(
        "--at", dest="now", metavar="TIME", help="when it was issued (ISO 8601; default: now)"
    )
    issue.add_argument(
        "--despite",
        action="store_true",
        help="record it even though a check fails (the record keeps the problems)",
    )
    issue.add_argument("--yes", action="store_true", help="record it without asking")


def issue_command(
    options: argparse.Namespace, renderer: DraftRenderer, _: Gettext, language: str
) -> int:
    at = now_of(options, "--at")
    session = IncidentSession.open(options.incident, renderer)
    approver = named_approver(options.by, options.role)
    issue = session.read_edited(
        options.file, options.doc, options.lang, at, template_set=options.template_set
    )
    _print_checks(issue, _, language)
    _print_changes(issue, _)
    if issue.blocking and not options.despite:
        raise ProblemsError(
            issue.blocking,
            ending=N_(
                "{problems}; nothing was recorded: correct the document, or issue it "
                "despite these problems (--despite)"
            ),
        )
    if not options.yes and not _confirmed(_):
        if not sys.stdin.isatty():
            raise CrisisDraftError(message_id=NOT_CONFIRMED)
        print(_(N_("Nothing was recorded.")))
        return 1
    session.issue_edited(
        issue,
        approver,
        at,
        despite=options.despite,
        worded=lambda problem: problem.translated(_, language),
    )
    save_record(session, _)
    print(
        _(N_("issued: {document} ({language}) from {file}, approved by {name}, {role}")).format(
            document=options.doc.value,
            language=options.lang,
            file=options.file.name,
            name=approver.name,
            role=approver.role,
        )
    )
    return 0


def _print_checks(issue: EditedIssue, _: Gettext, language: str) -> None:
    if not issue.problems:
        print(_(N_("Checks: no problem found.")))
        return
    print(_(N_("Checks ({count} problem(s)):")).format(count=len(issue.problems)))
    for problem in issue.problems:
        line = problem.translated_line(_, language)
        print(
            "  " + (line if problem.blocking else _(N_("warning: {problem}")).format(problem=line))
        )


def _print_changes(issue: EditedIssue, _: Gettext) -> None:
    if not issue.edited_words:
        print(_(N_("The text is the app's draft, unchanged.")))
        return
    print(
        _(N_("Changed from the app's draft ({count} word(s); [-removed-] {{+added+}}):")).format(
            count=issue.edited_words
        )
    )
    print()
    print(issue.marked_changes())


def _confirmed(_: Gettext) -> bool:
    """Ask on a terminal; never block a script waiting for an answer."""
    if not sys.stdin.isatty():
        return False
    answer = input(_(N_("Record this document as issued? [y/N] ")))
    return answer.strip().lower() in {"y", "yes", "o", "oui"}
