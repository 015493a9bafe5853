"""Draft -> a PDF document: the same blocks and tables, emphasis, DRAFT mark ("not for
publication" and the privilege mark too, where the Word document says them), page
numbers and properties as the Word document, in its house look
(:mod:`app.export.pdf_layout`).

Written with fpdf2 from the bundled fonts (``fonts/``: Carlito, Calibri's metrics, with
DejaVu Sans for any character it lacks), embedded as subsets: a statement put on a
website reads the same on every machine. Nothing here knows of Qt or of Word.
"""

from __future__ import annotations

import warnings
from datetime import UTC, datetime

from app.drafts.blocks import Block, BlockKind, Draft, Span
from app.export import pdf_layout as layout
from app.export.marks import APPROVED_MARKS, PAGE_WORDS, Mark, draft_status, header_lines
from app.facts.languages import DEFAULT_VARIANTS
from app.facts.models import Approval
from app.files.resources import bundled

with warnings.catch_warnings():
    # fpdf2 warns at import when Pillow is missing (the frozen app leaves it out): it is
    # only needed for images, which no document has.
    warnings.filterwarnings("ignore", message="Pillow could not be imported")
    from fpdf import FPDF
    from fpdf.enums import Align, XPos, YPos
    from fpdf.prefs import ViewerPreferences
    from fpdf.text_region import TextColumns

    from app.export.pdf_table import TableSetter

TEXT_FONT = "carlito"
FALLBACK_FONT = "dejavu"
_FONT_FILES = {
    (TEXT_FONT, ""): "Carlito-Regular.ttf",
    (TEXT_FONT, "B"): "Carlito-Bold.ttf",
    (TEXT_FONT, "I"): "Carlito-Italic.ttf",
    (TEXT_FONT, "BI"): "Carlito-BoldItalic.ttf",
    (FALLBACK_FONT, ""): "DejaVuSans.ttf",
}


def draft_to_pdf(
    draft: Draft,
    *,
    now: datetime | None = None,
    approval: Approval | None = None,
    mark: Mark = Mark.DRAFT,
) -> bytes:
    """The PDF file of ``draft``, as bytes, ready to be written atomically.

    With ``approval`` it is the final document: no DRAFT mark, and the approver is
    named in its properties; "not for publication" stays where the registry says so.
    ``mark`` adds the privilege mark under the DRAFT mark, as in Word."""
    marks = header_lines(draft, approved=approval is not None, mark=mark)
    pdf = _DraftPdf("\n".join(marks) or None, draft)
    _set_properties(pdf, draft, now or datetime.now(UTC), approval, mark)
    pdf.add_page()
    previous: Block | None = None
    numbers = _ListNumbers()
    for index, block in enumerate(draft.blocks):
        following = draft.blocks[index + 1] if index + 1 < len(draft.blocks) else None
        if layout.STYLES[block.kind].keep_with_next and following is not None:
            pdf.keep_with(block, previous, following)
        pdf.write_block(block, previous, numbers.label(block))
        previous = block
    return bytes(pdf.output())


