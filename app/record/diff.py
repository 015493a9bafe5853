"""What changed between two statements: the text word by word (like tracked changes)
and the facts field by field."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from enum import StrEnum
from html import escape
from typing import Any

from pydantic import ValidationError

from app.facts.migration import migrate_snapshot
from app.facts.models import Incident

_WORDS = re.compile(r"\s+|[^\s]+")


class Change(StrEnum):
    SAME = "same"
    DELETED = "deleted"
    INSERTED = "inserted"


@dataclass(frozen=True)
class Piece:
    change: Change
    text: str


def word_diff(before: str, after: str) -> list[Piece]:
    """The words of ``after`` with those removed from ``before`` and those added."""
    old, new = _WORDS.findall(before), _WORDS.findall(after)
    pieces: list[Piece] = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for operation, a1, a2, b1, b2 in matcher.get_opcodes():
        if operation == "equal":
            pieces.append(Piece(Change.SAME, "".join(old[a1:a2])))
            continue
        if a2 > a1:
            pieces.append(Piece(Change.DELETED, "".join(old[a1:a2])))
        if b2 > b1:
            pieces.append(Piece(Change.INSERTED, "".join(new[b1:b2])))
    return pieces


def diff_as_text(pieces: list[Piece]) -> str:
    """``[-removed-]{+added+}``, as ``git diff --word-diff`` writes it."""
    marks = {Change.SAME: "{}", Change.DELETED: "[-{}-]", Change.INSERTED: "{{+{}+}}"}
    return "".join(marks[piece.change].format(piece.text) for piece in pieces)


DELETED_COLOUR, INSERTED_COLOUR = "#b01e1e", "#0b6e4f"  # red and green, read on white


def diff_as_html(
    pieces: list[Piece], *, deleted: str = DELETED_COLOUR, inserted: str = INSERTED_COLOUR
) -> str:
    """Removed words struck through in red, added ones underlined in green (``deleted``
    and ``inserted``: CSS colours a window's theme can read, a dark one lighter ones)."""
    styles = {
        Change.DELETED: f"color:{deleted};text-decoration:line-through;",
        Change.INSERTED: f"color:{inserted};text-decoration:underline;",
    }
    parts = []
    for piece in pieces:
        text = escape(piece.text).replace("\n", "<br/>")
        style = styles.get(piece.change)
        parts.append(f'<span style="{style}">{text}</span>' if style else text)
    return "<div style='white-space: pre-wrap'>" + "".join(parts) + "</div>"


@dataclass(frozen=True)
class FactChange:
    path: str
    before: Any
    after: Any


def facts_diff(before: dict[str, Any], after: dict[str, Any]) -> list[FactChange]:
    """Every fact (by field path) whose value differs; snapshots written in an older
    format version are read as the current one first, so only real changes show."""
    old, new = dict(_flatten(_as_current(before))), dict(_flatten(_as_current(after)))
    return [
        FactChange(path, old.get(path), new.get(path))
        for path in sorted(set(old) | set(new))
        if old.get(path) != new.get(path)
    ]


def _as_current(facts: dict[str, Any]) -> dict[str, Any]:
    """A snapshot as the current version says it, with every field (an absent field is
    null, an absent list empty: 'agencies' of a v2 snapshot is not a change); one that no
    longer validates is compared as migrated."""
    migrated = migrate_snapshot(facts)
    try:
        return Incident.model_validate(migrated).facts_snapshot()
    except ValidationError:
        return migrated


def _flatten(value: Any, prefix: str = "") -> list[tuple[str, Any]]:
    if isinstance(value, dict):
        items: list[tuple[str, Any]] = []
        for key, item in value.items():
            items += _flatten(item, f"{prefix}.{key}" if prefix else str(key))
        return items
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        items = []
        for index, item in enumerate(value):
            items += _flatten(item, f"{prefix}[{index}]")
        return items
    return [(prefix, value)]
