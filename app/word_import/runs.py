"""A paragraph's runs -> the draft's spans: text as Word shows it (tracked insertions
in, deletions out), bold and italic as set on the words (directly or by a character
style), a line break as ``"\\n"`` and a tab as ``"\\t"``; no-break spaces and French
quotes are characters like any other and stay as they are.

Each piece of text also counts towards the proofing language it is in (what Word
checks it as): the run's own ``w:lang``, else its character style's, else its
paragraph style's, else the document's default.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Final

from lxml import etree  # type: ignore[import-untyped]

from app.drafts.blocks import Span
from app.word_import.ooxml import switched_on, w, w_attribute
from app.word_import.styles import StyleSheet, language_of

_MC: Final = "http://schemas.openxmlformats.org/markup-compatibility/2006"
#: Elements whose runs are text of the paragraph: links, content controls, smart tags,
#: simple fields (their shown result), and tracked insertions or moves here.
CONTAINERS: Final = frozenset(
    w(tag)
    for tag in (
        "hyperlink",
        "smartTag",
        "sdt",
        "sdtContent",
        "customXml",
        "fldSimple",
        "ins",
        "moveTo",
        "dir",
        "bdo",
    )
)
#: Run children that are text, and what they read as.
_BREAKS: Final = frozenset({None, "textWrapping"})  # a page or column break is layout
_CHARACTERS: Final = {w("tab"): "\t", w("ptab"): "\t", w("cr"): "\n", w("noBreakHyphen"): "\u2011"}
_SYMBOL_FONT_AREA: Final = 0xF000  # w:sym in a symbol font's private area: no character


@dataclass
class RunReader:
    """Reads runs with one document's styles, counting the characters of each
    proofing language into ``languages`` (body text only: give headers another)."""

    styles: StyleSheet
    languages: Counter[str]

    def spans(self, paragraph: etree._Element, paragraph_style: str | None) -> tuple[Span, ...]:
        """The spans of ``paragraph`` (of style ``paragraph_style``), adjacent runs of
        the same look merged into one span."""
        spans: list[Span] = []
        self._walk(paragraph, paragraph_style, spans)
        return tuple(span for span in spans if span.text)

    def _walk(
        self, element: etree._Element, paragraph_style: str | None, spans: list[Span]
    ) -> None:
        for child in element:
            if child.tag == w("r"):
                self._run(child, paragraph_style, spans)
            elif child.tag in CONTAINERS:
                self._walk(child, paragraph_style, spans)
            elif child.tag == f"{{{_MC}}}AlternateContent":
                choice = child.find(f"{{{_MC}}}Choice")
                if choice is not None:
                    self._walk(choice, paragraph_style, spans)

    def _run(self, run: etree._Element, paragraph_style: str | None, spans: list[Span]) -> None:
        properties = run.find(w("rPr"))
        character_style = _character_style(properties)
        if self._switch(properties, character_style, "vanish"):
            return  # hidden text: not shown, not printed
        text = run_text(run)
        if not text:
            return
        bold = self._switch(properties, character_style, "b")
        italic = self._switch(properties, character_style, "i")
        language = language_of(properties) or self.styles.language(
            (character_style, paragraph_style)
        )
        if language:
            self.languages[language] += sum(1 for character in text if not character.isspace())
        if spans and (spans[-1].bold, spans[-1].italic) == (bold, italic):
            spans[-1] = Span(spans[-1].text + text, bold=bold, italic=italic)
        else:
            spans.append(Span(text, bold=bold, italic=italic))

    def _switch(
        self, properties: etree._Element | None, character_style: str | None, tag: str
    ) -> bool:
        own = switched_on(properties.find(w(tag))) if properties is not None else None
        return own if own is not None else self.styles.run_switch(character_style, tag)


def run_text(run: etree._Element, *, deleted: bool = False) -> str:
    """The text of one run as Word shows it; with ``deleted``, its deleted text too
    (``w:delText``: what a reviewer sees struck through)."""
    parts: list[str] = []
    for child in run:
        tag = child.tag
        if tag == w("t") or (deleted and tag == w("delText")):
            parts.append(child.text or "")
        elif tag == w("br"):
            if w_attribute(child, "type") in _BREAKS:
                parts.append("\n")
        elif tag in _CHARACTERS:
            parts.append(_CHARACTERS[tag])
        elif tag == w("sym"):
            parts.append(_symbol(child))
    return "".join(parts)


def _symbol(element: etree._Element) -> str:
    code = w_attribute(element, "char") or ""
    try:
        value = int(code, 16)
    except ValueError:
        return ""
    return chr(value) if 0 < value < _SYMBOL_FONT_AREA else ""


def _character_style(properties: etree._Element | None) -> str | None:
    style = properties.find(w("rStyle")) if properties is not None else None
    return w_attribute(style, "val") if style is not None else None
