"""Every dialog and window the main window opens, opened as a user opens them and left
open for a test to read (a modal dialog's ``exec`` shows it and returns at once)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QApplication, QDialog, QWidget

from app.gui.main_window import MainWindow

DIALOGS = ("approve", "export", "preferences", "record", "templates", "help")


def dialog_openers(window: MainWindow) -> dict[str, Callable[[], object]]:
    """How a user opens each dialog of the main window, by name (:data:`DIALOGS`)."""
    return {
        "approve": window.record.approve,
        "export": window.exports.export,
        "preferences": window.library.open_preferences,
        "record": window.record.open_record,
        "templates": window.library.open_template_library,
        "help": window.help.for_step,
    }


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
