"""The timeline's picture: a painted widget that shows part of the incident's time at
a zoom, with the lane names kept on the left. It lays the events out again when the
zoom changes (labels are measured in its font), draws only what is in view, names what
the mouse points at in a tooltip, and opens a statement when its mark is clicked.

Zoom and scroll: Ctrl+wheel zooms around the pointer, a sideways wheel (or Shift+wheel)
and dragging the picture scroll it, + and - zoom, Left/Right go from one statement to
the next and Enter opens it.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, tzinfo

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QFontMetricsF,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from app.gui.texts import N_, Gettext
from app.gui.timeline_arrangement import MARK_RADIUS, Arrangement, Placed, arrange, span_of
from app.gui.timeline_colours import TimelineColours
from app.gui.timeline_painting import Frame, Look, Sheet, paint
from app.gui.timeline_scale import (
    TimeScale,
    day_label,
    day_label_fits,
    tick_step,
    widest_hour_label,
)
from app.gui.timeline_texts import bar_label, clock_span, mark_labels, tooltip
from app.interface_text.names import DOCUMENT_NAMES
from app.record.timeline import EventKind, FixedLane, Lane, TimelineEvent, lanes_for

FIXED_LANE_NAMES = {
    FixedLane.INCIDENT: N_("Incident"),
    FixedLane.REGULATORS: N_("Regulators"),
}
ZOOM_STEP = 1.5
CLOSEST_SPAN = timedelta(minutes=20)  # the most one can zoom in: this much in view
TICK_GAP = 24.0  # pixels between two hour labels, besides their own width
HIT_SLOP = 5.0  # pixels around a mark that still point at it


class TimelineCanvas(QWidget):
    """Signals: ``statement_chosen(list)`` with the positions in ``record.issued``
    (counted from 0) of the statement a click or Enter opened; ``view_changed()`` when
    the zoom or the part in view changed."""

    statement_chosen = Signal(list)
    view_changed = Signal()

    def __init__(self, gettext: Gettext, language: str) -> None:
        super().__init__()
        self.gettext = gettext
        self.language = language
        self.events: list[TimelineEvent] = []
        self.lanes: tuple[Lane, ...] = tuple(FixedLane)
        self.now = datetime.now(UTC)
        self.zone: tzinfo = UTC
        self.start, self.end = span_of([], self.now, self._clock_start)
        self.pixels_per_hour = 1.0
        self.offset = 0.0
        self.fitted = True  # follows the widget's width until the user zooms
        self.arrangement = Arrangement([], [], 0.0, 0.0)
        self.hovered: Placed | None = None
        self.focused: Placed | None = None
        self._day_texts: dict[tuple[date, int], str] = {}
        self._drag: tuple[float, float] | None = None  # pointer x, offset when pressed
        #: The texts the last painting wrote (day and hour labels, labels of marks).
        self.written: list[str] = []
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(500)
        self.setAccessibleName(gettext(N_("Timeline")))

    # ----- what is shown
    def show_events(
        self,
        events: list[TimelineEvent],
        now: datetime,
        zone: tzinfo,
        lanes: tuple[Lane, ...] = (),
    ) -> None:
        """Show ``events`` (an incident's timeline as of ``now``) on the clocks of
        ``zone``, the whole incident in view, in ``lanes`` top to bottom
        (:func:`~app.record.timeline.timeline_lanes`; by default, the lanes of the
        events)."""
        self.events = list(events)
        self.lanes = lanes or lanes_for(self.events)
        self.now = now
        self.zone = zone
        self.start, self.end = span_of(self.events, now, self._clock_start)
        self.hovered = self.focused = None
        self.fit()

    def lane_name(self, lane: Lane) -> str:
        """The lane's name in the interface language: its document's, or the incident's
        and the regulators'."""
        if isinstance(lane, FixedLane):
            return self.gettext(FIXED_LANE_NAMES[lane])
        return self.gettext(DOCUMENT_NAMES[lane])

    def _clock_start(self, event: TimelineEvent) -> datetime:
        return clock_span(event)[0]

    @property
    def scale(self) -> TimeScale:
        return TimeScale(self.start, self.pixels_per_hour)

    @property
    def row_height(self) -> float:
        return round(QFontMetricsF(self.font()).height() + 7)

    @property
    def names_width(self) -> float:
        metrics = QFontMetricsF(self.font())
        widest = max(metrics.horizontalAdvance(self.lane_name(lane)) for lane in self.lanes)
        return min(max(widest + 20, 110.0), 200.0)

    @property
    def visible_width(self) -> float:
        return max(1.0, self.width() - self.names_width)

    def frame(self) -> Frame:
        return Frame(
            float(self.width()),
            self.names_width,
            self.row_height,
            self.arrangement,
            self.offset,
            self.scale,
            self.zone,
            self.language,
            self.now,
        )

    def visible_span(self) -> tuple[datetime, datetime]:
        """The first and last moment in view."""
        return self.frame().visible_span()

    # ----- zoom and scroll
    def fit(self) -> None:
        """The whole incident in view."""
        self.fitted = True
        self._set_zoom(self._fit_zoom(), 0.0)

    def _fit_zoom(self) -> float:
        hours = (self.end - self.start) / timedelta(hours=1)
        return self.visible_width / hours

    def zoom(self, factor: float, anchor: float | None = None) -> None:
        """Zoom by ``factor`` (over 1: closer) keeping the moment under widget x
        ``anchor`` (default: the middle of the view) where it is."""
        local = (anchor if anchor is not None else self.names_width + self.visible_width / 2) - (
            self.names_width
        )
        moment_x = (self.offset + local) / self.pixels_per_hour
        closest = self.visible_width / (CLOSEST_SPAN / timedelta(hours=1))
        fit = self._fit_zoom()
        zoom = min(max(self.pixels_per_hour * factor, fit), max(closest, fit))
        self.fitted = zoom <= fit
        self._set_zoom(zoom, moment_x * zoom - local)

    def show_moments(self, start: datetime, end: datetime) -> None:
        """Zoom so that ``start``–``end`` fills the view."""
        hours = max((end - start) / timedelta(hours=1), 1e-6)
        fit = self._fit_zoom()
        zoom = max(self.visible_width / hours, fit)
        self.fitted = zoom <= fit
        self._set_zoom(zoom, TimeScale(self.start, zoom).x(start))

    def scroll_to(self, offset: float) -> None:
        """Show the content from x = ``offset``."""
        last = max(0.0, self.arrangement.width - self.visible_width)
        offset = min(max(offset, 0.0), last)
        if offset != self.offset:
            self.offset = offset
            self.update()
            self.view_changed.emit()

    def _set_zoom(self, pixels_per_hour: float, offset: float) -> None:
        self.pixels_per_hour = pixels_per_hour
        self._lay_out()
        self.offset = -1.0  # scroll_to always applies and tells
        self.scroll_to(offset)

    def _lay_out(self) -> None:
        metrics = QFontMetricsF(self.font())
        self._day_texts.clear()
        self.arrangement = arrange(
            self.events,
            self.lanes,
            self.scale,
            self.scale.x(self.end),
            self._labels,
            metrics.horizontalAdvance,
            self.row_height,
            self._clock_start,
        )
        self.hovered = self.focused = None
        self.setMinimumHeight(int(self.frame().height) + 1)
        self.update()

    def _labels(self, event: TimelineEvent) -> list[str]:
        if event.kind is EventKind.DEADLINE:
            return [bar_label(event, self.now, self.gettext)]
        return mark_labels(event, self.now, self.gettext, self.language)

    # ----- Qt's events
    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            if self.fitted:
                self.fit()
            else:
                self.scroll_to(self.offset)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.PaletteChange):
            self._lay_out()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = Sheet(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetricsF(self.font())
        step = tick_step(
            self.pixels_per_hour,
            widest_hour_label(self.language, metrics.horizontalAdvance) + TICK_GAP,
        )
        measure = metrics.horizontalAdvance
        day_width = self.pixels_per_hour * 24
        months_row = step is None and not day_label_fits(
            self.now.date(), day_width, self.language, measure
        )
        look = Look(
            TimelineColours.from_palette(self.palette()),
            [self.lane_name(box.lane) for box in self.arrangement.lanes],
            self.gettext(N_("now")),
            self._day_text,
            months_row,
            step,
            self.hovered,
            self.focused,
        )
        paint(painter, self.frame(), look)
        painter.end()
        self.written = painter.written

    def _day_text(self, day: date, width: float) -> str:
        key = (day, round(width))
        if key not in self._day_texts:
            measure = QFontMetricsF(self.font()).horizontalAdvance
            self._day_texts[key] = day_label(day, width, self.language, measure)
        return self._day_texts[key]

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            item = self.item_at(QPointF(event.pos()))
            if item is None:
                QToolTip.hideText()
                event.ignore()
            else:
                text = tooltip(item.event, self.now, self.zone, self.gettext, self.language)
                QToolTip.showText(event.globalPos(), text, self, self.hit_rect(item).toRect())
            return True
        return super().event(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        position = event.position()
        if self._drag is not None:
            pressed_x, offset = self._drag
            self.scroll_to(offset - (position.x() - pressed_x))
            return
        item = self.item_at(position)
        if item is not self.hovered:
            self.hovered = item
            opens = item is not None and item.event.kind is EventKind.ISSUED
            shape = Qt.CursorShape.PointingHandCursor if opens else Qt.CursorShape.ArrowCursor
            self.setCursor(shape)
            self.update()

    def leaveEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if self.hovered is not None:
            self.hovered = None
            self.update()
        super().leaveEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        item = self.item_at(event.position())
        if item is not None and item.event.kind is EventKind.ISSUED:
            self.focused = item
            self.update()
            self.statement_chosen.emit(list(item.event.documents))
        elif item is None:
            self._drag = (event.position().x(), self.offset)
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
        return None

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if self._drag is not None:
            self._drag = None
            self.setCursor(Qt.CursorShape.ArrowCursor)
        super().mouseReleaseEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt's name
        delta = event.angleDelta()
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier and delta.y():
            self.zoom(ZOOM_STEP ** (delta.y() / 120), event.position().x())
        elif delta.x() or event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            sideways = delta.x() or delta.y()
            self.scroll_to(self.offset - sideways / 120 * self.visible_width / 8)
        else:
            event.ignore()  # the window scrolls the lanes up and down
            return
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom(ZOOM_STEP)
        elif key == Qt.Key.Key_Minus:
            self.zoom(1 / ZOOM_STEP)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self._focus_next(1 if key == Qt.Key.Key_Right else -1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self.focused:
            self.statement_chosen.emit(list(self.focused.event.documents))
        else:
            super().keyPressEvent(event)

    def _focus_next(self, step: int) -> None:
        """Point at the next statement (by time) and bring it into view; the screen
        reader hears its tooltip's text."""
        marks = sorted(
            (item for item in self.arrangement.items if item.event.kind is EventKind.ISSUED),
            key=lambda item: (item.x, item.y),
        )
        if not marks:
            return
        index = marks.index(self.focused) + step if self.focused in marks else 0
        self.focused = marks[min(max(index, 0), len(marks) - 1)]
        x = self.focused.x
        if not self.offset + MARK_RADIUS <= x <= self.offset + self.visible_width - MARK_RADIUS:
            self.scroll_to(x - self.visible_width / 2)
        text = tooltip(self.focused.event, self.now, self.zone, self.gettext, self.language)
        self.setAccessibleDescription(text)
        self.update()

    # ----- where things are
    def hit_rect(self, item: Placed) -> QRectF:
        """The part of the widget that points at ``item``: its mark or bar and label."""
        frame = self.frame()
        y = frame.header_height + item.y
        half = frame.row_height / 2
        left = min(item.slot.left, item.x - MARK_RADIUS)
        right = max(item.slot.right, item.x + MARK_RADIUS)
        return QRectF(frame.wx(left) - HIT_SLOP, y - half, right - left + 2 * HIT_SLOP, 2 * half)

    def mark_point(self, item: Placed) -> QPoint:
        """Where ``item``'s mark (a clock: its deadline post) is in the widget."""
        frame = self.frame()
        return QPointF(frame.wx(item.x), frame.header_height + item.y).toPoint()

    def item_at(self, position: QPointF) -> Placed | None:
        """What is drawn at ``position``: a mark first, else a label or a bar."""
        if position.x() < self.names_width:
            return None
        frame = self.frame()
        for item in self.arrangement.items:
            mark = QPointF(frame.wx(item.x), frame.header_height + item.y)
            if (position - mark).manhattanLength() <= MARK_RADIUS + HIT_SLOP:
                return item
        return next(
            (item for item in self.arrangement.items if self.hit_rect(item).contains(position)),
            None,
        )
