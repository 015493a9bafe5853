"""The problems found for an incident, and the one rule that says what blocks an export
(:attr:`Problems.blocks_export`). :mod:`app.session.problems` finds them; this module
imports only the errors, so that a view can hold and show problems before the checks,
the models and the templates have loaded (the window paints first).
"""

from __future__ import annotations

from dataclasses import dataclass

from app.errors import N_, CrisisDraftError, ExportError, Problem, ProblemsError


class ExportBlockedError(ProblemsError, ExportError):
    """The incident has problems that would show in the documents; nothing was written."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(problems, ending=N_("{problems}; nothing was exported"))


@dataclass(frozen=True)
class Problems:
    """Every problem found, in the order found (facts, templates, record, approvals).

    ``template_faults`` are the errors behind the template problems, kept so that an
    export refused for a template fault raises that very error (it names file and line).
    """

    found: tuple[Problem, ...] = ()
    template_faults: tuple[CrisisDraftError, ...] = ()

    @property
    def errors(self) -> list[Problem]:
        """What must be fixed before an export: the only thing that blocks one."""
        return [problem for problem in self.found if problem.blocking]

    @property
    def warnings(self) -> list[Problem]:
        """Worth a second look; an export goes ahead."""
        return [p for p in self.found if not p.blocking and not p.informational]

    @property
    def notes(self) -> list[Problem]:
        """Not faults: what the drafts leave out because the facts do not state it."""
        return [problem for problem in self.found if problem.informational]

    @property
    def blocks_export(self) -> bool:
        """The one predicate: an export goes ahead exactly when this is false."""
        return bool(self.errors)

    def refusal(self) -> CrisisDraftError | None:
        """The error an export raises for these problems, ``None`` when it may go ahead:
        the template's own error for a template fault, else the errors with "nothing
        was exported" (the first in full, as ``check`` prints it, and how many more)."""
        if not self.blocks_export:
            return None
        if self.template_faults:
            return self.template_faults[0]
        return ExportBlockedError(self.errors)
