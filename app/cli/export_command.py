"""``crisisdraft export``: its options (the parser is in :mod:`app.cli.main`) and its run:
Word documents, PDFs or both, draft or final, into a folder, all or nothing."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from app.cli import record_commands
from app.cli.exit_codes import EXIT_USER_ERROR
from app.errors import N_, Gettext, Problem
from app.export.marks import PRIVILEGE_MARKS, Mark
from app.export.naming import DocumentFormat
from app.export.pack import Existing
from app.session.document_needs import why_none
from app.session.incident_session import IncidentSession
from app.session.selection import Selection


def add_export_options(export: argparse.ArgumentParser) -> None:
    export.add_argument("--out", type=Path, required=True, metavar="DIR", help="output folder")
    export.add_argument(
        "--final",
        action="store_true",
        help="export the approved drafts as final documents (no DRAFT mark) and record them",
    )
    export.add_argument("--now", metavar="TIME", help="record the export as made at this time")
    export.add_argument(
        "--pdf",
        action="store_true",
        help="write PDF documents (to put on a website) instead of Word documents; with "
        "--docx as well, both, recorded as one statement",
    )
    export.add_argument(
        "--docx", action="store_true", help="write Word documents (the default without --pdf)"
    )
    export.add_argument(
        "--reference-docx",
        type=Path,
        metavar="FILE",
        help="your company's .docx whose styles, header and footer the Word documents use",
    )
    add_mark_option(export)
    earlier = export.add_mutually_exclusive_group()
    earlier.add_argument(
        "--overwrite",
        action="store_const",
        const=Existing.REPLACE,
        dest="existing",
        help="replace documents of an earlier export of the same statement in DIR",
    )
    earlier.add_argument(
        "--keep-both",
        action="store_const",
        const=Existing.KEEP_BOTH,
        dest="existing",
        help="keep them, and write the new ones beside them as '... (2).docx'",
    )
    export.set_defaults(existing=Existing.REFUSE)


def add_mark_option(command: argparse.ArgumentParser) -> None:
    """``--mark``: what the header of every page says (shared with ``redline``, whose
    comparisons go to counsel too); the refusal on a final export is the session's."""
    command.add_argument(
        "--mark",
        type=Mark,
        choices=list(Mark),
        default=Mark.DRAFT,
        help="the header of every page: 'draft' (the default), the DRAFT mark (a "
        "comparison's COMPARISON mark); 'privileged', for documents sent to counsel for "
        "legal review, adds under it the privilege mark "
        f"('{PRIVILEGE_MARKS['en']}' / '{PRIVILEGE_MARKS['fr']}'). Never on a final "
        "document: export --final refuses it",
    )


def formats_of(
    options: argparse.Namespace, parser: argparse.ArgumentParser
) -> list[DocumentFormat]:
    """The formats asked for; a letterhead for PDFs only is a mistake said at once (it
    styles Word documents: the PDFs have CrisisDraft's own look)."""
    formats = [DocumentFormat.DOCX] if options.docx or not options.pdf else []
    if options.pdf:
        formats.append(DocumentFormat.PDF)
    if options.reference_docx is not None and DocumentFormat.DOCX not in formats:
        parser.error("--reference-docx styles the Word documents: add --docx to write them too")
    return formats


def export_command(
    options: argparse.Namespace,
    session: IncidentSession,
    selection: Selection,
    note: Callable[[Problem, Gettext], None],
    _: Gettext,
) -> int:
    """Write the documents and print their paths, one a line; ``note`` prints what was
    dropped from the reference document (exported anyway, without it)."""
    resolved = selection.of(session.incident)
    why = [] if resolved.count else why_none(session.incident, resolved, source=session.source)
    # a document without its grounds is refused by the export itself, as an error
    if not resolved.count and not any(problem.blocking for problem in why):
        for problem in why:
            note(problem, _)
        print(
            _(N_("nothing to export: no draft is written for the documents and languages chosen")),
            file=sys.stderr,
        )
        return EXIT_USER_ERROR
    now = record_commands.now_of(options) if options.final else None
    exported = session.export(
        selection,
        options.out,
        final=options.final,
        now=now,
        reference_docx=options.reference_docx,
        existing=options.existing,
        formats=options.formats,
        mark=options.mark,
    )
    if options.final:
        record_commands.save_record(session, _)
    for dropped in session.letterhead_notes:
        note(dropped, _)
    for document in exported:
        print(document.path)
    return 0
