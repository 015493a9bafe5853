"""The timeline in the record window, over an incident of six weeks and one a few hours
old: statement marks that name themselves on hover and open on a click, Fit and zoom,
day bands in the interface language, clocks with the time left, light and dark."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QToolTip

from app.facts.models import Incident
from app.gui.record_window import RecordWindow
from app.gui.timeline_arrangement import Placed
from app.gui.timeline_canvas import TimelineCanvas
from app.interface_text.translator import Translator
from app.record.timeline import EventKind, Lane
from app.session.incident_session import IncidentSession
from app.templates.documents import DocumentKind
from tests.gui.themes import dark_palette
from tests.record.long_incident import ISSUED_AFTER, SIX_WEEKS_NOW, issued_at, long_incident

YOUNG_NOW = issued_at(1) + timedelta(hours=7)  # 16:30 on the first day


def build(example_data, renderer, home: Path, statements: int) -> Incident:
    """The long incident's first ``statements``, approved by users of a home of their
    own (a module's fixture cannot use the per-test one)."""
    with pytest.MonkeyPatch.context() as patch:
        for folder in ("DATA", "CONFIG", "CACHE"):
            patch.setenv(f"XDG_{folder}_HOME", str(home / folder.lower()))
        return long_incident(example_data, renderer, home / "out", statements)


@pytest.fixture(scope="module")
def six_weeks(example_data, renderer, tmp_path_factory) -> Incident:
    return build(example_data, renderer, tmp_path_factory.mktemp("six"), len(ISSUED_AFTER))


@pytest.fixture(scope="module")
def young(example_data, renderer, tmp_path_factory) -> Incident:
    return build(example_data, renderer, tmp_path_factory.mktemp("young"), 3)


def open_record(qtbot, incident: Incident, language: str = "en", now=SIX_WEEKS_NOW):
    window = RecordWindow(
        None, IncidentSession(incident), Translator(language).gettext, language, now=now
    )
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()  # tooltips show in the active window (a real X server)
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    return window


def statement_mark(
    canvas: TimelineCanvas, number: int, lane: Lane = DocumentKind.PRESS_RELEASE
) -> Placed:
    return next(
        item
        for item in canvas.arrangement.items
        if item.event.statement == number and item.event.lane is lane
    )


def plain(text: str) -> str:
    """Babel writes "9:30 AM" with a narrow no-break space; a reader sees a space."""
    return text.replace("\u202f", " ").replace("\u00a0", " ")


def written(canvas: TimelineCanvas) -> list[str]:
    canvas.grab()  # paints
    return canvas.written


def span_hours(canvas: TimelineCanvas) -> float:
    start, end = canvas.visible_span()
    return (end - start) / timedelta(hours=1)


def test_hovering_a_statement_names_it_with_its_time_and_approver(qtbot, six_weeks) -> None:
    window = open_record(qtbot, six_weeks)
    canvas = window.timeline.canvas
    canvas.show_moments(issued_at(8) - timedelta(days=1), issued_at(8) + timedelta(days=1))
    qtbot.mouseMove(canvas, canvas.mark_point(statement_mark(canvas, 8)))
    qtbot.waitUntil(QToolTip.isVisible)
    assert plain(QToolTip.text()).splitlines() == [
        "Statement 8: Progress update",
        "Press release (English, French)",
        "Issued: Sep 11, 2025, 9:30 AM",
        "Approved by: Claire Dubois (Directrice de la communication)",
        "Click to open it.",
    ]
    assert canvas.hovered is statement_mark(canvas, 8)  # drawn with a ring
    qtbot.mouseMove(canvas, QPoint(canvas.width() - 5, 5))  # over the axis: nothing
    qtbot.waitUntil(lambda: not QToolTip.isVisible())


def test_clicking_a_statement_opens_it_in_the_record(qtbot, six_weeks) -> None:
    for language, shown in (("en", "en"), ("fr", "fr")):
        window = open_record(qtbot, six_weeks, language)
        canvas = window.timeline.canvas
        qtbot.mouseClick(
            canvas, Qt.MouseButton.LeftButton, pos=canvas.mark_point(statement_mark(canvas, 12))
        )
        assert window.tabs.currentWidget() is window.history
        issued = six_weeks.record.issued
        chosen = sorted({index.row() for index in window.history_table.selectedIndexes()})
        assert [(issued[row].issued_at, issued[row].document) for row in chosen] == [
            (issued_at(12), "press_release")
        ] * 2
        statement = next(issued[row] for row in chosen if issued[row].language == shown)
        assert plain(statement.text) in plain(window.statement_text.toPlainText())
        window.close()


def test_fit_shows_the_whole_incident_and_zoom_changes_what_is_in_view(qtbot, six_weeks) -> None:
    window = open_record(qtbot, six_weeks)
    view = window.timeline
    canvas = view.canvas
    events = canvas.events
    earliest = min(e.starts_at or e.at for e in events)
    latest = max(e.at for e in events)
    start, end = canvas.visible_span()
    assert start <= earliest and latest <= end and start <= SIX_WEEKS_NOW <= end
    assert view.time_bar.maximum() == 0  # nothing left to scroll to
    whole = span_hours(canvas)
    assert 6 * 7 * 24 < whole < 7 * 7 * 24

    qtbot.mouseClick(view.zoom_in_button, Qt.MouseButton.LeftButton)
    assert span_hours(canvas) == pytest.approx(whole / 1.5)
    assert view.time_bar.maximum() > 0
    before = view.in_view.text()
    view.time_bar.setValue(view.time_bar.maximum())  # scrolled to the end
    assert canvas.visible_span()[1] == pytest.approx(end, abs=timedelta(minutes=30))
    assert view.in_view.text() != before

    # Ctrl+wheel over statement 5 zooms in around it: it stays under the pointer.
    point = canvas.mark_point(statement_mark(canvas, 5))
    canvas.show_moments(issued_at(5) - timedelta(days=2), issued_at(5) + timedelta(days=3))
    point = canvas.mark_point(statement_mark(canvas, 5))
    for _notch in range(4):
        wheel(canvas, point, Qt.KeyboardModifier.ControlModifier)
    assert span_hours(canvas) == pytest.approx(5 * 24 / 1.5**4)
    assert canvas.mark_point(statement_mark(canvas, 5)).x() == pytest.approx(point.x(), abs=2)
    qtbot.mouseClick(view.zoom_out_button, Qt.MouseButton.LeftButton)
    assert span_hours(canvas) == pytest.approx(5 * 24 / 1.5**3)

    qtbot.mouseClick(view.fit_button, Qt.MouseButton.LeftButton)
    assert span_hours(canvas) == pytest.approx(whole)
    assert view.time_bar.maximum() == 0
    for _notch in range(3):  # no further out than the whole incident
        qtbot.mouseClick(view.zoom_out_button, Qt.MouseButton.LeftButton)
    assert span_hours(canvas) == pytest.approx(whole)


def wheel(widget, point: QPoint, modifiers: Qt.KeyboardModifier) -> None:
    """One notch of the mouse wheel away from the user, over ``point``."""
    event = QWheelEvent(
        QPointF(point),
        QPointF(widget.mapToGlobal(point)),
        QPoint(0, 0),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        modifiers,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def labels_apart(canvas: TimelineCanvas) -> bool:
    """No two marks' or bars' labels of one lane and row share a pixel."""
    by_row: dict[tuple[Lane, int], list[tuple[float, float]]] = {}
    for item in canvas.arrangement.items:
        if item.slot.label:
            by_row.setdefault((item.event.lane, item.slot.row), []).append(
                (item.slot.left, item.slot.right)
            )
    return all(
        a_right <= b_left
        for spans in by_row.values()
        for (_a_left, a_right), (b_left, _b_right) in zip(
            sorted(spans), sorted(spans)[1:], strict=False
        )
    )


def test_readable_at_one_hour_one_day_and_six_weeks(qtbot, six_weeks, tmp_path) -> None:
    window = open_record(qtbot, six_weeks)
    canvas = window.timeline.canvas
    # Six weeks: every day numbered under its month, every statement numbered.
    texts = written(canvas)
    assert {"September 2025", "October 2025"} <= set(texts)
    assert {str(day) for day in range(1, 31)} <= set(texts)
    assert {f"{n}. Progress update" for n in range(4, 17)} <= set(texts)
    assert labels_apart(canvas)
    window.grab().save(str(tmp_path / "six-weeks.png"))

    # One day: the day named in full, hour ticks.
    canvas.show_moments(issued_at(1) - timedelta(hours=10), issued_at(1) + timedelta(hours=14))
    texts = [plain(text) for text in written(canvas)]
    assert "Monday, September 1, 2025" in texts
    assert {"10:00 AM", "12:00 PM", "2:00 PM"} <= set(texts)
    assert {"1. First statement", "2. Progress update", "3. Progress update"} <= set(texts)
    assert labels_apart(canvas)

    # One hour: five-minute ticks, the two statements forty minutes apart.
    canvas.show_moments(issued_at(1) - timedelta(minutes=10), issued_at(1) + timedelta(minutes=50))
    texts = [plain(text) for text in written(canvas)]
    assert {"9:25 AM", "9:30 AM", "9:35 AM", "10:10 AM"} <= set(texts)
    assert {"1. First statement", "2. Progress update"} <= set(texts)
    overdue = "NIS2: early warning to the national CSIRT · overdue by 39 d 10 h"
    assert overdue in texts  # a bar longer than the view keeps its text in view
    assert labels_apart(canvas)
    window.grab().save(str(tmp_path / "one-hour.png"))


def test_the_french_timeline_names_days_and_times_in_french(qtbot, young) -> None:
    window = open_record(qtbot, young, "fr", now=YOUNG_NOW)
    canvas = window.timeline.canvas
    canvas.show_moments(issued_at(1) - timedelta(hours=12), issued_at(1) + timedelta(hours=36))
    texts = [plain(text) for text in written(canvas)]
    assert {"lundi 1 septembre 2025", "mardi 2 septembre 2025"} <= set(texts)
    assert {"09:00", "12:00", "15:00"} <= set(texts)
    assert "1. Première déclaration" in texts and "3. Point de situation" in texts
    assert "maintenant 16:30" in texts
    assert "NIS2 : alerte précoce au CSIRT national · reste 7 h 10 min" in texts
    assert "Prochain point promis · reste 17 h" in texts
    assert not [text for text in texts if "Monday" in text or "left" in text or "PM" in text]
    assert plain(window.timeline.in_view.text()) == (
        "Période affichée : 31 août 2025, 21:30 – 2 sept. 2025, 21:30"
    )
    clock = next(item for item in canvas.arrangement.items if item.is_bar)
    qtbot.mouseMove(canvas, canvas.mark_point(clock))
    qtbot.waitUntil(QToolTip.isVisible)
    assert plain(QToolTip.text()).splitlines()[1:] == [
        "Début du délai : 31 août 2025, 23:40",
        "Échéance : 1 sept. 2025, 23:40",
        "Reste 7 h 10 min",
    ]


def test_the_timeline_takes_its_colours_from_the_palette(qtbot, young, tmp_path) -> None:
    window = open_record(qtbot, young, now=YOUNG_NOW)
    canvas = window.timeline.canvas
    lightness = {}
    for theme, palette in (("light", QApplication.palette()), ("dark", dark_palette())):
        window.setPalette(palette)
        image = canvas.grab().toImage()
        image.save(str(tmp_path / f"timeline-{theme}.png"))
        # Far right of the first lane, on no mark: the picture's background.
        empty = image.pixelColor(canvas.width() - 3, int(canvas.frame().header_height) + 3)
        lightness[theme] = empty.lightnessF()
        mark = image.pixelColor(canvas.mark_point(statement_mark(canvas, 1)))
        assert abs(mark.lightnessF() - empty.lightnessF()) > 0.2  # a mark stands out
    assert lightness["light"] > 0.8 and lightness["dark"] < 0.2


def test_keyboard_goes_from_statement_to_statement_and_opens_one(qtbot, young) -> None:
    window = open_record(qtbot, young, now=YOUNG_NOW)
    canvas = window.timeline.canvas
    canvas.setFocus()
    for _step in range(4):
        qtbot.keyClick(canvas, Qt.Key.Key_Right)
    focused = canvas.focused
    assert focused is not None and focused.event.kind is EventKind.ISSUED
    assert focused.event.statement == 2
    assert canvas.accessibleDescription().startswith("Statement 2: Progress update")
    qtbot.keyClick(canvas, Qt.Key.Key_Return)
    assert window.tabs.currentWidget() is window.history
    assert window.history_table.selectedIndexes()


def test_a_statement_issued_now_is_in_view_with_its_clocks(qtbot, young) -> None:
    window = open_record(qtbot, young, now=YOUNG_NOW)
    start, end = window.timeline.canvas.visible_span()
    detected = young.incident.detected_at
    assert detected is not None and start < detected
    assert end > detected + timedelta(days=33)  # the NIS2 final report: a month after 72 h
    assert start < YOUNG_NOW < end


def test_the_market_deadline_met_is_green_and_said_met(qtbot, make_incident, tmp_path) -> None:
    from datetime import datetime

    from tests.record.test_market_deadline import DEADLINE, statement

    issued = [
        statement("press_release", "2025-09-02T09:30:00+01:00"),
        statement("market_announcement", "2025-09-02T09:20:00+01:00"),
    ]
    listed = make_incident(
        organisation__listed_on=["London Stock Exchange"], record={"issued": issued}
    )
    window = open_record(qtbot, listed, now=datetime.fromisoformat("2025-09-02T12:00:00+01:00"))
    canvas = window.timeline.canvas
    [bar] = [item for item in canvas.arrangement.items if item.event.text() == DEADLINE]
    assert bar.event.met and not bar.event.overdue
    assert bar.slot.label == f"{DEADLINE} · met"
    assert green_points(canvas) > 100  # the only green of the picture
    window.grab().save(str(tmp_path / "market-met.png"))


def green_points(canvas: TimelineCanvas) -> int:
    """How many of a grid of points of ``canvas`` are green: a deadline met is drawn
    green, and nothing else is (statements blue, "now" red)."""
    image = canvas.grab().toImage()
    colours = [
        image.pixelColor(x, y)
        for x in range(0, image.width(), 3)
        for y in range(0, image.height(), 3)
    ]
    return len([c for c in colours if 100 <= c.hslHue() <= 160 and c.hslSaturationF() > 0.3])
