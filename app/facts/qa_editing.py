"""This incident's reactive Q&A as the lead reshapes it: ``drafting.qa`` of the facts
being edited (the JSON-shaped dict of :mod:`app.facts.editing`).

``drafting.qa`` absent (``None``) means every built-in question in order, answered from
the facts; once the lead changes anything it is a list, the questions in the lead's
order, a built-in question left out being dropped (``../shared/incident-format.md``,
:class:`app.facts.models.Drafting`). Each function returns a new list and leaves its
argument alone, so an editor can write the result as one change of the facts.
"""

from __future__ import annotations

from typing import Any, Literal

from app.facts.models import LANGUAGES, QaQuestion

QA_PATH = "drafting.qa"
QaPart = Literal["question", "answer", "if_pressed"]
Entry = dict[str, Any]


def qa_entries(value: object) -> list[Entry]:
    """The questions ``drafting.qa`` holds, in order: every built-in question when it
    holds none (``None``); entries that are not objects are left out."""
    if value is None:
        return [{"key": key.value} for key in QaQuestion]
    if not isinstance(value, list):
        return []
    return [dict(entry) for entry in value if isinstance(entry, dict)]


def built_in(entry: Entry) -> QaQuestion | None:
    """The built-in question ``entry`` is, ``None`` for one of the lead's own."""
    key = entry.get("key")
    return (
        QaQuestion(key) if isinstance(key, str) and key in QaQuestion._value2member_map_ else None
    )


def dropped(entries: list[Entry]) -> list[QaQuestion]:
    """The built-in questions not in ``entries``, in their own order."""
    present = {built_in(entry) for entry in entries}
    return [key for key in QaQuestion if key not in present]


def with_own_question(entries: list[Entry], at: int | None = None) -> list[Entry]:
    """``entries`` with a question of the lead's own, its texts still to write, at
    position ``at`` (the end when ``None``)."""
    empty = dict.fromkeys(LANGUAGES, "")
    question: Entry = {"question": dict(empty), "answer": dict(empty)}
    index = len(entries) if at is None else max(0, min(at, len(entries)))
    return [*entries[:index], question, *entries[index:]]


def brought_back(entries: list[Entry], key: QaQuestion) -> tuple[list[Entry], int]:
    """``entries`` with the dropped built-in question ``key`` back, and where it went:
    just after the nearest built-in question that comes before it in the built-in order
    (at the top when none does), so a question brought back returns to its place."""
    order = list(QaQuestion)
    earlier = set(order[: order.index(key)])
    index = 0
    for position, entry in enumerate(entries):
        if built_in(entry) in earlier:
            index = position + 1
    return [*entries[:index], {"key": key.value}, *entries[index:]], index


def without(entries: list[Entry], index: int) -> list[Entry]:
    """``entries`` without the question at ``index``."""
    return [entry for position, entry in enumerate(entries) if position != index]


def moved(entries: list[Entry], index: int, to: int) -> list[Entry]:
    """``entries`` with the question at ``index`` moved to position ``to``."""
    if not 0 <= index < len(entries):
        return list(entries)
    rest = without(entries, index)
    to = max(0, min(to, len(rest)))
    return [*rest[:to], entries[index], *rest[to:]]


def reordered(entries: list[Entry], order: list[int]) -> list[Entry]:
    """``entries`` in the order ``order`` gives (their former positions, e.g. after the
    lead dragged one); positions missing from ``order`` keep their questions at the end."""
    seen = [index for index in dict.fromkeys(order) if 0 <= index < len(entries)]
    rest = [index for index in range(len(entries)) if index not in seen]
    return [entries[index] for index in [*seen, *rest]]


def with_text(
    entries: list[Entry], index: int, part: QaPart, value: dict[str, str] | None
) -> list[Entry]:
    """``entries`` with ``part`` of the question at ``index`` set to ``value`` (texts
    per language), or taken away with ``None`` (a built-in question's answer and "if
    pressed" line then come from the facts again)."""
    changed = [dict(entry) for entry in entries]
    if not 0 <= index < len(changed):
        return changed
    if value is None:
        changed[index].pop(part, None)
    else:
        changed[index][part] = dict(value)
    return changed


def from_the_facts(entries: list[Entry], index: int) -> list[Entry]:
    """``entries`` with the built-in question at ``index`` answered from the facts
    again: the lead's answer and "if pressed" line taken away."""
    return with_text(with_text(entries, index, "answer", None), index, "if_pressed", None)


def own_text(entry: Entry, part: QaPart) -> dict[str, str] | None:
    """The lead's own texts of ``part`` (``None``: not written, from the facts)."""
    value = entry.get(part)
    if not isinstance(value, dict):
        return None
    return {language: str(value.get(language) or "") for language in LANGUAGES}
