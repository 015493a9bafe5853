"""Approving, issuing and reviewing the record in the app."""

from __future__ import annotations

import json
import re

import docx
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from app.gui.approve_dialog import ApproveDialog
from app.gui.export_dialog import ExportDialog
from app.record.timeline import EventKind


def test_approve_then_final_export_records_the_statements(
    make_main_window, qtbot, tmp_path, monkeypatch
) -> None:
    window = make_main_window()
    window.preview.template_sets.setCurrentIndex(window.preview.template_sets.findData("holding"))
    incident_file = tmp_path / "nw.crisis.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(incident_file), ""))
    assert window.files.save()

    def fill_and_accept(dialog: ApproveDialog) -> int:
        qtbot.keyClicks(dialog.name, "Sam Patel")
        assert not dialog.ok.isEnabled()  # a role is needed too
        qtbot.keyClicks(dialog.role, "General Counsel")
        assert dialog.ok.isEnabled()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ApproveDialog, "exec", fill_and_accept)
    window.record.approve()
    assert len(window.model.value("record.approvals")) == 6
    assert "6 of 6" in window.review.approvals.text()

    incident, _problems = window.model.validated()
    dialog = ExportDialog(
        window,
        incident,
        window.renderer,
        window.translator.gettext,
        tmp_path / "out",
        "nw",
        window.preview.template_set,
    )
    dialog.final.setChecked(True)
    monkeypatch.setattr(
        QMessageBox, "information", lambda *a, **k: QMessageBox.StandardButton.Close
    )
    dialog.export()
    assert dialog.recorded is not None and len(dialog.recorded.record.issued) == 6
    press = docx.Document(
        tmp_path / "out" / "northwind-motors_holding-1_2025-09-02-0900_press_release_en.docx"
    )
    assert "DRAFT" not in "".join(p.text for p in press.sections[0].header.paragraphs)
    assert press.core_properties.last_modified_by == "Sam Patel (General Counsel)"

    # What the main window does after a final export: keep the record, save the file.
    window.model.set_value("record", dialog.recorded.record.model_dump(mode="json"))
    assert window.files.save()
    saved = json.loads(incident_file.read_text(encoding="utf-8"))
    assert len(saved["record"]["issued"]) == 6

    record = window.record.open_record()
    assert record is not None
    assert record.history_table.rowCount() == 6
    assert record.history_table.item(0, 4).text() == "Sam Patel (General Counsel)"
    # Names and the reader's way of writing times, not ids and ISO timestamps.
    assert record.history_table.item(0, 1).text() == "Press release"
    assert record.history_table.item(0, 2).text() == "English"
    issued = record.history_table.item(0, 0).text()
    assert re.fullmatch(r"[A-Z][a-z]{2} \d{1,2}, 20\d\d, \d{1,2}:\d\d\s[AP]M", issued), issued
    assert record.first.itemText(1).endswith("· Press release (French)")
    kinds = [event.kind for event in record.timeline.events]
    assert kinds.count(EventKind.ISSUED) == 3  # one per audience, both languages together
    record.compare(0, 1)  # English and French press releases
    assert "line-through" in record.diff_view.toHtml()
    record.timeline.resize(1300, 450)
    record.timeline.grab().save(str(tmp_path / "timeline.png"))
    assert (tmp_path / "timeline.png").stat().st_size > 10_000
    record.close()


def test_changing_a_fact_after_approval_withdraws_it(make_main_window, qtbot, monkeypatch) -> None:
    window = make_main_window()

    def accept(dialog: ApproveDialog) -> int:
        dialog.name.setText("Sam Patel")
        dialog.role.setText("General Counsel")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ApproveDialog, "exec", accept)
    window.record.approve()
    assert "6 of 6" in window.review.approvals.text()
    city = next(f for f in window.pages[0].fields if f.path == "organisation.city")
    city.edit.selectAll()
    qtbot.keyClicks(city.edit, "Birmingham")  # only the press releases' dateline names it
    window.go_to_step(window.stack.indexOf(window.review))  # counted when shown
    qtbot.waitUntil(lambda: "4 of 6" in window.review.approvals.text())
    name = next(f for f in window.pages[0].fields if f.path == "organisation.name")
    name.edit.selectAll()
    qtbot.keyClicks(name.edit, "Southwind Cars")
    window.record.refresh_approvals()  # "Checking the approvals…" while the drafts render
    qtbot.waitUntil(lambda: "0 of 6" in window.review.approvals.text())


def test_a_final_export_writes_the_drafts_approval_and_the_checks_rendered(
    make_main_window, tmp_path, monkeypatch
) -> None:
    window = make_main_window()
    window.preview.template_sets.setCurrentIndex(window.preview.template_sets.findData("holding"))

    def accept(dialog: ApproveDialog) -> int:
        dialog.name.setText("Sam Patel")
        dialog.role.setText("General Counsel")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ApproveDialog, "exec", accept)
    window.record.approve()  # renders the six drafts of the facts with their approvals
    renderer = window.renderer
    rendered: list[object] = []
    render = renderer.render

    def counting(*args, **options):
        if not options.get("mark_missing"):  # the preview's own drafts are not exported
            rendered.append(args[1:3])
        return render(*args, **options)

    monkeypatch.setattr(renderer, "render", counting)

    def final_export(dialog: ExportDialog) -> int:
        dialog.folder.setText(str(tmp_path / "out"))
        dialog.final.setChecked(True)
        dialog.export()
        return dialog.result()

    monkeypatch.setattr(ExportDialog, "exec", final_export)
    monkeypatch.setattr(
        QMessageBox, "information", lambda *a, **k: QMessageBox.StandardButton.Close
    )
    incident_file = tmp_path / "nw.crisis.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(incident_file), ""))
    window.exports.export()
    assert len(list((tmp_path / "out").iterdir())) == 6
    assert rendered == []  # checked and written from the session's drafts
    assert len(window.model.value("record.issued")) == 6
