"""A company's letterhead, cleaned before anything of it reaches an exported document.

A reference ``.docx`` comes from outside (a template share, an e-mail) and every draft
exported with it goes to the press, so only what a letterhead is for is taken: styles,
numbering, headers and footers with their text, embedded pictures. Everything Word
would follow, fetch or run on opening is dropped here, at the level of the zip, before
python-docx opens it: external relationships (a template on a network share, a picture
linked from a web address), the attached template, fields that fetch or start programs
(INCLUDEPICTURE, INCLUDETEXT, DDE, LINK...), macros, ActiveX controls, OLE objects,
``altChunk`` documents and add-ins. Parts a letterhead does not need (comments, glossary,
custom XML) are left out quietly; what was active is told to the user as notes.

Only parts reachable through the kept relationships are written back, so a dropped
relationship drops its part, and ``[Content_Types].xml`` is rebuilt for them.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import docx
from docx.exceptions import InvalidXmlError
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.exceptions import InvalidXmlError as OxmlInvalidXmlError
from lxml import etree  # type: ignore[import-untyped]

from app.errors import N_, ExportError, Message, Param
from app.export.letterhead_xml import (
    ACTIVEX,
    ADD_IN,
    ALT_CHUNK,
    MACROS,
    OLE,
    Links,
    UnusableLetterheadError,
    clean_part,
    parse,
    shown,
)

MAX_REFERENCE_BYTES = 50 * 1024 * 1024
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
CONTENT_TYPES = "[Content_Types].xml"
DOCUMENT_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"

#: Relationship types (their last segment) a letterhead may keep, when internal.
KEPT_RELATIONSHIPS = frozenset(
    {
        "officedocument",
        "core-properties",
        "extended-properties",
        "custom-properties",
        "thumbnail",
        "styles",
        "styleswitheffects",
        "numbering",
        "settings",
        "websettings",
        "fonttable",
        "font",
        "theme",
        "themeoverride",
        "header",
        "footer",
        "footnotes",
        "endnotes",
        "image",
    }
)
#: The relationship types python-docx knows, written in full. A kept relationship must
#: be one of them: a damaged type ("ttp://…/core-properties") would be read as some other
#: part, and python-docx would then add its own core properties under the same name.
KNOWN_TYPES = frozenset(
    value for name, value in vars(RELATIONSHIP_TYPE).items() if not name.startswith("_")
)

#: Internal parts that are active content, by relationship type (last segment).
ACTIVE_RELATIONSHIPS = {
    "vbaproject": MACROS,
    "vbaprojectsignature": MACROS,
    "wordvbadata": MACROS,
    "keymapcustomizations": MACROS,
    "attachedtoolbars": MACROS,
    "extensibility": MACROS,  # a custom ribbon, whose buttons call macros
    "control": ACTIVEX,
    "activexcontrolbinary": ACTIVEX,
    "oleobject": OLE,
    "package": OLE,
    "afchunk": ALT_CHUNK,
    "webextensiontaskpanes": ADD_IN,
    "webextension": ADD_IN,
}
ACTIVE_CONTENT_TYPES = ("vbaproject", "vbadata", "activex", "oleobject")
#: Main documents of macro-enabled documents and of templates, read as plain documents.
WORD_MAIN_TYPES = frozenset(
    {
        "application/vnd.ms-word.document.macroenabled.main+xml",
        "application/vnd.ms-word.template.macroenabledtemplate.main+xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    }
)


#: What python-docx raises on a document it cannot read (lxml's are SyntaxErrors).
DOCX_FAULTS = (
    PackageNotFoundError,
    InvalidXmlError,
    OxmlInvalidXmlError,
    KeyError,
    ValueError,
    AttributeError,
    TypeError,
    IndexError,
    SyntaxError,
    StopIteration,
    NotImplementedError,
)


def reason_of(error: BaseException) -> str:
    return str(error) or type(error).__name__


def refusal(path: Path, why: Message) -> ExportError:
    return ExportError(
        message_id=N_("{file}: {why}; give a Word .docx saved from Word or LibreOffice"),
        params={"file": str(path), "why": why},
    )


def open_letterhead(path: Path) -> tuple[Any, list[Message]]:
    """The reference as python-docx opens it once cleaned of active content (see
    :mod:`app.export.letterhead`), and what was dropped; refused with a message when
    it cannot be read, is not a Word document, or is hostile beyond cleaning."""
    data = _read_reference(path)
    try:
        clean = clean_letterhead(data)
    except UnusableLetterheadError as error:
        raise refusal(path, error.reason) from None
    try:
        document = docx.Document(io.BytesIO(clean.data))
    except DOCX_FAULTS as error:
        why = Message(N_("is not a Word document ({reason})"), {"reason": reason_of(error)})
        raise refusal(path, why) from None
    return document, clean.dropped


def _read_reference(path: Path) -> bytes:
    def refuse(why: str, **params: Param) -> ExportError:
        return refusal(path, Message(why, params))

    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise refuse(N_("the reference document does not exist")) from None
    except OSError as error:
        raise refuse(
            N_("the reference document cannot be read ({reason})"),
            reason=error.strerror or str(error),
        ) from None
    if len(data) > MAX_REFERENCE_BYTES or not zipfile.is_zipfile(io.BytesIO(data)):
        raise refuse(N_("is not a Word document"))
    problem = _unsafe_content(data)
    if problem:
        raise refusal(path, problem)
    return data


MAX_UNPACKED_BYTES = 200 * 1024 * 1024
_ENTITY_DECLARATIONS = tuple(
    marker.encode(encoding)
    for marker in ("<!DOCTYPE", "<!ENTITY")
    for encoding in ("ascii", "utf-16-le", "utf-16-be")
)
#: Kept from the end of one chunk to the next, so a marker split between them is seen.
_OVERLAP = max(len(marker) for marker in _ENTITY_DECLARATIONS) - 1
CHUNK_BYTES = 1024 * 1024


def _unsafe_content(data: bytes) -> Message | None:
    """Why the zip must not be opened (a zip bomb, XML entities), or None.

    Entries are decompressed with a running cap, whatever sizes the zip claims, and XML
    parts may not declare entities (external entities could read local files, nested ones
    explode in memory), although python-docx's parser does not resolve them anyway.
    Damaged entries (a bad CRC, encryption, an unknown compression) are refused here."""
    unpacked = 0
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for entry in archive.infolist():
                is_xml = entry.filename.endswith((".xml", ".rels"))
                tail = b""
                with archive.open(entry) as stream:
                    while chunk := stream.read(CHUNK_BYTES):
                        unpacked += len(chunk)
                        if unpacked > MAX_UNPACKED_BYTES:
                            return Message(
                                N_("unpacks to far more than any letterhead needs (a zip bomb?)")
                            )
                        window = tail + chunk
                        if is_xml and any(marker in window for marker in _ENTITY_DECLARATIONS):
                            return Message(
                                N_("contains XML entity declarations, which are refused for safety")
                            )
                        tail = window[-_OVERLAP:]
    except (zipfile.BadZipFile, OSError, RuntimeError, EOFError, ValueError, zlib.error) as error:
        return Message(N_("is a damaged zip file ({reason})"), {"reason": reason_of(error)})
    return None


@dataclass
class CleanLetterhead:
    """The cleaned ``.docx`` and what was dropped from it (message ids, in order, once)."""

    data: bytes
    dropped: list[Message] = field(default_factory=list)

    def note(self, message: Message) -> None:
        if message not in self.dropped:
            self.dropped.append(message)


def clean_letterhead(data: bytes) -> CleanLetterhead:
    """``data`` (a zip already checked for bombs and entities) without active content.

    Raises :class:`UnusableLetterheadError` when it is not a Word document or one of the parts
    kept is not well-formed XML."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = {info.filename: archive.read(info) for info in archive.infolist()}
    except (zipfile.BadZipFile, OSError, RuntimeError, EOFError, ValueError) as error:
        reason = Message(N_("is a damaged zip file ({reason})"), {"reason": str(error)})
        raise UnusableLetterheadError(reason) from None
    if CONTENT_TYPES not in entries:
        raise UnusableLetterheadError(Message(N_("is not a Word document")))
    result = CleanLetterhead(b"")
    content_types = parse(CONTENT_TYPES, entries[CONTENT_TYPES])
    package = _Package(entries, _ContentTypes.of(content_types))
    links = _follow_relationships(package, result)
    for name, part in list(package.kept.items()):
        if name.endswith(".xml") and name != CONTENT_TYPES:
            package.kept[name] = clean_part(name, part, links.get(name, Links()), result.note)
    package.kept[CONTENT_TYPES] = _rebuilt_content_types(content_types, package)
    result.data = _zipped(package.kept)
    return result


