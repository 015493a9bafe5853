"""How big a value is once written, and how big a text a call would build: what the
render bounds (:mod:`app.templates.limits`) measure before a template may write a value
or make a call. Pure functions; a value is counted only as far as a limit needs.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable
from typing import Any

#: The most a render may write: a statement is a few thousand characters.
MAX_OUTPUT_CHARS = 1_000_000


def weight(value: Any, limit: int = MAX_OUTPUT_CHARS) -> int:
    """About how many characters ``value`` is once written (texts, lists of texts...),
    counted only up to just past ``limit``, so that counting stays cheap."""
    if isinstance(value, str):
        return len(value)
    # Texts are weighed inline, and a dict as the list of its (key, value) pairs without
    # building it: a list grown by a template is weighed at every append, a few
    # thousand times a draft.
    if isinstance(value, (list, tuple)):
        total = len(value)
        for item in value:
            if total > limit:
                break
            total += len(item) if item.__class__ is str else weight(item, limit - total)
        return total
    if isinstance(value, dict):
        total = len(value)
        for key, item in value.items():
            if total > limit:
                break
            room = limit - total
            pair = 2  # as the tuple (key, item) weighs
            if pair <= room:
                pair += len(key) if key.__class__ is str else weight(key, room - pair)
                if pair <= room:
                    pair += len(item) if item.__class__ is str else weight(item, room - pair)
            total += pair
        return total
    return 1


_PERCENT_FIELD = re.compile(r"%(?:\([^)]*\))?[#0\- +]*(\*|\d+)?(?:\.(\*|\d+))?")


def _numbers(texts: Iterable[str]) -> int:
    return max((int(found) for text in texts for found in re.findall(r"\d+", text)), default=0)


def largest_int(values: Iterable[Any]) -> int:
    return max((abs(v) for v in values if isinstance(v, int)), default=0)


def _format_width(template: str, arguments: Iterable[Any]) -> int:
    """The largest width or precision a ``str.format`` template asks for."""
    try:
        specs = [spec or "" for _, _, spec, _ in string.Formatter().parse(template)]
    except ValueError:
        return 0  # a broken template: format() says so itself
    width = _numbers(specs)
    if any("{" in spec for spec in specs):  # "{:>{}}": the width is an argument
        width = max(width, largest_int(arguments))
    return width


def percent_width(template: str, arguments: Any) -> int:
    """The largest width or precision a ``%`` template asks for."""
    fields = _PERCENT_FIELD.findall(template)
    width = _numbers(part for field in fields for part in field if part != "*")
    if any("*" in field for field in fields):
        values = arguments if isinstance(arguments, tuple) else (arguments,)
        width = max(width, largest_int(values))
    return width


def str_call_size(text: str, method: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> int:
    """The size of what ``text.method(*args)`` would build, for the methods that can
    build far more than they are given; 0 for the others."""
    values = list(args) + list(kwargs.values())
    if method in ("center", "ljust", "rjust", "zfill"):
        return largest_int(values[:1])
    if method == "expandtabs":
        tab = values[0] if values and isinstance(values[0], int) else 8
        return len(text) + (text.count("\t") + 1) * tab
    if method == "replace" and len(values) >= 2:
        old, new = values[0], values[1]
        if isinstance(old, str) and isinstance(new, str):
            times = text.count(old) if old else len(text) + 1
            return len(text) + times * len(new)
    if method == "join" and values and isinstance(values[0], list | tuple):
        return len(text) * len(values[0]) + weight(values[0])
    if method == "translate" and values and isinstance(values[0], dict):
        longest = max((weight(v) for v in values[0].values()), default=1)
        return len(text) * longest
    if method in ("format", "format_map"):
        arguments = list(args) + list(kwargs.values())
        if method == "format_map" and args and isinstance(args[0], dict):
            arguments = list(args[0].values())
        return len(text) + _format_width(text, arguments) + sum(weight(v) for v in arguments)
    return 0
