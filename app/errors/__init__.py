"""The errors a user can cause, each carrying a message for people and the place at fault.

Front ends (the CLI, later the GUI) catch :class:`CrisisDraftError` and show
``str(error)``: one line that names the file, the field or template line, and what to do.
Anything that is not a ``CrisisDraftError`` is a bug and is allowed to surface as one.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an incident or a template, as shown to the user.

    ``where`` is a file name, optionally followed by a field path (``guidance.staff.fr``)
    or a template line (``press_release/fr.md.j2:12``); ``field`` is the bare field path
    when the problem is about a fact, so a front end can take the user to that field.
    """

    where: str
    message: str
    field: str | None = None
    blocking: bool = True  # False: a warning shown with the problems, export still allowed
    informational: bool = False  # True: not a fault at all (what the drafts leave out)

    def __post_init__(self) -> None:
        if self.informational and self.blocking:
            object.__setattr__(self, "blocking", False)

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


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
