"""Dates and times in the reader's way of writing them, and a Now button beside each."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt

from app.gui.time_fields import DateTimeField, TimeZoneField
from tests.gui.helpers import field


def test_every_date_and_time_has_a_now_button_that_sets_this_minute(
    make_main_window, qtbot
) -> None:
    window = make_main_window()
    fields = [f for page in window.pages for f in page.fields if isinstance(f, DateTimeField)]
    assert {f.path for f in fields} >= {"incident.detected_at", "incident.statement_at"}
    assert all(f.now_button.text() == "Now" for f in fields)
    detected = field(window, "incident.detected_at")
    assert isinstance(detected, DateTimeField)
    qtbot.mouseClick(detected.now_button, Qt.MouseButton.LeftButton)
    stored = datetime.fromisoformat(window.model.value("incident.detected_at"))
    assert abs(stored - datetime.now(stored.tzinfo)) < timedelta(minutes=2)
    zone = ZoneInfo(window.model.value("organisation.timezone"))  # the organisation's
    assert stored.utcoffset() == datetime.now(zone).utcoffset()
    assert stored.second == 0


def test_a_time_left_out_is_given_by_now(make_main_window, qtbot) -> None:
    window = make_main_window()
    window.model.set_value("next_update_at", None)
    update = field(window, "next_update_at")
    assert isinstance(update, DateTimeField) and update.enabled is not None
    assert not update.enabled.isChecked()
    qtbot.mouseClick(update.now_button, Qt.MouseButton.LeftButton)
    assert update.enabled.isChecked()
    assert window.model.value("next_update_at") is not None


def test_times_are_written_as_the_interface_language_does(make_main_window) -> None:
    french = make_main_window(language="fr")
    statement = field(french, "incident.statement_at")
    assert isinstance(statement, DateTimeField)
    assert statement.now_button.text() == "Maintenant"
    assert re.fullmatch(r"0?2/0?9/2025 0?9:00", statement.edit.text()), statement.edit.text()
    french.set_language("en")
    assert statement.now_button.text() == "Now"
    assert "2025" in statement.edit.text() and "2025-09" not in statement.edit.text()


def test_the_time_zone_is_found_by_typing_part_of_it(make_main_window, qtbot) -> None:
    window = make_main_window()
    zone = field(window, "organisation.timezone")
    assert isinstance(zone, TimeZoneField)
    window.show()
    zone.edit.selectAll()
    qtbot.keyClicks(zone.edit, "paris")
    popup = zone.edit.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    offered = [popup.model().index(i, 0).data() for i in range(popup.model().rowCount())]
    assert offered == ["Europe/Paris"]
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert window.model.value("organisation.timezone") == "Europe/Paris"
    statement = field(window, "incident.statement_at")
    assert isinstance(statement, DateTimeField)
    assert statement.zone_label.text() == "Europe/Paris"  # the times follow the zone


def test_a_date_typed_with_its_separators_is_the_date_typed(make_main_window, qtbot) -> None:
    """Qt moves to the next part once a part is full, and again at a separator: typed in
    one go, '03/09/2025 17:30' used to land silently on another date."""
    for language, typed in (("fr", "03/09/2025 17:30"), ("en", "9/3/25 5:30 PM")):
        window = make_main_window(language=language)
        statement = field(window, "incident.statement_at")
        assert isinstance(statement, DateTimeField)
        statement.edit.setFocus()
        statement.edit.setSelectedSection(statement.edit.sectionAt(0))
        qtbot.keyClicks(statement.edit, typed)
        written = datetime.fromisoformat(window.model.value("incident.statement_at"))
        assert (written.day, written.month, written.year) == (3, 9, 2025), (language, written)
        assert (written.hour, written.minute) == (17, 30), (language, written)


def test_a_time_zone_half_typed_leaves_the_drafts_alone_until_one_is_chosen(
    make_main_window, qtbot
) -> None:
    window = make_main_window(step=1)
    zone = field(window, "organisation.timezone")
    assert isinstance(zone, TimeZoneField)
    zone.edit.selectAll()
    qtbot.keyClicks(zone.edit, "Par")
    assert window.model.value("organisation.timezone") == "Europe/London"  # not "Par"
    assert window.sessions.current() is not None  # the drafts go on
    qtbot.keyClicks(zone.edit, "is")
    zone.edit.editingFinished.emit()  # the lead moves on without choosing from the list
    assert window.model.value("organisation.timezone") == "Paris"  # told as a wrong zone
    zone.edit.setText("Europe/Paris")
    zone.edit.textEdited.emit("Europe/Paris")
    assert window.model.value("organisation.timezone") == "Europe/Paris"
