"""A base document made ready for one kind of document of an export, filled per draft.

The drafts of an export differ in their body, their properties, and the marks in their
headers; everything else of their ``.docx`` (styles with the proofing language, theme,
settings, fonts, numbering, footers with page numbers, relationships) is the same for
every draft of one language and one number of header lines. So that part is made once
by python-docx (:func:`app.export.word_writer.frame_document`): a document whose body
holds a marker where the draft's blocks go, whose headers hold a token per mark line,
and whose properties hold a token per value. :class:`Frame` reads it back and writes
each draft's document from it: the body as XML text (:mod:`app.export.word_body`), the
tokens replaced by the draft's values (escaped), the unchanged parts copied compressed
(:mod:`app.export.docx_zip`).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from app.drafts.blocks import Draft
from app.export import docx_zip
from app.export.docx_zip import Entry
from app.export.word_body import BodyStyles, body_xml, escaped, text_element

#: Where the draft's blocks go: an attribute no Word document has, on an empty paragraph.
BODY_MARKER = 'crisisdraft-body="here"'
#: The frame's own description (a zip entry that is never written into a document).
FRAME_ENTRY = "crisisdraft/frame.json"
#: The n-th line of the header marks.
LINE_TOKEN = "CRISISDRAFT-LINE-{}-"
#: The document properties a draft sets, each a token in the frame's ``core.xml``.
PROPERTY_TOKENS = {
    name: f"CRISISDRAFT-{name.upper()}-"
    for name in ("title", "subject", "author", "last_modified_by", "category", "comments")
}
#: The moment written as the document's creation and change, in the frame.
SENTINEL_MOMENT = datetime(1901, 2, 3, 4, 5, 6)
_MOMENT_FORMAT = "%Y-%m-%dT%H:%M:%SZ"  # as python-docx writes it
_DOCUMENT_PART = "word/document.xml"
_CORE_PART = "docProps/core.xml"


@dataclass(frozen=True)
class FrameFacts:
    """What the frame's builder knows of it that its XML does not say plainly."""

    style_ids: dict[str, str]
    block_width: int  # EMU between the margins of the last section
    #: For each list style id: the abstract numbering its list instances share.
    list_abstracts: dict[str, str] = field(default_factory=dict)
    numbering_part: str | None = None  # the zip entry of the numbering part
    num_ids: tuple[int, ...] = ()  # the numbering instances the base defines

    def to_json(self) -> bytes:
        return json.dumps(
            {
                "style_ids": self.style_ids,
                "block_width": self.block_width,
                "list_abstracts": self.list_abstracts,
                "numbering_part": self.numbering_part,
                "num_ids": list(self.num_ids),
            }
        ).encode("utf-8")

    @classmethod
    def from_json(cls, data: bytes) -> FrameFacts:
        facts = json.loads(data)
        return cls(
            style_ids=dict(facts["style_ids"]),
            block_width=int(facts["block_width"]),
            list_abstracts=dict(facts["list_abstracts"]),
            numbering_part=facts["numbering_part"],
            num_ids=tuple(facts["num_ids"]),
        )


@dataclass(frozen=True)
class DocumentProperties:
    """The values of a draft's Word properties (already cut to what Word holds)."""

    title: str
    subject: str
    author: str
    last_modified_by: str
    category: str
    comments: str
    moment: datetime


