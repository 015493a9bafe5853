"""File › Export as PDF and File › Print, as a user reaches them from the menu."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from PySide6.QtGui import QAction
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QMessageBox

from app.export.naming import DocumentFormat
from app.gui.export_dialog import ExportDialog
from app.gui.main_window import MainWindow
from app.templates.documents import DocumentKind
from tests.gui.helpers import settle

STEM = "northwind-motors_holding-1_2025-09-02-0900_press_release"


def file_menu_action(window: MainWindow, text: str) -> QAction:
    """The File menu's entry reading ``text`` (Alt letters aside)."""
    file_menu = window.menuBar().actions()[0].menu()
    return next(a for a in file_menu.actions() if a.text().replace("&", "") == text)


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_export_as_pdf_writes_the_pdfs_of_the_chosen_drafts(
    make_main_window, tmp_path: Path, monkeypatch
) -> None:
    window = make_main_window()
    opened: list[ExportDialog] = []
    said: list[str] = []

    def choose_and_export(dialog: ExportDialog) -> int:
        opened.append(dialog)
        dialog.folder.setText(str(tmp_path / "out"))
        for document, box in dialog.documents.items():
            box.setChecked(document.value == "press_release")
        dialog.export()
        return dialog.result()

    monkeypatch.setattr(ExportDialog, "exec", choose_and_export)
    monkeypatch.setattr(
        QMessageBox,
        "information",
        lambda _parent, _title, text, *_buttons: (
            said.append(text) or QMessageBox.StandardButton.Close
        ),
    )
    file_menu_action(window, "Export as PDF…").trigger()
    (dialog,) = opened
    assert dialog.windowTitle() == "Export as PDF"
    assert dialog.chosen_formats() == (DocumentFormat.PDF,)
    assert not dialog.reference.isEnabled()  # a letterhead styles Word documents only
    out = tmp_path / "out"
    assert sorted(path.name for path in out.iterdir()) == [f"{STEM}_en.pdf", f"{STEM}_fr.pdf"]
    assert said[0].startswith("2 PDF documents written to ")
    assert "DRAFT – NOT FOR RELEASE" in pdf_text(out / f"{STEM}_en.pdf")
    assert "« Nous avons agi rapidement" in pdf_text(out / f"{STEM}_fr.pdf")


def test_word_and_pdf_ticked_together_write_both(
    make_main_window, tmp_path: Path, monkeypatch
) -> None:
    window = make_main_window(language="fr")
    incident, _problems = window.model.validated()
    dialog = ExportDialog(
        window, incident, window.renderer, window.translator.gettext, tmp_path, "x",
        language="fr",
    )  # fmt: skip
    assert dialog.windowTitle() == "Exporter les documents Word"
    dialog.formats[DocumentFormat.PDF].setChecked(True)
    dialog.languages["en"].setChecked(False)
    dialog.documents[DocumentKind.STAFF_MESSAGE].setChecked(False)
    said: list[str] = []
    monkeypatch.setattr(
        QMessageBox,
        "information",
        lambda _parent, _title, text, *_buttons: (
            said.append(text) or QMessageBox.StandardButton.Close
        ),
    )
    dialog.export()
    assert len(list(tmp_path.glob("*.docx"))) == 2 and len(list(tmp_path.glob("*.pdf"))) == 2
    assert said[0] == f"Documents Word et leurs PDF créés dans {tmp_path}\u00a0: 2."


def test_print_prints_the_visible_draft_with_its_mark_on_every_page(
    make_main_window, qtbot, tmp_path: Path, monkeypatch
) -> None:
    window = make_main_window(language="fr")
    window.preview.set_language_mode("fr")
    settle(qtbot, window)
    printed = tmp_path / "printed.pdf"
    titles: list[str] = []

    def print_to_a_file(dialog: QPrintDialog) -> int:
        titles.append(dialog.windowTitle())
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(printed))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", print_to_a_file)
    action = file_menu_action(window, "Imprimer…")
    assert action.shortcut().toString() == "Ctrl+P"
    action.trigger()
    assert titles == ["Imprimer le projet"]
    # Qt's PDF separates words with tabs where a viewer reads spaces.
    pages = [" ".join(page.extract_text().split()) for page in PdfReader(printed).pages]
    assert len(pages) >= 2
    for number, text in enumerate(pages, start=1):
        assert text.startswith("PROJET – NE PAS DIFFUSER · 2 septembre 2025 à 9 h 00")
        assert text.endswith(f"Page {number} sur {len(pages)}")
    body = "\n".join(pages)
    assert "COMMUNIQUÉ DE PRESSE" in body and "« Nous avons agi rapidement" in body
    assert window.statusBar().currentMessage() == f"Imprimé\u00a0: {len(pages)} page(s)."


def test_printing_cancelled_prints_nothing(make_main_window, tmp_path: Path, monkeypatch) -> None:
    window = make_main_window()
    chosen: list[QPrinter] = []

    def cancel(dialog: QPrintDialog) -> int:
        dialog.printer().setOutputFileName(str(tmp_path / "never.pdf"))
        chosen.append(dialog.printer())
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(QPrintDialog, "exec", cancel)
    window.exports.print_draft()
    assert chosen and not (tmp_path / "never.pdf").exists()
