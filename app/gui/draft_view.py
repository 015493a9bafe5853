"""A draft shown in a text view, changing only the paragraphs that changed.

Replacing a view's whole page (``setHtml``) lays out every paragraph again: about
2 ms a page here, twice per keystroke with both languages shown, most of it for
paragraphs the keystroke did not touch. So a new page of the same shape (the same
paragraphs, lists and tables, in the same formats: what typing into a fact gives) is
read into a document off screen (quick: nothing is laid out) and only the paragraphs
whose text or emphasis differ are copied into the view; a page of another shape
replaces the whole page, as before. Either way the view then holds what ``setHtml``
would have given it (tests compare the two).
"""

from __future__ import annotations

from PySide6.QtGui import (
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextTable,
)
from PySide6.QtWidgets import QTextBrowser

Runs = list[tuple[str, QTextCharFormat]]


class DraftView:
    """What one view of the preview shows, and the means to change it cheaply."""

    def __init__(self, view: QTextBrowser) -> None:
        self.view = view
        self._html: str | None = None  # None: the view shows a plain text, or nothing yet

    def show_html(self, html: str) -> None:
        """Show the page ``html``, keeping the scroll position; nothing is done when the
        view shows it already."""
        if html == self._html:
            return
        scroll = self.view.verticalScrollBar().value()
        if self._html is None or not self._change_paragraphs(html):
            self.view.setHtml(html)
        self._html = html
        self.view.verticalScrollBar().setValue(scroll)

    def show_text(self, text: str) -> None:
        """Show a plain ``text`` (a template's error, why there is no draft yet)."""
        self._html = None
        self.view.setPlainText(text)

    def _change_paragraphs(self, html: str) -> bool:
        """Copy into the view the paragraphs of ``html`` that differ from those shown;
        ``False`` (nothing changed) when the page has another shape."""
        shown = self.view.document()
        page = QTextDocument()
        page.setDefaultFont(shown.defaultFont())
        page.setDefaultStyleSheet(shown.defaultStyleSheet())
        page.setHtml(html)
        if _head(html) != _head(self._html or "") or page.blockCount() != shown.blockCount():
            return False  # other colours (the theme changed), or other paragraphs
        if _frames(page) != _frames(shown):
            return False
        changed: list[tuple[QTextBlock, QTextBlock]] = []
        old, new = shown.begin(), page.begin()
        while old.isValid():
            if not _same_shape(old, new):
                return False
            if old.text() != new.text() or _runs(old) != _runs(new):
                changed.append((old, new))
            old, new = old.next(), new.next()
        if not changed:
            return True
        shown.setUndoRedoEnabled(False)  # a view's edits are never undone: keep no history
        cursor = QTextCursor(shown)
        cursor.beginEditBlock()  # laid out once, after the last change
        for old, new in changed:
            # the paragraph's runs, each in its format; the paragraph itself (its format,
            # its list) stays: a copied fragment would bring a list item of its own
            cursor.setPosition(old.position())
            cursor.setPosition(old.position() + old.length() - 1, QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
            for text, text_format in _runs(new):
                cursor.insertText(text, text_format)
        cursor.endEditBlock()
        return True


def _head(html: str) -> str:
    """The page's style sheet: its colours and fonts."""
    return html.partition("<body")[0]


def _same_shape(old: QTextBlock, new: QTextBlock) -> bool:
    """Whether two paragraphs have the same format and place (list, level)."""
    if _without_object(old.blockFormat()) != _without_object(new.blockFormat()):
        return False
    if old.charFormat() != new.charFormat():
        return False
    old_list, new_list = old.textList(), new.textList()
    if (old_list is None) != (new_list is None):
        return False
    if old_list is not None and new_list is not None:
        if _without_object(old_list.format()) != _without_object(new_list.format()):
            return False
        if old_list.itemNumber(old) != new_list.itemNumber(new):
            return False
    return True


def _frames(document: QTextDocument) -> list[tuple[int, int, int, int, QTextFormat]]:
    """The tables of ``document``: the paragraphs each begins and ends with (their
    numbers), its rows, its columns and its format (widths of the columns, lines)."""
    found = []
    for frame in document.rootFrame().childFrames():
        rows, columns = (frame.rows(), frame.columns()) if isinstance(frame, QTextTable) else (0, 0)
        first = document.findBlock(frame.firstPosition()).blockNumber()
        last = document.findBlock(frame.lastPosition()).blockNumber()
        found.append((first, last, rows, columns, _without_object(frame.frameFormat())))
    return found


def _runs(block: QTextBlock) -> Runs:
    """The runs of text of ``block``, each with its format."""
    runs: Runs = []
    fragments = block.begin()
    while not fragments.atEnd():
        fragment = fragments.fragment()
        runs.append((fragment.text(), fragment.charFormat()))
        fragments += 1
    return runs


def _without_object(text_format: QTextFormat) -> QTextFormat:
    """``text_format`` without the index of the object (list, table) it belongs to,
    which differs from one document to another for the same list."""
    text_format.clearProperty(QTextFormat.Property.ObjectIndex)
    return text_format
