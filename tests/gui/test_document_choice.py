"""The lead picks the documents (the audiences) this incident needs on step 1: the
preview's list, the Export and Approve dialogs and the saved file follow the boxes
ticked; a new incident starts from the house profile's choice, else the first three."""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog

from app.gui.approve_dialog import ApproveDialog
from app.gui.documents_field import DocumentsField
from app.gui.export_dialog import ExportDialog
from app.gui.main_window import MainWindow
from app.gui.mnemonics import without_mnemonic
from app.session.preferences import Preferences
from app.templates.documents import DocumentKind
from tests.gui.dialogs import opened_dialog
from tests.gui.helpers import click, field, settle
from tests.gui.test_house_profile import in_preferences
from tests.gui.test_small_screen import laptop_window, screenshots

FIRST_THREE = ["Press release", "Dealer notice", "Staff message"]


def documents_field(window: MainWindow) -> DocumentsField:
    found = field(window, "drafting.documents")
    assert isinstance(found, DocumentsField)
    return found


def ticked(documents: DocumentsField) -> list[str]:
    """The names of the boxes ticked, as the user reads them."""
    return [without_mnemonic(box.text()) for box in documents.boxes.values() if box.isChecked()]


def preview_list(window: MainWindow) -> list[str]:
    combo = window.preview.documents
    return [combo.itemText(index) for index in range(combo.count())]


def offered(boxes: dict) -> list[str]:
    return [without_mnemonic(box.text()) for box in boxes.values()]


def test_ticking_a_document_adds_it_to_the_preview_and_the_export_dialog(
    make_main_window, qtbot, monkeypatch
) -> None:
    window = make_main_window()
    documents = documents_field(window)
    assert ticked(documents) == FIRST_THREE  # the file names none: the first three
    assert preview_list(window) == FIRST_THREE

    click(qtbot, documents.boxes[DocumentKind.SUPPLIER_NOTICE])
    settle(qtbot, window)
    assert window.model.value("drafting.documents") == [
        "press_release",
        "dealer_notice",
        "staff_message",
        "supplier_notice",
    ]
    assert preview_list(window) == [*FIRST_THREE, "Supplier notice"]
    dialog = opened_dialog(monkeypatch, window.exports.export)
    assert isinstance(dialog, ExportDialog)
    assert offered(dialog.choice.documents) == [*FIRST_THREE, "Supplier notice"]
    dialog.close()

    # The one shown stays shown while another goes; the list follows at once.
    window.preview.documents.setCurrentIndex(1)
    click(qtbot, documents.boxes[DocumentKind.STAFF_MESSAGE])
    settle(qtbot, window)
    assert preview_list(window) == ["Press release", "Dealer notice", "Supplier notice"]
    assert window.preview.document is DocumentKind.DEALER_NOTICE
    dialog = opened_dialog(monkeypatch, window.record.approve)
    assert isinstance(dialog, ApproveDialog)
    assert offered(dialog.choice.documents) == ["Press release", "Dealer notice", "Supplier notice"]
    dialog.close()


def test_the_last_document_ticked_cannot_be_unticked(make_main_window, qtbot) -> None:
    window = make_main_window()
    documents = documents_field(window)
    click(qtbot, documents.boxes[DocumentKind.DEALER_NOTICE])
    click(qtbot, documents.boxes[DocumentKind.STAFF_MESSAGE])
    press = documents.boxes[DocumentKind.PRESS_RELEASE]
    assert not press.isEnabled()
    assert "at least one document" in press.toolTip()
    click(qtbot, press)
    assert ticked(documents) == ["Press release"]
    settle(qtbot, window)
    assert preview_list(window) == ["Press release"]
    click(qtbot, documents.boxes[DocumentKind.QA])
    assert press.isEnabled()  # two ticked: either may go


def test_the_saved_file_holds_the_documents_chosen(
    make_main_window, qtbot, monkeypatch, tmp_path
) -> None:
    window = make_main_window()
    documents = documents_field(window)
    click(qtbot, documents.boxes[DocumentKind.QA])
    click(qtbot, documents.boxes[DocumentKind.DEALER_NOTICE])
    saved = tmp_path / "chosen.crisis.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(saved), ""))
    assert window.files.save()
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["drafting"]["documents"] == ["press_release", "staff_message", "qa"]

    again = make_main_window(saved, session="again")
    assert ticked(documents_field(again)) == ["Press release", "Staff message", "Reactive Q&A"]
    assert preview_list(again) == ["Press release", "Staff message", "Reactive Q&A"]


def test_a_new_incident_needs_the_documents_of_the_house_profile(
    make_main_window, qtbot, monkeypatch
) -> None:
    window = make_main_window()
    window.files.new_blank()
    settle(qtbot, window)
    assert ticked(documents_field(window)) == FIRST_THREE  # no profile yet: the first three
    assert window.model.value("drafting.documents") is None

    def choose(dialog) -> None:
        dialog.show()  # as exec shows it
        boxes = dialog.house.documents.boxes
        dialog.house.form.ensureWidgetVisible(dialog.house.documents)
        click(qtbot, boxes[DocumentKind.CUSTOMER_NOTICE])
        click(qtbot, boxes[DocumentKind.DEALER_NOTICE])

    shown = in_preferences(monkeypatch, choose)
    window.library.open_preferences()
    assert shown
    assert Preferences.load().house_profile.documents == (
        DocumentKind.PRESS_RELEASE,
        DocumentKind.STAFF_MESSAGE,
        DocumentKind.CUSTOMER_NOTICE,
    )
    window.files.new_blank()
    settle(qtbot, window)
    chosen = ["Press release", "Staff message", "Customer notice"]
    assert ticked(documents_field(window)) == chosen
    assert preview_list(window) == chosen
    assert window.model.value("drafting.documents") == [
        "press_release",
        "staff_message",
        "customer_notice",
    ]

    # The preferences show the profile's choice again, and keep it when the button
    # takes the organisation and contacts of the open incident.
    def take(dialog) -> None:
        assert ticked(dialog.house.documents) == chosen
        dialog.house.take_from_open_incident()
        assert ticked(dialog.house.documents) == chosen

    in_preferences(monkeypatch, take)
    window.library.open_preferences()
    assert Preferences.load().house_profile.documents == (
        DocumentKind.PRESS_RELEASE,
        DocumentKind.STAFF_MESSAGE,
        DocumentKind.CUSTOMER_NOTICE,
    )


@pytest.mark.parametrize(
    ("language", "audience", "names"),
    [
        ("en", "Parts and service suppliers", FIRST_THREE),
        (
            "fr",
            "Fournisseurs de pièces et de services",
            ["Communiqué de presse", "Note aux concessionnaires", "Message aux collaborateurs"],
        ),
    ],
)
def test_each_document_says_its_audience_in_the_interface_language(
    make_main_window, qtbot, tmp_path, language, audience, names
) -> None:
    window = laptop_window(make_main_window, qtbot, language)
    documents = documents_field(window)
    assert ticked(documents) == names
    assert documents.audiences[DocumentKind.SUPPLIER_NOTICE].text() == audience
    assert documents.boxes[DocumentKind.SUPPLIER_NOTICE].toolTip() == audience
    window.pages[0].ensureWidgetVisible(documents, 50, 160)
    QApplication.processEvents()
    assert documents.visibleRegion().boundingRect().height() == documents.height()  # in full
    window.grab().save(str(screenshots(tmp_path) / f"documents-step-1-{language}.png"))

    other = "fr" if language == "en" else "en"
    window.set_language(other)
    assert documents.audiences[DocumentKind.SUPPLIER_NOTICE].text() != audience
