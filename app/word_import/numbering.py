"""A returned document's numbering (``numbering.xml``): what a list paragraph shows,
a bullet or a number, whatever its style. A colleague's list made with Word's list
buttons is a Normal or List Paragraph paragraph with numbering of its own, and reads
as a list all the same.
"""

from __future__ import annotations

from enum import Enum

from lxml import etree  # type: ignore[import-untyped]

from app.word_import.ooxml import w, w_attribute


class Marker(Enum):
    """What a list level puts before its paragraphs."""

    BULLET = "bullet"
    NUMBER = "number"


class Numbering:
    """The numbering definitions of one document (none: no paragraph is a list).

    A list style's numbering (Word's multilevel list styles) is defined once, in the
    list style's own numbering; others name that style (``w:numStyleLink``):
    ``style_numbering`` gives the numbering (``numId``) of each list style by id."""

    def __init__(
        self, root: etree._Element | None, style_numbering: dict[str, str] | None = None
    ) -> None:
        self._abstract: dict[str, dict[int, etree._Element]] = {}
        self._linked: dict[str, str] = {}  # abstract id -> the list style it takes
        self._instances: dict[str, tuple[str, dict[int, etree._Element]]] = {}
        self._style_numbering = style_numbering or {}
        if root is None:
            return
        for abstract in root.iter(w("abstractNum")):
            abstract_id = w_attribute(abstract, "abstractNumId") or ""
            levels = {_level_number(lvl): lvl for lvl in abstract.iter(w("lvl"))}
            self._abstract[abstract_id] = levels
            link = abstract.find(w("numStyleLink"))
            if link is not None and w_attribute(link, "val"):
                self._linked[abstract_id] = w_attribute(link, "val") or ""
        for num in root.iter(w("num")):
            abstract_id = num.find(w("abstractNumId"))
            overrides = {
                _level_number(override): lvl
                for override in num.iter(w("lvlOverride"))
                if (lvl := override.find(w("lvl"))) is not None
            }
            self._instances[w_attribute(num, "numId") or ""] = (
                (w_attribute(abstract_id, "val") or "") if abstract_id is not None else "",
                overrides,
            )

    def marker(self, num_id: str | None, level: int, *, hops: int = 0) -> Marker | None:
        """What numbering ``num_id`` shows at ``level``; ``None`` for no numbering
        (``numId`` 0, one the document does not define, a level numbered "none")."""
        if not num_id or num_id == "0" or num_id not in self._instances:
            return None
        abstract_id, overrides = self._instances[num_id]
        definition = overrides.get(level)
        if definition is None or definition.find(w("numFmt")) is None:
            definition = self._abstract.get(abstract_id, {}).get(level)
        if definition is None and abstract_id in self._linked and hops < 1:
            linked = self._style_numbering.get(self._linked[abstract_id])
            return self.marker(linked, level, hops=hops + 1)
        if definition is None:
            return None
        number_format = definition.find(w("numFmt"))
        value = (
            (w_attribute(number_format, "val") or "decimal")
            if number_format is not None
            else "decimal"
        )
        if value == "none":
            return None
        return Marker.BULLET if value == "bullet" else Marker.NUMBER


def _level_number(element: etree._Element) -> int:
    value = w_attribute(element, "ilvl") or "0"
    return int(value) if value.isdigit() else 0
