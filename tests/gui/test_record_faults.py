"""The record in the app, faced with what a user may type or a file may hold."""

from __future__ import annotations

import copy
import json
from pathlib import Path

from PySide6.QtWidgets import QDialog, QMessageBox

from app.gui.approve_dialog import ApproveDialog
from tests.conftest import example_document
from tests.test_hostile_files import STATEMENT


def test_the_record_window_says_which_statement_facts_cannot_be_read(
    make_main_window, tmp_path: Path
) -> None:
    whole = dict(copy.deepcopy(example_document("northwind-cyberattack")), format_version=2)
    broken = {"data": "x", "recovery": 5, "next_update_at": "soon"}
    record = {
        "issued": [
            dict(STATEMENT, facts=whole),
            dict(STATEMENT, issued_at="2025-09-03T12:00:00+01:00", facts=broken),
        ]
    }
    incident = tmp_path / "broken.crisis.json"
    incident.write_text(json.dumps(dict(whole, record=record)), encoding="utf-8")
    window = make_main_window(incident)

    shown = window.record.open_record()
    assert shown is not None
    assert shown.history_table.rowCount() == 2
    shown.compare(0, 1)
    assert shown.fact_changes.item(0).text() == (
        "The facts recorded with statement 2 cannot be read (the file was changed by hand); "
        "only the texts are compared."
    )
    assert shown.whats_new.item(0).text() == (
        "The facts recorded with statement 2 cannot be read (the file was changed by hand), "
        "so they cannot be compared with today's."
    )
    shown.close()


def test_an_approver_name_that_hides_text_is_refused_with_a_message(
    make_main_window, qtbot, monkeypatch
) -> None:
    window = make_main_window()
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warned.append(text))

    def fill_and_accept(dialog: ApproveDialog) -> int:
        dialog.name.setText("Sam \u202ePatel")  # pasted: keyClicks types ASCII only
        qtbot.keyClicks(dialog.role, "General Counsel")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ApproveDialog, "exec", fill_and_accept)
    window.record.approve()
    assert warned == [
        "the approver's name contains an invisible direction control (U+202E RIGHT-TO-LEFT "
        "OVERRIDE) at position 5, which can make the text read in another order than it is "
        "written; delete it"
    ]
    assert window.model.value("record.approvals") in (None, [])
