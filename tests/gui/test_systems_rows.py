"""Systems in the app (format v3): each system on its own row, with its own state."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton

from app.facts.models import BilingualText, System, SystemKey, SystemStatus
from app.gui.choice_fields import ComboField
from app.gui.fields import BilingualField
from app.gui.rows import SystemField
from tests.gui.helpers import pick, rows


def last_row(window) -> tuple[SystemField, BilingualField, ComboField]:
    editor = rows(window, "containment.systems")
    which, status = editor._row_fields[-1]
    assert isinstance(which, SystemField) and isinstance(status, ComboField)
    return which, which.name_field, status


def test_adding_a_system_with_its_own_status_puts_it_in_the_facts(make_main_window, qtbot):
    window = make_main_window(step=3)
    editor = rows(window, "containment.systems")
    before = len(window.model.value("containment.systems"))
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    which, name, status = last_row(window)
    assert name.isHidden()  # a system of the catalogue has no name to type
    pick(qtbot, which.combo, "Email system")
    pick(qtbot, status.combo, "Unavailable")
    incident, problems = window.model.validated()
    assert incident is not None, problems
    assert len(incident.containment.systems) == before + 1
    assert incident.containment.systems[-1] == System(
        key=SystemKey.EMAIL, status=SystemStatus.UNAVAILABLE
    )


def test_a_system_of_ones_own_is_named_in_both_languages(make_main_window, qtbot):
    window = make_main_window(step=3)
    qtbot.mouseClick(rows(window, "containment.systems").add_button, Qt.MouseButton.LeftButton)
    which, name, status = last_row(window)
    pick(qtbot, which.combo, "Another system (your own name)")
    assert not name.isHidden()
    qtbot.keyClicks(name.editors["en"], "the parts portal")
    qtbot.keyClicks(name.editors["fr"], "le portail fournisseurs")
    pick(qtbot, status.combo, "Degraded")
    incident, problems = window.model.validated()
    assert incident is not None, problems
    assert incident.containment.systems[-1] == System(
        name=BilingualText(en="the parts portal", fr="le portail fournisseurs"),
        status=SystemStatus.DEGRADED,
    )


def test_the_example_shows_each_system_with_its_status_and_a_row_can_go(make_main_window, qtbot):
    window = make_main_window(step=3)
    editor = rows(window, "containment.systems")
    shown = [
        (which.combo.currentText(), status.combo.currentText())
        for which, status in editor._row_fields
    ]
    assert ("Production systems", "Shut down") in shown
    assert shown[-1] == ("Another system (your own name)", "Shut down")  # v1 "other systems"
    count = len(shown)
    row = editor._rows.itemAt(0).widget()
    (remove,) = [b for b in row.findChildren(QToolButton) if b.toolTip() == "Remove this row"]
    qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
    assert len(window.model.value("containment.systems")) == count - 1
