"""A returned document's styles, matched by *name*: Word and LibreOffice keep the
names (``List Bullet``, ``heading 1``) but may give the styles other ids on saving
(``ListBullet``, ``Titre1`` in a French Word), so ids are only looked up here.

A style says what a paragraph is (its kind, through its name or the style it is based
on), which numbering it brings, and the bold, italic, hidden and language its runs
inherit.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from lxml import etree  # type: ignore[import-untyped]

from app.drafts.blocks import BlockKind
from app.word_import.ooxml import switched_on, w, w_attribute

#: Paragraph style names (as Word writes them in styles.xml, lower case) -> block kind.
#: Word writes its built-in styles' English names whatever its language; the French
#: names are those a document made by a French tool may carry instead.
KIND_OF_STYLE: Final[dict[str, BlockKind]] = {
    "title": BlockKind.TITLE,
    "titre": BlockKind.TITLE,
    "heading 1": BlockKind.HEADING_1,
    "titre 1": BlockKind.HEADING_1,
    "quote": BlockKind.QUOTE,
    "intense quote": BlockKind.QUOTE,
    "citation": BlockKind.QUOTE,
    "normal": BlockKind.PARAGRAPH,
}
#: "heading 2" to "heading 9": the draft's sub-heading (it has one level below headings).
_SUB_HEADING: Final = re.compile(r"(?:heading|titre) [2-9]")
#: "list bullet", "list bullet 2"... (the digit is the list's level, from 1).
_LIST_STYLE: Final = re.compile(r"(?:list (bullet|number)|liste à (puces|numéros))(?: ([2-9]))?")
_MAX_CHAIN: Final = 20  # styles based on styles: a loop in a broken file stops here


class StyleSheet:
    """The styles of one document (``styles.xml``; none is a document of defaults)."""

    def __init__(self, root: etree._Element | None) -> None:
        self._by_id: dict[str, etree._Element] = {}
        self._default_paragraph: str | None = None
        self._defaults: etree._Element | None = None
        if root is None:
            return
        self._defaults = root.find(w("docDefaults"))
        for style in root.iter(w("style")):
            style_id = w_attribute(style, "styleId")
            if style_id is None:
                continue
            self._by_id.setdefault(style_id, style)
            default = (w_attribute(style, "default") or "").lower()
            if w_attribute(style, "type") == "paragraph" and default in ("1", "true", "on"):
                self._default_paragraph = style_id

    def paragraph_style(self, paragraph_properties: etree._Element | None) -> str | None:
        """The id of a paragraph's style (the default paragraph style when unsaid)."""
        if paragraph_properties is not None:
            style = paragraph_properties.find(w("pStyle"))
            if style is not None and w_attribute(style, "val"):
                return w_attribute(style, "val")
        return self._default_paragraph

    def name(self, style_id: str | None) -> str:
        """The style's name in lower case ("heading 1"), "" when unknown."""
        style = self._by_id.get(style_id or "")
        name = style.find(w("name")) if style is not None else None
        return (w_attribute(name, "val") or "").strip().lower() if name is not None else ""

    def kind(self, style_id: str | None) -> tuple[BlockKind | None, int | None]:
        """The block kind a paragraph style's name says, through the styles it is based
        on, and the list level its name says ("list bullet 2": 1); ``(None, None)``
        for a style of no kind the drafts know."""
        for style in self._chain(style_id):
            found = _kind_of_name(self.name(w_attribute(style, "styleId")))
            if found[0] is not None:
                return found
        return None, None

    def numbering(self, style_id: str | None) -> tuple[str | None, int | None]:
        """The numbering (``numId``, level) a paragraph style brings, through the
        styles it is based on; ``None`` for what it does not say."""
        num_id: str | None = None
        level: int | None = None
        for style in self._chain(style_id):
            properties = style.find(w("pPr"))
            numbering = properties.find(w("numPr")) if properties is not None else None
            if numbering is None:
                continue
            if num_id is None:
                num_id = _value(numbering, "numId")
            if level is None:
                level = _level(numbering)
        return num_id, level

    def numbering_styles(self) -> dict[str, str]:
        """The numbering (``numId``) of each list style (Word's multilevel list
        styles), by style id: what ``w:numStyleLink`` in the numbering names."""
        found: dict[str, str] = {}
        for style_id, style in self._by_id.items():
            if w_attribute(style, "type") != "numbering":
                continue
            num_id, _level = self.numbering(style_id)
            if num_id is not None:
                found[style_id] = num_id
        return found

    def run_switch(self, style_id: str | None, tag: str) -> bool:
        """Whether the on/off run property ``tag`` (``b``, ``i``, ``vanish``) is on for
        a run of character style ``style_id``, else the document's defaults. A
        paragraph style's own bold or italic (a heading's, a quote's) is the block's
        look, not the draft's emphasis: it is not asked for."""
        for style in self._chain(style_id):
            properties = style.find(w("rPr"))
            value = switched_on(properties.find(w(tag))) if properties is not None else None
            if value is not None:
                return value
        defaults = self._run_defaults()
        value = switched_on(defaults.find(w(tag))) if defaults is not None else None
        return bool(value)

    def language(self, style_ids: tuple[str | None, ...]) -> str | None:
        """The proofing language (``w:lang``) runs of these styles inherit, else the
        document's default; ``None`` when nothing says one."""
        for style_id in style_ids:
            for style in self._chain(style_id):
                found = _language_of(style.find(w("rPr")))
                if found is not None:
                    return found
        return _language_of(self._run_defaults())

    def _run_defaults(self) -> etree._Element | None:
        if self._defaults is None:
            return None
        return self._defaults.find(f"{w('rPrDefault')}/{w('rPr')}")

    def _chain(self, style_id: str | None) -> Iterator[etree._Element]:
        """The style and those it is based on, nearest first."""
        seen: set[str] = set()
        while style_id and style_id not in seen and len(seen) < _MAX_CHAIN:
            seen.add(style_id)
            style = self._by_id.get(style_id)
            if style is None:
                return
            yield style
            based_on = style.find(w("basedOn"))
            style_id = w_attribute(based_on, "val") if based_on is not None else None


