"""Problems as the desktop app tells them: the place named as the user sees it on the
form ("Dealer contact › Name", « Communiqué de presse (anglais) »), the message and its
dates and times in the interface language.

The lower layers name a place by its field path and a draft by its ids
(``incident: contacts.dealers.name``, ``incident: press_release (en)``), which is what
the command line prints: it is read by scripts and by people holding the file, and the
paths are the file's own keys. A person at the form knows the fields by their captions,
so the app words problems here, once, for its problem list and its dialogs alike.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.errors import (
    LIST_SEPARATOR,
    N_,
    CrisisDraftError,
    Gettext,
    Problem,
    ProblemsError,
    TemplateError,
)
from app.interface_text.error_text import error_text
from app.interface_text.field_names import IN_LANGUAGE, SEPARATOR, field_name
from app.interface_text.names import document_name

#: A problem's place, then what is wrong there (French puts a space before the colon).
PLACE_AND_PROBLEM = N_("{place}: {problem}")


@dataclass(frozen=True)
class ProblemWording:
    """How one front words problems: ``gettext`` and ``language`` are the interface's;
    ``source`` is the open incident's name in the problems (its file's name, or
    "incident"), left out of every line since the whole window is about it."""

    gettext: Gettext
    language: str = "en"
    source: str | None = None

    def line(self, problem: Problem) -> str:
        """The place, when the problem has one, and the message: one line of the list."""
        message = problem.translated(self.gettext, self.language)
        place = self.place(problem)
        if not place:
            return message
        return self.gettext(PLACE_AND_PROBLEM).format(place=place, problem=message)

    def place(self, problem: Problem) -> str:
        """Where the problem is, as the user knows it: the file (unless it is the open
        incident), then the field or the drafts; empty for the incident as a whole."""
        where, field = problem.where, problem.field
        if field is not None and (where == field or where.endswith(f": {field}")):
            file = where[: -len(field)].removesuffix(": ")
            return self._joined(file, field_name(field, self.gettext))
        if problem.documents:
            return self._joined(where.partition(": ")[0], self._drafts(problem))
        if self.source is not None and where.startswith(f"{self.source}: "):
            return where[len(self.source) + 2 :]
        return "" if where == self.source else where

    def error(self, error: BaseException) -> str:
        """``error`` as a dialog tells it: its problems worded as the list words them."""
        if isinstance(error, ProblemsError):
            return error.translated(self.gettext, self.language, line=self.line)
        if isinstance(error, TemplateError):
            return self.line(error.problem)
        if isinstance(error, CrisisDraftError):
            return error.translated(self.gettext, self.language)
        return error_text(error, self.gettext)

    def _joined(self, file: str, named: str) -> str:
        return named if not file or file == self.source else f"{file}{SEPARATOR}{named}"

    def _drafts(self, problem: Problem) -> str:
        _ = self.gettext
        names = _(LIST_SEPARATOR).join(document_name(d, _) for d in problem.documents)
        language = problem.draft_language
        if language not in IN_LANGUAGE:
            return names
        return _(IN_LANGUAGE[str(language)]).format(field=names)
