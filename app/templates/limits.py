"""Bounds on what a template may cost: time, loop iterations, output size, big values.

Templates from shared folders and packs are untrusted. The sandbox stops them reaching
Python's internals; these bounds stop them from hanging the app or filling the memory:
a render gets a budget of time and of loop iterations (every ``range`` item and every
call spends from it), ``*`` and ``**`` cannot build huge strings, lists or numbers, and
the output is cut at a size no statement reaches. Running out raises
:class:`RenderLimitError`, which the environment turns into a message for the user.

Every ``{% for %}`` spends one iteration per item whatever it loops over (a literal
list too), and calls that could build a huge text from a small one (``"x".center(n)``,
``replace``, ``join``, ``format`` and ``%`` with a huge width, ``lipsum``) are refused
before they run, by their expected size. Nothing untrusted runs while a template is
compiled: the environment is created with Jinja's constant folding off (see
:mod:`app.templates.environment`), which would otherwise run ``"x"|center(1000000000)``
at compile time, outside any budget.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextvars import ContextVar
from typing import Any, cast

import jinja2
from jinja2 import nodes
from jinja2.runtime import Context, Macro
from jinja2.sandbox import SandboxedEnvironment
from jinja2.utils import generate_lorem_ipsum

from app.errors import N_, MessageError
from app.templates.value_sizes import (
    MAX_OUTPUT_CHARS,
    largest_int,
    percent_width,
    str_call_size,
    weight,
)

logger = logging.getLogger(__name__)

MAX_SECONDS = 2.0
MAX_ITERATIONS = 200_000
MAX_WRITTEN = 10 * MAX_OUTPUT_CHARS  # also into "set" blocks and macros, counted twice
MAX_REPEAT = 100_000  # items or characters that "x" * n may build
MAX_EXPONENT = 100
BUDGET_KEY = "_render_budget"


class RenderLimitError(MessageError):
    """A template ran too long, looped too much or wrote too much."""


#: Running out of time says how fast the machine was (a profiler, a slow laptop) as much
#: as what the template does: the library does not keep it as a fault of the text.
RAN_TOO_LONG = N_("runs for more than {seconds} seconds")


#: The clock is read once every so many spends (calls, loop items, pieces of output),
#: not at each: reading a thread's processor time is a system call, and a draft spends a
#: few thousand times. Between two readings a template does at most this many bounded
#: steps, each refused beforehand if it would build something huge.
CLOCK_EVERY = 32


class RenderBudget:
    """Time and iterations left for one render. No public attributes: the sandbox keeps
    templates away from names starting with an underscore, so they cannot refill it."""

    __slots__ = ("_characters", "_deadline", "_iterations", "_until_clock")

    def __init__(self, seconds: float = MAX_SECONDS, iterations: int = MAX_ITERATIONS) -> None:
        # The render's own processor time, not the clock's: a template is stopped for
        # what it does, never because the machine is busy with something else (a
        # loaded laptop, or tests run in parallel, stopped built-in templates).
        self._deadline = time.thread_time() + seconds
        self._iterations = iterations
        self._characters = MAX_WRITTEN
        self._until_clock = CLOCK_EVERY

    def _write(self, count: int) -> None:
        """Characters written anywhere: the draft, a ``set`` block, a macro's result."""
        self._characters -= count
        if self._characters < 0:
            raise RenderLimitError(
                N_("writes more than {count} characters; a statement never needs that"),
                count=f"{MAX_WRITTEN:,}",
            )

    def _spend(self, count: int = 1) -> None:
        self._iterations -= count
        if self._iterations < 0:
            raise RenderLimitError(
                N_("loops more than {count} times; a statement never needs that"),
                count=f"{MAX_ITERATIONS:,}",
            )
        self._until_clock -= 1
        if self._until_clock <= 0:
            self._until_clock = CLOCK_EVERY
            if time.thread_time() > self._deadline:
                raise RenderLimitError(RAN_TOO_LONG, seconds=f"{MAX_SECONDS:g}")


# The budget of the render under way. A context variable rather than only a context
# key: a macro imported without context runs in a context of its own, and must spend
# from the same budget.
_CURRENT_BUDGET: ContextVar[RenderBudget | None] = ContextVar("render_budget", default=None)


def _budget(context: Context | None) -> RenderBudget:
    current = _CURRENT_BUDGET.get()
    if current is not None:
        return current
    budget = context.get(BUDGET_KEY) if context is not None else None
    return budget if isinstance(budget, RenderBudget) else RenderBudget()


