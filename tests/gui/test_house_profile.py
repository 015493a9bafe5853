"""The house profile: the organisation, contacts and approvers given once in the
preferences; File › New starts from it, every fact of the incident not known yet."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.gui.fields import LineField
from app.gui.preferences_dialog import PreferencesDialog
from app.session.preferences import Preferences
from tests.gui.helpers import field, settle


def in_preferences(monkeypatch, fill) -> list[PreferencesDialog]:
    """Open Templates › Preferences, let ``fill`` act on the dialog, then press OK."""
    shown: list[PreferencesDialog] = []

    def run(dialog: PreferencesDialog) -> int:
        shown.append(dialog)
        fill(dialog)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(PreferencesDialog, "exec", run)
    return shown


def profile_field(dialog: PreferencesDialog, path: str) -> LineField:
    found = next(f for f in dialog.house.form.fields if f.path == path)
    assert isinstance(found, LineField)
    return found


def test_the_open_incidents_organisation_becomes_the_start_of_every_new_one(
    make_main_window, qtbot, monkeypatch
) -> None:
    window = make_main_window()

    def take(dialog: PreferencesDialog) -> None:
        assert dialog.tabs.tabText(dialog.tabs.currentIndex()) == "House profile"
        assert profile_field(dialog, "organisation.name").edit.text() == ""
        qtbot.mouseClick(dialog.house.take, Qt.MouseButton.LeftButton)
        assert profile_field(dialog, "organisation.name").edit.text() == "Northwind Motors"
        assert profile_field(dialog, "contacts.media.name").edit.text() == (
            "Northwind Motors Press Office"
        )

    shown = in_preferences(monkeypatch, take)
    window.library.open_preferences()
    assert shown
    saved = Preferences.load().house_profile
    assert saved.organisation["name"] == "Northwind Motors"

    window.files.new_blank()
    settle(qtbot, window)
    assert field(window, "organisation.name").edit.text() == "Northwind Motors"
    assert field(window, "organisation.city").edit.text() == "Coventry"
    assert field(window, "contacts.media.name").edit.text() == "Northwind Motors Press Office"
    assert field(window, "contacts.dealers.phone").edit.text() == "+44 24 7600 0100"
    # every fact of the incident is not known yet
    assert window.model.value("incident.detected_at") is None
    assert window.model.value("containment.systems") == []
    assert window.model.value("sites") == []
    assert window.model.value("data.status") is None
    assert window.model.value("spokesperson") is None
    assert window.model.value("title") == ""
    assert window.model.path is None
    # the organisation and contacts are enough for drafts that say nothing else
    incident, problems = window.model.validated()
    assert incident is not None, problems
    preview = window.preview.views["en"].toPlainText()
    assert "Northwind Motors" in preview
    assert "Solihull" not in preview  # no fact of the example's incident


def test_a_profile_typed_in_the_preferences_with_its_approvers(
    make_main_window, qtbot, monkeypatch
) -> None:
    window = make_main_window(language="fr")

    def type_profile(dialog: PreferencesDialog) -> None:
        assert dialog.tabs.tabText(0) == "Profil de l’organisation"
        qtbot.keyClicks(profile_field(dialog, "organisation.name").edit, "Cycles Dupont")
        zone = profile_field(dialog, "organisation.timezone").edit
        assert zone.text() == "Europe/London"  # the default, until the lead chooses
        zone.selectAll()
        qtbot.keyClicks(zone, "Europe/Paris")
        qtbot.keyClicks(profile_field(dialog, "contacts.staff.name").edit, "Service RH")
        house = dialog.house
        qtbot.keyClicks(house.approver_name, "Claire Martin")
        qtbot.keyClicks(house.approver_role, "Directrice juridique")
        qtbot.mouseClick(house.add_approver, Qt.MouseButton.LeftButton)
        assert house.approver_list.item(0).text() == "Claire Martin, Directrice juridique"

    in_preferences(monkeypatch, type_profile)
    window.library.open_preferences()
    preferences = Preferences.load()
    assert preferences.approvers[0] == ("Claire Martin", "Directrice juridique")
    window.files.new_blank()
    assert window.model.value("organisation.name") == "Cycles Dupont"
    assert window.model.value("organisation.timezone") == "Europe/Paris"
    assert window.model.value("contacts.staff.name") == "Service RH"
    assert window.model.value("contacts.media.name") == ""
    statement_at = window.model.value("incident.statement_at")
    assert statement_at.endswith(("+01:00", "+02:00"))  # now, in Paris


def test_opening_the_preferences_for_something_else_keeps_the_remembered_english(
    make_main_window, qtbot, monkeypatch
) -> None:
    window = make_main_window()
    window.model.set_value("organisation.english", "en_US")  # remembered for new ones
    in_preferences(monkeypatch, lambda dialog: None)
    window.library.open_preferences()
    window.files.new_blank()
    assert window.model.value("organisation.english") == "en_US"
    assert window.model.value("organisation.name") == ""


def test_an_unknown_time_zone_is_refused_with_a_message(make_main_window, qtbot, monkeypatch):
    window = make_main_window()
    warned: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda parent, title, text, *a: warned.append(text) or 0
    )

    def type_zone(dialog: PreferencesDialog) -> None:
        zone = profile_field(dialog, "organisation.timezone").edit
        zone.clear()
        qtbot.keyClicks(zone, "Coventry")
        qtbot.keyClick(zone, Qt.Key.Key_Return)  # as the lead confirms it (OK by default)

    shown = in_preferences(monkeypatch, type_zone)
    window.library.open_preferences()
    assert warned and "“Coventry” is not a time zone" in warned[0]
    assert not shown[0].result()  # the dialog stays open: nothing saved
    assert "timezone" not in Preferences.load().house_profile.organisation
