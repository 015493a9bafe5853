"""Reading an incident's record: the statements issued, two of them compared, the
timeline. Plain functions over the incident, so a session opened only to read its
record needs no template library."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app.errors import N_, CrisisDraftError
from app.facts.models import Incident, IssuedStatement
from app.record.diff import FactChange, Piece, diff_as_text, facts_diff, word_diff
from app.record.timeline import TimelineEvent, build_timeline


@dataclass(frozen=True)
class Comparison:
    """Two issued statements side by side: which facts changed, and the text's words."""

    first: IssuedStatement
    second: IssuedStatement
    facts: list[FactChange]
    text: list[Piece]

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
    return Comparison(
        before, after, facts_diff(before.facts, after.facts), word_diff(before.text, after.text)
    )


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
    return facts_diff(last.facts, incident.facts_snapshot())