def _too_big(size: int) -> None:
    if size > MAX_OUTPUT_CHARS:
        raise RenderLimitError(
            N_("builds a text of {count} characters; a statement never needs that"),
            count=f"{size:,}",
        )


@jinja2.pass_context
def bounded_lipsum(
    context: Context,
    n: int = 5,
    html: bool = True,
    min: int = 20,
    max: int = 100,
) -> str:
    """Jinja's ``lipsum``, for at most as many words as a statement could hold."""
    words = abs(int(n)) * abs(int(max))
    if words > MAX_OUTPUT_CHARS // 10 or min > max:
        raise RenderLimitError(
            N_("asks for {count} words of filler text; that is too many"), count=f"{words:,}"
        )
    _budget(context)._spend(abs(int(n)))
    return str(generate_lorem_ipsum(n=n, html=html, min=min, max=max))


# The filters whose arguments say how big a text they build (checked before they run).
_SIZED_FILTERS = frozenset({"center", "indent", "batch", "slice", "format", "replace"})


def bounded_filter(name: str, function: Any) -> Any:
    """Jinja's filter ``name``, refusing a value too big to write out (a list of the
    same long text appended 100,000 times is small in memory, but not once ``|string``
    or ``|join`` writes it), and arguments that would build a huge text."""

    passes_context = hasattr(function, "jinja_pass_arg")  # replace takes the eval context

    def checked(*arguments: Any, **kwargs: Any) -> Any:
        value, *args = arguments[1:] if passes_context else arguments
        _too_big(len(value) if value.__class__ is str else weight(value))
        if name not in _SIZED_FILTERS:
            return function(*arguments, **kwargs)
        values = list(args) + list(kwargs.values())
        if name in ("center", "indent", "batch", "slice"):
            numbers = [v for v in values if isinstance(v, int) and not isinstance(v, bool)]
            lines = str(value).count("\n") + 1 if name == "indent" else 1
            _too_big(largest_int(numbers) * lines)
        elif name == "format" and isinstance(value, str):
            _too_big(len(value) + percent_width(value, tuple(values)) + weight(values))
        elif name == "replace" and isinstance(value, str):
            _too_big(str_call_size(value, "replace", tuple(values), {}))
        return function(*arguments, **kwargs)

    checked.__name__ = function.__name__
    checked.__doc__ = function.__doc__
    if passes_context:
        checked.jinja_pass_arg = function.jinja_pass_arg  # type: ignore[attr-defined]
    return checked


_GROWING = frozenset({"append", "extend", "insert", "update", "setdefault"})


@jinja2.pass_context
def bounded_range(context: Context, *arguments: int) -> Iterator[int]:
    """Jinja's ``range``, spending one iteration of the render's budget per item."""
    budget = _budget(context)
    for number in range(*arguments):
        budget._spend()
        yield number