class _DraftPdf(FPDF):
    """A page of the house look: the header marks (``mark``, a line each: the DRAFT
    mark, the privilege mark, "not for publication"; None when there is none) at the
    top of every page, "Page 1 of 2" at the bottom."""

    def __init__(self, mark: str | None, draft: Draft) -> None:
        super().__init__(unit="pt", format=(layout.PAGE_WIDTH, layout.PAGE_HEIGHT))
        self.mark = mark
        page, of = PAGE_WORDS[draft.info.language]
        self.page_words = f"{page} {{page}} {of} {{nb}}"
        self._fonts = bundled("fonts")
        self._loaded: set[tuple[str, str]] = set()
        # Loading a font costs a tenth of a second: only the styles a document uses are
        # loaded (when first used), and the fallback only for characters Carlito lacks.
        self._load(TEXT_FONT, "")
        if _characters(draft, self.mark) - set(self.fonts[TEXT_FONT].cmap):  # type: ignore[union-attr]
            self._load(FALLBACK_FONT, "")
            self.set_fallback_fonts([FALLBACK_FONT], exact_match=False)
        self.set_margins(layout.LEFT_MARGIN, _body_top(mark), layout.RIGHT_MARGIN)
        self.set_auto_page_break(True, margin=layout.BOTTOM_MARGIN)
        self.c_margin = 0  # text starts at the margin, as in Word
        self.alias_nb_pages("{nb}")
        self.tables = TableSetter(self, self.use)

    def _load(self, family: str, style: str) -> None:
        if (family, style) not in self._loaded:
            self.add_font(family, style, self._fonts / _FONT_FILES[family, style])
            self._loaded.add((family, style))

    def use(self, style: layout.BlockStyle, span: Span | None = None) -> None:
        """Set the font and colour of ``style``, with the emphasis of ``span``."""
        bold = style.bold or (span is not None and span.bold)
        italic = style.italic or (span is not None and span.italic)
        emphasis = ("B" if bold else "") + ("I" if italic else "")
        self._load(TEXT_FONT, emphasis)
        self.set_font(TEXT_FONT, emphasis, style.size)
        self.set_text_color(*style.colour)

    def header(self) -> None:
        if self.mark is None:
            return
        self.use(layout.MARK_STYLE)
        self.set_xy(layout.LEFT_MARGIN, layout.HEADER_DISTANCE)
        self.multi_cell(
            0, layout.MARK_STYLE.size * layout.MARK_STYLE.line, self.mark, align=Align.C
        )
        self.set_xy(self.l_margin, self.t_margin)  # the text starts below the top margin

    def footer(self) -> None:
        style = layout.FOOTER_STYLE
        self.use(style)
        height = style.size * style.line
        self.set_xy(layout.LEFT_MARGIN, self.h - layout.FOOTER_DISTANCE - height)
        text = self.page_words.replace("{page}", str(self.page_no()))
        self.cell(0, height, text, align=Align.C, new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def write_block(self, block: Block, previous: Block | None, label: str) -> None:
        """Set ``block`` below the one before, keeping lines together as Word does:
        never one line of a paragraph alone at the bottom or top of a page."""
        space = layout.space_between(previous, block) if self.y > self.t_margin else 0.0
        if block.kind is BlockKind.TABLE:
            self.tables.write(block, space)
            return
        lines = self.measure(block, label)
        fit = _lines_within(lines, self.page_break_trigger - self.y - space)
        if fit < len(lines) and self.y > self.t_margin and (fit < 2 or len(lines) <= 3):
            self.add_page()  # the whole paragraph goes over: it would leave one line
            space, fit = 0.0, len(lines)
        bottom = self.b_margin
        if fit == len(lines) - 1:  # one line alone on the next page: take another with it
            bottom = self.h - (self.y + space + sum(lines[: fit - 1])) - 0.01
        self.set_xy(self.l_margin, self.y + space)
        self.set_auto_page_break(True, margin=bottom)
        try:
            with self._region(block) as region:
                self._fill(region, block, label)
        finally:
            self.set_auto_page_break(True, margin=layout.BOTTOM_MARGIN)

    def keep_with(self, block: Block, previous: Block | None, following: Block) -> None:
        """Start a new page unless ``block`` (a heading) and the first two lines of
        ``following`` fit on this one: a heading never ends a page."""
        if self.y <= self.t_margin:
            return
        next_lines = self.measure(following, "")
        needed = (
            layout.space_between(previous, block)
            + sum(self.measure(block, ""))
            + layout.space_between(block, following)
            + sum(next_lines[:2])
        )
        if self.y + needed > self.page_break_trigger:
            self.add_page()

    def measure(self, block: Block, label: str) -> list[float]:
        """The heights of the lines ``block`` is set in, in points, setting it aside:
        lines collected are not drawn (a table's "lines" are its rows)."""
        if block.kind is BlockKind.TABLE:
            return self.tables.row_heights(block)
        with self._region(block) as region:
            self._fill(region, block, label)
            return [line.line.height or 0.0 for line in region.collect_lines()]

    def _region(self, block: Block) -> TextColumns:
        style = layout.STYLES[block.kind]
        self.use(style)
        return self.text_columns(
            l_margin=self.l_margin + style.left_indent,
            r_margin=self.r_margin + style.right_indent,
            line_height=style.line,
            skip_leading_spaces=True,
        )

    def _fill(self, region: TextColumns, block: Block, label: str) -> None:
        style = layout.STYLES[block.kind]
        self.use(style)
        indent = layout.LIST_INDENT * (block.level + 1) if label else 0.0
        bullet_gap = max(layout.LIST_INDENT - self.get_string_width(label), 1.0)
        paragraph = region.paragraph(indent=indent, bullet_string=label, bullet_r_margin=bullet_gap)
        for span in block.spans:
            self.use(style, span)
            paragraph.write(span.text)
        region.end_paragraph()


def _lines_within(lines: list[float], room: float) -> int:
    """How many of ``lines`` (heights) fit in ``room`` points."""
    used = 0.0
    for count, height in enumerate(lines):
        used += height
        if used > room + 0.01:
            return count
    return len(lines)


class _ListNumbers:
    """The label of each list item: "•", or its number in its own list and level (a
    new list, or a deeper level, starts again at 1)."""

    def __init__(self) -> None:
        self._counts: dict[tuple[int, int], int] = {}

    def label(self, block: Block) -> str:
        if block.kind is BlockKind.BULLET:
            return layout.BULLET
        if block.kind is not BlockKind.NUMBERED:
            return ""
        for key in [key for key in self._counts if key[0] == block.list_id]:
            if key[1] > block.level:
                del self._counts[key]  # a deeper list ended: the next one starts at 1
        key = (block.list_id, block.level)
        self._counts[key] = self._counts.get(key, 0) + 1
        return f"{self._counts[key]}."


def _set_properties(
    pdf: FPDF, draft: Draft, now: datetime, approval: Approval | None, mark: Mark
) -> None:
    """Title, author, subject and language, as the Word document's properties say them;
    the viewer's title bar shows the headline, not the file name."""
    info = draft.info
    pdf.set_title(_one_line(draft.headline))
    pdf.set_author(info.author)
    pdf.set_subject(info.document_title)
    pdf.set_lang(info.proofing_tag or DEFAULT_VARIANTS[info.language].proofing_tag)
    pdf.set_creator(f"CrisisDraft, from {info.template}")
    status = draft_status(draft, mark)
    if approval is not None:
        approver = approval.approver
        status = f"{APPROVED_MARKS[info.language]}: {approver.name} ({approver.role})"
    pdf.set_keywords(f"CrisisDraft; {status}")
    pdf.set_creation_date(now)
    pdf.viewer_preferences = ViewerPreferences(display_doc_title=True)


def _body_top(mark: str | None) -> float:
    """Where the text of every page starts: at the top margin, or, as Word does with a
    header taller than the margin leaves room for (three lines of marks: the DRAFT,
    privilege and "not for publication" lines), below the header and its spacing."""
    if mark is None:
        return layout.TOP_MARGIN
    style = layout.MARK_STYLE
    lines = mark.count("\n") + 1
    header_bottom = layout.HEADER_DISTANCE + lines * style.size * style.line + style.space_after
    return max(layout.TOP_MARGIN, header_bottom)


def _characters(draft: Draft, mark: str | None) -> set[int]:
    """Every character the document shows, as code points (line breaks aside)."""
    words = PAGE_WORDS[draft.info.language]
    text = "".join([*(block.text for block in draft.blocks), mark or "", *words, "0123456789"])
    return {ord(character) for character in text if character not in "\n\t"}


def _one_line(text: str) -> str:
    return " ".join(text.split())
