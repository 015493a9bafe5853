"""The export dialog tells what was dropped from a hostile letterhead, and exports."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from app.gui.export_dialog import ExportDialog
from tests.export.letterheads import TEMPLATE_SHARE, hostile_letterhead


def test_export_done_lists_what_was_dropped_from_the_letterhead(
    make_main_window, tmp_path, monkeypatch
) -> None:
    letterhead = tmp_path / "letterhead.docx"
    letterhead.write_bytes(hostile_letterhead())
    window = make_main_window()
    incident, _problems = window.model.validated()
    dialog = ExportDialog(
        window, incident, window.renderer, window.translator.gettext, tmp_path / "out", "x"
    )
    dialog.reference.setText(str(letterhead))
    shown: list[tuple[str, str]] = []

    def information(_parent, title, text, *_buttons):
        shown.append((title, text))
        return QMessageBox.StandardButton.Close

    monkeypatch.setattr(QMessageBox, "information", information)
    dialog.export()
    assert len(dialog.written) == 6
    ((title, text),) = shown
    assert title == "Export done"
    lines = text.splitlines()
    assert lines[0].startswith("6 Word documents written to ")
    assert "• letterhead.docx: dropped macros" in lines
    assert (
        f"• letterhead.docx: dropped a link to a template on another computer ({TEMPLATE_SHARE})"
        in lines
    )
    assert len([line for line in lines if line.startswith("• letterhead.docx: dropped ")]) == 9
