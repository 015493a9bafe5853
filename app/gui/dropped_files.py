"""What a file dropped on the main window is: a Word document brought back after others
edited it (issued from the Record menu's dialog), or nothing the window takes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QObject, QTimer
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QWidget


def dropped_word_document(mime: QMimeData) -> Path | None:
    """The Word document (.docx) dropped, when one local file is and it is one; else
    ``None`` (several files, a web address, text, another kind of file: the window
    refuses the drop, so the pointer says so before the button is let go)."""
    urls = mime.urls() if mime.hasUrls() else []
    if len(urls) != 1 or not urls[0].isLocalFile():
        return None
    path = Path(urls[0].toLocalFile())
    return path if path.suffix.lower() == ".docx" else None


class WordDocumentDrops(QObject):
    """Lets ``window`` take a Word document dropped on it, handed to ``take`` (Record ›
    Issue an edited document) once the drop is over: a dialog opened within the drop
    would hold the file manager it was dragged from until the dialog closes."""

    def __init__(self, window: QWidget, take: Callable[[Path], object]) -> None:
        super().__init__(window)
        self.take = take
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if isinstance(event, QDropEvent):  # a drag entering or moving too (subclasses)
            path = dropped_word_document(event.mimeData())
            if path is None:
                event.ignore()
                return True
            event.acceptProposedAction()
            if event.type() == QEvent.Type.Drop:
                QTimer.singleShot(0, lambda: self.take(path))
            return True
        return False
