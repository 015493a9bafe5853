"""Two texts of one statement -> a Word document whose differences are real tracked
changes (a "redline"), so that the Review tools of Word and LibreOffice work on it:
accepting every change gives the text after, rejecting every change the text before.

At the top, not tracked: what is compared (which statement of the record or the
current draft, who approved it, when), under whose name the changes are tracked, and
the facts that changed between the two; then a heading, then the compared text, one
paragraph a line of the plain text the record keeps (a blank line an empty paragraph).
Every page's header says it is a comparison, not for release
(:func:`app.export.marks.comparison_header_lines`; the privilege mark under it for
counsel). The document is built on the same base as the drafts (styles, page, proofing
language, properties), so it looks like them.

The export layer sits below the record: the caller compares the texts (the record's
``word_diff``) and passes the pieces; they are checked against the two texts, so a
redline never says anything but the two texts it names.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol
from zoneinfo import ZoneInfo

from docx.shared import Pt

from app.errors import N_, ExportError
from app.export import redline_words as words
from app.export.marks import COMPARISON_MARKS, Mark, comparison_header_lines
from app.export.redline_paragraphs import (
    TextPiece,
    accepted_text,
    changed,
    redline_paragraphs,
    rejected_text,
)
from app.export.redline_xml import Revisions, write_paragraph
from app.export.word_base import BaseDocument
from app.export.word_language import set_proofing_language

# The header and footer as the drafts have them (one look for every document written).
from app.export.word_writer import fit_property, mark_headers, number_pages
from app.facts.languages import DEFAULT_VARIANTS
from app.facts.models import Language
from app.files import atomic
from app.templates.documents import DocumentKind, spec_of
from app.templates.formatting import date_and_time


class FactLine(Protocol):
    """A fact that changed, as :class:`app.record.diff.FactChange` is one."""

    @property
    def path(self) -> str: ...

    @property
    def before(self) -> Any: ...

    @property
    def after(self) -> Any: ...


@dataclass(frozen=True)
class ComparedText:
    """One side of a redline: its text (the record's plain text) and how the heading
    names it. ``number`` is its number in the record (as ``history`` counts), None for
    the current draft, which has no ``issued_at`` nor ``approver`` either."""

    text: str
    number: int | None = None
    issued_at: datetime | None = None
    approver: str | None = None  # "Jane Doe (General Counsel)"
    edited_in_word: bool = False


@dataclass(frozen=True)
class Redline:
    """Everything a redline says. ``pieces`` is the word-by-word comparison of
    ``before.text`` with ``after.text``; the changes are tracked as made by ``author``
    at ``at``. ``facts`` are the facts changed between the two; ``unreadable`` the
    numbers of statements whose facts could not be read (then not compared).
    ``locale`` is the variant the document is written in (en_GB, en_US, fr_FR) and
    ``zone`` the organisation's time zone: the heading's dates read as the drafts'."""

    document: DocumentKind
    language: Language
    before: ComparedText
    after: ComparedText
    pieces: Sequence[TextPiece]
    author: str
    at: datetime
    facts: Sequence[FactLine] = ()
    unreadable: tuple[int, ...] = ()
    organisation: str = ""
    locale: str = ""
    proofing_tag: str = ""
    zone: ZoneInfo = field(default_factory=lambda: ZoneInfo("UTC"))
    mark: Mark = Mark.DRAFT


NOT_DOCX = N_(
    "{file}: a comparison is written as a Word document; give a file name ending in .docx"
)
CANNOT_WRITE = N_(
    "{file}: cannot write the comparison ({reason}); choose another folder, free some "
    "space, or close the file in Word"
)


def write_redline(redline: Redline, out: Path, base: BaseDocument | None = None) -> int:
    """Write ``redline`` to ``out`` (a ``.docx``), completely or not at all; return how
    many tracked changes it holds. Refused with a message naming the file when it is
    not a .docx name or cannot be written."""
    if out.suffix.lower() != ".docx":
        raise ExportError(message_id=NOT_DOCX, params={"file": str(out)})
    data, count = redline_docx(redline, base)
    try:
        atomic.write_atomically(out, data)
    except OSError as error:
        raise ExportError(
            message_id=CANNOT_WRITE,
            params={"file": str(error.filename or out), "reason": error.strerror or str(error)},
        ) from None
    return count


def redline_docx(
    redline: Redline, base: BaseDocument | None = None, *, now: datetime | None = None
) -> tuple[bytes, int]:
    """The ``.docx`` of ``redline`` as bytes, and how many tracked changes it holds."""
    paragraphs = redline_paragraphs(redline.pieces)
    if accepted_text(paragraphs) != paragraph_text(redline.after.text) or rejected_text(
        paragraphs
    ) != paragraph_text(redline.before.text):
        raise ValueError("the pieces given are not a comparison of the two texts given")
    base = base or BaseDocument()
    document = base.new()
    language = redline.language
    set_proofing_language(document, redline.proofing_tag or _default_tag(language))
    _write_opening(document, redline, base.style_ids)
    revisions = Revisions(redline.author, redline.at)
    for paragraph in paragraphs:
        written = write_paragraph(document, paragraph, revisions)
        # No space after: the text's own blank lines (empty paragraphs) space it, as in
        # the plain text; with both, each gap would be doubled.
        written.paragraph_format.space_after = Pt(0)
    mark_headers(
        document, comparison_header_lines(language, redline.mark), base.style_ids.get("Draft Mark")
    )
    number_pages(document, language)
    _set_properties(document, redline, now or datetime.now(UTC))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue(), changed(paragraphs)


def paragraph_text(text: str) -> str:
    """A record's text as a redline's paragraphs say it, one line a paragraph: the
    newline ending its last line is no paragraph of its own. The caller compares these
    (:attr:`Redline.pieces`), and :func:`redline_docx` checks the pieces against them."""
    return text.removesuffix("\n")


def _write_opening(document: Any, redline: Redline, style_ids: dict[str, str]) -> None:
    language = redline.language
    _add(document, words.TITLE[language], style_ids, "Title")
    _add(document, _document_name(redline), style_ids)
    for label, side in ((words.BEFORE, redline.before), (words.AFTER, redline.after)):
        text = words.LABEL[language].format(label=label[language], text=_side(redline, side))
        _add(document, text, style_ids)
    when = date_and_time(redline.at, redline.zone, redline.locale or language)
    _add(document, words.CHANGES_BY[language].format(author=redline.author, when=when), style_ids)
    _add(document, words.HOW_TO_READ[language], style_ids)
    _add(document, words.FACTS_CHANGED[language], style_ids, "Heading 1")
    for number in redline.unreadable:
        _add(document, words.FACTS_UNREADABLE[language].format(number=number), style_ids)
    if not redline.unreadable and not redline.facts:
        _add(document, words.NO_FACT_CHANGED[language], style_ids)
    for change in redline.facts:
        line = words.FACT_LINE[language].format(
            path=change.path,
            before=words.fact_value(change.before, language),
            after=words.fact_value(change.after, language),
        )
        _add(document, line, style_ids, "List Bullet")
    _add(document, words.TEXT_COMPARED[language], style_ids, "Heading 1")


def _document_name(redline: Redline) -> str:
    language = redline.language
    return words.DOCUMENT_IN[language].format(
        document=spec_of(redline.document).title(language),
        language=words.LANGUAGE_NAMES[language][language],
    )


def _side(redline: Redline, side: ComparedText) -> str:
    language = redline.language
    if side.number is None or side.issued_at is None:
        return words.CURRENT_DRAFT[language]
    return words.ISSUED[language].format(
        number=side.number,
        edited=words.EDITED_IN_WORD[language] if side.edited_in_word else "",
        when=date_and_time(side.issued_at, redline.zone, redline.locale or language),
        approver=side.approver or "",
    )


def _add(document: Any, text: str, style_ids: dict[str, str], style: str = "Normal") -> None:
    paragraph = document.add_paragraph()
    if style != "Normal":  # by id: python-docx's lookup by name is slow
        paragraph._p.get_or_add_pPr().style = style_ids.get(style, style)
    paragraph.add_run(text)


def _set_properties(document: Any, redline: Redline, now: datetime) -> None:
    properties = document.core_properties
    language = redline.language
    properties.title = fit_property(f"{words.TITLE[language]} – {_document_name(redline)}")
    properties.subject = fit_property(spec_of(redline.document).title(language))
    properties.author = fit_property(redline.organisation or redline.author)
    properties.last_modified_by = fit_property(redline.author)
    properties.language = redline.proofing_tag or _default_tag(language)
    properties.category = COMPARISON_MARKS[language]
    properties.keywords = "CrisisDraft"
    properties.comments = "Written with CrisisDraft"
    properties.created = now
    properties.modified = now
    properties.revision = 1


def _default_tag(language: Language) -> str:
    return DEFAULT_VARIANTS[language].proofing_tag
