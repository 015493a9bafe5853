"""What a file dropped on the main window is: a Word document brought back after others
edited it (issued from the Record menu's dialog), or nothing the window takes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData


def dropped_word_document(mime: QMimeData) -> Path | None:
    """The Word document (.docx) dropped, when one local file is and it is one; else
    ``None`` (several files, a web address, text, another kind of file: the window
    refuses the drop, so the pointer says so before the button is let go)."""
    urls = mime.urls() if mime.hasUrls() else []
    if len(urls) != 1 or not urls[0].isLocalFile():
        return None
    path = Path(urls[0].toLocalFile())
    return path if path.suffix.lower() == ".docx" else None