@dataclass
class _ContentTypes:
    overrides: dict[str, str]  # "word/document.xml" -> its content type
    defaults: dict[str, str]  # "png" -> its content type

    @classmethod
    def of(cls, root: etree._Element) -> _ContentTypes:
        return cls(
            {
                str(item.get("PartName", "")).lstrip("/"): str(item.get("ContentType", ""))
                for item in root.iter(f"{{{CT}}}Override")
            },
            {
                str(item.get("Extension", "")).lower(): str(item.get("ContentType", ""))
                for item in root.iter(f"{{{CT}}}Default")
            },
        )

    def of_part(self, name: str) -> str:
        extension = name.rsplit(".", 1)[-1].lower()
        return self.overrides.get(name, self.defaults.get(extension, ""))


@dataclass
class _Package:
    """The letterhead's zip entries, and those kept so far (with the main document's name)."""

    entries: dict[str, bytes]
    types: _ContentTypes
    kept: dict[str, bytes] = field(default_factory=dict)
    main: str = ""


def _rels_name(part: str) -> str:
    """Where the relationships of ``part`` are kept (``""`` is the package itself)."""
    folder, base = posixpath.split(part)
    return posixpath.join(folder, "_rels", base + ".rels")


def _follow_relationships(package: _Package, result: CleanLetterhead) -> dict[str, Links]:
    """Keep the parts reachable through the relationships kept, from the package's own;
    returns, per part, the ids of its relationships kept and dropped (the XML referring
    to any other goes too)."""
    links: dict[str, Links] = {}
    waiting = [""]
    while waiting:
        source = waiting.pop()
        rels_name = _rels_name(source)
        if rels_name not in package.entries:
            continue
        rels = parse(rels_name, package.entries[rels_name])
        for relationship in list(rels):
            target = _kept_target(source, relationship, package, result)
            if target is None:
                rels.remove(relationship)
                links.setdefault(source, Links()).dropped.add(str(relationship.get("Id", "")))
                continue
            links.setdefault(source, Links()).kept.add(str(relationship.get("Id", "")))
            if target not in package.kept:
                package.kept[target] = package.entries[target]
                waiting.append(target)
        package.kept[rels_name] = etree.tostring(rels, xml_declaration=True, encoding="UTF-8")
    return links


