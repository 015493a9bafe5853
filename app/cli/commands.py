"""The commands' work: each a thin call into the layers below (session, record,
templates), in the language of ``--ui-language``. Imported once a command is named,
never for ``--help`` or ``--version`` (see :mod:`app.cli.parser`); the modules of the
record's commands (history, approve, issue, redline...) are imported by those commands
only, so that an export, the command run most often, does not load them."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.cli import export_command, record_commands
from app.cli.exit_codes import EXIT_PROBLEMS, EXIT_USER_ERROR
from app.drafts.render import DraftRenderer
from app.errors import N_, CrisisDraftError, Gettext, IncidentFileError, Problem
from app.interface_text.translator import Translator, system_language
from app.session.incident_session import IncidentSession
from app.session.library import LibrarySources, open_template_library
from app.session.library_notes import take_library_notes
from app.session.selection import Selection
from app.session.team_keys import my_public_key
from app.templates.library import TemplateLibrary
from app.templates.metadata import SET_NAMES


def run_command(options: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """Run the command ``options`` names (not ``gui``); a user's mistake is one line on
    stderr and exit 2."""
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
        if options.command in ("history", "diff", "timeline", "approve", "issue", "redline"):
            return _record_command(options, translator)
        session = IncidentSession.open(options.incident, DraftRenderer(_library(options, _)))
        if options.command == "render":
            draft = session.render(options.doc, options.lang, options.template_set)
            sys.stdout.write(draft.plain_text())
            return 0
        return export_command.export_command(options, session, _selection(options), _print_note, _)
    except CrisisDraftError as error:
        print(f"crisisdraft: {error.translated(_, translator.language)}", file=sys.stderr)
        return EXIT_USER_ERROR


def _record_command(options: argparse.Namespace, translator: Translator) -> int:
    """The commands that read or write the record, and the redline."""
    from app.cli import issue_command, redline_command

    _ = translator.gettext
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
    return issue_command.issue_command(options, renderer, _, translator.language)


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
