"""The approver is not typed again every time: who approved lately is offered, with
their role, and never filled in unasked."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from app.gui.approve_dialog import ApproveDialog
from app.session.preferences import Preferences


def test_an_approver_is_offered_with_their_role_the_next_time(
    make_main_window, qtbot, monkeypatch
) -> None:
    window = make_main_window()
    offered: list[ApproveDialog] = []

    def approve_as(name: str, role: str):
        def answer(dialog: ApproveDialog) -> int:
            offered.append(dialog)
            qtbot.keyClicks(dialog.name, name)
            if role:
                qtbot.keyClicks(dialog.role, role)
            return QDialog.DialogCode.Accepted

        return answer

    monkeypatch.setattr(ApproveDialog, "exec", approve_as("Sam Patel", "General Counsel"))
    window.record.approve()
    monkeypatch.setattr(ApproveDialog, "exec", approve_as("Jo Martin", "Chief Executive"))
    window.record.approve()
    assert Preferences.load().approvers == [
        ("Jo Martin", "Chief Executive"),
        ("Sam Patel", "General Counsel"),
    ]

    def pick_sam(dialog: ApproveDialog) -> int:
        assert dialog.name.text() == "" and dialog.role.text() == ""  # nobody assumed
        dialog.show()
        qtbot.keyClicks(dialog.name, "pat")
        popup = dialog.name.completer().popup()
        qtbot.waitUntil(popup.isVisible)
        assert [popup.model().index(i, 0).data() for i in range(popup.model().rowCount())] == [
            "Sam Patel"
        ]
        qtbot.keyClick(popup, Qt.Key.Key_Down)
        qtbot.keyClick(popup, Qt.Key.Key_Return)
        assert dialog.name.text() == "Sam Patel"
        assert dialog.role.text() == "General Counsel"  # as they approved last time
        assert dialog.ok.isEnabled()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ApproveDialog, "exec", pick_sam)
    window.record.approve()
    approvals = window.model.value("record.approvals")
    assert approvals[-1]["approver"] == {"name": "Sam Patel", "role": "General Counsel"}
    assert Preferences.load().approvers[0] == ("Sam Patel", "General Counsel")
