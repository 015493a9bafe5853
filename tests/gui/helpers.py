"""Finding the editors of a window as a user finds them: by the fact they edit."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QWidget

from app.gui.fields import BoundField
from app.gui.main_window import MainWindow
from app.gui.rows import RowsEditor

LAYOUT_ROUNDS = 4


def field(window: MainWindow, path: str) -> BoundField:
    """The editor of ``path`` on whichever step holds it."""
    for page in window.pages:
        for candidate in page.fields:
            if candidate.path == path:
                return candidate
    raise AssertionError(f"no field for {path}")


def rows(window: MainWindow, path: str) -> RowsEditor:
    for page in window.pages:
        for candidate in page.rows:
            if candidate.path == path:
                return candidate
    raise AssertionError(f"no rows for {path}")


def pick(qtbot, combo: QComboBox, label: str) -> None:
    """Choose ``label`` in a drop-down list with the keyboard, as a user can."""
    combo.setFocus()
    index = combo.findText(label)
    assert index >= 0, (
        f"{label!r} is not offered: {[combo.itemText(i) for i in range(combo.count())]}"
    )
    while combo.currentIndex() != index:
        key = Qt.Key.Key_Down if combo.currentIndex() < index else Qt.Key.Key_Up
        qtbot.keyClick(combo, key)


def click(qtbot, button: QAbstractButton) -> None:
    """Click a radio button or check box on its indicator, where a user aims."""
    qtbot.mouseClick(
        button, Qt.MouseButton.LeftButton, pos=QPoint(button.height() // 2, button.height() // 2)
    )


def settle(qtbot, window: MainWindow) -> None:
    """Wait, as a user's eyes do, until the preview and the step shown (its Q&A answers,
    its short texts) show the facts as they stand and are laid out for them (drafts are
    rendered in the background, so a slow first render may take a moment)."""
    qtbot.waitUntil(
        lambda: (
            window.preview.shown_revision == window.model.revision
            and window.background.idle()  # the step's own drafts too (Q&A, short texts)
        ),
        timeout=10_000,
    )
    # The layouts their texts asked for: a wrapped label laid out anew may ask for one
    # more (its height follows its width), so a few rounds, as the next frames would.
    for _round in range(LAYOUT_ROUNDS):
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        QApplication.processEvents()


def type_text(qtbot, widget: QWidget, text: str) -> None:
    """Type ``text`` key by key (QTest's own typing knows ASCII only: é, ’ and « »
    are sent as the text of a key press, as a keyboard layout sends them)."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
        else:
            QTest.sendKeyEvent(
                QTest.KeyAction.Click,
                widget,
                Qt.Key.Key_unknown,
                char,
                Qt.KeyboardModifier.NoModifier,
            )
