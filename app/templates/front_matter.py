"""The YAML block at the top of a template, between ``---`` lines.

Front matter says what a template is (title, audience, language, description); in a
user's template it is optional and defaults come from the template's path. The block is
replaced by blank lines before Jinja sees the template, so that Jinja's line numbers
are the file's line numbers and errors point at the right line.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from app.errors import N_, MessageError

if TYPE_CHECKING:
    import yaml

FENCE = "---"
MAX_FRONT_MATTER_CHARS = 16 * 1024  # a title, a description: a few hundred characters


class ParsedBlocks(Protocol):
    """Front matter blocks parsed before (the check cache): a start whose templates are
    unchanged reads their metadata without loading YAML at all."""

    def front_matter(self, block: str) -> dict[str, Any] | None: ...

    def put_front_matter(self, block: str, meta: dict[str, Any]) -> None: ...


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


def split_front_matter(source: str, parsed: ParsedBlocks | None = None) -> SplitTemplate:
    """``source``'s front matter and body; ``parsed`` gives the blocks met before and
    keeps the new ones (a block that cannot be parsed is never kept: its error is said
    again on every read)."""
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
    if len(block) > MAX_FRONT_MATTER_CHARS:
        raise FrontMatterError(
            N_("the front matter is {size} characters long; it may have at most {most}"),
            2,
            size=f"{len(block):,}",
            most=f"{MAX_FRONT_MATTER_CHARS:,}",
        )
    meta = parsed.front_matter(block) if parsed is not None else None
    if meta is None:
        meta = _parse(block)
        if parsed is not None:
            parsed.put_front_matter(block, meta)
    padding = "\n" * (closing + 1)
    return SplitTemplate(meta=meta, body=padding + "".join(lines[closing + 1 :]))


def _parse(block: str) -> dict[str, Any]:
    # Imported here: a start whose front matter is all in the check cache never needs it.
    import yaml

    _refuse_aliases(block)
    try:
        meta = yaml.load(block, Loader=_safe_loader()) or {}
    except RecursionError:
        raise FrontMatterError(N_("front matter is nested too deeply"), 2) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        problem = getattr(error, "problem", None) or "cannot be read"
        raise FrontMatterError(
            N_("front matter is not valid YAML: {reason}"), line, reason=str(problem)
        ) from None
    if not isinstance(meta, dict):
        raise FrontMatterError(N_("front matter must be 'key: value' lines"), 2)
    return meta


def _safe_loader() -> type[yaml.SafeLoader]:
    """libyaml's loader when the platform has it (10x faster on a library of templates)."""
    import yaml

    loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return loader


def _refuse_aliases(block: str) -> None:
    """YAML anchors and aliases (``&a``, ``*a``) let a few lines stand for billions of
    values (the "billion laughs"); front matter never needs them, so they are refused
    before anything is built. Only texts that could hold one are parsed for events."""
    if "&" not in block and "*" not in block:
        return
    import yaml

    try:
        for event in yaml.parse(block, Loader=_safe_loader()):
            anchored = isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None)
            if anchored:
                line = event.start_mark.line + 2 if event.start_mark else 2
                raise FrontMatterError(
                    N_("front matter may not use YAML anchors or aliases ('&', '*')"), line
                )
    except yaml.YAMLError:
        return  # not valid YAML: the load that follows says where
