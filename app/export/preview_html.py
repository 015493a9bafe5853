"""Draft -> HTML for the live preview: the same blocks the Word export writes, in the
same order and emphasis, so the preview shows what Word will get."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from app.drafts.blocks import Block, BlockKind, Draft, Span

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
"""


def draft_to_html(
    draft: Draft, *, draft_mark: str | None = None, colours: PreviewColours = DOCUMENT_COLOURS
) -> str:
    """A full HTML page; ``draft_mark`` is shown on top as in the Word header."""
    parts = [f"<html><head><style>{preview_css(colours)}</style></head><body>"]
    if draft_mark:
        parts.append(f'<p class="mark">{escape(draft_mark)}</p>')
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
        tag = _TAGS[block.kind]
        parts.append(f"<{tag}>{_inline(block)}</{tag}>")
    if open_list is not None:
        parts.append(f"</{open_list[0]}>")
    parts.append("</body></html>")
    return "".join(parts)


def _inline(block: Block) -> str:
    return "".join(_span(span) for span in block.spans)


def _span(span: Span) -> str:
    html = escape(span.text).replace("\n", "<br/>")
    if span.bold:
        html = f"<b>{html}</b>"
    if span.italic:
        html = f"<i>{html}</i>"
    return html
