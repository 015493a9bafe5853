"""The errors a user can cause, each carrying a message for people and the place at fault.

Front ends (the CLI, later the GUI) catch :class:`CrisisDraftError` and show
``str(error)``: one line that names the file, the field or template line, and what to do.
Anything that is not a ``CrisisDraftError`` is a bug and is allowed to surface as one.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

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


Param = str | int | Term | Terms

#: How a list of words is joined (a message id, so a language may join otherwise).
LIST_SEPARATOR = N_(", ")


def _identity(message: str) -> str:
    return message


def format_message(message_id: str, params: Mapping[str, Param], gettext: Gettext) -> str:
    """``message_id`` translated by ``gettext``, with its parameters in the same language."""
    words: dict[str, str | int] = {}
    for name, value in params.items():
        if isinstance(value, Term):
            words[name] = gettext(value.message_id)
        elif isinstance(value, Terms):
            words[name] = gettext(LIST_SEPARATOR).join(gettext(m) for m in value.message_ids)
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

    Lower layers give ``message_id`` (an English message id marked with ``N_``, with
    ``{placeholders}``) and its ``params`` instead of a finished sentence: ``message``
    is then that id formatted in English, and ``translated(gettext)`` gives it in the
    language of the front that shows it.
    """

    where: str
    message: str = ""
    field: str | None = None
    blocking: bool = True  # False: a warning shown with the problems, export still allowed
    informational: bool = False  # True: not a fault at all (what the drafts leave out)
    message_id: str | None = None
    params: Mapping[str, Param] = dataclasses.field(default_factory=dict, hash=False)

    def __post_init__(self) -> None:
        if self.informational and self.blocking:
            object.__setattr__(self, "blocking", False)
        if self.message_id is not None and not self.message:
            english = format_message(self.message_id, self.params, _identity)
            object.__setattr__(self, "message", english)

    def translated(self, gettext: Gettext) -> str:
        """The message in the language of ``gettext`` (as is when it has no message id)."""
        if self.message_id is None:
            return self.message
        return format_message(self.message_id, self.params, gettext)

    def translated_line(self, gettext: Gettext) -> str:
        """Like ``str(problem)``, in the language of ``gettext``."""
        return f"{self.where}: {self.translated(gettext)}"

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
    """Base of every error the user can cause and fix."""


class IncidentFileError(CrisisDraftError):
    """An incident file cannot be read or does not follow the contract.

    ``problems`` lists every fault found (pydantic reports them all at once), so that
    ``crisisdraft check`` can show them together; ``str()`` gives the first and a count.
    """

    def __init__(self, path: Path | str, problems: list[Problem]) -> None:
        self.path = Path(path)
        self.problems = problems
        first = str(problems[0]) if problems else f"{path}: cannot be read"
        more = (
            f" (and {len(problems) - 1} more problem(s): run 'crisisdraft check')"
            if len(problems) > 1
            else ""
        )
        super().__init__(first + more)


class TemplateError(CrisisDraftError):
    """A template cannot be read, parsed or rendered; the message names file and line."""

    def __init__(self, message: str, *, template: str, line: int | None = None) -> None:
        self.template = template
        self.line = line
        where = f"{template}:{line}" if line else template
        self.problem = Problem(where=where, message=message)
        super().__init__(str(self.problem))


class ExportError(CrisisDraftError):
    """Documents cannot be produced or written; nothing was left in the output folder."""
