"""Rows within a lane of the timeline, so that no label is written over another.

Pure Python (no Qt). Each lane has rows; a mark and its label take a span of x in one
row, the first row where that span is free. A mark offers its labels widest first
("3. Progress update", "3", none): the first that finds room in the lane's rows is
written, so zooming out shortens labels before it piles rows up, and the mark itself,
with its tooltip, always stays.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

GAP = 10.0  # pixels kept free between two things in a row
LABEL_SPACE = 5.0  # between a mark and its label
BARE_MARK_ROWS = 2  # rows beyond a lane's labelled ones, for marks left without a label


@dataclass(frozen=True)
class Slot:
    """Where a mark or bar went: its ``row``, the ``label`` written (maybe none) from
    ``label_left``, and the span ``left``–``right`` it takes in that row."""

    row: int
    label: str
    label_left: float
    left: float
    right: float


@dataclass
class LaneRows:
    """The rows of one lane: ``max_rows`` at most, and the spans each holds."""

    max_rows: int
    taken: list[list[tuple[float, float]]] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.taken)

    def free_row(self, left: float, right: float, extra: int = 0) -> int | None:
        """The first row where ``left``–``right`` meets nothing, or None when all
        ``max_rows`` (and ``extra`` more) are taken there."""
        for row in range(self.max_rows + extra):
            if row == len(self.taken):
                return row
            if all(right + GAP <= a or left - GAP >= b for a, b in self.taken[row]):
                return row
        return None

    def take(self, row: int, left: float, right: float) -> None:
        while len(self.taken) <= row:
            self.taken.append([])
        self.taken[row].append((left, right))


def place_mark(
    rows: LaneRows,
    x: float,
    radius: float,
    labels: Sequence[tuple[str, float]],
    right_edge: float,
    later: Sequence[float] = (),
) -> Slot:
    """A mark at ``x`` with the first of ``labels`` (text, width) that finds room, right
    of the mark, else left of it (never left of 0 nor right of ``right_edge``). A label
    written right of its mark passes over no more than ``max_rows - 1`` of the ``later``
    marks of the lane (their x), so each of those keeps a row for a label of its own:
    in a crowded hour the first statements say "1", "2" rather than the first taking
    every row with "1. First statement". A mark
    that finds room for no label gets a row of its own, up to ``BARE_MARK_ROWS`` more
    than the labels may use; beyond that it shares the last one, over other marks of
    about the same moment (their labels are never written over)."""
    for text, width in labels:
        sides = (x + radius + LABEL_SPACE, x - radius - LABEL_SPACE - width)
        for label_left in sides:
            if label_left < 0 or label_left + width > right_edge:
                continue
            passed = sum(1 for other in later if x < other <= label_left + width + GAP)
            if label_left > x and passed >= rows.max_rows:
                continue
            left, right = min(x - radius, label_left), max(x + radius, label_left + width)
            row = rows.free_row(left, right)
            if row is not None:
                rows.take(row, left, right)
                return Slot(row, text, label_left, left, right)
    left, right = x - radius, x + radius
    row = rows.free_row(left, right, BARE_MARK_ROWS)
    if row is None:
        row = rows.max_rows + BARE_MARK_ROWS - 1
    rows.take(row, left, right)
    return Slot(row, "", x, left, right)


def place_bar(
    rows: LaneRows,
    start: float,
    end: float,
    label: tuple[str, float],
    padding: float,
    right_edge: float,
) -> Slot:
    """A bar from ``start`` to ``end`` with its label written on it when it fits
    (``padding`` each side), else after its end, or before its start where that would
    pass ``right_edge``. A bar always gets a row: ``rows`` of bars should allow one row
    per bar (beyond that they share the last row)."""
    text, width = label
    left, right = start, end
    if width + 2 * padding <= end - start:
        label_left = start + padding
    elif end + LABEL_SPACE + width <= right_edge or start - LABEL_SPACE - width < 0:
        label_left = end + LABEL_SPACE + padding
        right = label_left + width
    else:
        label_left = start - LABEL_SPACE - padding - width
        left = label_left
    row = rows.free_row(left, right)
    if row is None:
        row = rows.max_rows - 1
    rows.take(row, left, right)
    return Slot(row, text, label_left, left, right)
