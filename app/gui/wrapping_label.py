"""A word-wrapped label that keeps the height its text needs at its width.

A wrapped ``QLabel`` tells a layout that one line is enough (its minimum size hint), so
a box layout short of room, or one that laid the label out before its text grew, may
leave the second line cut off. This label's minimum is the height of its text at its
width, and it asks for a new layout whenever its width changes.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel


class WrappingLabel(QLabel):
    def __init__(self) -> None:
        super().__init__()
        self.setWordWrap(True)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        hint = super().minimumSizeHint()
        if self.width() <= 0:
            return hint
        return QSize(hint.width(), max(hint.height(), self.heightForWidth(self.width())))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()  # the height the text needs follows the width
