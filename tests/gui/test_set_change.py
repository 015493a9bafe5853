"""Changing the template set by hand says which approvals it withdraws, and asks."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from app.gui.approve_dialog import ApproveDialog
from app.templates.documents import DocumentKind
from app.templates.metadata import TemplateSet
from tests.gui.helpers import pick, settle


class Answer:
    """Answers the question by clicking the button with ``label``; keeps what it read."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.asked: list[QMessageBox] = []
        self.texts: list[str] = []

    def answer(self, box: QMessageBox) -> int:
        """What ``QMessageBox.exec`` does for ``box`` in these tests."""
        self.asked.append(box)
        self.texts.append(f"{box.windowTitle()}\n{box.text()}\n{box.informativeText()}")
        buttons = {button.text(): button for button in box.buttons()}
        assert self.label in buttons, list(buttons)
        buttons[self.label].click()
        return 0


def approve_press_release_in_english(window, qtbot, monkeypatch) -> None:
    def answer(dialog: ApproveDialog) -> int:
        qtbot.keyClicks(dialog.name, "Sam Patel")
        qtbot.keyClicks(dialog.role, "General Counsel")
        for document, box in dialog.choice.documents.items():
            box.setChecked(document is DocumentKind.PRESS_RELEASE)
        dialog.choice.languages["fr"].setChecked(False)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ApproveDialog, "exec", answer)
    window.record.approve()
    assert len(window.model.value("record.approvals")) == 1


def pick_next_set(qtbot, window) -> None:
    """The user moves once down the list of sets (``pick`` would insist on its choice)."""
    window.preview.template_sets.setFocus()
    qtbot.keyClick(window.preview.template_sets, Qt.Key.Key_Down)


def test_keep_leaves_the_set_and_its_approval_and_change_set_withdraws_it(
    make_main_window, qtbot, monkeypatch
) -> None:
    window = make_main_window()
    assert window.preview.template_set is TemplateSet.HOLDING
    approve_press_release_in_english(window, qtbot, monkeypatch)
    session = window.sessions.current()
    assert session.approvals_withdrawn(TemplateSet.HOLDING, TemplateSet.UPDATE)

    keep = Answer("Keep “First statement”")
    monkeypatch.setattr(QMessageBox, "exec", lambda box: keep.answer(box))
    pick_next_set(qtbot, window)  # "Progress update"
    assert len(keep.asked) == 1
    assert keep.texts[0].splitlines()[0] == "Change the template set?"
    assert "• Press release (English)" in keep.texts[0]
    assert "Staff message" not in keep.texts[0] and "(French)" not in keep.texts[0]
    assert window.preview.template_set is TemplateSet.HOLDING
    assert window.preview.template_sets.currentText() == "First statement"
    settle(qtbot, window)
    window.go_to_step(len(window.pages))  # the Review step counts the approvals
    qtbot.waitUntil(lambda: "1 of 6" in window.review.approvals.text(), timeout=5000)

    change = Answer("Change set")
    monkeypatch.setattr(QMessageBox, "exec", lambda box: change.answer(box))
    pick(qtbot, window.preview.template_sets, "Progress update")
    assert len(change.asked) == 1
    assert window.preview.template_set is TemplateSet.UPDATE
    assert window.preview.template_sets.currentText() == "Progress update"
    qtbot.waitUntil(lambda: "0 of 6" in window.review.approvals.text(), timeout=5000)
    assert len(window.model.value("record.approvals")) == 1  # kept in the record

    # Back to the first statement: nothing approved in the update, nothing to ask.
    pick(qtbot, window.preview.template_sets, "First statement")
    assert len(change.asked) == 1
    assert window.preview.template_set is TemplateSet.HOLDING
    qtbot.waitUntil(lambda: "1 of 6" in window.review.approvals.text(), timeout=5000)


def test_no_question_when_nothing_is_approved(make_main_window, qtbot, monkeypatch) -> None:
    window = make_main_window()
    asked = Answer("Change set")
    monkeypatch.setattr(QMessageBox, "exec", lambda box: asked.answer(box))
    pick(qtbot, window.preview.template_sets, "Resolution")
    assert window.preview.template_set is TemplateSet.RESOLUTION
    assert asked.asked == []


def test_the_question_is_french_in_the_french_interface(
    make_main_window, qtbot, monkeypatch
) -> None:
    window = make_main_window(language="fr")
    approve_press_release_in_english(window, qtbot, monkeypatch)
    keep = Answer("Garder «\u00a0Première déclaration\u00a0»")
    monkeypatch.setattr(QMessageBox, "exec", lambda box: keep.answer(box))
    pick_next_set(qtbot, window)  # « Point de situation »
    assert len(keep.asked) == 1
    assert "• Communiqué de presse (anglais)" in keep.texts[0], keep.texts[0]
    assert keep.texts[0].splitlines()[0] == "Changer de jeu de modèles\u202f?"
    assert window.preview.template_set is TemplateSet.HOLDING
