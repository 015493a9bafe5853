"""The command line's parser: every command, its options and its help.

It is built from the contract's vocabulary alone (:mod:`app.facts.vocabulary`: the
languages, documents and template sets), so ``crisisdraft --help`` and ``--version``
answer without loading pydantic, the templates, python-docx or Qt. The options of a
command that need the layers below (``export``, ``issue``, ``redline``) are filled only
when that command is named: its work loads those layers anyway.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Collection
from pathlib import Path
from typing import get_args

from app import __version__
from app.facts.vocabulary import LANGUAGES, DocumentKind, Language, StatementKind as TemplateSet
from app.interface_text.languages import UI_LANGUAGES

LANGUAGE_CODES: tuple[str, ...] = get_args(Language)
AddOptions = Callable[[argparse.ArgumentParser], None]

DESCRIPTION = (
    "Write a crisis's first statements (press release, dealer notice, staff message, and on "
    "demand the customer and supplier notices, the spokesperson's Q&A, short texts and, for "
    "a listed organisation, the market announcement) in English and French, from one "
    "incident file, as Word documents."
)
#: Each command and the line ``--help`` gives it, in the order ``--help`` lists them.
COMMAND_HELP: dict[str, str] = {
    "export": "write the Word (or PDF) documents",
    "check": "list every problem an export would meet",
    "approve": "approve drafts as they stand, by a named person and role",
    "issue": "record a Word document edited outside the app as issued",
    "history": "list the statements issued",
    "diff": "compare two issued statements (numbers from 'history')",
    "redline": "compare two statements as a Word document with tracked changes",
    "timeline": "detection, statements, promised updates, regulator clocks",
    "gui": "open the desktop app (the default with no command)",
    "render": "print one draft's text",
    "templates": "list the templates in force and where they come from",
    "key": "print your approval key, for your team's house profile",
}
#: The commands whose messages (problems, notes) are printed in ``--ui-language``.
TRANSLATED_COMMANDS = frozenset(COMMAND_HELP) - {"gui"}


def build_parser(filled: Collection[str] = tuple(COMMAND_HELP)) -> argparse.ArgumentParser:
    """The parser; the commands not in ``filled`` are only named (their options, some of
    which need the layers below, are not built): :func:`app.cli.main.run` fills only the
    command about to run, none for ``--help`` and ``--version``."""
    parser = argparse.ArgumentParser(prog="crisisdraft", description=DESCRIPTION)
    parser.add_argument("--version", action="version", version=f"crisisdraft {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, help_line in COMMAND_HELP.items():
        sub = commands.add_parser(name, help=help_line)
        if name in filled:
            OPTIONS[name](sub)
            if name in TRANSLATED_COMMANDS:
                _add_ui_language(sub)
    return parser


def named_commands(arguments: list[str]) -> list[str]:
    """The command the arguments name, if any: the first word that is not an option
    (the parser's own options, ``--help`` and ``--version``, take no value)."""
    return [word for word in arguments if not word.startswith("-")][:1]


# ----- the options shared by several commands


def _add_common(command: argparse.ArgumentParser) -> None:
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


def _add_selection(command: argparse.ArgumentParser) -> None:
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


def _add_ui_language(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--ui-language",
        choices=UI_LANGUAGES,
        default=None,
        help="the language of the command's own messages (default: the system's); "
        "the documents' languages are --lang",
    )


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


def _window_size(text: str) -> tuple[int, int]:
    """``1280x720`` as (1280, 720); argparse turns the ValueError into a usage message."""
    width, _x, height = text.lower().partition("x")
    size = (int(width), int(height))
    if min(size) < 200 or max(size) > 10_000:
        raise ValueError(text)
    return size


# ----- each command's options


def _export(export: argparse.ArgumentParser) -> None:
    from app.cli.export_command import add_export_options

    export.description = (
        "Write one .docx (or PDF) per document and language into DIR, all or nothing."
    )
    _add_common(export)
    _add_selection(export)
    add_export_options(export)


def _check(check: argparse.ArgumentParser) -> None:
    check.description = "List every problem the export would meet; exit 1 if there is one."
    _add_common(check)
    _add_selection(check)
    check.add_argument("--now", metavar="TIME", help="check as of this ISO 8601 time")


def _approve(approve: argparse.ArgumentParser) -> None:
    approve.description = "Record that NAME (ROLE) approved the drafts as they read now."
    _add_common(approve)
    _add_selection(approve)
    approve.add_argument("--by", required=True, metavar="NAME", help="who approves")
    approve.add_argument("--role", required=True, metavar="ROLE", help="e.g. General Counsel")
    approve.add_argument("--now", metavar="TIME", help=argparse.SUPPRESS)


def _issue(issue: argparse.ArgumentParser) -> None:
    from app.cli.issue_command import add_issue_options

    add_issue_options(issue, _add_common)


def _history(history: argparse.ArgumentParser) -> None:
    history.add_argument("incident", type=Path, metavar="INCIDENT")


def _diff(diff: argparse.ArgumentParser) -> None:
    diff.add_argument("incident", type=Path, metavar="INCIDENT")
    diff.add_argument("first", type=int, metavar="A")
    diff.add_argument("second", type=int, metavar="B")


def _redline(redline: argparse.ArgumentParser) -> None:
    from app.cli.redline_command import add_redline_options

    add_redline_options(redline, _add_common)


def _timeline(timeline: argparse.ArgumentParser) -> None:
    timeline.add_argument("incident", type=Path, metavar="INCIDENT")
    timeline.add_argument("--now", metavar="TIME", help="as of this ISO 8601 time")


def _gui(gui: argparse.ArgumentParser) -> None:
    gui.description = "Open the desktop app on INCIDENT, or on the bundled example."
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


def _render(render: argparse.ArgumentParser) -> None:
    render.description = "Print the text of one draft, as the Word document would say it."
    _add_common(render)
    render.add_argument(
        "--doc", type=DocumentKind, choices=list(DocumentKind), default=DocumentKind.PRESS_RELEASE
    )
    render.add_argument("--lang", choices=LANGUAGE_CODES, default="en")


def _templates(templates: argparse.ArgumentParser) -> None:
    templates.description = (
        "List every template: set, document, language, version, library, status."
    )
    templates.add_argument("action", choices=["list"], help="what to do")
    templates.add_argument("--templates", type=Path, metavar="DIR", help="a folder of your own")


def _key(key: argparse.ArgumentParser) -> None:
    key.description = (
        "Print the public key your approvals are signed with; list it in the team's house "
        "profile (house-profile.json in a shared folder) so that others see your approvals "
        "as known."
    )


OPTIONS: dict[str, AddOptions] = {
    "export": _export,
    "check": _check,
    "approve": _approve,
    "issue": _issue,
    "history": _history,
    "diff": _diff,
    "redline": _redline,
    "timeline": _timeline,
    "gui": _gui,
    "render": _render,
    "templates": _templates,
    "key": _key,
}