class BoundedSandbox(SandboxedEnvironment):
    """The sandbox, with every call and every ``*``/``**`` checked against the bounds."""

    intercepted_binops = frozenset({"*", "**", "%", "+"})

    def _generate(
        self,
        source: nodes.Template,
        name: str | None,
        filename: str | None,
        defer_init: bool = False,
    ) -> str:
        """Compile with every ``for`` loop's items, every literal output and every ``~``
        passing through the bounds: loops spend iterations, writing spends characters,
        joined texts are measured before they are built."""
        for loop in source.find_all(nodes.For):
            loop.iter = _own_call("loop_items", cast(nodes.Expr, loop.iter), loop.lineno)
        for output in source.find_all(nodes.Output):
            literal = sum(len(n.data) for n in output.nodes if isinstance(n, nodes.TemplateData))
            if literal:
                output.nodes.insert(0, _own_call("wrote", nodes.Const(literal), output.lineno))
        for concat in list(source.find_all(nodes.Concat)):
            parts = nodes.List(concat.nodes, lineno=concat.lineno)
            concat.nodes = [_own_call("joined", parts, concat.lineno)]
        return super()._generate(source, name, filename, defer_init)

    @staticmethod
    def loop_items(items: Iterable[Any]) -> Iterator[Any]:
        """The items of a ``for`` loop, one iteration of the budget each (a ``range``
        spends its own, so a loop over one is not counted twice)."""
        if getattr(items, "gi_code", None) is bounded_range.__code__:
            return iter(items)
        return BoundedSandbox._spending(items)

    @staticmethod
    def _spending(items: Iterable[Any]) -> Iterator[Any]:
        budget = _budget(None)
        for item in items:
            budget._spend()
            yield item

    @staticmethod
    def wrote(count: int) -> str:
        """Spends the literal text an output writes (inside a loop, every time)."""
        _budget(None)._write(count)
        return ""

    @staticmethod
    def joined(parts: list[Any]) -> str:
        """``a ~ b``, refused before it is built when it would be huge."""
        _too_big(sum(weight(part) for part in parts))
        return "".join(str(part) for part in parts)

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        """The sandbox's ``str.format``, refused before it runs when the text it would
        build is huge (``"{:>1000000000}".format(1)``)."""
        sandboxed = super().wrap_str_format(value)
        if sandboxed is None:
            return None
        text, method = value.__self__, value.__name__

        def measured(*args: Any, **kwargs: Any) -> str:
            _too_big(str_call_size(text, method, args, kwargs))
            return sandboxed(*args, **kwargs)

        return measured

    def finalize_output(self, value: Any) -> Any:
        """Every ``{{ value }}``, measured before it is written (even into a ``set``)."""
        if value.__class__ is str:  # most outputs: measured without a call
            if not value:
                return value  # nothing written (the bounds' own calls write "")
            size = len(value)
        else:
            size = weight(value)
        _too_big(size)
        _budget(None)._write(size)
        return value

    def call(
        __self,  # noqa: N805 - Jinja's own signature
        __context: Context,
        __obj: Any,
        *args: Any,
        **kwargs: Any,
    ) -> Any:
        if __obj in _OWN_CALLS:  # the bounds' own calls, added by _generate
            return __obj(*args)
        _budget(__context)._spend()
        if __obj.__class__ is Macro:  # a template's macro: no owner, safe to call
            return __context.call(__obj, *args, **kwargs)
        owner = getattr(__obj, "__self__", None)
        if isinstance(owner, str):
            _too_big(str_call_size(owner, getattr(__obj, "__name__", ""), args, kwargs))
        elif isinstance(owner, list | dict) and getattr(__obj, "__name__", "") in _GROWING:
            _too_big(weight(owner) + weight(list(args) + list(kwargs.values())))
        return super().call(__context, __obj, *args, **kwargs)

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and isinstance(right, int | float) and abs(right) > MAX_EXPONENT:
            raise RenderLimitError(
                N_("raises a number to the power {power}; that is too large"), power=str(right)
            )
        if operator == "%" and isinstance(left, str):
            _too_big(len(left) + percent_width(left, right) + weight(right))
        if operator == "+" and isinstance(left, str | list | tuple):
            _too_big(weight(left) + weight(right))
        if operator == "*":
            for sequence, count in ((left, right), (right, left)):
                if (
                    isinstance(sequence, str | list | tuple)
                    and isinstance(count, int)
                    and weight(sequence) * count > MAX_REPEAT
                ):
                    raise RenderLimitError(
                        N_("repeats a text or list {count} times; that is too large"),
                        count=f"{count:,}",
                    )
        return super().call_binop(context, operator, left, right)


_OWN_CALLS = (BoundedSandbox.loop_items, BoundedSandbox.wrote, BoundedSandbox.joined)


def _own_call(name: str, argument: nodes.Expr, line: int) -> nodes.Call:
    return nodes.Call(nodes.EnvironmentAttribute(name), [argument], [], None, None, lineno=line)


def render_within_limits(template: jinja2.Template, context: Mapping[str, Any]) -> str:
    """Render ``template`` with a fresh budget, stopping when the output grows too big."""
    budget = RenderBudget()
    parts: list[str] = []
    size = 0
    token = _CURRENT_BUDGET.set(budget)
    chunks = template.generate({**context, BUDGET_KEY: budget})
    try:
        for chunk in chunks:
            size += len(chunk)
            if size > MAX_OUTPUT_CHARS:
                raise RenderLimitError(
                    N_("writes more than {count} characters; a statement never needs that"),
                    count=f"{MAX_OUTPUT_CHARS:,}",
                )
            budget._spend(0)  # the clock, between pieces of output
            parts.append(chunk)
    finally:
        _close(chunks)
        _CURRENT_BUDGET.reset(token)
    return "".join(parts)


def _close(chunks: Iterator[str]) -> None:
    """End a render stopped between two pieces of output, here and now. Left to the
    garbage collector, a template that includes itself (one generator per level, each
    paused inside the next) was closed from wherever collection ran, deeper in the
    stack, and unwinding its levels there went past Python's recursion limit: "Exception
    ignored in: <generator object Template.generate>" on the console."""
    close = getattr(chunks, "close", None)  # Jinja's generate() is a generator
    if close is None:
        return
    try:
        close()
    except Exception:  # the render has already failed, with its own message
        logger.debug("a stopped render did not close cleanly", exc_info=True)
