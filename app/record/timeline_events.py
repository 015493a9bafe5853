"""What a timeline is made of: its lanes and its events (:class:`TimelineEvent`), for
the timeline (:mod:`app.record.timeline`) and the regulators' clocks
(:mod:`app.record.regulator_clocks`) to build and the fronts to draw."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any, TypeAlias

from app.templates.documents import DocumentKind


class FixedLane(StrEnum):
    """The lanes of every timeline, above and below the documents' lanes."""

    INCIDENT = "incident"  # detection, phases, promised updates
    REGULATORS = "regulators"  # the regulators' clocks


#: A lane of the timeline: a fixed one, or a document's (its statements, one audience).
Lane: TypeAlias = FixedLane | DocumentKind


class EventKind(StrEnum):
    DETECTED = "detected"
    ISSUED = "issued"
    PROMISED_UPDATE = "promised_update"
    PHASE = "phase"
    DEADLINE = "deadline"


@dataclass(frozen=True)
class TimelineEvent:
    """One moment of the incident. ``starts_at`` is when a regulator's clock started
    (awareness or detection) or when a next update was promised, so a picture can draw
    the time between as a bar. ``documents`` are the positions in ``record.issued``
    (counted from 0) of what an ``ISSUED`` event stands for, one per language, so a
    front can open them; ``statement`` is the statement's number (the documents issued
    together are one statement, the first is 1), as exported file names carry it."""

    kind: EventKind
    at: datetime
    lane: Lane
    message: str
    values: dict[str, Any] = field(default_factory=dict)
    overdue: bool = False
    time_left: timedelta | None = None  # for deadlines and promises still ahead
    starts_at: datetime | None = None
    met: bool = False  # a deadline whose text was issued (late only for the GDPR's, said so)
    documents: tuple[int, ...] = ()
    statement: int | None = None

    def text(self, gettext: Any = None) -> str:
        template = gettext(self.message) if gettext else self.message
        return str(template).format(**self.values)
