"""Where a tracked change or comment is, said as a reader finds it: body paragraphs
are numbered as a reader counts them (those with text, from 1, table cells' included)
and named by their first words as they read once the changes are accepted; the
headers, footers and notes are named as such.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum
from typing import Final

from lxml import etree  # type: ignore[import-untyped]

from app.word_import.ooxml import w

_MC_FALLBACK: Final = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_WORDS_SHOWN: Final = 6
_WORDS_LENGTH: Final = 48


class Part(Enum):
    """Where in the document a change or comment is."""

    BODY = "body"
    HEADER = "header"
    FOOTER = "footer"
    FOOTNOTE = "footnote"
    ENDNOTE = "endnote"
    LAYOUT = "layout"  # the page setup of a section
    UNKNOWN = "unknown"  # a comment anchored nowhere


@dataclass(frozen=True)
class Place:
    """A place in the document: for the body, the paragraph's number among those with
    text (``paragraph``) and its first ``words``; an empty paragraph has ``words`` ""
    and the number of the paragraph with text before it (0 at the start)."""

    part: Part
    paragraph: int = 0
    words: str = ""


class Places:
    """The place of each paragraph of one part."""

    def __init__(self, part: Part, root: etree._Element) -> None:
        self.part = part
        self._places: dict[etree._Element, Place] = {}
        number = 0
        for paragraph in paragraphs(root):
            words = _first_words(paragraph)
            number += 1 if words else 0
            self._places[paragraph] = Place(part, number, words)

    def of(self, element: etree._Element) -> Place:
        """The place of the paragraph ``element`` is in (or, for a table's row or
        cell, the first paragraph of it); the page setup for what is in none."""
        if self.part is not Part.BODY:
            return Place(self.part)
        paragraph = enclosing(element, w("p"))
        if paragraph is None:
            paragraph = next(element.iter(w("p")), None)
        if paragraph is None or paragraph not in self._places:
            return Place(Part.LAYOUT)
        return self._places[paragraph]


def paragraphs(root: etree._Element) -> Iterator[etree._Element]:
    """The paragraphs of a part in order, those of text boxes once (Word keeps a text
    box twice, the second time for older readers)."""
    for paragraph in root.iter(w("p")):
        if enclosing(paragraph, _MC_FALLBACK) is None:
            yield paragraph


def enclosing(element: etree._Element, tag: str) -> etree._Element | None:
    return next(element.iterancestors(tag), None)


def _first_words(paragraph: etree._Element) -> str:
    """The paragraph's first words as they read once its changes are accepted; for a
    paragraph wholly deleted, its deleted words (the reviewer sees them struck out)."""
    words: list[str] = []
    for tag in (w("t"), w("delText")):
        texts = [
            text.text or ""
            for text in paragraph.iter(tag)
            if enclosing(text, w("p")) is paragraph and enclosing(text, w("moveFrom")) is None
        ]
        words = "".join(texts).split()
        if words:
            break
    shown = " ".join(words[:_WORDS_SHOWN])
    if len(shown) > _WORDS_LENGTH:
        shown = shown[:_WORDS_LENGTH].rstrip()
    return shown + ("…" if shown != " ".join(words) else "")
