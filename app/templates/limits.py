"""Bounds on what a template may cost: time, loop iterations, output size, big values.

Templates from shared folders and packs are untrusted. The sandbox stops them reaching
Python's internals; these bounds stop them from hanging the app or filling the memory:
a render gets a budget of time and of loop iterations (every ``range`` item and every
call spends from it), ``*`` and ``**`` cannot build huge strings, lists or numbers, and
the output is cut at a size no statement reaches. Running out raises
:class:`RenderLimitError`, which the environment turns into a message for the user.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Mapping
from typing import Any

import jinja2
from jinja2.runtime import Context
from jinja2.sandbox import SandboxedEnvironment

from app.errors import N_, MessageError

MAX_SECONDS = 2.0
MAX_ITERATIONS = 200_000
MAX_OUTPUT_CHARS = 1_000_000
MAX_REPEAT = 100_000  # items or characters that "x" * n may build
MAX_EXPONENT = 100
BUDGET_KEY = "_render_budget"


class RenderLimitError(MessageError):
    """A template ran too long, looped too much or wrote too much."""


class RenderBudget:
    """Time and iterations left for one render. No public attributes: the sandbox keeps
    templates away from names starting with an underscore, so they cannot refill it."""

    __slots__ = ("_deadline", "_iterations")

    def __init__(self, seconds: float = MAX_SECONDS, iterations: int = MAX_ITERATIONS) -> None:
        self._deadline = time.monotonic() + seconds
        self._iterations = iterations

    def _spend(self, count: int = 1) -> None:
        self._iterations -= count
        if self._iterations < 0:
            raise RenderLimitError(
                N_("loops more than {count} times; a statement never needs that"),
                count=f"{MAX_ITERATIONS:,}",
            )
        if time.monotonic() > self._deadline:
            raise RenderLimitError(
                N_("runs for more than {seconds} seconds"), seconds=f"{MAX_SECONDS:g}"
            )


def _budget(context: Context) -> RenderBudget:
    budget = context.get(BUDGET_KEY)
    return budget if isinstance(budget, RenderBudget) else RenderBudget()


@jinja2.pass_context
def bounded_range(context: Context, *arguments: int) -> Iterator[int]:
    """Jinja's ``range``, spending one iteration of the render's budget per item."""
    budget = _budget(context)
    for number in range(*arguments):
        budget._spend()
        yield number


class BoundedSandbox(SandboxedEnvironment):
    """The sandbox, with every call and every ``*``/``**`` checked against the bounds."""

    intercepted_binops = frozenset({"*", "**"})

    def call(
        __self,  # noqa: N805 - Jinja's own signature
        __context: Context,
        __obj: Any,
        *args: Any,
        **kwargs: Any,
    ) -> Any:
        _budget(__context)._spend()
        return super().call(__context, __obj, *args, **kwargs)

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and isinstance(right, int | float) and abs(right) > MAX_EXPONENT:
            raise RenderLimitError(
                N_("raises a number to the power {power}; that is too large"), power=str(right)
            )
        if operator == "*":
            for sequence, count in ((left, right), (right, left)):
                if (
                    isinstance(sequence, str | list | tuple)
                    and isinstance(count, int)
                    and len(sequence) * count > MAX_REPEAT
                ):
                    raise RenderLimitError(
                        N_("repeats a text or list {count} times; that is too large"),
                        count=f"{count:,}",
                    )
        return super().call_binop(context, operator, left, right)


def render_within_limits(template: jinja2.Template, context: Mapping[str, Any]) -> str:
    """Render ``template`` with a fresh budget, stopping when the output grows too big."""
    budget = RenderBudget()
    parts: list[str] = []
    size = 0
    for chunk in template.generate({**context, BUDGET_KEY: budget}):
        size += len(chunk)
        if size > MAX_OUTPUT_CHARS:
            raise RenderLimitError(
                N_("writes more than {count} characters; a statement never needs that"),
                count=f"{MAX_OUTPUT_CHARS:,}",
            )
        budget._spend(0)  # the clock, between pieces of output
        parts.append(chunk)
    return "".join(parts)
