"""File › Export Word documents…, for counsel: "Mark for legal review" puts the privilege
mark in every exported draft's header, under the DRAFT mark; a final export cannot
carry it."""

from __future__ import annotations

from pathlib import Path

import docx
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.gui.export_dialog import ExportDialog
from app.gui.mnemonics import without_mnemonic
from app.templates.documents import DocumentKind
from tests.gui.dialogs import opened_dialog
from tests.gui.helpers import click

STEM = "northwind-motors_holding-1_2025-09-02-0900_press_release"


def header_lines(path: Path) -> list[str]:
    header = docx.Document(path).sections[0].header
    return "\n".join(paragraph.text for paragraph in header.paragraphs).splitlines()


def export_dialog(window, monkeypatch) -> ExportDialog:
    """The export dialog as File › Export Word documents… opens it."""
    dialog = opened_dialog(monkeypatch, window.exports.export)
    assert isinstance(dialog, ExportDialog)
    return dialog


def test_a_draft_marked_for_legal_review_says_so_in_its_word_header(
    make_main_window, qtbot, tmp_path: Path, monkeypatch
) -> None:
    window = make_main_window(language="fr")
    dialog = export_dialog(window, monkeypatch)
    assert without_mnemonic(dialog.privileged.text()) == (
        "Marquer pour la relecture juridique (confidentiel)"
    )
    assert "«\u00a0Confidentiel – préparé à la demande" in dialog.privileged.toolTip()
    assert not dialog.privileged.isChecked()  # a plain draft unless asked
    for document, box in dialog.documents.items():
        box.setChecked(document is DocumentKind.PRESS_RELEASE)
    dialog.folder.setText(str(tmp_path / "pour le conseil"))
    click(qtbot, dialog.privileged)
    assert dialog.privileged.isChecked()
    said: list[str] = []
    monkeypatch.setattr(
        QMessageBox,
        "information",
        lambda _parent, _title, text, *_buttons: (
            said.append(text) or QMessageBox.StandardButton.Close
        ),
    )
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert said and said[0].startswith("Documents Word créés dans")
    out = tmp_path / "pour le conseil"
    french = header_lines(out / f"{STEM}_fr.docx")
    assert len(french) == 2
    assert french[0].startswith("PROJET – NE PAS DIFFUSER · 2\u00a0septembre 2025")
    assert french[1] == "CONFIDENTIEL – PRÉPARÉ À LA DEMANDE DU CONSEIL JURIDIQUE"
    english = header_lines(out / f"{STEM}_en.docx")
    assert english[1] == "PRIVILEGED & CONFIDENTIAL – PREPARED AT THE REQUEST OF COUNSEL"


def test_a_final_export_offers_no_privilege_mark(make_main_window, qtbot, monkeypatch) -> None:
    window = make_main_window()
    dialog = export_dialog(window, monkeypatch)
    assert without_mnemonic(dialog.privileged.text()) == (
        "Mark for legal review (privileged & confidential)"
    )
    click(qtbot, dialog.privileged)
    assert dialog.privileged.isChecked()
    click(qtbot, dialog.final)
    assert dialog.final.isChecked()
    assert not dialog.privileged.isChecked() and not dialog.privileged.isEnabled()
    click(qtbot, dialog.final)  # a draft again: the choice is offered, not ticked
    assert dialog.privileged.isEnabled() and not dialog.privileged.isChecked()
    dialog.close()
