"""The command line: ``crisisdraft export | check | render``, each a thin call into the
layers below. A user's mistake prints one line naming the file and field (exit 2);
``check`` lists every problem and exits 1 when there is one.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import get_args

from app import __version__
from app.cli import export_command, issue_command, record_commands, redline_command
from app.drafts.render import DraftRenderer
from app.errors import N_, CrisisDraftError, Gettext, IncidentFileError, Problem
from app.facts.models import LANGUAGES, Language
from app.interface_text.translator import UI_LANGUAGES, Translator, system_language
from app.session.incident_session import IncidentSession
from app.session.library import LibrarySources, open_template_library
from app.session.library_notes import take_library_notes
from app.session.selection import Selection
from app.session.team_keys import my_public_key
from app.templates.documents import DocumentKind
from app.templates.library import TemplateLibrary
from app.templates.metadata import SET_NAMES, TemplateSet

LANGUAGE_CODES: tuple[str, ...] = get_args(Language)
EXIT_PROBLEMS = 1
EXIT_USER_ERROR = 2
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, what the shell reports for its own tools


def _languages(value: str) -> list[Language]:
    chosen = [part.strip() for part in value.split(",") if part.strip()]
    unknown = [code for code in chosen if code not in LANGUAGE_CODES]
    if unknown or not chosen:
        raise argparse.ArgumentTypeError(
            f"unknown language {', '.join(unknown) or value!r}; use {','.join(LANGUAGE_CODES)}"
        )
    return list(dict.fromkeys(chosen))  # type: ignore[arg-type]


def _documents(value: str) -> list[DocumentKind]:
    names = [part.strip() for part in value.split(",") if part.strip()]
    known = [kind.value for kind in DocumentKind]
    unknown = [name for name in names if name not in known]
    if unknown or not names:
        raise argparse.ArgumentTypeError(
            f"unknown document {', '.join(unknown) or value!r}; use {','.join(known)}"
        )
    return [DocumentKind(name) for name in dict.fromkeys(names)]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="crisisdraft",
        description="Write a crisis's first statements (press release, dealer notice, staff "
        "message, and on demand the customer and supplier notices, the spokesperson's Q&A and "
        "short texts) in English and French, from one incident file, as Word documents.",
    )
    parser.add_argument("--version", action="version", version=f"crisisdraft {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add_common(command: argparse.ArgumentParser) -> None:
        command.add_argument("incident", type=Path, metavar="INCIDENT", help="a *.crisis.json file")
        command.add_argument(
            "--templates",
            type=Path,
            metavar="DIR",
            help="a folder of your own templates ([<set>/]<doc>/<lang>.md.j2) replacing the "
            "built-in ones",
        )
        command.add_argument(
            "--set",
            dest="template_set",
            type=TemplateSet,
            choices=list(TemplateSet),
            default=None,
            help="which templates: the first statement (holding), a progress update, or the "
            "resolution; by default the statement the incident is for (incident.statement_kind, "
            "else: resolution once restored, update once a statement was issued, else holding)",
        )

    def add_selection(command: argparse.ArgumentParser) -> None:
        command.add_argument(
            "--lang", type=_languages, default=list(LANGUAGES), metavar=",".join(LANGUAGES)
        )
        command.add_argument(
            "--doc",
            type=_documents,
            default=None,
            metavar=",".join(kind.value for kind in DocumentKind),
            help="which documents; by default those the incident needs (drafting.documents, "
            "else press_release,dealer_notice,staff_message)",
        )

    export = commands.add_parser(
        "export",
        help="write the Word (or PDF) documents",
        description="Write one .docx (or PDF) per document and language into DIR, all or nothing.",
    )
    add_common(export)
    add_selection(export)
    export_command.add_export_options(export)

    check = commands.add_parser(
        "check",
        help="list every problem an export would meet",
        description="List every problem the export would meet; exit 1 if there is one.",
    )
    add_common(check)
    add_selection(check)
    check.add_argument("--now", metavar="TIME", help="check as of this ISO 8601 time")

    approve = commands.add_parser(
        "approve",
        help="approve drafts as they stand, by a named person and role",
        description="Record that NAME (ROLE) approved the drafts as they read now.",
    )
    add_common(approve)
    add_selection(approve)
    approve.add_argument("--by", required=True, metavar="NAME", help="who approves")
    approve.add_argument("--role", required=True, metavar="ROLE", help="e.g. General Counsel")
    approve.add_argument("--now", metavar="TIME", help=argparse.SUPPRESS)

    issue = issue_command.add_issue_parser(commands, add_common)
    history = commands.add_parser("history", help="list the statements issued")
    history.add_argument("incident", type=Path, metavar="INCIDENT")
    diff = commands.add_parser(
        "diff", help="compare two issued statements (numbers from 'history')"
    )
    diff.add_argument("incident", type=Path, metavar="INCIDENT")
    diff.add_argument("first", type=int, metavar="A")
    diff.add_argument("second", type=int, metavar="B")
    redline = redline_command.add_redline_parser(commands, add_common)
    timeline = commands.add_parser(
        "timeline", help="detection, statements, promised updates, regulator clocks"
    )
    timeline.add_argument("incident", type=Path, metavar="INCIDENT")
    timeline.add_argument("--now", metavar="TIME", help="as of this ISO 8601 time")

    gui = commands.add_parser(
        "gui",
        help="open the desktop app (the default with no command)",
        description="Open the desktop app on INCIDENT, or on the bundled example.",
    )
    gui.add_argument("incident", type=Path, nargs="?", metavar="INCIDENT")
    gui.add_argument("--lang", choices=LANGUAGE_CODES, help="the app's own language")
    gui.add_argument("--step", type=int, default=1, metavar="N", help="open at step N (1-9)")
    gui.add_argument("--preview", choices=(*LANGUAGES, "both"), help="preview language")
    gui.add_argument(
        "--screenshot", type=Path, metavar="PNG", help="render the window to PNG and exit"
    )
    gui.add_argument(
        "--size",
        type=_window_size,
        default=(1500, 900),
        metavar="WxH",
        help="the window's size for --screenshot (default 1500x900; 1280x720 for a laptop)",
    )

    render = commands.add_parser(
        "render",
        help="print one draft's text",
        description="Print the text of one draft, as the Word document would say it.",
    )
    add_common(render)
    render.add_argument(
        "--doc", type=DocumentKind, choices=list(DocumentKind), default=DocumentKind.PRESS_RELEASE
    )
    render.add_argument("--lang", choices=LANGUAGE_CODES, default="en")

    templates = commands.add_parser(
        "templates",
        help="list the templates in force and where they come from",
        description="List every template: set, document, language, version, library, status.",
    )
    templates.add_argument("action", choices=["list"], help="what to do")
    templates.add_argument("--templates", type=Path, metavar="DIR", help="a folder of your own")
    key = commands.add_parser(
        "key",
        help="print your approval key, for your team's house profile",
        description="Print the public key your approvals are signed with; list it in the "
        "team's house profile (house-profile.json in a shared folder) so that others see "
        "your approvals as known.",
    )
    commands_with_messages = (export, check, approve, issue, history, diff, redline, timeline)
    for command in (*commands_with_messages, render, templates, key):
        command.add_argument(
            "--ui-language",
            choices=UI_LANGUAGES,
            default=None,
            help="the language of the command's own messages (default: the system's); "
            "the documents' languages are --lang",
        )
    return parser


def run(arguments: Sequence[str]) -> int:
    parser = build_parser()
    options = parser.parse_args(arguments)
    if options.command in (None, "gui"):
        return _gui(options)
    if options.command == "export":
        options.formats = export_command.formats_of(options, parser)
    translator = Translator(options.ui_language or system_language())
    _ = translator.gettext
    try:
        if options.command == "check":
            return _check(options, translator)
        if options.command == "key":
            print(_(N_("Your approval key: {key}")).format(key=my_public_key()))
            return 0
        if options.command == "templates":
            return _list_templates(_library(options, _), translator)
        if options.command == "history":
            return record_commands.history_command(options, _)
        if options.command == "diff":
            return record_commands.diff_command(options, _)
        if options.command == "timeline":
            return record_commands.timeline_command(options, _)
        if options.command == "redline":
            return redline_command.redline_command(
                options, lambda: DraftRenderer(_library(options, _)), _
            )
        renderer = DraftRenderer(_library(options, _))
        if options.command == "approve":
            return record_commands.approve_command(options, renderer, _)
        if options.command == "issue":
            return issue_command.issue_command(options, renderer, _, translator.language)
        session = IncidentSession.open(options.incident, renderer)
        if options.command == "render":
            draft = session.render(options.doc, options.lang, options.template_set)
            sys.stdout.write(draft.plain_text())
            return 0
        return export_command.export_command(options, session, _selection(options), _print_note, _)
    except CrisisDraftError as error:
        print(f"crisisdraft: {error.translated(_, translator.language)}", file=sys.stderr)
        return EXIT_USER_ERROR


def _selection(options: argparse.Namespace) -> Selection:
    return Selection(options.lang, options.doc, options.template_set)


def _check(options: argparse.Namespace, translator: Translator) -> int:
    """Every problem, one a line, as a script or a person holding the file reads them:
    the place by its field path (the file's own keys, stable for scripts), the message
    and its dates and times in the command's language (never ISO)."""
    _, language = translator.gettext, translator.language
    try:
        renderer = DraftRenderer(_library(options, _))
        session = IncidentSession.open(options.incident, renderer)
    except IncidentFileError as error:
        for problem in error.problems:
            print(problem.translated_line(_, language))
        print(_(N_("{count} problem(s) found.")).format(count=len(error.problems)))
        return EXIT_PROBLEMS
    selection = _selection(options).of(session.incident)
    problems = session.problems(selection, clock=lambda: record_commands.now_of(options))
    for problem in problems.errors:
        print(problem.translated_line(_, language))
    for problem in problems.warnings:
        print(_(N_("warning: {problem}")).format(problem=problem.translated_line(_, language)))
    for problem in problems.notes:
        print(_(N_("note: {problem}")).format(problem=problem.translated_line(_, language)))
    if problems.blocks_export:
        print(_(N_("{count} problem(s) found.")).format(count=len(problems.errors)))
        return EXIT_PROBLEMS
    print(_(N_("No problems: ready to export {count} documents.")).format(count=selection.count))
    return 0


def _gui(options: argparse.Namespace) -> int:
    """The desktop app; Qt is imported only here, so the commands above never need it."""
    from app.gui.launcher import GuiOptions, run_gui

    return run_gui(
        GuiOptions(
            incident=getattr(options, "incident", None),
            language=getattr(options, "lang", None),
            step=getattr(options, "step", 1),
            screenshot=getattr(options, "screenshot", None),
            preview=getattr(options, "preview", None),
            size=getattr(options, "size", (1500, 900)),
        )
    )


def _window_size(text: str) -> tuple[int, int]:
    """``1280x720`` as (1280, 720); argparse turns the ValueError into a usage message."""
    width, _x, height = text.lower().partition("x")
    size = (int(width), int(height))
    if min(size) < 200 or max(size) > 10_000:
        raise ValueError(text)
    return size


def _list_templates(library: TemplateLibrary, translator: Translator) -> int:
    _ = translator.gettext
    for template in library.templates:
        meta = template.meta
        if not template.usable:
            status = _(N_("BROKEN: {fault}")).format(fault=template.faults[0].translated(_))
        elif (winner := library.overridden_by(template)) is not None:
            status = _(N_("overridden by {file}")).format(file=winner.path)
        else:
            status = _(N_("in force"))
        missing = library.unpaired(template)
        if missing:
            status += _(N_("; no {languages} version")).format(languages="/".join(missing))
        print(
            f"{meta.id:<28} {meta.language}  {SET_NAMES[meta.phase][translator.language]:<17} "
            f"v{meta.version:<4} {template.library.kind.value:<12} {status}\n"
            f"    {template.path}"
        )
    return 0


def _library(options: argparse.Namespace, _: Gettext) -> TemplateLibrary:
    """The templates in force for this command; a folder still laid out the old way, or
    a user's or team's template that cannot be used, gets its note (on stderr, once
    ever: the next command does not repeat it)."""
    library = open_template_library(_sources(options.templates))
    for note in take_library_notes(library):
        _print_note(note, _)
    return library


def _print_note(note: Problem, _: Gettext) -> None:
    """A note beside a command's output (on stderr: the output stays what was asked)."""
    print(_(N_("note: {problem}")).format(problem=note.translated_line(_)), file=sys.stderr)


def _sources(templates: Path | None) -> LibrarySources:
    """The same templates as the desktop app, plus ``--templates`` above them all."""
    return LibrarySources.of_this_user([templates] if templates else [])


def main() -> None:
    try:
        sys.exit(run(sys.argv[1:]))
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        # The reader went away (`crisisdraft render ... | head`): stop quietly, as the
        # shell's own tools do, without a traceback or a second error while exiting.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(EXIT_BROKEN_PIPE)
