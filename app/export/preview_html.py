"""Draft -> HTML for the live preview: the same blocks the Word export writes, in the
same order and emphasis, so the preview shows what Word will get: its tables too, and
the "not for publication" mark of a document that may not be published (shown with or
without the DRAFT mark: a copy pasted into an e-mail must still say so).

Qt's rich text reads a subset of HTML 4 and CSS: table borders and padding are given
as attributes, which it understands, and as CSS for other viewers."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from app.drafts.blocks import Block, BlockKind, Cell, Draft, Span
from app.export import table_layout
from app.export.marks import Mark, mark_lines

_TAGS = {
    BlockKind.TITLE: "h1",
    BlockKind.HEADING_1: "h2",
    BlockKind.HEADING_2: "h3",
    BlockKind.PARAGRAPH: "p",
    BlockKind.QUOTE: "blockquote",
}


@dataclass(frozen=True)
class PreviewColours:
    """The colours of the page, as CSS colours: the document's own by default (a copy
    pasted into an e-mail reads on white); a window passes its theme's (a dark theme
    draws the preview on a dark background). ``text`` None leaves the viewer's own."""

    text: str | None = None
    heading: str = "#1f2a44"
    quote: str = "#333333"
    mark: str = "#b01e1e"
    rule: str = "#808080"  # a table's lines
    header_fill: str = "#{:02x}{:02x}{:02x}".format(*table_layout.HEADER_FILL_RGB)


DOCUMENT_COLOURS = PreviewColours()


def preview_css(colours: PreviewColours = DOCUMENT_COLOURS) -> str:
    body_colour = f" color: {colours.text};" if colours.text else ""
    return f"""
body {{ font-family: Calibri, Carlito, 'Segoe UI', sans-serif; font-size: 11pt;{body_colour} }}
h1 {{ color: {colours.heading}; font-size: 16pt; margin: 6px 0; }}
h2 {{ color: {colours.heading}; font-size: 13pt; margin-top: 12px; }}
h3 {{ color: {colours.heading}; font-size: 11pt; }}
blockquote {{ font-style: italic; color: {colours.quote}; margin-left: 24px; margin-right: 24px; }}
.mark {{ color: {colours.mark}; font-weight: bold; font-size: 8pt; text-align: center; }}
table {{ border-collapse: collapse; margin: 6px 0; }}
td, th {{ border: 1px solid {colours.rule}; padding: 4px; vertical-align: top; text-align: left; }}
th {{ background-color: {colours.header_fill}; }}
"""


def draft_to_html(
    draft: Draft,
    *,
    draft_mark: str | None = None,
    colours: PreviewColours = DOCUMENT_COLOURS,
    internal: bool = True,
    mark: Mark = Mark.DRAFT,
) -> str:
    """A full HTML page, under the lines a Word header has (:func:`mark_lines`):
    ``draft_mark`` with the legal note of a text the law asks for, the privilege mark
    when ``mark`` asks for it, and "not for publication" for a document the registry
    says is not publishable, unless ``internal`` is False (a printed page says it in its
    own header)."""
    parts = [f"<html><head><style>{preview_css(colours)}</style></head><body>"]
    marks = mark_lines(draft, draft_mark, mark, internal=internal)
    if marks:
        parts.append(f'<p class="mark">{"<br/>".join(escape(mark) for mark in marks)}</p>')
    open_list: tuple[str, int, int] | None = None  # (tag, list id, level)
    for block in draft.blocks:
        if block.kind in (BlockKind.BULLET, BlockKind.NUMBERED):
            tag = "ul" if block.kind is BlockKind.BULLET else "ol"
            key = (tag, block.list_id, block.level)
            if open_list != key:
                if open_list is not None:
                    parts.append(f"</{open_list[0]}>")
                parts.append(f"<{tag}>")
                open_list = key
            parts.append(f"<li>{_inline(block)}</li>")
            continue
        if open_list is not None:
            parts.append(f"</{open_list[0]}>")
            open_list = None
        if block.kind is BlockKind.TABLE:
            parts.append(_table(block, colours))
            continue
        tag = _TAGS[block.kind]
        parts.append(f"<{tag}>{_inline(block)}</{tag}>")
    if open_list is not None:
        parts.append(f"</{open_list[0]}>")
    parts.append("</body></html>")
    return "".join(parts)


def _table(block: Block, colours: PreviewColours) -> str:
    """A table with the Word table's column widths, header row shaded."""
    widths = [f"{round(share * 100)}%" for share in table_layout.column_shares(block)]
    rows = []
    for row in block.rows:
        tag = "th" if row.header else "td"
        fill = f' bgcolor="{colours.header_fill}"' if row.header else ""
        cells = "".join(
            f'<{tag} width="{width}"{fill}>{_cells_text(cell)}</{tag}>'
            for width, cell in zip(widths, row.cells, strict=False)
        )
        rows.append(f"<tr>{cells}</tr>")
    return (
        f'<table width="100%" border="1" cellspacing="0" cellpadding="4" '
        f'style="border-color: {colours.rule};">{"".join(rows)}</table>'
    )


def _cells_text(cell: Cell) -> str:
    return "".join(_span(span) for span in cell)


def _inline(block: Block) -> str:
    return _cells_text(block.spans)


def _span(span: Span) -> str:
    html = escape(span.text).replace("\n", "<br/>")
    if span.bold:
        html = f"<b>{html}</b>"
    if span.italic:
        html = f"<i>{html}</i>"
    return html
