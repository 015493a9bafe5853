"""A word diff shown as tracked changes read: removed words struck through in red,
added ones underlined in green, in the colours of the window's theme, scrolled to the
first change (a few words edited in a long statement are found at once)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QTextBrowser

from app.gui.theme import diff_colours
from app.record.diff import Piece, diff_as_html


def show_diff(view: QTextBrowser, pieces: Sequence[Piece]) -> None:
    """``pieces`` in ``view``, its first change in sight."""
    colours = diff_colours(view.palette())  # readable on a dark theme too
    view.setHtml(diff_as_html(list(pieces), **colours))
    show_first_change(view)


def show_first_change(view: QTextBrowser) -> None:
    """Scroll ``view`` (a diff as :func:`diff_as_html` writes it) to its first word
    struck through or underlined."""
    cursor = QTextCursor(view.document())
    block = view.document().begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            look = fragment.charFormat()
            if look.fontStrikeOut() or look.fontUnderline():
                cursor.setPosition(fragment.position())
                view.setTextCursor(cursor)
                view.ensureCursorVisible()
                return
            fragments += 1
        block = block.next()
