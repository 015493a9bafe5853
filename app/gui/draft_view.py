"""A draft shown in a text view, changing only the paragraphs that changed.

Replacing a view's whole page (``setHtml``) lays out every paragraph again: about
2 ms a page here, twice per keystroke with both languages shown, most of it for
paragraphs the keystroke did not touch. So only the paragraphs whose text or emphasis
differ are rewritten in the view:

- a draft with the blocks of the draft shown (same kinds, lists and levels, same
  marks and colours: what typing into a fact gives) has its changed blocks alone
  written as a page, read off screen, and their runs copied into the paragraphs that
  show those blocks (found once, when the page was shown whole);
- any other page of the same shape (a table's cells changed, the marks) is read whole
  off screen (quick: nothing is laid out) and compared paragraph by paragraph;
- a page of another shape replaces the whole page, as before.

Either way the view then holds what ``setHtml`` would have given it (tests compare
the two).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QTextBlock, QTextCharFormat, QTextDocument, QTextFormat
    from PySide6.QtWidgets import QTextBrowser

    from app.drafts.blocks import Draft
    from app.export.preview_html import PreviewColours

    Runs = list[tuple[str, QTextCharFormat]]


_LAID_OUT_SPACE = re.compile("[ \t\n\r\f\u2028]+")  # what HTML folds or breaks on


class DraftView:
    """What one view of the preview shows, and the means to change it cheaply."""

    def __init__(self, view: QTextBrowser) -> None:
        self.view = view
        self._html: str | None = None  # None: the view shows a plain text, or nothing yet
        self._draft: Draft | None = None  # the draft shown (None: a page, or a text)
        self._colours: PreviewColours | None = None
        self._paragraphs: list[int] | None = None  # the paragraph showing each block

    def show_draft(self, draft: Draft, colours: PreviewColours) -> None:
        """Show ``draft`` as the preview does (the DRAFT mark on top) in ``colours``,
        keeping the scroll position."""
        if draft == self._draft and colours == self._colours:
            return
        scroll = self.view.verticalScrollBar().value()
        if self._change_blocks(draft, colours):
            self._html = None  # the page of the draft: written only if asked for (_page)
        else:
            self.show_html(_page_of(draft, colours))
            self._paragraphs = _paragraphs(self.view.document(), draft)
        self._draft, self._colours = draft, colours
        self.view.verticalScrollBar().setValue(scroll)

    def show_html(self, html: str) -> None:
        """Show the page ``html``, keeping the scroll position; nothing is done when the
        view shows it already."""
        shown = self._page()
        if html == shown:
            return
        scroll = self.view.verticalScrollBar().value()
        if shown is None or not self._change_paragraphs(html, shown):
            self.view.setHtml(html)
        self._html, self._draft, self._paragraphs = html, None, None
        self.view.verticalScrollBar().setValue(scroll)

    def show_text(self, text: str) -> None:
        """Show a plain ``text`` (a template's error, why there is no draft yet)."""
        self._html, self._draft, self._paragraphs = None, None, None
        self.view.setPlainText(text)

    def _page(self) -> str | None:
        """The page the view shows (None: a plain text, or nothing)."""
        if self._html is None and self._draft is not None and self._colours is not None:
            self._html = _page_of(self._draft, self._colours)
        return self._html

    def _change_blocks(self, draft: Draft, colours: PreviewColours) -> bool:
        """Rewrite the paragraphs of the blocks of ``draft`` that differ from the draft
        shown; ``False`` (nothing changed) unless both have the same blocks, marks and
        colours and the view's paragraph of each block is known."""
        shown, paragraphs = self._draft, self._paragraphs
        if shown is None or paragraphs is None or colours != self._colours:
            return False
        if _marks(shown) != _marks(draft) or len(shown.blocks) != len(draft.blocks):
            return False
        changed = []
        for index, (old, new) in enumerate(zip(shown.blocks, draft.blocks, strict=True)):
            if (old.kind, old.level, old.list_id) != (new.kind, new.level, new.list_id):
                return False
            if old != new:
                changed.append(index)
        if not changed:
            return True
        from app.export.preview_html import draft_to_html  # loaded after the first paint

        only_changed = replace(draft, blocks=tuple(draft.blocks[index] for index in changed))
        page = self._off_screen(draft_to_html(only_changed, colours=colours, internal=False))
        if page.blockCount() != len(changed):
            return False
        document = self.view.document()
        rewrites = []
        written = page.begin()
        for index in changed:
            rewrites.append((document.findBlockByNumber(paragraphs[index]), written))
            written = written.next()
        _rewrite(document, rewrites)
        return True

    def _off_screen(self, html: str) -> QTextDocument:
        """``html`` read as the view would read it, not laid out."""
        from PySide6.QtGui import QTextDocument  # Qt's text classes load at the first draft

        shown = self.view.document()
        page = QTextDocument()
        page.setDefaultFont(shown.defaultFont())
        page.setDefaultStyleSheet(shown.defaultStyleSheet())
        page.setHtml(html)
        return page

    def _change_paragraphs(self, html: str, shown_html: str) -> bool:
        """Copy into the view the paragraphs of ``html`` that differ from those shown;
        ``False`` (nothing changed) when the page has another shape."""
        shown = self.view.document()
        page = self._off_screen(html)
        if _head(html) != _head(shown_html) or page.blockCount() != shown.blockCount():
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
        _rewrite(shown, changed)
        return True


def _rewrite(document: QTextDocument, changes: list[tuple[QTextBlock, QTextBlock]]) -> None:
    """Give each paragraph of ``document`` the runs of its new paragraph (of another
    document); the paragraph itself (its format, its list) stays: a copied fragment
    would bring a list item of its own."""
    if not changes:
        return
    document.setUndoRedoEnabled(False)  # a view's edits are never undone: keep no history
    from PySide6.QtGui import QTextCursor

    cursor = QTextCursor(document)
    cursor.beginEditBlock()  # laid out once, after the last change
    for old, new in changes:
        cursor.setPosition(old.position())
        cursor.setPosition(old.position() + old.length() - 1, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        for text, text_format in _runs(new):
            cursor.insertText(text, text_format)
    cursor.endEditBlock()


def _page_of(draft: Draft, colours: PreviewColours) -> str:
    """The page the preview shows of ``draft``: its DRAFT mark on top."""
    from app.export.marks import draft_mark  # these two: loaded after the first paint
    from app.export.preview_html import draft_to_html

    return draft_to_html(draft, draft_mark=draft_mark(draft), colours=colours)


def _marks(draft: Draft) -> tuple[str, ...]:
    """The lines the preview writes above the draft."""
    from app.export.marks import draft_mark, mark_lines

    return mark_lines(draft, draft_mark(draft))


def _paragraphs(document: QTextDocument, draft: Draft) -> list[int] | None:
    """The number of the paragraph of ``document`` (the page of ``draft``, its marks
    first) that shows each block of ``draft``; None for a draft with a table (a block
    of many paragraphs) or when the page does not read as the draft (never expected:
    the blocks are then compared as pages)."""
    from app.drafts.blocks import BlockKind  # drafts come after the first paint

    if any(block.kind is BlockKind.TABLE for block in draft.blocks):
        return None
    found = []
    paragraph = document.begin().next()  # after the marks
    for block in draft.blocks:
        while paragraph.isValid() and not _bare(paragraph.text()):
            paragraph = paragraph.next()  # an empty paragraph of the page's own
        if not paragraph.isValid() or _bare(paragraph.text()) != _bare(block.text):
            return None
        found.append(paragraph.blockNumber())
        paragraph = paragraph.next()
    return found


def _bare(text: str) -> str:
    """``text`` without the spaces and breaks HTML folds, to tell paragraphs apart."""
    return _LAID_OUT_SPACE.sub("", text)


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
    from PySide6.QtGui import QTextTable

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
    from PySide6.QtGui import QTextFormat

    text_format.clearProperty(QTextFormat.Property.ObjectIndex)
    return text_format
