"""Date and time boxes that take a date typed the way people type it, separators and all.

Qt's date editors move on to the next part by themselves once a part is full ("02"
fills the day) and also move on when a separator is typed, so "02/09/2025 09:00" typed
in one go skipped a part at every separator and landed, silently, on another date. A
separator typed just after such a move is taken as the move it already was."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit

#: What people type between the parts of a date or time, in the formats the app uses.
SEPARATORS = frozenset("/.-: ,\u00a0\u202f")


class _SeparatorAfterMove:
    """Swallows one separator typed right after the editor moved on by itself."""

    _moved_by_itself = False

    def _typed(
        self, editor: QDateTimeEdit, event: QKeyEvent, press: Callable[[QKeyEvent], None]
    ) -> None:
        text = event.text()
        if text and text in SEPARATORS and self._moved_by_itself:
            self._moved_by_itself = False
            event.accept()
            return
        before = editor.currentSectionIndex()
        press(event)
        self._moved_by_itself = text.isdigit() and editor.currentSectionIndex() != before


class DateTimeEntry(_SeparatorAfterMove, QDateTimeEdit):
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        self._typed(self, event, super().keyPressEvent)


class DateEntry(_SeparatorAfterMove, QDateEdit):
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        self._typed(self, event, super().keyPressEvent)
