"""The OOXML of tracked changes, as Word writes them and its Review tab (and
LibreOffice's Edit › Track Changes) reads them.

A deleted run is ``<w:del w:id w:author w:date><w:r><w:delText>…`` and an inserted one
``<w:ins …><w:r><w:t>…``; a paragraph mark deleted or inserted is the same element,
empty, in the paragraph's own run properties (``<w:pPr><w:rPr><w:ins …/>``). Every such
element of a document carries an id of its own, and all carry the author and the date
the changes are attributed to (:class:`Revisions`).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from app.export.redline_paragraphs import DELETED, INSERTED, SAME, Kind, Paragraph

_TAGS: dict[Kind, str] = {DELETED: "w:del", INSERTED: "w:ins"}
# What XML 1.0 cannot hold (a text from a record edited by hand might): shown as U+FFFD.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


class Revisions:
    """The author and date of one document's tracked changes, and their ids: Word wants
    every ``w:ins``/``w:del`` id in a document different (it drops the change otherwise)."""

    def __init__(self, author: str, at: datetime) -> None:
        if at.tzinfo is None:
            raise ValueError("a tracked change's date needs a time zone")
        self.author = author
        #: Word's form (xsd:dateTime in UTC, whole seconds), which LibreOffice reads too.
        self.date = at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        self._next_id = 1

    def element(self, kind: Kind) -> Any:
        """A new, empty ``w:ins`` or ``w:del`` with its own id, this author and date."""
        element = OxmlElement(_TAGS[kind])
        element.set(qn("w:id"), str(self._next_id))
        element.set(qn("w:author"), self.author)
        element.set(qn("w:date"), self.date)
        self._next_id += 1
        return element


def write_paragraph(
    document: Any, paragraph: Paragraph, revisions: Revisions, style_id: str | None = None
) -> Any:
    """Add ``paragraph`` at the end of ``document``'s body, its deleted and inserted
    runs and its paragraph mark as tracked changes; return python-docx's paragraph."""
    added = document.add_paragraph()
    if style_id is not None:
        added._p.get_or_add_pPr().style = style_id
    if paragraph.mark != SAME:
        run_properties = OxmlElement("w:rPr")  # the paragraph mark's, last in w:pPr
        run_properties.append(revisions.element(paragraph.mark))
        added._p.get_or_add_pPr().append(run_properties)
    for run in paragraph.runs:
        element = _run(run.text, deleted=run.kind == DELETED)
        if run.kind == SAME:
            added._p.append(element)
        else:
            change = revisions.element(run.kind)
            change.append(element)
            added._p.append(change)
    return added


def _run(text: str, *, deleted: bool) -> Any:
    """A ``w:r`` holding ``text``, tabs as ``w:tab``, spaces kept as they are."""
    run = OxmlElement("w:r")
    for index, part in enumerate(_NOT_XML.sub("\ufffd", text).split("\t")):
        if index:
            run.append(OxmlElement("w:tab"))
        if part:
            element = OxmlElement("w:delText" if deleted else "w:t")
            element.set(qn("xml:space"), "preserve")
            element.text = part
            run.append(element)
    return run
