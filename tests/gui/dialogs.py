"""Every dialog and window the main window opens, opened as a user opens them and left
open for a test to read (a modal dialog's ``exec`` shows it and returns at once)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication, QDialog, QWidget

from app.gui.main_window import MainWindow
from tests.gui.edited_documents import CLAIMS, edited_copy, exported_press_release

DIALOGS = ("approve", "export", "preferences", "record", "templates", "help", "edited issue")


def dialog_openers(window: MainWindow) -> dict[str, Callable[[], object]]:
    """How a user opens each dialog of the main window, by name (:data:`DIALOGS`)."""
    return {
        "approve": window.record.approve,
        "export": window.exports.export,
        "preferences": window.library.open_preferences,
        "record": window.record.open_record,
        "templates": window.library.open_template_library,
        "help": window.help.for_step,
        "edited issue": lambda: open_edited_issue(window),
    }


def open_edited_issue(window: MainWindow) -> None:
    """Record › Issue an edited document… on the press release in the interface
    language, exported and edited in Word with a claim the facts do not support and
    the DRAFT mark left in: the dialog shows problems and changes. The files go to the
    test's own folder (where the fixture keeps the window's settings)."""
    folder = Path(window.settings.fileName()).parent / "edited-issue"
    language = window.translator.language
    exported = exported_press_release(window, folder, language)
    window.record.edited_issues.open(edited_copy(exported, CLAIMS[language], keep_mark=True))


def opened_dialog(monkeypatch, open_it: Callable[[], object]) -> QWidget:
    """The dialog or window ``open_it`` shows, left open for reading."""
    seen: list[QWidget] = []

    def look(dialog: QDialog) -> int:
        dialog.show()
        QApplication.processEvents()
        seen.append(dialog)
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(QDialog, "exec", look)
    before = set(QApplication.topLevelWidgets())
    shown = open_it()
    QApplication.processEvents()
    if isinstance(shown, QWidget):
        return shown
    opened = seen or [
        w for w in QApplication.topLevelWidgets() if w not in before and w.isVisible()
    ]
    assert opened, "no dialog opened"
    return opened[0]
