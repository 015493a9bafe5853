"""Printing drafts through Qt's printing: the preview's HTML of each draft, laid out on
the printer's pages like the Word document (A4 margins), with the DRAFT mark (and "not
for publication", for a document that may not be published) at the top and "Page 1 of
2" at the bottom of every page. Each draft starts on a new page and
counts its own pages."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QPageLayout, QPainter, QTextDocument
from PySide6.QtPrintSupport import QPrinter

from app.drafts.blocks import Draft
from app.export.marks import PAGE_WORDS, header_lines
from app.export.preview_html import draft_to_html

#: Millimetres: the paper's margins, as the Word documents' (2.5 cm at the sides); the
#: mark and the page number sit 1 cm from the top and bottom edges, the text between
#: 2.2 cm from the top and 2 cm from the bottom.
SIDE_MM, EDGE_MM, HEADER_MM, FOOTER_MM = 25.0, 10.0, 12.0, 10.0
MARK_COLOUR = QColor(0xB0, 0x1E, 0x1E)


def print_drafts(drafts: Sequence[Draft], printer: QPrinter) -> int:
    """Print ``drafts`` one after the other on ``printer``; returns the pages printed
    (0 when the printer could not be opened: nothing printed)."""
    printer.setPageMargins(
        QMarginsF(SIDE_MM, EDGE_MM, SIDE_MM, EDGE_MM), QPageLayout.Unit.Millimeter
    )
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    printed = 0
    try:
        for draft in drafts:
            document, body = _laid_out(draft, printer)
            pages = document.pageCount()
            page_words = PAGE_WORDS[draft.info.language]
            for page in range(pages):
                if printed:
                    printer.newPage()
                _paint_band(painter, printer, "\n".join(header_lines(draft)), top=True)
                _paint_page(painter, document, body, page)
                footer = f"{page_words[0]} {page + 1} {page_words[1]} {pages}"
                _paint_band(painter, printer, footer, top=False)
                printed += 1
    finally:
        painter.end()
    return printed


def _millimetres(printer: QPrinter, mm: float) -> float:
    return mm * printer.resolution() / 25.4


def _laid_out(draft: Draft, printer: QPrinter) -> tuple[QTextDocument, QRectF]:
    """The draft as a document paginated for ``printer``'s pages, and the area of a
    page its text takes (device pixels, within the margins)."""
    area = printer.pageLayout().paintRectPixels(printer.resolution())
    top = _millimetres(printer, HEADER_MM)
    body = QRectF(0, top, area.width(), area.height() - top - _millimetres(printer, FOOTER_MM))
    document = QTextDocument()
    document.documentLayout().setPaintDevice(printer)  # point sizes at the printer's dpi
    document.setDocumentMargin(0)
    # the document's own colours, for paper; its marks are in the pages' header band
    document.setHtml(draft_to_html(draft, internal=False))
    document.setPageSize(QSizeF(body.width(), body.height()))
    return document, body


def _paint_page(painter: QPainter, document: QTextDocument, body: QRectF, page: int) -> None:
    painter.save()
    painter.translate(body.left(), body.top() - page * body.height())
    document.drawContents(painter, QRectF(0, page * body.height(), body.width(), body.height()))
    painter.restore()


def _paint_band(painter: QPainter, printer: QPrinter, text: str, *, top: bool) -> None:
    """The DRAFT mark (9 pt, bold, red; a line each, "not for publication" below it)
    above the text, or the page number below it."""
    area = printer.pageLayout().paintRectPixels(printer.resolution())
    height = _millimetres(printer, HEADER_MM / 2) * (text.count("\n") + 1)
    painter.save()
    font = QFont(painter.font())
    font.setPointSizeF(9 if top else 10)
    font.setBold(top)
    painter.setFont(font)
    painter.setPen(MARK_COLOUR if top else QColor(Qt.GlobalColor.black))
    band = QRectF(0, 0 if top else area.height() - height, area.width(), height)
    vertical = Qt.AlignmentFlag.AlignTop if top else Qt.AlignmentFlag.AlignBottom
    painter.drawText(band, Qt.AlignmentFlag.AlignHCenter | vertical, text)
    painter.restore()
