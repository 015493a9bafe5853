"""The preview's template set: the one the facts call for, and why, in words."""

from __future__ import annotations

from app.gui.choice_fields import ChoiceField
from app.templates.metadata import TemplateSet
from tests.gui.helpers import click, field, pick


def issued_statement(window) -> dict:
    return {
        "issued_at": "2025-09-02T10:00:00+01:00",
        "document": "press_release",
        "language": "en",
        "template_id": "holding.press_release",
        "template_version": "1",
        "approver": {"name": "Sam Patel", "role": "General Counsel"},
        "file_name": "northwind_press_release_en.docx",
        "facts": {},
        "text": "Northwind Motors statement",
    }


def test_the_reason_for_the_set_is_shown_and_follows_the_facts(make_main_window, qtbot):
    window = make_main_window()
    chooser = window.preview.chooser
    assert window.preview.template_set.value == "holding"
    assert chooser.reason.text() == "First statement: nothing issued yet"

    window.model.set_value("record.issued", [issued_statement(window)])
    qtbot.waitUntil(lambda: window.preview.template_set.value == "update", timeout=2000)
    assert chooser.reason.text() == "Update: a statement has already been issued"

    phase = field(window, "recovery.phase")
    assert isinstance(phase, ChoiceField)
    window.go_to_step(4)
    click(qtbot, phase.buttons["restored"])
    qtbot.waitUntil(lambda: window.preview.template_set.value == "resolution", timeout=2000)
    assert chooser.reason.text() == "Resolution: recovery is restored"

    window.go_to_step(1)
    statement = field(window, "incident.statement_kind")
    assert isinstance(statement, ChoiceField)
    assert statement.unknown_button is not None and statement.unknown_button.isChecked()
    assert statement.unknown_button.text() == "Not chosen"
    click(qtbot, statement.buttons["update"])
    qtbot.waitUntil(lambda: window.preview.template_set.value == "update", timeout=2000)
    assert chooser.reason.text() == "Update: chosen in the facts"

    window.set_language("fr")
    assert chooser.reason.text() == "Point de situation\u00a0: choisi dans les faits"


def test_a_set_chosen_by_hand_is_for_the_preview_only(make_main_window, qtbot):
    window = make_main_window()
    chooser = window.preview.chooser
    pick(qtbot, window.preview.template_sets, "Resolution")
    assert window.preview.template_set.value == "resolution"
    assert chooser.reason.text() == (
        "Chosen by hand for this preview and export; the facts call for: "
        "First statement: nothing issued yet"
    )
    assert window.model.value("incident.statement_kind") is None  # the facts are untouched
    assert not window.isWindowModified()
    window.model.set_value("organisation.city", "Coventry and Solihull")  # typing goes on
    qtbot.waitUntil(lambda: window.preview.shown_revision == window.model.revision, timeout=2000)
    assert window.preview.template_set.value == "resolution"  # the hand choice holds
    window.files.new_from_example()  # other facts: the facts decide again
    assert window.preview.template_set.value == "holding"
    assert chooser.reason.text() == "First statement: nothing issued yet"


def test_a_blank_incident_waits_for_readable_facts_to_propose_a_set(make_main_window):
    window = make_main_window()
    window.files.new_blank()
    assert window.preview.chooser.reason.text() == "Proposed from the facts once they can be read"


def test_a_new_incident_does_not_keep_the_set_chosen_for_the_previous_one(
    make_main_window,
) -> None:
    window = make_main_window()
    window.preview.chooser.choose(TemplateSet.RESOLUTION)
    window.files.new_blank()  # facts that cannot be read yet
    assert window.preview.template_set is TemplateSet.HOLDING
    window.preview.chooser.choose(TemplateSet.UPDATE)
    window.files.new_from_example()
    assert window.preview.template_set is TemplateSet.HOLDING
