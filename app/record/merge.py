"""Putting two copies of one incident's record together, so no approval or issued
statement is lost when two hands wrote the file.

The record only grows: approvals and issued statements are added, never edited or
removed (a changed draft needs a new approval; a statement once issued stays issued).
So two copies merge by taking every entry of either, once, in time order. The NIS2 flag
is the user's to set: set in either copy, it is set.
"""

from __future__ import annotations

from typing import TypeVar

from app.facts.models import Approval, IssuedStatement, Record

Entry = TypeVar("Entry", Approval, IssuedStatement)


def merge_records(first: Record, second: Record) -> Record:
    """Every entry of ``first`` and ``second`` once, oldest first (ties keep the order of
    ``first``, then ``second``)."""
    return Record(
        nis2_in_scope=first.nis2_in_scope or second.nis2_in_scope,
        approvals=sorted(
            _once([*first.approvals, *second.approvals]), key=lambda entry: entry.approved_at
        ),
        issued=sorted(_once([*first.issued, *second.issued]), key=lambda entry: entry.issued_at),
    )


def _once(entries: list[Entry]) -> list[Entry]:
    """``entries`` without repeats (two entries are one when they say exactly the same)."""
    seen: set[str] = set()
    kept: list[Entry] = []
    for entry in entries:
        key = entry.model_dump_json()
        if key not in seen:
            seen.add(key)
            kept.append(entry)
    return kept
