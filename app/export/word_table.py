"""A draft's table -> a real Word table: the house table style ("Table Grid"), columns
sized to their text (:mod:`app.export.table_layout`), a shaded header row that Word
repeats at the top of every page the table runs onto, rows kept whole on one page (as
the PDF keeps them), and cell text in runs like any paragraph's (so it is in the
document's proofing language, which the runs inherit).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Pt

from app.drafts.blocks import Block, Cell
from app.export import table_layout as layout

TABLE_STYLE = "Table Grid"
#: How the Normal style spaces lines ("multiple 1.15"), said again on the cells'
#: paragraphs since their spacing is said there directly.
CELL_LINE_SPACING = 1.15

WriteSpans = Callable[[Any, Cell], None]


def write_table(document: Any, block: Block, style_ids: dict[str, str], write: WriteSpans) -> None:
    """Append ``block`` (a ``TABLE``) to ``document``; ``write`` puts a cell's spans
    into a paragraph, as the body's paragraphs are written."""
    columns = layout.column_count(block)
    width = document._block_width
    widths = [Emu(int(width * share)) for share in layout.column_shares(block)]
    table = document.add_table(rows=len(block.rows), cols=columns)
    table._tbl.tblPr.style = style_ids.get(TABLE_STYLE, TABLE_STYLE.replace(" ", ""))
    table.autofit = False
    for column, column_width in zip(table.columns, widths, strict=True):
        column.width = column_width
    for row, source in zip(table.rows, block.rows, strict=True):
        _row_property(row, "w:cantSplit")  # a question stays on one page with its answer
        if source.header:
            _row_property(row, "w:tblHeader")  # repeated at the top of every page
        for index, cell in enumerate(row.cells):
            cell.width = widths[index]
            paragraph = cell.paragraphs[0]
            _space_cell_paragraph(paragraph)
            if index < len(source.cells):
                spans = source.cells[index]
                if source.header:
                    spans = tuple(replace(span, bold=True) for span in spans)
                write(paragraph, spans)
            if source.header:
                _shade(cell)


def _row_property(row: Any, tag: str) -> None:
    """Switch on the row property ``tag`` (``w:cantSplit``, ``w:tblHeader``)."""
    properties = row._tr.get_or_add_trPr()
    switch = OxmlElement(tag)
    switch.set(qn("w:val"), "true")
    properties.append(switch)


def _space_cell_paragraph(paragraph: Any) -> None:
    spacing = paragraph.paragraph_format
    spacing.space_before = Pt(layout.CELL_SPACE_BEFORE)
    spacing.space_after = Pt(layout.CELL_SPACE_AFTER)
    spacing.line_spacing = CELL_LINE_SPACING


def _shade(cell: Any) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), layout.HEADER_FILL)
    cell._tc.get_or_add_tcPr().append(shading)