def _kept_target(
    source: str, relationship: etree._Element, package: _Package, result: CleanLetterhead
) -> str | None:
    """The part ``relationship`` leads to, when it may be kept; else None (noted if active)."""
    kind = str(relationship.get("Type", "")).rstrip("/").rsplit("/", 1)[-1].lower()
    target = str(relationship.get("Target", ""))
    if str(relationship.get("TargetMode", "")).lower() == "external":
        result.note(_external_note(kind, target))
        return None
    if kind in ACTIVE_RELATIONSHIPS:
        result.note(Message(ACTIVE_RELATIONSHIPS[kind]))
        return None
    if kind == "attachedtemplate":
        result.note(Message(N_("an attached template ({target})"), {"target": shown(target)}))
        return None
    if kind not in KEPT_RELATIONSHIPS or relationship.get("Type") not in KNOWN_TYPES:
        return None  # a part letterheads do not need (comments, glossary), or a damaged type
    if target.startswith("/"):
        name = posixpath.normpath(target).lstrip("/")
    else:
        name = posixpath.normpath(posixpath.join(posixpath.dirname(source), target))
    if name not in package.entries:
        return None  # a reference to nothing: python-docx would stop on it
    content_type = package.types.of_part(name).lower()
    if kind == "image" and not content_type.startswith("image/"):
        result.note(Message(OLE))
        return None
    if "macroenabled" in content_type:
        result.note(Message(MACROS))
    if source == "" and kind == "officedocument":
        package.main = name
    return name


def _external_note(kind: str, target: str) -> Message:
    params = {"target": shown(target)}
    if kind == "attachedtemplate":
        return Message(N_("a link to a template on another computer ({target})"), params)
    if kind == "image":
        return Message(N_("a picture linked from {target} instead of embedded"), params)
    if kind == "hyperlink":
        return Message(N_("a hyperlink to {target} (its text is kept)"), params)
    if "mailmerge" in kind or kind == "recipientdata":
        return Message(N_("a mail merge data source ({target})"), params)
    return Message(N_("a link to {target}"), params)


def _rebuilt_content_types(root: etree._Element, package: _Package) -> bytes:
    """Overrides for the parts kept only, no macro or ActiveX defaults, and the main
    document declared as a plain document (not a macro-enabled one or a template)."""
    for element in list(root):
        content_type = str(element.get("ContentType", "")).lower()
        part = str(element.get("PartName", "")).lstrip("/")
        dropped_part = element.tag == f"{{{CT}}}Override" and part not in package.kept
        if dropped_part or any(word in content_type for word in ACTIVE_CONTENT_TYPES):
            root.remove(element)
        elif part == package.main and content_type in WORD_MAIN_TYPES:
            element.set("ContentType", DOCUMENT_MAIN)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def _zipped(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(CONTENT_TYPES, parts[CONTENT_TYPES])
        for name, data in parts.items():
            if name != CONTENT_TYPES:
                archive.writestr(name, data)
    return buffer.getvalue()