def language_of(run_properties: etree._Element | None) -> str | None:
    """The ``w:lang`` a run's (or a style's) properties say, if any."""
    return _language_of(run_properties)


def _language_of(run_properties: etree._Element | None) -> str | None:
    if run_properties is None:
        return None
    lang = run_properties.find(w("lang"))
    return w_attribute(lang, "val") if lang is not None else None


def _kind_of_name(name: str) -> tuple[BlockKind | None, int | None]:
    if name in KIND_OF_STYLE:
        return KIND_OF_STYLE[name], None
    if _SUB_HEADING.fullmatch(name):
        return BlockKind.HEADING_2, None
    listed = _LIST_STYLE.fullmatch(name)
    if listed is not None:
        bullet = listed.group(1) == "bullet" or listed.group(2) == "puces"
        kind = BlockKind.BULLET if bullet else BlockKind.NUMBERED
        return kind, int(listed.group(3) or 1) - 1
    return None, None


def _value(element: etree._Element, tag: str) -> str | None:
    child = element.find(w(tag))
    return w_attribute(child, "val") if child is not None else None


def _level(numbering: etree._Element) -> int | None:
    """The ``w:ilvl`` of a ``w:numPr``, when it says one (0 to 8)."""
    value = _value(numbering, "ilvl")
    if value is None or not value.strip().isdigit():
        return None
    return min(int(value), 8)


def numbering_of(properties: etree._Element | None) -> tuple[str | None, int | None]:
    """The (``numId``, level) a paragraph's own ``w:pPr`` says, each ``None`` if unsaid."""
    numbering = properties.find(w("numPr")) if properties is not None else None
    if numbering is None:
        return None, None
    return _value(numbering, "numId"), _level(numbering)
