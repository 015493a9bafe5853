"""A draft's blocks -> the body of ``word/document.xml``, written as XML text.

Building the body through python-docx's element API cost more than everything else in
a document (an object and a schema-ordered insertion per run); the body of a draft is a
handful of element shapes, so it is written here directly, element for element as
python-docx wrote it: the same paragraphs, runs, line breaks, list numbering and
tables (``tests/export`` read the documents back with python-docx to check it). The
mapping from blocks to Word styles is the whole of the layout logic; everything visual
comes from the base document.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from app.drafts.blocks import Block, BlockKind, Cell, Draft
from app.export import table_layout as layout

STYLE_OF_BLOCK: dict[BlockKind, str] = {
    BlockKind.TITLE: "Title",
    BlockKind.HEADING_1: "Heading 1",
    BlockKind.HEADING_2: "Heading 2",
    BlockKind.PARAGRAPH: "Normal",
    BlockKind.QUOTE: "Quote",
    BlockKind.BULLET: "List Bullet",
    BlockKind.NUMBERED: "List Number",
    BlockKind.TABLE: "Normal",  # the style of the text in its cells
}
TABLE_STYLE = "Table Grid"
#: How the Normal style spaces lines ("multiple 1.15"), said again on the cells'
#: paragraphs since their spacing is said there directly.
CELL_LINE_SPACING = 1.15
_EMU_PER_POINT = 12700
_EMU_PER_TWIP = 635

# What XML 1.0 cannot hold at all (lxml refused it when python-docx wrote the text).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def escaped(text: str) -> str:
    """``text`` as element text, escaped as lxml escapes it; raises ValueError for a
    character XML cannot hold (as lxml did), rather than write a broken document."""
    if _NOT_XML.search(text):
        raise ValueError(
            "All strings must be XML compatible: Unicode or ASCII, no NULL bytes or control "
            "characters"
        )
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace("\r", "&#13;")


def escaped_attribute(text: str) -> str:
    """``text`` as an attribute value in double quotes."""
    return escaped(text).replace('"', "&quot;").replace("\t", "&#9;").replace("\n", "&#10;")


def text_element(text: str) -> str:
    """``<w:t>``, keeping its spaces when it starts or ends with one (python-docx's
    ``add_t``)."""
    if len(text.strip()) < len(text):
        return f'<w:t xml:space="preserve">{escaped(text)}</w:t>'
    return f"<w:t>{escaped(text)}</w:t>"


@dataclass(frozen=True)
class BodyStyles:
    """What the body needs to know of the base document: its style ids by name, the
    width between its margins (EMU), and how a numbered list starts again at 1."""

    style_ids: dict[str, str]
    block_width: int
    #: A new numbering instance restarting the list style of the given style id:
    #: returns its ``numId`` (added to the document's numbering).
    restart_list: Callable[[str], str | None]
    #: Said on every top-level element when the document does not bind ``w:`` itself.
    namespace: str = ""


def body_xml(draft: Draft, styles: BodyStyles) -> str:
    """The body's elements for ``draft``, to go before the section properties."""
    out: list[str] = []
    restarted: dict[int, str | None] = {}
    first_numbered_list: int | None = None
    for block in draft.blocks:
        if block.kind is BlockKind.TABLE:
            _table(out, block, styles)
            continue
        style_name = _style_name(block)
        properties = ""
        if style_name != "Normal":
            style_id = styles.style_ids.get(style_name, style_name)
            properties = f'<w:pStyle w:val="{escaped_attribute(style_id)}"/>'
        if block.kind is BlockKind.NUMBERED:
            if first_numbered_list is None:
                first_numbered_list = block.list_id
            elif block.list_id != first_numbered_list:
                if block.list_id not in restarted:
                    restarted[block.list_id] = styles.restart_list(
                        styles.style_ids.get(style_name, style_name)
                    )
                num_id = restarted[block.list_id]
                if num_id is not None:
                    properties += (
                        f'<w:numPr><w:ilvl w:val="{block.level}"/>'
                        f'<w:numId w:val="{num_id}"/></w:numPr>'
                    )
        runs = _runs(block.spans)
        if not properties and not runs:
            out.append(f"<w:p{styles.namespace}/>")
            continue
        out.append(f"<w:p{styles.namespace}>")
        if properties:
            out.append(f"<w:pPr>{properties}</w:pPr>")
        out.append(runs)
        out.append("</w:p>")
    return "".join(out)


