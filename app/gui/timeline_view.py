"""The incident's timeline as the record window shows it: the picture
(:class:`~app.gui.timeline_canvas.TimelineCanvas`) with Fit, zoom out and zoom in
buttons, a line saying which part of the incident is in view, a scroll bar along time,
and the lanes scrolling up and down when they are taller than the window."""

from __future__ import annotations

from datetime import datetime, tzinfo

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QScrollBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.gui.texts import N_, Gettext
from app.gui.timeline_canvas import ZOOM_STEP, TimelineCanvas
from app.interface_text.names import moment
from app.record.timeline import Lane, TimelineEvent


class TimelineView(QWidget):
    """The picture and its controls. ``canvas.statement_chosen`` tells which statement
    the user opened from it."""

    def __init__(self, gettext: Gettext, language: str = "en") -> None:
        super().__init__()
        _ = gettext
        self.gettext = gettext
        self.language = language
        self.canvas = TimelineCanvas(gettext, language)
        self.fit_button = self._button(_(N_("Fit")), _(N_("Show the whole incident")))
        self.zoom_out_button = self._button("−", _(N_("Zoom out (Ctrl+wheel)")))
        self.zoom_in_button = self._button("+", _(N_("Zoom in (Ctrl+wheel)")))
        self.zoom_out_button.setAccessibleName(_(N_("Zoom out")))
        self.zoom_in_button.setAccessibleName(_(N_("Zoom in")))
        self.in_view = QLabel()
        self.in_view.setAccessibleName(_(N_("Time in view")))
        self.fit_button.clicked.connect(self.canvas.fit)
        self.zoom_out_button.clicked.connect(lambda: self.canvas.zoom(1 / ZOOM_STEP))
        self.zoom_in_button.clicked.connect(lambda: self.canvas.zoom(ZOOM_STEP))
        self.lanes = QScrollArea()
        self.lanes.setAccessibleName(_(N_("Timeline")))  # Tab stops at it: say what it is
        self.lanes.setWidget(self.canvas)
        self.lanes.setWidgetResizable(True)
        self.lanes.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.time_bar = QScrollBar(Qt.Orientation.Horizontal)
        self.time_bar.setAccessibleName(_(N_("Scroll along time")))
        self.time_bar.valueChanged.connect(self._scrolled)
        self.canvas.view_changed.connect(self._view_changed)
        controls = QHBoxLayout()
        controls.addWidget(self.fit_button)
        controls.addWidget(self.zoom_out_button)
        controls.addWidget(self.zoom_in_button)
        controls.addWidget(self.in_view, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(controls)
        layout.addWidget(self.lanes, 1)
        layout.addWidget(self.time_bar)
        self.setAccessibleName(_(N_("Timeline")))

    def _button(self, text: str, tip: str) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(text)
        return button

    @property
    def events(self) -> list[TimelineEvent]:
        return self.canvas.events

    def show_events(
        self,
        events: list[TimelineEvent],
        now: datetime,
        zone: tzinfo,
        lanes: tuple[Lane, ...] = (),
    ) -> None:
        """Draw ``events`` (an incident's timeline as of ``now``) in the incident's
        ``zone``, the whole incident in view, in ``lanes`` (default: the events')."""
        self.canvas.show_events(events, now, zone, lanes)

    def _scrolled(self, value: int) -> None:
        if value != round(self.canvas.offset):
            self.canvas.scroll_to(float(value))

    def _view_changed(self) -> None:
        canvas = self.canvas
        visible = round(canvas.visible_width)
        self.time_bar.blockSignals(True)
        self.time_bar.setRange(0, max(0, round(canvas.arrangement.width) - visible))
        self.time_bar.setPageStep(visible)
        self.time_bar.setSingleStep(max(1, visible // 10))
        self.time_bar.setValue(round(canvas.offset))
        self.time_bar.blockSignals(False)
        start, end = canvas.visible_span()
        zone = canvas.zone
        self.in_view.setText(
            self.gettext(N_("In view: {start} – {end}")).format(
                start=moment(start.astimezone(zone), self.language),
                end=moment(end.astimezone(zone), self.language),
            )
        )
