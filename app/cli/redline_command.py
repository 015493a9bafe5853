"""``crisisdraft redline INCIDENT A B --out FILE.docx``: two statements of one document
compared as a Word document whose differences are real tracked changes.

A and B are numbers from ``history`` or ``draft`` (the current draft of the other
side's document and language); the draft is rendered only when asked for, so comparing
two issued statements needs no templates.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from app.cli.export_command import add_mark_option
from app.cli.record_commands import now_of
from app.drafts.render import DraftRenderer
from app.errors import N_, Gettext
from app.session.incident_session import IncidentSession
from app.session.redline_statements import DRAFT, Side


def side(value: str) -> Side:
    """A statement's number (from 1) or ``draft``; argparse says what else it got."""
    if value.strip().lower() == DRAFT:
        return DRAFT
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(
            f"{value!r} is neither a statement's number from 'crisisdraft history' nor 'draft'"
        )
    return number


def add_redline_options(
    redline: argparse.ArgumentParser, add_common: Callable[[argparse.ArgumentParser], None]
) -> None:
    redline.description = (
        "Write FILE.docx: statement B compared with statement A (numbers from 'history', "
        "or 'draft' for the current draft of the same document and language), the "
        "differences as tracked changes attributed to B's approver at B's time (to "
        "CrisisDraft, now, when B is the draft), so that Word's or LibreOffice's Accept "
        "All gives B's text and Reject All gives A's; the facts changed are listed at the "
        "top."
    )
    add_common(redline)
    redline.add_argument("first", type=side, metavar="A", help="a number from 'history', or draft")
    redline.add_argument("second", type=side, metavar="B", help="a number from 'history', or draft")
    redline.add_argument(
        "--out", type=Path, required=True, metavar="FILE.docx", help="the Word document to write"
    )
    add_mark_option(redline)
    redline.add_argument("--now", metavar="TIME", help=argparse.SUPPRESS)


def redline_command(
    options: argparse.Namespace, renderer: Callable[[], DraftRenderer], _: Gettext
) -> int:
    """Write the redline and say what it holds. ``renderer`` is called only when a side
    is the current draft."""
    needs_draft = DRAFT in (options.first, options.second)
    session = IncidentSession.open(options.incident, renderer() if needs_draft else None)
    written = session.redline(
        options.first,
        options.second,
        options.out,
        now=now_of(options),
        template_set=options.template_set,
        mark=options.mark,
    )
    print(_(N_("Comparison written: {file}")).format(file=written.path))
    print(
        "  "
        + _(N_("{document} ({language}): {first} compared with {second}")).format(
            document=written.document.value,
            language=written.language,
            first=_side_name(options.first, _),
            second=_side_name(options.second, _),
        )
    )
    if written.changes:
        changes = _(N_("{count} tracked change(s) attributed to {author}")).format(
            count=written.changes, author=written.author
        )
    else:
        changes = _(N_("The texts are the same: no tracked change."))
    print("  " + changes)
    print("  " + _(N_("{count} fact(s) changed")).format(count=written.facts))
    return 0


def _side_name(chosen: Side, _: Gettext) -> str:
    if chosen == DRAFT:
        return _(N_("the current draft"))
    return _(N_("statement {number}")).format(number=chosen)
