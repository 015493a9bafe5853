"""A word-by-word comparison of two plain texts laid out as the paragraphs of a redline.

The texts are those the record keeps (:meth:`app.drafts.blocks.Draft.plain_text`): one
line is one paragraph, a blank line an empty paragraph. A comparison's pieces (the
record's ``word_diff``: kept, deleted and inserted text, in order) are cut at each line
break; the break itself belongs to one piece, so it is kept, deleted or inserted like a
word. A deleted break is the deleted mark of the paragraph it ends (accepting the
deletion joins that paragraph to the next), an inserted break the inserted mark of the
paragraph it ends (rejecting it joins them). The last paragraph's mark is the end of the
text, never a change: so accepting every change gives the text after exactly, and
rejecting every change the text before.

This module knows nothing of Word; :mod:`app.export.redline_xml` writes what it lays out.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

Kind = Literal["same", "deleted", "inserted"]
SAME: Kind = "same"
DELETED: Kind = "deleted"
INSERTED: Kind = "inserted"
_KINDS: frozenset[str] = frozenset({SAME, DELETED, INSERTED})


class TextPiece(Protocol):
    """A piece of a word-by-word comparison, as :class:`app.record.diff.Piece` is one
    (its ``change`` is "same", "deleted" or "inserted"): the export reads the record's
    comparison without depending on the record layer."""

    @property
    def change(self) -> str: ...

    @property
    def text(self) -> str: ...


@dataclass(frozen=True)
class Run:
    """Text of one paragraph that is kept, deleted or inserted (no line break in it)."""

    kind: Kind
    text: str


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of the compared text: its runs, and whether the break that ends it
    is kept, deleted or inserted (the last paragraph's is always kept)."""

    runs: tuple[Run, ...]
    mark: Kind = SAME

    def accepted(self) -> str:
        """The paragraph's text once every change is accepted."""
        return "".join(run.text for run in self.runs if run.kind != DELETED)

    def rejected(self) -> str:
        """The paragraph's text once every change is rejected."""
        return "".join(run.text for run in self.runs if run.kind != INSERTED)


def redline_paragraphs(pieces: Iterable[TextPiece]) -> list[Paragraph]:
    """The paragraphs of a comparison of two texts (never none: two empty texts give
    one empty paragraph). Whitespace replaced by other whitespace is narrowed to what
    differs (one blank line of two deleted, not two deleted and one inserted)."""
    paragraphs: list[Paragraph] = []
    runs: list[Run] = []
    for kind, text in _narrowed(_checked(pieces)):
        lines = text.split("\n")
        for index, line in enumerate(lines):
            if index:  # the break before this line ends the paragraph so far
                paragraphs.append(Paragraph(tuple(runs), kind))
                runs = []
            if line:
                runs.append(Run(kind, line))
    paragraphs.append(Paragraph(tuple(runs)))
    return paragraphs


def accepted_text(paragraphs: Sequence[Paragraph]) -> str:
    """The text every change accepted gives (what a reader of the text after sees)."""
    return _joined(paragraphs, drop=DELETED)


def rejected_text(paragraphs: Sequence[Paragraph]) -> str:
    """The text every change rejected gives (the text before)."""
    return _joined(paragraphs, drop=INSERTED)


def changed(paragraphs: Sequence[Paragraph]) -> int:
    """How many changes a reviewer meets: runs and paragraph marks deleted or inserted."""
    return sum(
        sum(1 for run in paragraph.runs if run.kind != SAME) + (paragraph.mark != SAME)
        for paragraph in paragraphs
    )


def _joined(paragraphs: Sequence[Paragraph], *, drop: Kind) -> str:
    parts: list[str] = []
    last = len(paragraphs) - 1
    for index, paragraph in enumerate(paragraphs):
        parts.append(paragraph.accepted() if drop == DELETED else paragraph.rejected())
        if index < last and paragraph.mark != drop:
            parts.append("\n")
    return "".join(parts)


def _checked(pieces: Iterable[TextPiece]) -> list[tuple[Kind, str]]:
    checked: list[tuple[Kind, str]] = []
    for piece in pieces:
        change = str(piece.change)
        if change not in _KINDS:
            raise ValueError(f"a comparison's piece is same, deleted or inserted, not {change!r}")
        if piece.text:
            checked.append((change, piece.text))  # type: ignore[arg-type]
    return checked


def _narrowed(pieces: list[tuple[Kind, str]]) -> list[tuple[Kind, str]]:
    """Each whitespace deleted right before whitespace inserted (the comparison's words
    are runs of spaces or breaks, so "\\n\\n" for "\\n" is one word for another) split
    into what both keep and what differs."""
    narrowed: list[tuple[Kind, str]] = []
    index = 0
    while index < len(pieces):
        kind, text = pieces[index]
        following = pieces[index + 1] if index + 1 < len(pieces) else None
        if (
            kind == DELETED
            and following is not None
            and following[0] == INSERTED
            and text.isspace()
            and following[1].isspace()
        ):
            narrowed += _narrow_whitespace(text, following[1])
            index += 2
            continue
        narrowed.append((kind, text))
        index += 1
    return narrowed


def _narrow_whitespace(deleted: str, inserted: str) -> list[tuple[Kind, str]]:
    start = 0
    while start < min(len(deleted), len(inserted)) and deleted[start] == inserted[start]:
        start += 1
    end = 0
    while (
        end < min(len(deleted), len(inserted)) - start and deleted[-1 - end] == inserted[-1 - end]
    ):
        end += 1
    parts: list[tuple[Kind, str]] = [
        (SAME, deleted[:start]),
        (DELETED, deleted[start : len(deleted) - end]),
        (INSERTED, inserted[start : len(inserted) - end]),
        (SAME, deleted[len(deleted) - end :]),
    ]
    return [(kind, text) for kind, text in parts if text]
