"""Where everything of the timeline goes at one zoom: the lanes (one for the incident,
one per audience's document, one for the regulators: :func:`app.record.timeline.timeline_lanes`),
each grown to the rows its labels need, and
every event's mark, bar and label in them.

Pure Python (no Qt): texts are measured by the caller's ``measure``, so the layout is
tested alone (no two labels ever share pixels, at any zoom). Coordinates are the
content's: x from the scale's origin, y from the top of the first lane.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from app.gui.timeline_layout import LaneRows, Slot, place_bar, place_mark
from app.gui.timeline_scale import Measure, TimeScale
from app.record.timeline import EventKind, FixedLane, Lane, TimelineEvent

MIN_ROWS = 2  # every lane at least this high, so the picture keeps its shape as it zooms
MAX_MARK_ROWS = 3  # then labels shorten, then go: a mark's tooltip still tells all
LANE_PADDING = 6.0
MARK_RADIUS = 7.0
BAR_PADDING = 6.0  # between a bar's ends and the text written on it
SPAN_MARGIN_SHARE = 0.03  # of the whole span, left free each side
SPAN_MARGIN_MIN = timedelta(minutes=10)
NOW_NEAR_SHARE = 0.25  # "now" this close to the incident (share of its span) is shown
NOW_NEAR_MIN = timedelta(days=1)


@dataclass(frozen=True)
class Placed:
    """An event where it is drawn: ``x`` its mark (a clock's deadline), ``start_x`` a
    clock's start, ``y`` the middle of its row."""

    event: TimelineEvent
    slot: Slot
    x: float
    y: float
    start_x: float | None = None

    @property
    def is_bar(self) -> bool:
        return self.start_x is not None


@dataclass(frozen=True)
class LaneBox:
    lane: Lane
    top: float
    height: float


@dataclass(frozen=True)
class Arrangement:
    """The lanes top to bottom, the events placed in them, and the size it all takes
    (``width``: the content's, with any label that reaches past its last moment)."""

    lanes: list[LaneBox]
    items: list[Placed]
    width: float
    height: float


def arrange(
    events: Sequence[TimelineEvent],
    lanes: Sequence[Lane],
    scale: TimeScale,
    content_width: float,
    labels: Callable[[TimelineEvent], list[str]],
    measure: Measure,
    row_height: float,
    clock_start: Callable[[TimelineEvent], datetime],
) -> Arrangement:
    """Lay ``events`` out at ``scale`` in ``lanes``, top to bottom (an event of a lane
    not given gets one, after them). ``labels`` gives a mark's labels widest first
    (a clock's bar uses the first); ``clock_start`` when a clock's bar begins."""
    clocks = [event for event in events if event.kind is EventKind.DEADLINE]
    order = list(dict.fromkeys([*lanes, *(event.lane for event in events)]))
    rows = {
        lane: LaneRows(max(len(clocks), 1) if lane is FixedLane.REGULATORS else MAX_MARK_ROWS)
        for lane in order
    }
    slots: list[tuple[TimelineEvent, Slot, float, float | None]] = []
    # Clocks first and longest first, so the bars stack as a staircase by deadline.
    for event in sorted(clocks, key=lambda clock: (clock_start(clock), clock.at)):
        start, end = scale.x(clock_start(event)), scale.x(event.at)
        text = labels(event)[0]
        slot = place_bar(
            rows[event.lane], start, end, (text, measure(text)), BAR_PADDING, content_width
        )
        slots.append((event, slot, end, start))
    marks = sorted(
        (event for event in events if event.kind is not EventKind.DEADLINE),
        key=lambda event: event.at,
    )
    lane_xs = {lane: [scale.x(e.at) for e in marks if e.lane == lane] for lane in order}
    for event in marks:
        x = scale.x(event.at)
        offered = [(text, measure(text)) for text in labels(event) if text]
        later = lane_xs[event.lane]
        slot = place_mark(rows[event.lane], x, MARK_RADIUS, offered, content_width, later)
        slots.append((event, slot, x, None))
    boxes = []
    top = 0.0
    for lane in order:
        height = max(rows[lane].count, MIN_ROWS) * row_height + 2 * LANE_PADDING
        boxes.append(LaneBox(lane, top, height))
        top += height
    tops = {box.lane: box.top for box in boxes}
    items = [
        Placed(
            event,
            slot,
            x,
            tops[event.lane] + LANE_PADDING + (slot.row + 0.5) * row_height,
            start_x,
        )
        for event, slot, x, start_x in slots
    ]
    width = max([content_width, *(item.slot.right for item in items)])
    return Arrangement(boxes, items, width, top)


def span_of(
    events: Sequence[TimelineEvent], now: datetime, clock_start: Callable[[TimelineEvent], datetime]
) -> tuple[datetime, datetime]:
    """From when to when the whole picture runs: every event and clock, with a margin
    each side; "now" too while it is near the incident (a record read months later
    is not squeezed into its first pixels to show today)."""
    times = [event.at for event in events]
    times += [clock_start(event) for event in events if event.kind is EventKind.DEADLINE]
    if not times:
        return now - SPAN_MARGIN_MIN * 12, now + SPAN_MARGIN_MIN * 12
    start, end = min(times), max(times)
    near = max((end - start) * NOW_NEAR_SHARE, NOW_NEAR_MIN)
    if start - near <= now <= end + near:
        start, end = min(start, now), max(end, now)
    margin = max((end - start) * SPAN_MARGIN_SHARE, SPAN_MARGIN_MIN)
    return start - margin, end + margin
