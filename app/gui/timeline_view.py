"""The incident's timeline as a picture: one lane per audience and one for the
regulators, a time axis, "now", statements as dots, promises and deadlines as flags,
overdue ones in red, time left written beside what is still ahead."""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.gui.texts import N_, Gettext
from app.record.timeline import EventKind, Lane, TimelineEvent

LANE_NAMES = {
    Lane.INCIDENT: N_("Incident"),
    Lane.PRESS: N_("Press release"),
    Lane.DEALERS: N_("Dealer notice"),
    Lane.STAFF: N_("Staff message"),
    Lane.REGULATORS: N_("Regulators"),
}
COLOURS = {
    EventKind.DETECTED: QColor("#1f2a44"),
    EventKind.ISSUED: QColor("#0b6e4f"),
    EventKind.PROMISED_UPDATE: QColor("#9a6700"),
    EventKind.PHASE: QColor("#5b5b8f"),
    EventKind.DEADLINE: QColor("#7a3e9d"),
}
OVERDUE = QColor("#b01e1e")
LEFT_MARGIN = 190
LANE_HEIGHT = 74


class TimelineView(QWidget):
    def __init__(self, gettext: Gettext) -> None:
        super().__init__()
        self.gettext = gettext
        self.events: list[TimelineEvent] = []
        self.now = datetime.now().astimezone()
        self.zone = self.now.tzinfo
        self.setMinimumSize(900, LANE_HEIGHT * len(Lane) + 60)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(gettext(N_("Timeline")))

    def show_events(self, events: list[TimelineEvent], now: datetime, zone: tzinfo) -> None:
        """Draw ``events`` (an incident's timeline as of ``now``) in the incident's
        ``zone``."""
        self.events = events
        self.now = now
        self.zone = zone
        self.update()

    def _span(self) -> tuple[datetime, datetime]:
        times = [event.at for event in self.events] + [self.now]
        start, end = min(times), max(times)
        margin = max((end - start) * 0.05, timedelta(hours=2))
        return start - margin, end + margin

    def _x(self, moment: datetime, start: datetime, end: datetime) -> float:
        width = self.width() - LEFT_MARGIN - 30
        return LEFT_MARGIN + width * ((moment - start) / (end - start))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        _ = self.gettext
        start, end = self._span()
        lanes = list(Lane)
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, self.font().pointSizeF() - 1))
        for index, lane in enumerate(lanes):
            top = 20 + index * LANE_HEIGHT
            if index % 2:
                painter.fillRect(QRectF(0, top, self.width(), LANE_HEIGHT), QColor("#f4f6fa"))
            painter.setPen(QColor("#1f2a44"))
            painter.drawText(
                QRectF(8, top, LEFT_MARGIN - 16, LANE_HEIGHT),
                Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap,
                _(LANE_NAMES[lane]),
            )
        self._draw_axis(painter, start, end, len(lanes))
        now_x = self._x(self.now, start, end)
        painter.setPen(QPen(QColor("#b01e1e"), 1, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(now_x, 12), QPointF(now_x, 20 + len(lanes) * LANE_HEIGHT))
        painter.drawText(QPointF(now_x + 4, 12), _(N_("now")))
        painter.setFont(small)
        rows: dict[Lane, list[list[tuple[float, float]]]] = {lane: [[], [], []] for lane in lanes}
        for item in self.events:
            x = self._x(item.at, start, end)
            label = f"{item.at.astimezone(self.zone):%d/%m %H:%M} {item.text(_)}"
            if item.overdue and item.kind is EventKind.DEADLINE:
                label += " — " + _(N_("overdue"))
            elif item.time_left is not None and item.time_left > timedelta(0):
                hours = round(item.time_left.total_seconds() / 3600)
                label += " — " + _(N_("{hours} h left")).format(hours=hours)
            width = painter.fontMetrics().horizontalAdvance(label)
            # Write the label right of its mark, or left of it near the right edge.
            left = x + 10 if x + 12 + width <= self.width() - 8 else x - 10 - width
            span = (min(left, x) - 6, max(left + width, x) + 6)
            lane_rows = rows[item.lane]
            row = next(
                (
                    index
                    for index, taken in enumerate(lane_rows)
                    if all(span[1] < a or span[0] > b for a, b in taken)
                ),
                len(lane_rows) - 1,
            )
            lane_rows[row].append(span)
            y = 20 + lanes.index(item.lane) * LANE_HEIGHT + 16 + row * 20
            colour = OVERDUE if item.overdue else COLOURS[item.kind]
            painter.setPen(QPen(colour, 2))
            painter.setBrush(colour)
            if item.kind in (EventKind.DEADLINE, EventKind.PROMISED_UPDATE):
                painter.drawLine(QPointF(x, y - 8), QPointF(x, y + 8))
                painter.drawPolygon([QPointF(x, y - 8), QPointF(x + 9, y - 4), QPointF(x, y)])
            else:
                painter.drawEllipse(QPointF(x, y), 5, 5)
            painter.setPen(colour)
            painter.drawText(QPointF(left, y + 4), label)
        painter.end()

    def _draw_axis(self, painter: QPainter, start: datetime, end: datetime, lanes: int) -> None:
        bottom = 20 + lanes * LANE_HEIGHT
        painter.setPen(QColor("#9aa3b5"))
        painter.drawLine(QPointF(LEFT_MARGIN, bottom), QPointF(self.width() - 20, bottom))
        day = start.astimezone(self.zone).replace(hour=0, minute=0, second=0, microsecond=0)
        while day <= end:
            if day >= start:
                x = self._x(day, start, end)
                painter.drawLine(QPointF(x, 20), QPointF(x, bottom + 4))
                painter.drawText(QPointF(x + 3, bottom + 18), f"{day:%d/%m}")
            day += timedelta(days=1)
