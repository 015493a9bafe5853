"""Drawing the part of the timeline in view: day bands and their labels, hour ticks,
lanes, statement marks, promise flags, regulator clock bars with the time left, the
"now" line, and the lane names kept in place on the left.

Only what is in view is drawn, so six weeks zoomed to the minute costs what one screen
does. Every colour comes from :class:`~app.gui.timeline_colours.TimelineColours`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPaintDevice, QPainter, QPen, QPolygonF

from app.gui.timeline_arrangement import MARK_RADIUS, Arrangement, Placed
from app.gui.timeline_colours import TimelineColours
from app.gui.timeline_scale import DayBand, TimeScale, day_bands, hour_label, month_label, ticks
from app.record.timeline import EventKind

TEXT_PADDING = 6.0
CULL_MARGIN = 60.0  # pixels beyond the view still drawn, for marks half in view


class Sheet(QPainter):
    """A painter that keeps every text it writes, in order: what the picture says,
    for the accessible description and for tests that read what a user reads."""

    def __init__(self, device: QPaintDevice) -> None:
        super().__init__(device)
        self.written: list[str] = []

    def write(self, rect: QRectF, flags: Qt.AlignmentFlag | int, text: str) -> None:
        self.drawText(rect, flags, text)
        self.written.append(text)


@dataclass(frozen=True)
class Frame:
    """The canvas as it stands: its size, the lane names' column, the header rows, and
    which part of the content is in view (``offset``: the content x at its left)."""

    width: float
    names_width: float
    row_height: float
    arrangement: Arrangement
    offset: float
    scale: TimeScale
    zone: tzinfo
    language: str
    now: datetime

    @property
    def header_height(self) -> float:
        return 2 * self.row_height

    @property
    def lanes_bottom(self) -> float:
        return self.header_height + self.arrangement.height

    @property
    def height(self) -> float:
        return self.lanes_bottom + self.row_height  # a footer row for the "now" tag

    @property
    def visible_width(self) -> float:
        return max(1.0, self.width - self.names_width)

    def wx(self, content_x: float) -> float:
        """The widget x of a content x."""
        return self.names_width + content_x - self.offset

    def visible_span(self) -> tuple[datetime, datetime]:
        return self.scale.at(self.offset), self.scale.at(self.offset + self.visible_width)

    def in_view(self, left: float, right: float) -> bool:
        return self.wx(right) >= self.names_width - CULL_MARGIN and self.wx(left) <= (
            self.width + CULL_MARGIN
        )


@dataclass(frozen=True)
class Look:
    """What the drawing needs besides the frame: colours, texts, what is pointed at."""

    colours: TimelineColours
    lane_names: list[str]
    now_text: str
    day_text: Callable[[date, float], str]  # a day's label for a band so wide
    months_row: bool  # the days are too narrow to name their month
    tick_step: timedelta | None
    hovered: Placed | None
    focused: Placed | None


def paint(painter: Sheet, frame: Frame, look: Look) -> None:
    colours = look.colours
    painter.fillRect(QRectF(0, 0, frame.width, frame.height), colours.base)
    painter.save()
    painter.setClipRect(QRectF(frame.names_width, 0, frame.visible_width, frame.height))
    _bands(painter, frame, look)
    _lane_rules(painter, frame, colours)
    _now(painter, frame, look)  # under the marks and labels, which it must not hide
    for item in frame.arrangement.items:
        if frame.in_view(min(item.slot.left, item.x), max(item.slot.right, item.x)):
            _item(painter, frame, look, item)
    painter.restore()
    _lane_names(painter, frame, look)


def _bands(painter: Sheet, frame: Frame, look: Look) -> None:
    colours = look.colours
    start, end = frame.visible_span()
    header = QRectF(frame.names_width, 0, frame.visible_width, frame.header_height)
    painter.fillRect(header, colours.header)
    row = frame.row_height
    bands = day_bands(start, end, frame.zone)
    for band in bands:
        left = frame.wx(frame.scale.x(band.start))
        right = frame.wx(frame.scale.x(band.end))
        if band.day.toordinal() % 2:  # by date, so the bands keep their shade as they scroll
            painter.fillRect(
                QRectF(left, frame.header_height, right - left, frame.arrangement.height),
                colours.band,
            )
        painter.setPen(QPen(colours.day_line, 1))
        painter.drawLine(QPointF(left, 0), QPointF(left, frame.lanes_bottom))
        painter.setPen(colours.text)
        _day_label(painter, frame, look, band.day, left, right)
    if look.tick_step is not None:
        for moment in ticks(start, end, look.tick_step, frame.zone):
            x = frame.wx(frame.scale.x(moment))
            painter.setPen(QPen(colours.grid, 1))
            painter.drawLine(QPointF(x, row * 1.7), QPointF(x, frame.lanes_bottom))
            text = hour_label(moment, frame.zone, frame.language)
            width = painter.fontMetrics().horizontalAdvance(text)
            if x - width / 2 < frame.names_width or x + width / 2 > frame.width:
                continue  # cut by an edge: the next tick in view says the time
            painter.setPen(colours.faint_text)
            painter.write(
                QRectF(x - width / 2 - 2, row, width + 4, row * 0.8),
                Qt.AlignmentFlag.AlignCenter,
                text,
            )
    elif look.months_row:
        _months(painter, frame, look, bands)


def _day_label(
    painter: Sheet, frame: Frame, look: Look, day: date, left: float, right: float
) -> None:
    """The day's label centred in the part of its band in view; shortened when only
    part of the band is in view ("Sep 8" rather than a cut "Monday, September 8")."""
    seen_left, seen_right = max(left, frame.names_width), min(right, frame.width)
    label = look.day_text(day, right - left)
    width = painter.fontMetrics().horizontalAdvance(label)
    if width + TEXT_PADDING > seen_right - seen_left:
        label = look.day_text(day, seen_right - seen_left)
        width = painter.fontMetrics().horizontalAdvance(label)
    if not label:
        return
    x = (seen_left + seen_right - width) / 2
    painter.write(
        QRectF(x - 1, 0, width + 2, frame.row_height), Qt.AlignmentFlag.AlignCenter, label
    )


def _months(painter: Sheet, frame: Frame, look: Look, bands: list[DayBand]) -> None:
    """Month names over days too narrow to carry theirs: at each first of the month,
    and the month in view at the left edge until the next one pushes it out."""
    firsts = [band for band in bands if band.day.day == 1 and band is not bands[0]]
    starts = [frame.wx(frame.scale.x(band.start)) for band in firsts]
    painter.setPen(look.colours.text)
    metrics = painter.fontMetrics()
    row = frame.row_height
    shown = [(bands[0].day, frame.names_width + TEXT_PADDING)] if bands else []
    shown += [(band.day, x + TEXT_PADDING) for band, x in zip(firsts, starts, strict=True)]
    for index, (day, x) in enumerate(shown):
        text = month_label(day, frame.language)
        width = metrics.horizontalAdvance(text)
        if index == 0 and starts:
            x = min(x, starts[0] - width - 2 * TEXT_PADDING)
            if x < frame.names_width:
                continue  # the next month takes the place
        painter.write(QRectF(x, row, width + 2, row), Qt.AlignmentFlag.AlignVCenter, text)


def _lane_rules(painter: Sheet, frame: Frame, colours: TimelineColours) -> None:
    painter.setPen(QPen(colours.grid, 1))
    for box in frame.arrangement.lanes:
        y = frame.header_height + box.top + box.height
        painter.drawLine(QPointF(frame.names_width, y), QPointF(frame.width, y))


def _item(painter: Sheet, frame: Frame, look: Look, item: Placed) -> None:
    event = item.event
    colour = look.colours.of(event.kind, event.overdue, event.met)
    y = frame.header_height + item.y
    x = frame.wx(item.x)
    pointed = item is look.hovered or item is look.focused
    if item.start_x is not None:
        _bar(painter, frame, look, item, colour, pointed)
    else:
        _mark(painter, event.kind, x, y, colour, look.colours.base)
        if pointed:
            painter.setPen(QPen(look.colours.focus, 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(QPointF(x, y), MARK_RADIUS + 4, MARK_RADIUS + 4)
    if item.slot.label and item.start_x is None:
        width = item.slot.right - item.slot.left + 2
        row = frame.row_height
        # A veil of the background behind the text: the "now" line and the grid pass
        # under a label, not through its letters.
        veil = QColor(look.colours.base)
        veil.setAlphaF(0.8)
        text_width = painter.fontMetrics().horizontalAdvance(item.slot.label)
        painter.fillRect(
            QRectF(frame.wx(item.slot.label_left) - 2, y - row / 2 + 3, text_width + 4, row - 6),
            veil,
        )
        painter.setPen(look.colours.late if event.overdue else look.colours.text)
        painter.write(
            QRectF(frame.wx(item.slot.label_left), y - row / 2, width, row),
            Qt.AlignmentFlag.AlignVCenter,
            item.slot.label,
        )


def _mark(
    painter: Sheet, kind: EventKind, x: float, y: float, colour: QColor, base: QColor
) -> None:
    r = MARK_RADIUS
    painter.setPen(QPen(base, 1.5))
    painter.setBrush(colour)
    if kind is EventKind.ISSUED:
        painter.drawEllipse(QPointF(x, y), r, r)
    elif kind is EventKind.DETECTED:
        painter.drawPolygon(
            QPolygonF([QPointF(x, y - r), QPointF(x + r, y), QPointF(x, y + r), QPointF(x - r, y)])
        )
    elif kind is EventKind.PHASE:
        painter.drawRect(QRectF(x - r * 0.8, y - r * 0.8, r * 1.6, r * 1.6))
    else:  # a promise: a flag on its pole
        painter.setPen(QPen(colour, 2))
        painter.drawLine(QPointF(x, y - r - 2), QPointF(x, y + r + 2))
        painter.drawPolygon(
            QPolygonF([QPointF(x, y - r - 2), QPointF(x + r + 4, y - r / 2), QPointF(x, y + 1)])
        )


def _bar(
    painter: Sheet, frame: Frame, look: Look, item: Placed, colour: QColor, pointed: bool
) -> None:
    """A clock from its start to its deadline: the time gone filled, the time left pale,
    the deadline a post, and the obligation with its time left written on it."""
    assert item.start_x is not None
    y = frame.header_height + item.y
    height = frame.row_height - 6
    left, right = frame.wx(item.start_x), frame.wx(item.x)
    now = min(max(frame.wx(frame.scale.x(frame.now)), left), right)
    gone, ahead = QColor(colour), QColor(colour)
    gone.setAlphaF(0.45)
    ahead.setAlphaF(0.16)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.fillRect(QRectF(left, y - height / 2, now - left, height), gone)
    painter.fillRect(QRectF(now, y - height / 2, right - now, height), ahead)
    painter.setPen(QPen(look.colours.focus if pointed else colour, 2 if pointed else 1))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(QRectF(left, y - height / 2, right - left, height))
    painter.setPen(QPen(colour, 3))
    painter.drawLine(QPointF(right, y - height / 2 - 3), QPointF(right, y + height / 2 + 3))
    label = item.slot.label
    if not label:
        return
    width = painter.fontMetrics().horizontalAdvance(label)
    x = frame.wx(item.slot.label_left)
    on_bar = left <= x < right
    if on_bar:  # kept in view while the bar is
        x = min(max(x, frame.names_width + TEXT_PADDING), right - TEXT_PADDING - width)
        x = max(x, left + TEXT_PADDING)
    # On the bar, the text colour reads best (the bar says "late"); beside it, the colour.
    late = item.event.overdue and not on_bar
    painter.setPen(look.colours.late if late else look.colours.text)
    painter.write(
        QRectF(x, y - frame.row_height / 2, width + 2, frame.row_height),
        Qt.AlignmentFlag.AlignVCenter,
        label,
    )


def _now(painter: Sheet, frame: Frame, look: Look) -> None:
    x = frame.wx(frame.scale.x(frame.now))
    if not frame.names_width - CULL_MARGIN <= x <= frame.width + CULL_MARGIN:
        return
    colour = look.colours.now
    painter.setPen(QPen(colour, 2, Qt.PenStyle.DashLine))
    painter.drawLine(QPointF(x, frame.header_height), QPointF(x, frame.lanes_bottom))
    metrics = painter.fontMetrics()
    text = f"{look.now_text} {hour_label(frame.now, frame.zone, frame.language)}"
    width = metrics.horizontalAdvance(text) + 2 * TEXT_PADDING
    left = min(max(x - width / 2, frame.names_width + 2), frame.width - width - 2)
    tag = QRectF(left, frame.lanes_bottom + 2, width, frame.row_height - 4)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawRoundedRect(tag, 4, 4)
    painter.setPen(look.colours.base)
    painter.write(tag, Qt.AlignmentFlag.AlignCenter, text)


def _lane_names(painter: Sheet, frame: Frame, look: Look) -> None:
    colours = look.colours
    painter.fillRect(QRectF(0, 0, frame.names_width, frame.height), colours.header)
    painter.setPen(QPen(colours.day_line, 1))
    painter.drawLine(QPointF(frame.names_width, 0), QPointF(frame.names_width, frame.height))
    painter.setPen(colours.faint_text)
    painter.write(
        QRectF(TEXT_PADDING, 0, frame.names_width - 2 * TEXT_PADDING, frame.header_height),
        Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap,
        str(frame.zone),
    )
    painter.setPen(colours.text)
    for box, name in zip(frame.arrangement.lanes, look.lane_names, strict=True):
        painter.write(
            QRectF(
                TEXT_PADDING,
                frame.header_height + box.top,
                frame.names_width - 2 * TEXT_PADDING,
                box.height,
            ),
            Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap,
            name,
        )
        painter.setPen(QPen(colours.grid, 1))
        y = frame.header_height + box.top + box.height
        painter.drawLine(QPointF(0, y), QPointF(frame.names_width, y))
        painter.setPen(colours.text)