def _style_name(block: Block) -> str:
    name = STYLE_OF_BLOCK[block.kind]
    return (
        f"{name} 2"
        if block.kind in (BlockKind.BULLET, BlockKind.NUMBERED) and block.level
        else name
    )


_RUN_PROPERTIES = {
    (False, False): "<w:rPr/>",
    (True, False): "<w:rPr><w:b/></w:rPr>",
    (False, True): "<w:rPr><w:i/></w:rPr>",
    (True, True): "<w:rPr><w:b/><w:i/></w:rPr>",
}
_BREAK = "<w:r><w:br/></w:r>"


def _runs(spans: Cell, *, bold: bool = False) -> str:
    """One run per span, a line break for each ``"\\n"`` (``bold``: every run bold)."""
    out: list[str] = []
    for span in spans:
        properties = _RUN_PROPERTIES[(span.bold or bold, span.italic)]
        for index, line in enumerate(span.text.split("\n")):
            if index:
                out.append(_BREAK)
            if line:
                out.append(f"<w:r>{properties}{text_element(line)}</w:r>")
    return "".join(out)


def _twips(emu: float) -> int:
    return round(int(emu) / _EMU_PER_TWIP)


_CELL_SPACING = (
    f'<w:pPr><w:spacing w:before="{_twips(layout.CELL_SPACE_BEFORE * _EMU_PER_POINT)}" '
    f'w:after="{_twips(layout.CELL_SPACE_AFTER * _EMU_PER_POINT)}" '
    f'w:line="{_twips(CELL_LINE_SPACING * 240 * _EMU_PER_TWIP)}" w:lineRule="auto"/></w:pPr>'
)
_HEADER_SHADING = f'<w:shd w:val="clear" w:color="auto" w:fill="{layout.HEADER_FILL}"/>'


def _table(out: list[str], block: Block, styles: BodyStyles) -> None:
    """A real Word table: the house table style, columns sized to their text
    (:mod:`app.export.table_layout`), a shaded header row that Word repeats at the top
    of every page, rows kept whole on one page, cell text in runs like any paragraph's."""
    columns = layout.column_count(block)
    widths = [_twips(int(styles.block_width * share)) for share in layout.column_shares(block)]
    style_id = styles.style_ids.get(TABLE_STYLE, TABLE_STYLE.replace(" ", ""))
    out.append(
        f'<w:tbl{styles.namespace}><w:tblPr><w:tblStyle w:val="{escaped_attribute(style_id)}"/>'
        '<w:tblW w:type="auto" w:w="0"/><w:tblLayout w:type="fixed"/>'
        '<w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" w:lastRow="0" '
        'w:noHBand="0" w:noVBand="1" w:val="04A0"/></w:tblPr><w:tblGrid>'
    )
    out.extend(f'<w:gridCol w:w="{width}"/>' for width in widths)
    out.append("</w:tblGrid>")
    for row in block.rows:
        header = '<w:tblHeader w:val="true"/>' if row.header else ""
        # a question stays on one page with its answer; the header row repeats
        out.append(f'<w:tr><w:trPr><w:cantSplit w:val="true"/>{header}</w:trPr>')
        shading = _HEADER_SHADING if row.header else ""
        for index in range(columns):
            runs = _runs(row.cells[index], bold=row.header) if index < len(row.cells) else ""
            out.append(
                f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{widths[index]}"/>{shading}</w:tcPr>'
                f"<w:p>{_CELL_SPACING}{runs}</w:p></w:tc>"
            )
        out.append("</w:tr>")
    out.append("</w:tbl>")
