"""Reading an incident's record: the statements issued, two of them compared, the
timeline. Plain functions over the incident, so a session opened only to read its
record needs no template library."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app.errors import N_, CrisisDraftError
from app.facts.migration import read_snapshot
from app.facts.models import Incident, IssuedStatement
from app.record.diff import FactChange, Piece, diff_as_text, facts_diff, word_diff
from app.record.timeline import TimelineEvent, build_timeline

# Said by `diff` and the record window of a statement whose facts were broken by hand.
UNREADABLE_FACTS = N_(
    "The facts recorded with statement {number} cannot be read (the file was changed by "
    "hand); only the texts are compared."
)


@dataclass(frozen=True)
class Comparison:
    """Two issued statements side by side: which facts changed, and the text's words.

    ``unreadable`` numbers the statements (of the two) whose facts cannot be read; the
    facts are then not compared (``facts`` is empty), only the texts."""

    first: IssuedStatement
    second: IssuedStatement
    facts: list[FactChange]
    text: list[Piece]
    unreadable: tuple[int, ...] = ()

    def marked_text(self) -> str:
        """The text's changes as plain text: ``[-removed-]`` and ``{+added+}``."""
        return diff_as_text(self.text)


def compare_issued(incident: Incident, first: int, second: int, *, source: str) -> Comparison:
    """Statements number ``first`` and ``second`` (from 1, in the order issued), compared.

    Raises :class:`CrisisDraftError` naming the valid numbers when one does not exist."""
    issued = incident.record.issued
    if not issued:
        raise CrisisDraftError(
            message_id=N_("{file}: no statement has been issued yet, so there is none to compare"),
            params={"file": source},
        )
    for number in (first, second):
        if not 1 <= number <= len(issued):
            raise CrisisDraftError(
                message_id=N_(
                    "{file}: there is no issued statement {number} (1 to {last}); see "
                    "'crisisdraft history'"
                ),
                params={"file": source, "number": number, "last": len(issued)},
            )
    before, after = issued[first - 1], issued[second - 1]
    unreadable = tuple(n for n in dict.fromkeys((first, second)) if n in unreadable_facts(incident))
    facts = [] if unreadable else facts_diff(before.facts, after.facts)
    return Comparison(before, after, facts, word_diff(before.text, after.text), unreadable)


def edits_in_word(statement: IssuedStatement) -> list[Piece] | None:
    """What was changed in Word from the app's draft before ``statement`` went out
    (``None``: it is the app's own text)."""
    if statement.edited is None:
        return None
    return word_diff(statement.edited.draft_text, statement.text)


def unreadable_facts(incident: Incident) -> list[int]:
    """The numbers (from 1) of the issued statements whose facts cannot be read, emptied or
    broken by hand: the views say so instead of comparing them."""
    return [
        number
        for number, statement in enumerate(incident.record.issued, start=1)
        if read_snapshot(statement.facts) is None
    ]


def timeline(incident: Incident, now: datetime) -> list[TimelineEvent]:
    """Detection, statements, promised updates and regulator clocks, as of ``now``."""
    return build_timeline(incident, now)


def changes_since_last_statement(incident: Incident) -> list[FactChange] | None:
    """The facts changed since the last statement was issued (what a new one would
    tell), ``None`` when none has been issued yet."""
    issued = incident.record.issued
    if not issued:
        return None
    last = max(issued, key=lambda statement: statement.issued_at)
    if read_snapshot(last.facts) is None:
        return []  # nothing to compare with: unreadable_facts() names it
    return facts_diff(last.facts, incident.facts_snapshot())
