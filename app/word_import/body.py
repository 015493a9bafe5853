"""A returned document's body -> the draft's blocks, as the Word export wrote them
(:mod:`app.export.word_writer`): the paragraph styles Title, Heading 1, Heading 2,
Quote, List Bullet, List Number and Normal give the block kinds, by name; tables
become table blocks with their header rows (those Word repeats on every page).

Lists: a paragraph is a list item by its style or by the numbering it shows (a list
made with Word's list buttons is a Normal or List Paragraph paragraph with numbering
of its own). Its level is its numbering's level, else the one its style's name says
("List Bullet 2": the second level). Items numbered by the same numbering at the same
level belong to one list, as Word counts them (the export gives each numbered list
numbering of its own so that it starts again at 1); a bullet list is one list for as
long as its items follow one another.

Empty paragraphs are left out, as the drafts have none.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Final

from lxml import etree  # type: ignore[import-untyped]

from app.drafts.blocks import LIST_KINDS, Block, BlockKind, Cell, Span, TableRow
from app.word_import.numbering import Marker, Numbering
from app.word_import.ooxml import switched_on, w
from app.word_import.runs import RunReader
from app.word_import.styles import StyleSheet, numbering_of

#: Elements that only wrap body content (content controls, custom XML).
_WRAPPERS: Final = frozenset({w("sdt"), w("sdtContent"), w("customXml")})
#: Kinds a paragraph's numbering may turn into a list (a numbered heading stays one).
_PLAIN_KINDS: Final = frozenset({BlockKind.PARAGRAPH, BlockKind.QUOTE, *LIST_KINDS})

ListKey = tuple[BlockKind, str, int, int]


def body_elements(container: etree._Element) -> Iterator[etree._Element]:
    """The paragraphs and tables of a body, a cell or a header, in order, through
    the elements that only wrap them."""
    for child in container:
        if child.tag in (w("p"), w("tbl")):
            yield child
        elif child.tag in _WRAPPERS:
            yield from body_elements(child)


@dataclass
class BodyReader:
    """Turns one document's body into blocks; made once per document."""

    styles: StyleSheet
    numbering: Numbering
    runs: RunReader
    _list_ids: dict[ListKey, int] = field(default_factory=dict)
    _bullet_run: int = 0  # which run of consecutive list items (bullet lists end with it)

    def blocks(self, body: etree._Element) -> tuple[Block, ...]:
        blocks: list[Block] = []
        for element in body_elements(body):
            if element.tag == w("tbl"):
                block, num_id = self._table(element), ""
            else:
                block, num_id = self._paragraph(element)
            if block is None:
                continue
            if block.kind not in LIST_KINDS or not blocks or blocks[-1].kind not in LIST_KINDS:
                self._bullet_run += 1
            if block.kind in LIST_KINDS:
                block = replace(block, list_id=self._list_id(block, num_id))
            blocks.append(block)
        return tuple(blocks)

    def _paragraph(self, paragraph: etree._Element) -> tuple[Block | None, str]:
        """The paragraph as a block (``None`` when it has no text), and the numbering
        its list items are counted by."""
        properties = paragraph.find(w("pPr"))
        style = self.styles.paragraph_style(properties)
        spans = self.runs.spans(paragraph, style)
        if not "".join(span.text for span in spans).strip():
            return None, ""
        kind, level = self.styles.kind(style)
        kind = kind or BlockKind.PARAGRAPH
        num_id, own_level = numbering_of(properties)
        style_num_id, style_level = self.styles.numbering(style)
        num_id = num_id if num_id is not None else style_num_id
        level = own_level if own_level is not None else level
        level = level if level is not None else (style_level or 0)
        if kind in _PLAIN_KINDS and num_id is not None:
            marker = self.numbering.marker(num_id, level)
            if marker is not None:
                kind = BlockKind.BULLET if marker is Marker.BULLET else BlockKind.NUMBERED
            elif num_id == "0" and kind in LIST_KINDS:
                kind = BlockKind.PARAGRAPH  # its list marker taken off in Word
        if kind not in LIST_KINDS:
            return Block(kind, spans), ""
        return Block(kind, spans, level=level), num_id or ""

    def _list_id(self, block: Block, num_id: str) -> int:
        run = self._bullet_run if block.kind is BlockKind.BULLET else 0
        key: ListKey = (block.kind, num_id, block.level, run)
        return self._list_ids.setdefault(key, len(self._list_ids) + 1)

    def _table(self, table: etree._Element) -> Block | None:
        rows: list[TableRow] = []
        for row in _rows(table):
            header = _is_header(row)
            cells = tuple(self._cell(cell, header=header) for cell in _cells(row))
            if cells:
                rows.append(TableRow(cells, header=header))
        if not any(span.text.strip() for row in rows for cell in row.cells for span in cell):
            return None
        width = max(len(row.cells) for row in rows)
        rows = [replace(row, cells=row.cells + ((),) * (width - len(row.cells))) for row in rows]
        return Block(BlockKind.TABLE, (), rows=tuple(rows))

    def _cell(self, cell: etree._Element, *, header: bool) -> Cell:
        """A cell's paragraphs as one paragraph of spans, a line break between them.
        A header row's bold is the export's (it makes header rows bold): left out."""
        spans: list[Span] = []
        for paragraph in _paragraphs(cell):
            style = self.styles.paragraph_style(paragraph.find(w("pPr")))
            found = self.runs.spans(paragraph, style)
            if not "".join(span.text for span in found).strip():
                continue
            if spans:
                spans.append(Span("\n"))
            spans.extend(replace(span, bold=False) if header else span for span in found)
        return _merged(spans)


def _paragraphs(container: etree._Element) -> Iterator[etree._Element]:
    """The paragraphs of a cell, those of tables nested in it included, in order."""
    for element in body_elements(container):
        if element.tag == w("p"):
            yield element
        else:
            for row in _rows(element):
                for cell in _cells(row):
                    yield from _paragraphs(cell)


def _rows(table: etree._Element) -> Iterator[etree._Element]:
    for child in table:
        if child.tag == w("tr"):
            yield child
        elif child.tag in _WRAPPERS:
            yield from _rows(child)


def _cells(row: etree._Element) -> Iterator[etree._Element]:
    for child in row:
        if child.tag == w("tc"):
            yield child
        elif child.tag in _WRAPPERS:
            yield from _cells(child)


def _is_header(row: etree._Element) -> bool:
    properties = row.find(w("trPr"))
    return properties is not None and bool(switched_on(properties.find(w("tblHeader"))))


def _merged(spans: list[Span]) -> Cell:
    merged: list[Span] = []
    for span in spans:
        if merged and (merged[-1].bold, merged[-1].italic) == (span.bold, span.italic):
            merged[-1] = Span(merged[-1].text + span.text, span.bold, span.italic)
        else:
            merged.append(span)
    return tuple(merged)
