"""Reading a redline's XML as a reviewer's Accept All / Reject All would leave it, without
a word processor: the tests of the writer and of the command share it (LibreOffice itself
is the second reader, in tests/office)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
from docx.oxml.ns import qn

#: The heading the compared text follows, in each language (the redline's own words).
TEXT_HEADINGS = ("Text, with the changes tracked", "Texte, avec les modifications suivies")


def open_redline(path: Path) -> Any:
    return docx.Document(str(path))


def body_paragraphs(document: Any) -> list[Any]:
    return list(document.element.body.iter(qn("w:p")))


def compared_paragraphs(document: Any) -> list[Any]:
    """The ``w:p`` elements of the compared text: every paragraph after its heading."""
    paragraphs = body_paragraphs(document)
    texts = [_plain(paragraph) for paragraph in paragraphs]
    start = next(index for index, text in enumerate(texts) if text in TEXT_HEADINGS)
    return paragraphs[start + 1 :]


def opening_texts(document: Any) -> list[str]:
    """The paragraphs before the compared text (heading, sides, facts), as shown."""
    texts = [_plain(paragraph) for paragraph in body_paragraphs(document)]
    start = next(index for index, text in enumerate(texts) if text in TEXT_HEADINGS)
    return texts[: start + 1]


def accepted(path: Path) -> str:
    """The compared text once every tracked change is accepted: deleted runs and
    deleted paragraph marks go (the paragraph joins the next), inserted ones stay."""
    return _resolved(compared_paragraphs(open_redline(path)), drop="w:del")


def rejected(path: Path) -> str:
    """The compared text once every tracked change is rejected."""
    return _resolved(compared_paragraphs(open_redline(path)), drop="w:ins")


def revisions(path: Path) -> list[Any]:
    """Every ``w:ins`` and ``w:del`` of the document, runs and paragraph marks alike."""
    body = open_redline(path).element.body
    return list(body.iter(qn("w:ins"), qn("w:del")))


def _resolved(paragraphs: list[Any], *, drop: str) -> str:
    parts: list[str] = []
    for index, paragraph in enumerate(paragraphs):
        parts.append(_text(paragraph, drop=drop))
        mark = paragraph.find(f"{qn('w:pPr')}/{qn('w:rPr')}/{qn(drop)}")
        if index < len(paragraphs) - 1 and mark is None:
            parts.append("\n")
    return "".join(parts)


def _text(paragraph: Any, *, drop: str) -> str:
    """A paragraph's text without the runs inside ``drop`` (w:del or w:ins)."""
    text = []
    for element in paragraph.iter(qn("w:t"), qn("w:delText"), qn("w:tab")):
        if any(ancestor.tag == qn(drop) for ancestor in element.iterancestors()):
            continue
        text.append("\t" if element.tag == qn("w:tab") else element.text or "")
    return "".join(text)


def _plain(paragraph: Any) -> str:
    return "".join(element.text or "" for element in paragraph.iter(qn("w:t")))
