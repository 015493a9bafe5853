"""A draft's table in the PDF, set as the Word document sets it: the columns of
:mod:`app.export.table_layout`, half-point lines, the cell's text 5.4 pt from its sides
with 3 pt above and below, the header row shaded, bold, and drawn again at the top of
each page the table runs onto. A row is never split between two pages (Word splits one
only when it is taller than a page; a Q&A row never is).
"""

from __future__ import annotations

from collections.abc import Callable

from fpdf import FPDF
from fpdf.text_region import TextColumns

from app.drafts.blocks import Block, BlockKind, Cell, Span, TableRow
from app.export import pdf_layout, table_layout as layout

#: Sets the font and colour of a style, with a span's emphasis (the writer's ``use``).
UseStyle = Callable[[pdf_layout.BlockStyle, Span | None], None]

_STYLE = pdf_layout.STYLES[BlockKind.TABLE]
_HEADER_STYLE = pdf_layout.BlockStyle(bold=True, line=_STYLE.line)


class TableSetter:
    """Measures and draws tables on ``pdf``, in the fonts ``use`` sets."""

    def __init__(self, pdf: FPDF, use: UseStyle) -> None:
        self.pdf = pdf
        self.use = use

    def row_heights(self, block: Block) -> list[float]:
        """The height of each row of ``block``, in points."""
        edges = self._edges(block)
        return [self._row_height(row, edges) for row in block.rows]

    def write(self, block: Block, space: float) -> None:
        """Draw ``block`` ``space`` points below the text before it, going on to a new
        page (header rows first) when the next row does not fit."""
        pdf = self.pdf
        edges = self._edges(block)
        headers = [row for row in block.rows if row.header]
        heights = {id(row): self._row_height(row, edges) for row in block.rows}
        pdf.set_y(pdf.y + space)
        for row in block.rows:
            height = heights[id(row)]
            fresh_page = pdf.y <= pdf.t_margin + sum(heights[id(h)] for h in headers) + 0.01
            if pdf.y + height > pdf.page_break_trigger and not fresh_page:
                pdf.add_page()
                if not row.header:
                    for header in headers:
                        self._draw_row(header, edges, heights[id(header)])
            self._draw_row(row, edges, height)

    def _edges(self, block: Block) -> list[tuple[float, float]]:
        """The left and right edge of each column, in points from the page's left."""
        pdf = self.pdf
        width = pdf.w - pdf.l_margin - pdf.r_margin
        edges, left = [], pdf.l_margin
        for share in layout.column_shares(block):
            edges.append((left, left + width * share))
            left += width * share
        return edges

    def _row_height(self, row: TableRow, edges: list[tuple[float, float]]) -> float:
        text = max(
            (
                sum(self._lines(row, cell, edge))
                for cell, edge in zip(row.cells, edges, strict=False)
            ),
            default=0.0,
        )
        return layout.CELL_SPACE_BEFORE + text + layout.CELL_SPACE_AFTER

    def _lines(self, row: TableRow, cell: Cell, edge: tuple[float, float]) -> list[float]:
        with self._region(edge) as region:
            self._fill(region, row, cell)
            return [line.line.height or 0.0 for line in region.collect_lines()]

    def _draw_row(self, row: TableRow, edges: list[tuple[float, float]], height: float) -> None:
        pdf = self.pdf
        top = pdf.y
        pdf.set_line_width(layout.BORDER_WIDTH)
        pdf.set_draw_color(0, 0, 0)
        if row.header:
            pdf.set_fill_color(*layout.HEADER_FILL_RGB)
            for left, right in edges:
                pdf.rect(left, top, right - left, height, style="F")
        pdf.set_auto_page_break(False)  # the row was measured to fit
        try:
            for cell, edge in zip(row.cells, edges, strict=False):
                pdf.set_xy(edge[0] + layout.CELL_SIDE_PADDING, top + layout.CELL_SPACE_BEFORE)
                with self._region(edge) as region:
                    self._fill(region, row, cell)
        finally:
            pdf.set_auto_page_break(True, margin=pdf_layout.BOTTOM_MARGIN)
        for left, right in edges:
            pdf.rect(left, top, right - left, height)
        pdf.set_xy(pdf.l_margin, top + height)

    def _region(self, edge: tuple[float, float]) -> TextColumns:
        self.use(_STYLE, None)
        return self.pdf.text_columns(
            l_margin=edge[0] + layout.CELL_SIDE_PADDING,
            r_margin=self.pdf.w - edge[1] + layout.CELL_SIDE_PADDING,
            line_height=_STYLE.line,
            skip_leading_spaces=True,
        )

    def _fill(self, region: TextColumns, row: TableRow, cell: Cell) -> None:
        style = _HEADER_STYLE if row.header else _STYLE
        paragraph = region.paragraph()
        for span in cell:
            self.use(style, span)
            paragraph.write(span.text)
        region.end_paragraph()
