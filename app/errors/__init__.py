"""The errors a user can cause, each carrying a message for people and the place at fault.

Front ends (the CLI, later the GUI) catch :class:`CrisisDraftError` and show
``str(error)``: one line that names the file, the field or template line, and what to do.
Anything that is not a ``CrisisDraftError`` is a bug and is allowed to surface as one.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.errors.moments import written_moment

Gettext = Callable[[str], str]


def N_(message: str) -> str:  # noqa: N802 - the gettext convention
    """Mark ``message`` as a message id for extraction; it is translated where shown."""
    return message


@dataclass(frozen=True)
class Term:
    """A parameter that is itself a word (a site status, a fact's name): a message id,
    translated with the message it goes into."""

    message_id: str


@dataclass(frozen=True)
class Terms:
    """A parameter that is a list of words, joined in the language shown."""

    message_ids: tuple[str, ...]


@dataclass(frozen=True)
class Message:
    """A parameter that is a message of its own (the reason inside a sentence), translated
    with the message it goes into."""

    message_id: str
    params: Mapping[str, Param] = dataclasses.field(default_factory=dict)


@dataclass(frozen=True)
class When:
    """A parameter that is a date and time: written as the reader's language writes
    them (never ISO), on the clock of the time zone ``at`` carries (give it in the
    incident's zone)."""

    at: datetime


Param = str | int | Term | Terms | Message | When

#: How a list of words is joined (a message id, so a language may join otherwise).
LIST_SEPARATOR = N_(", ")


def _identity(message: str) -> str:
    return message


def format_message(
    message_id: str, params: Mapping[str, Param], gettext: Gettext, language: str = "en"
) -> str:
    """``message_id`` translated by ``gettext``, with its parameters in the same language;
    a date and time is written as ``language`` (the language ``gettext`` speaks) writes it."""
    words: dict[str, str | int] = {}
    for name, value in params.items():
        if isinstance(value, Term):
            words[name] = gettext(value.message_id)
        elif isinstance(value, Terms):
            words[name] = gettext(LIST_SEPARATOR).join(gettext(m) for m in value.message_ids)
        elif isinstance(value, Message):
            words[name] = format_message(value.message_id, value.params, gettext, language)
        elif isinstance(value, When):
            words[name] = written_moment(value.at, language)
        else:
            words[name] = value
    return gettext(message_id).format(**words)


def terms(message_ids: Sequence[str]) -> Terms:
    return Terms(tuple(message_ids))


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an incident or a template, as shown to the user.

    ``where`` is a file name, optionally followed by a field path (``guidance.staff.fr``)
    or a template line (``press_release/fr.md.j2:12``); ``field`` is the bare field path
    when the problem is about a fact, so a front end can take the user to that field.

    ``documents`` (ids such as ``press_release``) and ``draft_language`` name the drafts
    a problem is about when it is about drafts rather than a fact (``where`` names them
    too, as ids), so that a front can name them as its user does.

    Lower layers give ``message_id`` (an English message id marked with ``N_``, with
    ``{placeholders}``) and its ``params`` instead of a finished sentence: ``message``
    is then that id formatted in English, and ``translated(gettext, language)`` gives it
    in the language of the front that shows it.
    """

    where: str
    message: str = ""
    field: str | None = None
    blocking: bool = True  # False: a warning shown with the problems, export still allowed
    informational: bool = False  # True: not a fault at all (what the drafts leave out)
    message_id: str | None = None
    params: Mapping[str, Param] = dataclasses.field(default_factory=dict, hash=False)
    documents: tuple[str, ...] = ()
    draft_language: str | None = None  # None: the documents in every language

    def __post_init__(self) -> None:
        if self.informational and self.blocking:
            object.__setattr__(self, "blocking", False)
        if self.message_id is not None and not self.message:
            english = format_message(self.message_id, self.params, _identity)
            object.__setattr__(self, "message", english)

    def translated(self, gettext: Gettext, language: str = "en") -> str:
        """The message in the language of ``gettext`` (as is when it has no message id),
        its dates and times as ``language`` writes them."""
        if self.message_id is None:
            return self.message
        return format_message(self.message_id, self.params, gettext, language)

    def translated_line(self, gettext: Gettext, language: str = "en") -> str:
        """Like ``str(problem)``, in the language of ``gettext``: the place as the lower
        layers name it (a file and a field path), for the command line. The desktop app
        names places as its user sees them (:mod:`app.interface_text.problem_text`)."""
        return f"{self.where}: {self.translated(gettext, language)}"

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


class MessageError(ValueError):
    """A validator's refusal as a message id with parameters (``str()`` is the English),
    so the problem it becomes can be translated where it is shown."""

    def __init__(self, message_id: str, **params: Param) -> None:
        self.message_id = message_id
        self.params = params
        super().__init__(format_message(message_id, params, _identity))


class CrisisDraftError(Exception):
    """Base of every error the user can cause and fix.

    Raised with a finished English sentence, or (where the message is the app's own)
    with ``message_id`` and ``params``, so that :meth:`translated` gives it in the
    language of the front that shows it; ``str()`` is always the English."""

    def __init__(
        self,
        message: str | None = None,
        *,
        message_id: str | None = None,
        params: Mapping[str, Param] | None = None,
    ) -> None:
        self.message_id = message_id
        self.params: Mapping[str, Param] = dict(params or {})
        if message is None:
            message = format_message(message_id or "", self.params, _identity)
        super().__init__(message)

    def translated(self, gettext: Gettext, language: str = "en") -> str:
        """The message in the language of ``gettext`` (as is when it has no message id),
        its dates and times as ``language`` writes them."""
        if self.message_id is None:
            return str(self)
        return format_message(self.message_id, self.params, gettext, language)


class ProblemsError(CrisisDraftError):
    """An error made of problems, told as the first one in full and how many more, so
    that a front shows one line and ``check`` lists them all. ``ending`` (a message id,
    or ``None``) says what follows from them, e.g. that nothing was exported."""

    MORE = N_("{first} (and {count} more problem(s): run 'crisisdraft check')")

    def __init__(self, problems: Sequence[Problem], ending: str | None = None) -> None:
        self.problems = list(problems)
        self.ending = ending
        super().__init__(self.translated(_identity))

    def translated(
        self,
        gettext: Gettext,
        language: str = "en",
        line: Callable[[Problem], str] | None = None,
    ) -> str:
        """The first problem told by ``line`` (by default as the command line prints it),
        how many more, and the ending, in the language of ``gettext``."""
        if line is None:
            first = self.problems[0].translated_line(gettext, language) if self.problems else ""
        else:
            first = line(self.problems[0]) if self.problems else ""
        if len(self.problems) > 1:
            first = gettext(self.MORE).format(first=first, count=len(self.problems) - 1)
        if self.ending is not None:
            first = gettext(self.ending).format(problems=first)
        return first


class IncidentFileError(ProblemsError):
    """An incident file cannot be read or does not follow the contract.

    ``problems`` lists every fault found (pydantic reports them all at once), so that
    ``crisisdraft check`` can show them together; ``str()`` gives the first and a count.
    """

    def __init__(self, path: Path | str, problems: list[Problem]) -> None:
        self.path = Path(path)
        if not problems:
            problems = [Problem(self.path.name, message_id=N_("cannot be read"))]
        super().__init__(problems)


class TemplateError(CrisisDraftError):
    """A template cannot be read, parsed or rendered; the message names file and line."""

    def __init__(
        self,
        message: str | None = None,
        *,
        template: str,
        line: int | None = None,
        message_id: str | None = None,
        params: Mapping[str, Param] | None = None,
    ) -> None:
        self.template = template
        self.line = line
        where = f"{template}:{line}" if line else template
        self.problem = Problem(
            where=where, message=message or "", message_id=message_id, params=dict(params or {})
        )
        super().__init__(str(self.problem))

    def translated(self, gettext: Gettext, language: str = "en") -> str:
        return self.problem.translated_line(gettext, language)


class ExportError(CrisisDraftError):
    """Documents cannot be produced or written; nothing was left in the output folder."""
