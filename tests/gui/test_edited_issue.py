"""Record › Issue an edited document…, and a Word document dropped on the window: the
press release exported, edited in Word by others, brought back, checked, shown with
its edits, and issued once the lead names who approved the edited text."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, QRect, Qt, QUrl
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QTextBrowser

from app.gui.edited_issue_dialog import EditedIssueDialog
from app.gui.main_window import MainWindow
from app.session.preferences import remember_approver
from tests.gui.edited_documents import APOLOGIES, CLAIMS, edited_copy, exported_press_release
from tests.gui.helpers import pick


def marked_words(view: QTextBrowser) -> tuple[str, str]:
    """The words a reader sees struck through, and those underlined, in ``view``."""
    struck, underlined = [], []
    block = view.document().begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            if fragment.charFormat().fontStrikeOut():
                struck.append(fragment.text())
            if fragment.charFormat().fontUnderline():
                underlined.append(fragment.text())
            fragments += 1
        block = block.next()
    return "".join(struck).strip(), "".join(underlined).strip()


def menu_action(window: MainWindow, text: str) -> QAction:
    for menu_entry in window.menuBar().actions():
        menu = menu_entry.menu()
        for action in menu.actions() if menu is not None else []:
            if action.text().replace("&", "") == text:
                return action
    raise AssertionError(f"no menu item {text!r}")


def answer_with(monkeypatch, answer) -> list[EditedIssueDialog]:
    """The dialog, when it opens, answered by ``answer(dialog)``; the dialogs seen."""
    seen: list[EditedIssueDialog] = []

    def exec_(dialog: EditedIssueDialog) -> int:
        dialog.show()
        QApplication.processEvents()
        seen.append(dialog)
        answer(dialog)
        return dialog.result()

    monkeypatch.setattr(EditedIssueDialog, "exec", exec_)
    return seen


def saved_record(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8")).get("record", {})


def test_an_edited_press_release_is_issued_from_the_record_menu(
    make_main_window, qtbot, tmp_path, monkeypatch, write_incident
) -> None:
    incident_file = write_incident()
    window = make_main_window(incident=incident_file)
    edited = edited_copy(exported_press_release(window, tmp_path / "out"), APOLOGIES["en"])
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(edited), ""))

    def issue(dialog: EditedIssueDialog) -> None:
        assert dialog.document.currentText() == "Press release"  # from the file's name
        assert dialog.language.currentText() == "English"
        assert dialog.checks_title.text() == "Checks: no problem found."
        assert dialog.problem_lines() == []
        assert dialog.changes_title.text() == "Words changed from the app's draft: 3"
        assert marked_words(dialog.changes) == ("", "We apologise again.")
        assert not dialog.despite.isVisible()
        assert not dialog.issue_button.isEnabled()  # nobody named yet
        qtbot.keyClicks(dialog.name, "Alex Morgan")
        assert not dialog.issue_button.isEnabled()  # a role is needed too
        qtbot.keyClicks(dialog.role, "Chief Executive")
        assert dialog.issue_button.isEnabled()
        qtbot.mouseClick(dialog.issue_button, Qt.MouseButton.LeftButton)

    seen = answer_with(monkeypatch, issue)
    menu_action(window, "Issue an edited document…").trigger()
    assert len(seen) == 1
    [statement] = window.model.value("record.issued")
    assert statement["approver"] == {"name": "Alex Morgan", "role": "Chief Executive"}
    assert statement["file_name"] == edited.name
    assert "We apologise again." in statement["text"]
    assert statement["edited"]["file_sha256"] == hashlib.sha256(edited.read_bytes()).hexdigest()
    assert statement["edited"]["problems"] == []
    # saved at once, as a final export is
    [on_disk] = saved_record(incident_file)["issued"]
    assert on_disk["edited"]["file_sha256"] == statement["edited"]["file_sha256"]
    assert not window.isWindowModified()
    # the record window opens on it: marked as edited in Word, its edits beside its text
    record = window.record.record_window
    assert record is not None and record.isVisible()
    assert record.tabs.currentWidget() is record.history
    headers = [record.history_table.horizontalHeaderItem(c).text() for c in range(7)]
    assert record.history_table.item(0, headers.index("Edited in Word")).text() == "Yes"
    assert record.word_edits.isVisible()
    assert record.word_edits.title.text() == (
        "Edits made in Word to the app's draft; approved by Alex Morgan (Chief Executive)"
    )
    assert marked_words(record.word_edits.edits) == ("", "We apologise again.")
    record.close()


def test_a_claim_the_facts_do_not_support_is_issued_only_when_the_lead_ticks_despite(
    make_main_window, qtbot, tmp_path, monkeypatch, write_incident
) -> None:
    incident_file = write_incident()
    window = make_main_window(incident=incident_file)
    edited = edited_copy(exported_press_release(window, tmp_path / "out"), CLAIMS["en"])

    shown: list[str] = []

    def issue_despite(dialog: EditedIssueDialog) -> None:
        assert dialog.checks_title.text() == "To fix before issuing: 1"
        [line] = shown[:] = dialog.problem_lines()
        assert line.startswith("Press release (English): “No customer data was affected” is a")
        assert marked_words(dialog.changes) == ("", "No customer data was affected.")
        qtbot.keyClicks(dialog.name, "Sam Patel")
        qtbot.keyClicks(dialog.role, "General Counsel")
        assert dialog.despite.isVisible()
        assert not dialog.issue_button.isEnabled()  # not while a check fails
        dialog.despite.click()
        assert dialog.issue_button.isEnabled()
        qtbot.mouseClick(dialog.issue_button, Qt.MouseButton.LeftButton)

    answer_with(monkeypatch, issue_despite)
    window.record.edited_issues.open(edited)
    [statement] = saved_record(incident_file)["issued"]
    [problem] = statement["edited"]["problems"]
    assert [problem] == shown  # the record keeps the problem as the lead read it
    record = window.record.record_window
    assert record is not None
    assert "Issued despite these problems:" in record.word_edits.despite.text()
    assert "No customer data was affected" in record.word_edits.despite.text()
    record.close()


def test_a_file_that_cannot_be_issued_is_refused_with_why_and_nothing_is_recorded(
    make_main_window, qtbot, tmp_path, monkeypatch, write_incident
) -> None:
    incident_file = write_incident()
    window = make_main_window(incident=incident_file)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warnings.append(text))
    seen = answer_with(monkeypatch, lambda dialog: None)
    notes = tmp_path / "notes.docx"
    notes.write_text("Call legal back about the statement.", encoding="utf-8")
    window.record.edited_issues.open(notes)
    [refusal] = warnings
    assert refusal.startswith("notes.docx: ")
    assert seen == []  # no dialog: nothing to issue
    assert window.model.value("record.issued") in (None, [])
    assert saved_record(incident_file).get("issued", []) == []


def test_choosing_a_language_the_document_is_not_in_shows_why_and_issue_stays_off(
    make_main_window, qtbot, tmp_path, monkeypatch, write_incident
) -> None:
    window = make_main_window(incident=write_incident())
    edited = edited_copy(exported_press_release(window, tmp_path / "out"), APOLOGIES["en"])

    def choose_french(dialog: EditedIssueDialog) -> None:
        qtbot.keyClicks(dialog.name, "Alex Morgan")
        qtbot.keyClicks(dialog.role, "Chief Executive")
        assert dialog.issue_button.isEnabled()
        pick(qtbot, dialog.language, "French")
        assert dialog.checks_title.text() == "Cannot be issued as the document and language chosen:"
        [line] = dialog.problem_lines()
        assert line.startswith(f"{edited.name}: its text is in English")
        assert dialog.changes.toPlainText() == ""
        assert not dialog.issue_button.isEnabled()
        pick(qtbot, dialog.language, "English")  # back: it reads again as English
        assert dialog.checks_title.text() == "Checks: no problem found."
        assert dialog.issue_button.isEnabled()
        dialog.reject()

    seen = answer_with(monkeypatch, choose_french)
    window.record.edited_issues.open(edited)
    assert len(seen) == 1
    assert window.model.value("record.issued") in (None, [])


def drag(mime: QMimeData) -> QDragEnterEvent:
    return QDragEnterEvent(
        QPoint(400, 300),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )


def urls(*addresses: QUrl) -> QMimeData:
    mime = QMimeData()
    mime.setUrls(list(addresses))
    return mime


def test_a_word_document_dropped_on_the_window_opens_the_dialog(
    make_main_window, qtbot, tmp_path, monkeypatch, write_incident
) -> None:
    window = make_main_window(incident=write_incident())
    edited = edited_copy(exported_press_release(window, tmp_path / "out"), APOLOGIES["en"])
    refused = [
        urls(QUrl.fromLocalFile(str(tmp_path / "notes.txt"))),
        urls(QUrl("https://example.com/press_release_en.docx")),
        urls(QUrl.fromLocalFile(str(edited)), QUrl.fromLocalFile(str(edited))),
    ]
    for mime in refused:
        event = drag(mime)
        QApplication.sendEvent(window, event)
        assert not event.isAccepted(), mime.urls()
    mime = urls(QUrl.fromLocalFile(str(edited)))
    entering = drag(mime)
    QApplication.sendEvent(window, entering)
    assert entering.isAccepted()
    remember_approver("Sam Patel", "General Counsel")  # approved something lately

    def offer_sam(dialog: EditedIssueDialog) -> None:
        assert dialog.name.placeholderText() == "Type a name, or pick one who approved lately"
        assert dialog.name.text() == ""  # nobody is named for the lead
        dialog.name.completer().activated.emit("Sam Patel")  # picked from the list
        assert (dialog.name.text(), dialog.role.text()) == ("Sam Patel", "General Counsel")
        dialog.reject()

    seen = answer_with(monkeypatch, offer_sam)
    drop = QDropEvent(
        QPointF(400, 300),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, drop)
    assert drop.isAccepted()
    qtbot.waitUntil(lambda: len(seen) == 1)
    assert seen[0].file.text() == str(edited)
    assert seen[0].changes_title.text() == "Words changed from the app's draft: 3"
    assert window.model.value("record.issued") in (None, [])  # cancelled: nothing recorded


def test_the_record_keeps_the_problems_issued_despite_in_the_words_the_lead_read(
    make_main_window, qtbot, tmp_path, monkeypatch, write_incident
) -> None:
    incident_file = write_incident()
    window = make_main_window(incident=incident_file, language="fr")
    french = exported_press_release(window, tmp_path / "out", "fr")
    edited = edited_copy(french, CLAIMS["fr"])
    shown: list[str] = []

    def issue_despite(dialog: EditedIssueDialog) -> None:
        shown[:] = dialog.problem_lines()
        qtbot.keyClicks(dialog.name, "Claire Martin")
        qtbot.keyClicks(dialog.role, "Directrice juridique")
        dialog.despite.click()
        qtbot.mouseClick(dialog.issue_button, Qt.MouseButton.LeftButton)

    answer_with(monkeypatch, issue_despite)
    window.record.edited_issues.open(edited)
    [statement] = saved_record(incident_file)["issued"]
    assert statement["edited"]["problems"] == shown
    assert shown[0].startswith(
        "Communiqué de presse (français)\u00a0: «\u00a0Aucune donnée de client"
    )
    window.record.record_window.close()


def test_each_problem_reads_in_full_however_narrow_its_list(
    make_main_window, qtbot, tmp_path, monkeypatch, write_incident
) -> None:
    """A problem of several lines is never cut short ("…") in the dialog's list."""
    window = make_main_window(incident=write_incident(), language="fr")
    french = exported_press_release(window, tmp_path / "out", "fr")
    edited = edited_copy(french, CLAIMS["fr"], keep_mark=True)
    cut: list[str] = []

    def look(dialog: EditedIssueDialog) -> None:
        for width in (1000, 800, 700):
            dialog.resize(width, 680)
            qtbot.wait(50)
            view = dialog.problems
            assert view.count() == 2
            for row in range(view.count()):
                item = view.item(row)
                shown = view.visualItemRect(item)
                needed = view.fontMetrics().boundingRect(
                    QRect(0, 0, shown.width() - 8, 10_000), Qt.TextFlag.TextWordWrap, item.text()
                )
                if needed.height() > shown.height():
                    cut.append(
                        f"{width}: row {row} is {shown.height()} px, needs {needed.height()}"
                    )
        dialog.reject()

    answer_with(monkeypatch, look)
    window.record.edited_issues.open(edited)
    assert cut == []
