"""Syntax colours for templates: Jinja tags and expressions, Markdown headings, front
matter, so authors see at a glance what is wording and what is logic. The colours are
made readable on the editor's theme (lighter on a dark one) and follow it when it
changes."""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QColor, QFont, QPalette, QSyntaxHighlighter, QTextCharFormat
from PySide6.QtWidgets import QPlainTextEdit

from app.gui.theme import readable


def _format(
    palette: QPalette, colour: str, *, bold: bool = False, italic: bool = False
) -> QTextCharFormat:
    text_format = QTextCharFormat()
    base, text = palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Text)
    text_format.setForeground(readable(QColor(colour), base, text))
    if bold:
        text_format.setFontWeight(QFont.Weight.Bold)
    text_format.setFontItalic(italic)
    return text_format


# (pattern, colour on a light theme, bold, italic)
RULES: list[tuple[re.Pattern[str], str, bool, bool]] = [
    (re.compile(r"^#{1,6} .*$"), "#1f2a44", True, False),
    (re.compile(r"\*\*[^*]+\*\*"), "#333333", True, False),
    (re.compile(r"\{\{.*?\}\}"), "#0b6e4f", False, False),
    (re.compile(r"\{%.*?%\}"), "#7a3e9d", True, False),
    (re.compile(r"\{#.*?#\}"), "#888888", False, True),
]
FRONT_MATTER = "#9a6700"


class JinjaHighlighter(QSyntaxHighlighter):
    """Colours ``editor``'s text, in colours that read on the editor's palette."""

    def __init__(self, editor: QPlainTextEdit) -> None:
        super().__init__(editor.document())
        self.editor = editor
        self._use_palette()
        editor.installEventFilter(self)

    def _use_palette(self) -> None:
        palette = self.editor.palette()
        self.rules = [
            (pattern, _format(palette, colour, bold=bold, italic=italic))
            for pattern, colour, bold, italic in RULES
        ]
        self.front_matter = _format(palette, FRONT_MATTER)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.editor and event.type() == QEvent.Type.PaletteChange:
            self._use_palette()
            self.rehighlight()
        return False

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt's name
        # Block state 1: inside the front matter (between the first two "---" lines).
        previous = self.previousBlockState()
        block_number = self.currentBlock().blockNumber()
        if text.strip() == "---" and (block_number == 0 or previous == 1):
            self.setFormat(0, len(text), self.front_matter)
            self.setCurrentBlockState(1 if block_number == 0 else 0)
            return
        if previous == 1:
            self.setFormat(0, len(text), self.front_matter)
            self.setCurrentBlockState(1)
            return
        self.setCurrentBlockState(0)
        for pattern, text_format in self.rules:
            for match in pattern.finditer(text):
                self.setFormat(match.start(), match.end() - match.start(), text_format)
