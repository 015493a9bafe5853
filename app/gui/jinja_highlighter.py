"""Syntax colours for templates: Jinja tags and expressions, Markdown headings, front
matter, so authors see at a glance what is wording and what is logic."""

from __future__ import annotations

import re

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument


def _format(color: str, *, bold: bool = False, italic: bool = False) -> QTextCharFormat:
    text_format = QTextCharFormat()
    text_format.setForeground(QColor(color))
    if bold:
        text_format.setFontWeight(QFont.Weight.Bold)
    text_format.setFontItalic(italic)
    return text_format


RULES: list[tuple[re.Pattern[str], QTextCharFormat]] = [
    (re.compile(r"^#{1,6} .*$"), _format("#1f2a44", bold=True)),
    (re.compile(r"\*\*[^*]+\*\*"), _format("#333333", bold=True)),
    (re.compile(r"\{\{.*?\}\}"), _format("#0b6e4f")),
    (re.compile(r"\{%.*?%\}"), _format("#7a3e9d", bold=True)),
    (re.compile(r"\{#.*?#\}"), _format("#888888", italic=True)),
]
FRONT_MATTER = _format("#9a6700")


class JinjaHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt's name
        # Block state 1: inside the front matter (between the first two "---" lines).
        previous = self.previousBlockState()
        block_number = self.currentBlock().blockNumber()
        if text.strip() == "---" and (block_number == 0 or previous == 1):
            self.setFormat(0, len(text), FRONT_MATTER)
            self.setCurrentBlockState(1 if block_number == 0 else 0)
            return
        if previous == 1:
            self.setFormat(0, len(text), FRONT_MATTER)
            self.setCurrentBlockState(1)
            return
        self.setCurrentBlockState(0)
        for pattern, text_format in RULES:
            for match in pattern.finditer(text):
                self.setFormat(match.start(), match.end() - match.start(), text_format)