class Frame:
    """The ready part of every document of one kind in an export; :meth:`fill` makes
    a draft's ``.docx`` from it. Raises ValueError on a frame that is not one."""

    def __init__(self, data: bytes) -> None:
        entries = docx_zip.read_entries(data)
        described = [entry for entry in entries if entry.name == FRAME_ENTRY]
        if len(described) != 1:
            raise ValueError("not a document frame: no description")
        self.facts = FrameFacts.from_json(docx_zip.inflated(described[0]))
        self._entries: list[Entry] = [entry for entry in entries if entry.name != FRAME_ENTRY]
        #: The parts whose text a draft changes, by entry name.
        self._texts: dict[str, str] = {}
        for entry in self._entries:
            if entry.name in (_DOCUMENT_PART, _CORE_PART, self.facts.numbering_part) or (
                entry.name.endswith(".xml") and b"CRISISDRAFT-" in docx_zip.inflated(entry)
            ):
                self._texts[entry.name] = docx_zip.inflated(entry).decode("utf-8")
        document = self._texts.pop(_DOCUMENT_PART, None)
        if document is None:
            raise ValueError("not a document frame: no document part")
        self._head, self._tail, self._namespace = _split_at_marker(document)
        self._core = self._texts.pop(_CORE_PART, "")
        self._numbering = (
            self._texts.pop(self.facts.numbering_part, None) if self.facts.numbering_part else None
        )

    def fill(
        self, draft: Draft, header_lines: Sequence[str], properties: DocumentProperties
    ) -> bytes:
        """The ``.docx`` of ``draft`` with these header lines (as many as the frame was
        made for) and properties."""
        numbering = _Numbering(self.facts, self._numbering)
        styles = BodyStyles(
            self.facts.style_ids, self.facts.block_width, numbering.restart, self._namespace
        )
        body = body_xml(draft, styles)
        changed = {
            _DOCUMENT_PART: self._head + body + self._tail,
            _CORE_PART: _core_xml(self._core, properties),
        }
        lines = {LINE_TOKEN.format(index): line for index, line in enumerate(header_lines)}
        for name, text in self._texts.items():
            for token, line in lines.items():
                text = text.replace(f"<w:t>{token}</w:t>", _run_content(line))
            changed[name] = text
        if numbering.added and self.facts.numbering_part:
            changed[self.facts.numbering_part] = numbering.xml()
        entries = [
            docx_zip.deflated(entry.name, changed[entry.name].encode("utf-8"))
            if entry.name in changed
            else entry
            for entry in self._entries
        ]
        return docx_zip.zip_bytes(entries)


def _split_at_marker(document: str) -> tuple[str, str, str]:
    """The document's XML before and after the marker paragraph, and the namespace
    declaration its elements need (none where the document binds ``w:`` itself)."""
    marker = document.find(BODY_MARKER)
    start = document.rfind("<w:p", 0, marker)
    end = document.find("/>", marker)
    if marker < 0 or start < 0 or end < 0:
        raise ValueError("not a document frame: no place for the body")
    namespace = document[start + len("<w:p") : marker].rstrip()
    return document[:start], document[end + 2 :], namespace


def _core_xml(core: str, properties: DocumentProperties) -> str:
    for name, token in PROPERTY_TOKENS.items():
        core = core.replace(token, escaped(getattr(properties, name)))
    moment = properties.moment.strftime(_MOMENT_FORMAT)
    return core.replace(SENTINEL_MOMENT.strftime(_MOMENT_FORMAT), moment)


def _run_content(text: str) -> str:
    """What python-docx puts in a run for ``text``: a tab for each tab, a line break
    for each line end, the rest as text."""
    pieces: list[str] = []
    chunk: list[str] = []
    for character in text:
        if character in "\t\n\r":
            if chunk:
                pieces.append(text_element("".join(chunk)))
                chunk = []
            pieces.append("<w:tab/>" if character == "\t" else "<w:br/>")
        else:
            chunk.append(character)
    if chunk:
        pieces.append(text_element("".join(chunk)))
    return "".join(pieces)


class _Numbering:
    """The list instances a draft adds, so that each numbered list after the first
    starts again at 1 (python-docx's way: the first free ``numId``, appended last)."""

    def __init__(self, facts: FrameFacts, xml: str | None) -> None:
        self._facts = facts
        self._xml = xml
        self._num_ids = list(facts.num_ids)
        self.added: list[str] = []

    def restart(self, style_id: str) -> str | None:
        abstract = self._facts.list_abstracts.get(style_id)
        if abstract is None or self._xml is None:
            return None
        num_id = next(n for n in range(1, len(self._num_ids) + 2) if n not in self._num_ids)
        self._num_ids.append(num_id)
        self.added.append(
            f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract}"/>'
            '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
        )
        return str(num_id)

    def xml(self) -> str:
        assert self._xml is not None
        added = "".join(self.added)
        at = self._xml.find("<w:numIdMacAtCleanup")
        if at < 0:
            at = self._xml.rfind("</w:numbering>")
        return self._xml[:at] + added + self._xml[at:]
