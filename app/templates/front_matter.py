"""The YAML block at the top of a template, between ``---`` lines.

Front matter says what a template is (title, audience, language, description); in a
user's template it is optional and defaults come from the template's path. The block is
replaced by blank lines before Jinja sees the template, so that Jinja's line numbers
are the file's line numbers and errors point at the right line.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from app.errors import N_, MessageError

FENCE = "---"
# libyaml's loader when the platform has it (10x faster on a library of templates).
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class SplitTemplate:
    """A template's front matter (as parsed) and its body, line numbers preserved."""

    meta: dict[str, Any]
    body: str


class FrontMatterError(MessageError):
    """The front matter is not valid YAML or not a mapping; ``line`` is 1-based."""

    def __init__(self, message_id: str, line: int, **params: str) -> None:
        super().__init__(message_id, **params)
        self.line = line


def split_front_matter(source: str) -> SplitTemplate:
    lines = source.splitlines(keepends=True)
    if not lines or lines[0].strip() != FENCE:
        return SplitTemplate(meta={}, body=source)
    for index in range(1, len(lines)):
        if lines[index].strip() == FENCE:
            closing = index
            break
    else:
        raise FrontMatterError(N_("the front matter opened with '---' is never closed"), 1)
    block = "".join(lines[1:closing])
    try:
        meta = yaml.load(block, Loader=_SAFE_LOADER) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        problem = getattr(error, "problem", None) or "cannot be read"
        raise FrontMatterError(
            N_("front matter is not valid YAML: {reason}"), line, reason=str(problem)
        ) from None
    if not isinstance(meta, dict):
        raise FrontMatterError(N_("front matter must be 'key: value' lines"), 2)
    padding = "\n" * (closing + 1)
    return SplitTemplate(meta=meta, body=padding + "".join(lines[closing + 1 :]))
