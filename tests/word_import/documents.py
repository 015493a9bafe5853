"""Word documents for the reader's tests: drafts exported as the app exports them,
then edited as a colleague would, with python-docx or in their XML (tracked changes
and comments as Word writes them)."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from lxml import etree

from app.drafts.blocks import Draft, DraftInfo
from app.drafts.markdown import make_parser, parse_blocks
from app.drafts.render import _french_block
from app.export.word_base import BaseDocument
from app.export.word_writer import draft_to_docx
from app.facts.models import Language
from app.templates.documents import DocumentKind

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
DATE = "2025-09-02T10:00:00Z"


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def draft_of(markdown: str, language: Language = "en") -> Draft:
    """A press release of ``markdown`` as a template would write it."""
    blocks = parse_blocks(make_parser(), markdown)
    if language == "fr":
        blocks = tuple(_french_block(block) for block in blocks)
    info = DraftInfo(
        document=DocumentKind.PRESS_RELEASE,
        language=language,
        document_title="Press release" if language == "en" else "Communiqué de presse",
        author="Northwind Motors",
        statement_time="2 September 2025, 09:00 BST",
        template="test",
        proofing_tag="en-GB" if language == "en" else "fr-FR",
    )
    return Draft(info=info, blocks=blocks)


def exported(draft: Draft, path: Path, reference: Path | None = None) -> Path:
    """``draft`` written to ``path`` as the export writes it."""
    path.write_bytes(draft_to_docx(draft, BaseDocument(reference)))
    return path


def edited_with_python_docx(path: Path, edit: Callable[[Any], None]) -> Path:
    """``path`` opened, changed by ``edit`` (given the python-docx document) and saved."""
    document = docx.Document(str(path))
    edit(document)
    document.save(str(path))
    return path


def paragraph_with(document: Any, start: str) -> Any:
    """The body paragraph of ``document`` whose text starts with ``start``."""
    return next(p for p in document.paragraphs if p.text.startswith(start))


def tracked(tag: str, author: str, identifier: int, *children: etree._Element) -> etree._Element:
    """A ``w:ins``, ``w:del``... by ``author``, around ``children``."""
    element = etree.Element(w(tag))
    element.set(w("id"), str(identifier))
    element.set(w("author"), author)
    element.set(w("date"), DATE)
    element.extend(children)
    return element


def run(text: str, *, deleted: bool = False) -> etree._Element:
    """A run of ``text``; a deleted run holds ``w:delText`` as Word writes it."""
    element = etree.Element(w("r"))
    text_element = etree.SubElement(element, w("delText" if deleted else "t"))
    text_element.text = text
    text_element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return element


def mark_done(document: Any, comments: dict[Any, tuple[bool, Any | None]]) -> None:
    """Give each comment a paragraph id and write ``commentsExtended.xml`` saying which
    are resolved (``done``) and which answer another (its parent), as Word 2013+ does."""
    entries = []
    for number, (comment, (done, parent)) in enumerate(comments.items(), start=1):
        paragraph_id = f"{number:08X}"
        comment._comment_elm.findall(w("p"))[-1].set(f"{{{W14}}}paraId", paragraph_id)
        entry = f'<w15:commentEx w15:paraId="{paragraph_id}" w15:done="{int(done)}"'
        if parent is not None:
            parent_id = parent._comment_elm.findall(w("p"))[-1].get(f"{{{W14}}}paraId")
            entry += f' w15:paraIdParent="{parent_id}"'
        entries.append(entry + "/>")
    xml = (
        f'<w15:commentsEx xmlns:w15="{W15}" xmlns:w14="{W14}">'
        + "".join(entries)
        + "</w15:commentsEx>"
    )
    part = Part(
        PackURI("/word/commentsExtended.xml"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml",
        xml.encode(),
        document.part.package,
    )
    document.part.relate_to(
        part, "http://schemas.microsoft.com/office/2011/relationships/commentsExtended"
    )


def zipped(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def with_entries(path: Path, edits: dict[str, bytes | None]) -> bytes:
    """The zip of ``path`` with entries replaced, added or removed (``None``)."""
    with zipfile.ZipFile(path) as source:
        entries = {name: source.read(name) for name in source.namelist()}
    for name, data in edits.items():
        if data is None:
            entries.pop(name, None)
        else:
            entries[name] = data
    return zipped(entries)
