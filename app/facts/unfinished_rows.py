"""Rows the user is still filling in: a site added but not named yet, a restart step
with no text yet, a system of the lead's own not named yet.

The editor shows each list of facts (systems, sites, restart steps) as rows, and a row
is added before it is filled. Such a row is not a fact yet. It is held back from the
facts the drafts are written from (unknown means silent: a site without a name is in
no draft) and told as an error naming the row as the user sees it ("Sites › row 4 ›
Name: ..."), which blocks an export until the row is filled or removed: the session
hands it to :func:`app.session.problems.find_problems`, the one place that decides.
The rest of the incident drafts as before, so adding a row never blanks the preview.

A file on disk follows the contract strictly: ``crisisdraft check`` refuses a site
without a name. Only the editor (and a file it saved with a row half-filled) holds rows
back.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from app.errors import N_, Message, Param, Problem, Term

#: The lists the editor shows as rows, with their names as the user sees them.
ROW_LISTS: Mapping[str, str] = {
    "containment.systems": N_("Systems"),
    "sites": N_("Sites"),
    "recovery.steps": N_("Restart steps"),
}

_GENERIC = N_("{rows} › row {row}: {reason}; or remove the row")

#: The optional groups the editor adds empty when their box is ticked ("Quote a
#: spokesperson", "Give this contact"): held back like a row until they are named.
GROUPS: Mapping[str, str] = {
    "spokesperson": N_(
        "Spokesperson › Name: write the spokesperson's name, or untick 'Quote a spokesperson'"
    ),
    "contacts.customers": N_(
        "Customer contact (optional) › Name: write the contact's name, or untick "
        "'Give this contact'"
    ),
    "contacts.suppliers": N_(
        "Supplier contact (optional) › Name: write the contact's name, or untick "
        "'Give this contact'"
    ),
    "contacts.data_protection": N_(
        "Data protection officer (optional) › Name: write the officer's name, or untick "
        "'Give this contact'"
    ),
}


@dataclass(frozen=True)
class HeldBack:
    """What :func:`hold_back` left out of the facts: one error per unfinished row, and
    for each list that lost rows, the rows kept (their indices in the editor's list), so
    that a field path of the facts can be told as the row the user sees."""

    problems: tuple[Problem, ...] = ()
    kept: Mapping[str, tuple[int, ...]] = dataclasses.field(default_factory=dict)

    def edited_path(self, path: str) -> str:
        """``path`` in the facts as the same field in the editor's rows: ``sites[3]``
        of the facts is ``sites[4]`` on screen when the editor's fourth row is held."""
        for rows, kept in self.kept.items():
            prefix = rows + "["
            if path.startswith(prefix):
                index, closing, rest = path[len(prefix) :].partition("]")
                if closing and index.isdigit() and int(index) < len(kept):
                    return f"{rows}[{kept[int(index)]}]{rest}"
        return path

    def as_edited(self, problem: Problem) -> Problem:
        """``problem`` (found in the facts) naming its field as the editor's rows do."""
        if problem.field is None:
            return problem
        edited = self.edited_path(problem.field)
        if edited == problem.field:
            return problem
        return dataclasses.replace(
            problem, field=edited, where=problem.where.replace(problem.field, edited)
        )


def hold_back(
    data: Mapping[str, Any], refused: Sequence[Problem], *, source: str
) -> tuple[dict[str, Any], HeldBack, list[Problem]]:
    """Split the editor's facts ``data`` into the facts without their unfinished rows,
    what was held back, and the problems of ``refused`` (the faults validation found in
    ``data``) that lie outside every held row.

    A row is unfinished when the text that says what it is, is empty (a site's name, a
    step's text in every language, the name of a system of one's own), or when
    validation refused something inside it."""
    held: dict[tuple[str, int], Problem] = {}
    for rows in ROW_LISTS:
        for index, item in enumerate(_items(data, rows)):
            empty = _empty_part(rows, item)
            if empty is not None:
                part, message_id = empty
                held[(rows, index)] = _row_problem(
                    source, f"{rows}[{index}]{part}", message_id, {"row": index + 1}
                )
    groups = [group for group in GROUPS if _unnamed(_value(data, group))]
    others: list[Problem] = []
    for problem in refused:
        row = _row_of(problem.field)
        if any(_inside(problem.field, group) for group in groups):
            continue  # told once, as the group being filled in
        if row is None:
            others.append(problem)
        elif row not in held:
            reason: Param = (
                Message(problem.message_id, problem.params)
                if problem.message_id is not None
                else problem.message
            )
            held[row] = _row_problem(
                source,
                problem.field or "",
                _GENERIC,
                {"rows": Term(ROW_LISTS[row[0]]), "row": row[1] + 1, "reason": reason},
            )
    facts, held_back = _without(data, held)
    for group in groups:
        _put(facts, group, None)
    told = tuple(_row_problem(source, f"{group}.name", GROUPS[group], {}) for group in groups)
    return facts, dataclasses.replace(held_back, problems=told + held_back.problems), others


def _unnamed(group: Any) -> bool:
    """A group ticked but not named yet (the editor adds it with an empty name)."""
    return isinstance(group, Mapping) and not _text(group.get("name"))


def _inside(field: str | None, group: str) -> bool:
    return field is not None and (field == group or field.startswith(group + "."))


def _value(data: Mapping[str, Any], path: str) -> Any:
    target: Any = data
    for name in path.split("."):
        target = target.get(name) if isinstance(target, Mapping) else None
    return target


def _without(
    data: Mapping[str, Any], held: Mapping[tuple[str, int], Problem]
) -> tuple[dict[str, Any], HeldBack]:
    facts: dict[str, Any] = dict(data)
    kept: dict[str, tuple[int, ...]] = {}
    for rows in ROW_LISTS:
        items = _items(data, rows)
        dropped = {index for (name, index) in held if name == rows}
        if dropped:
            kept[rows] = tuple(i for i in range(len(items)) if i not in dropped)
            _put(facts, rows, [items[i] for i in kept[rows]])
    problems = tuple(held[key] for key in sorted(held, key=_in_list_order))
    return facts, HeldBack(problems, kept)


def _in_list_order(key: tuple[str, int]) -> tuple[int, int]:
    return list(ROW_LISTS).index(key[0]), key[1]


def _empty_part(rows: str, item: Any) -> tuple[str, str] | None:
    """Where an unfinished row of ``rows`` is empty, and what to do, or ``None``."""
    if not isinstance(item, dict):
        return None
    if rows == "sites" and not _text(item.get("name")):
        return ".name", N_("Sites › row {row} › Name: write the site's name or remove the row")
    if rows == "recovery.steps" and not (_text(item.get("en")) or _text(item.get("fr"))):
        return ".en", N_("Restart steps › row {row}: write the step or remove the row")
    if rows == "containment.systems" and not item.get("key"):
        name = item.get("name")
        if not (isinstance(name, dict) and (_text(name.get("en")) or _text(name.get("fr")))):
            return ".name.en", N_(
                "Systems › row {row} › System name: name the system, or choose one from "
                "the list, or remove the row"
            )
    return None


def _text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _row_problem(source: str, field: str, message_id: str, params: dict[str, Param]) -> Problem:
    return Problem(where=source, field=field, message_id=message_id, params=params)


def in_a_row(field: str | None) -> bool:
    """Whether ``field`` lies inside a row of one of the :data:`ROW_LISTS`."""
    return _row_of(field) is not None


def _row_of(field: str | None) -> tuple[str, int] | None:
    """The row (list, index) that holds ``field``, if it is inside one."""
    if field is None:
        return None
    for rows in ROW_LISTS:
        prefix = rows + "["
        if field.startswith(prefix):
            index, closing, _rest = field[len(prefix) :].partition("]")
            if closing and index.isdigit():
                return rows, int(index)
    return None


def _items(data: Mapping[str, Any], rows: str) -> list[Any]:
    items = _value(data, rows)
    return list(items) if isinstance(items, list) else []


def _put(facts: dict[str, Any], rows: str, items: Any) -> None:
    """Set ``rows`` (a list, or a group) in ``facts``, copying the objects on the way
    (never the caller's)."""
    *parents, last = rows.split(".")
    target = facts
    for name in parents:
        target[name] = dict(target[name])
        target = target[name]
    target[last] = items
