"""A returned file opened as a Word package, safely: refused before anything of it is
inflated when it is not a ``.docx`` or is far bigger than a statement can be.

The file is read once (its hash is of those bytes). An old binary Word document and a
password-protected ``.docx`` are both OLE compound files (signature ``D0CF11E0``);
which of the two it is is told by the names of the streams in its directory, found as
UTF-16 strings in the file's bytes (``WordDocument`` for a ``.doc``,
``EncryptedPackage``/``EncryptionInfo`` for an encrypted ``.docx``), without an OLE
library: the reader only has to say which, not read the streams.

A zip is checked from its directory before any part is inflated: each part's size
once inflated, the total, and how much the whole expands. ``zipfile`` stops inflating a
part at the size its directory declares, so a part cannot lie its way past the limits.
XML parts are parsed without DTDs, entities or network access.
"""

from __future__ import annotations

import hashlib
import io
import math
import posixpath
import zipfile
from pathlib import Path
from typing import Final

from lxml import etree  # type: ignore[import-untyped]

from app.errors import CrisisDraftError
from app.word_import import ooxml, refusals

MEGABYTE: Final = 1024 * 1024
#: A statement's Word document is tens of kilobytes; a letterhead's pictures add some.
MAX_FILE_BYTES: Final = 20 * MEGABYTE
MAX_PART_BYTES: Final = 50 * MEGABYTE
MAX_TOTAL_BYTES: Final = 100 * MEGABYTE
#: Above this inflated total, a package expanding more than MAX_RATIO times is a bomb.
RATIO_CHECKED_FROM: Final = 10 * MEGABYTE
MAX_RATIO: Final = 100
MAX_PARTS: Final = 5000

OLE_SIGNATURE: Final = bytes.fromhex("D0CF11E0A1B11AE1")
_ENCRYPTED_STREAMS: Final = tuple(
    name.encode("utf-16-le") for name in ("EncryptedPackage", "EncryptionInfo")
)
_WORD_STREAM: Final = "WordDocument".encode("utf-16-le")
_OPEN_DOCUMENT: Final = b"application/vnd.oasis.opendocument"
_PARSER: Final = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
)
_MAIN_PART: Final = "word/document.xml"


class WordPackage:
    """The parts of one ``.docx``, each parsed once when first asked for."""

    def __init__(self, path: Path, data: bytes, archive: zipfile.ZipFile, main: str) -> None:
        self.path = path
        self.sha256 = hashlib.sha256(data).hexdigest()
        self.main = main
        self._archive = archive
        self._parsed: dict[str, etree._Element | None] = {}

    def part(self, name: str) -> etree._Element | None:
        """Part ``name`` (``word/styles.xml``) as XML, ``None`` when the package has
        none; refused (:class:`CrisisDraftError`) when it is not well-formed XML."""
        if name not in self._parsed:
            self._parsed[name] = self._parse(name)
        return self._parsed[name]

    def main_part(self) -> etree._Element:
        root = self.part(self.main)
        assert root is not None  # checked by open_package
        return root

    def related(self, source: str, relationship: str) -> list[str]:
        """The parts ``source`` points to with ``relationship`` (a type URI), in the
        order of its relationships; external targets are left out."""
        return list(self.relationships(source, relationship).values())

    def relationships(self, source: str, relationship: str | None = None) -> dict[str, str]:
        """``source``'s relationships (all, or of one type): id -> part name."""
        folder, name = posixpath.split(source)
        rels = self.part(posixpath.join(folder, "_rels", f"{name}.rels"))
        found: dict[str, str] = {}
        if rels is None:
            return found
        for rel in rels.iter(f"{{{ooxml.PACKAGE_RELS_NS}}}Relationship"):
            if relationship is not None and rel.get("Type") != relationship:
                continue
            target = rel.get("Target") or ""
            if rel.get("TargetMode") == "External" or not target:
                continue
            if target.startswith("/"):
                part_name = posixpath.normpath(target.lstrip("/"))
            else:
                part_name = posixpath.normpath(posixpath.join(folder, target))
            found[rel.get("Id") or ""] = part_name
        return found

    def headers(self) -> list[str]:
        """The headers the sections show, in the order of the sections (first page,
        even pages and the others), each once."""
        return self._section_parts("headerReference", ooxml.HEADER)

    def footers(self) -> list[str]:
        """The footers the sections show, as :meth:`headers`."""
        return self._section_parts("footerReference", ooxml.FOOTER)

    def _section_parts(self, reference: str, relationship: str) -> list[str]:
        targets = self.relationships(self.main, relationship)
        parts: list[str] = []
        for found in self.main_part().iter(ooxml.w(reference)):
            part = targets.get(found.get(f"{{{ooxml.R_NS}}}id") or "")
            if part is not None and part not in parts:
                parts.append(part)
        return parts

    def _parse(self, name: str) -> etree._Element | None:
        try:
            info = self._archive.getinfo(name)
        except KeyError:
            return None
        try:
            with self._archive.open(info) as stream:
                data = stream.read(MAX_PART_BYTES + 1)
            root = etree.fromstring(data, _PARSER)
        except (etree.XMLSyntaxError, zipfile.BadZipFile, OSError, EOFError, ValueError):
            raise refusals.refusal(self.path, refusals.DAMAGED, part=name) from None
        if root.getroottree().docinfo.doctype:
            raise refusals.refusal(self.path, refusals.DAMAGED, part=name)
        return root


def open_package(path: Path) -> WordPackage:
    """``path`` as a Word package, its main document checked to be WordprocessingML;
    raises :class:`CrisisDraftError` saying what the file is and what to do instead."""
    data = _read(path)
    if data.startswith(OLE_SIGNATURE):
        raise _compound_file_refusal(path, data)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError):
        raise refusals.refusal(path, refusals.NOT_DOCX) from None
    _check_sizes(path, archive, len(data))
    if _is_open_document(archive):
        raise refusals.refusal(path, refusals.OPEN_DOCUMENT)
    package = WordPackage(path, data, archive, _MAIN_PART)
    package.main = _main_part_name(package, archive)
    root = package.part(package.main)
    if root is None:
        raise refusals.refusal(path, refusals.NOT_DOCX)
    if root.tag == f"{{{ooxml.STRICT_W_NS}}}document":
        raise refusals.refusal(path, refusals.STRICT)
    if root.tag != ooxml.w("document") or root.find(ooxml.w("body")) is None:
        raise refusals.refusal(path, refusals.NOT_DOCX)
    return package


def _read(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise refusals.refusal(path, refusals.NOT_A_FILE)
        if size > MAX_FILE_BYTES:
            raise refusals.refusal(
                path, refusals.TOO_BIG, size=_megabytes(size), limit=_megabytes(MAX_FILE_BYTES)
            )
        with path.open("rb") as stream:
            return stream.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise refusals.refusal(path, refusals.MISSING) from None
    except IsADirectoryError:
        raise refusals.refusal(path, refusals.NOT_A_FILE) from None
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise refusals.refusal(path, refusals.UNREADABLE, reason=reason) from None


def _compound_file_refusal(path: Path, data: bytes) -> CrisisDraftError:
    """An OLE compound file: a password-protected ``.docx``, an old ``.doc``, or
    another Office file (an old Excel workbook...)."""
    if any(name in data for name in _ENCRYPTED_STREAMS):
        return refusals.refusal(path, refusals.PASSWORD)
    if _WORD_STREAM in data:
        return refusals.refusal(path, refusals.OLD_WORD)
    return refusals.refusal(path, refusals.OFFICE_BINARY)


def _check_sizes(path: Path, archive: zipfile.ZipFile, packed: int) -> None:
    """Refuse from the zip's directory alone what would inflate beyond the limits."""
    infos = archive.infolist()
    if len(infos) > MAX_PARTS:
        raise refusals.refusal(path, refusals.NOT_DOCX)
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > MAX_PART_BYTES:
            raise refusals.refusal(path, refusals.EXPANDS, size=_megabytes(info.file_size))
    if total > MAX_TOTAL_BYTES or (total > RATIO_CHECKED_FROM and total > packed * MAX_RATIO):
        raise refusals.refusal(path, refusals.EXPANDS, size=_megabytes(total))


def _megabytes(size: int) -> int:
    return math.ceil(size / MEGABYTE)


def _is_open_document(archive: zipfile.ZipFile) -> bool:
    try:
        info = archive.getinfo("mimetype")
    except KeyError:
        return False
    if info.file_size > 200:
        return False
    try:
        return archive.read(info).startswith(_OPEN_DOCUMENT)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        return False


def _main_part_name(package: WordPackage, archive: zipfile.ZipFile) -> str:
    """The main document the package's relationships name (``word/document.xml`` when
    they name none, as some writers leave it)."""
    try:
        strict = package.related("", ooxml.STRICT_OFFICE_DOCUMENT)
    except CrisisDraftError:
        raise refusals.refusal(package.path, refusals.NOT_DOCX) from None
    if strict:
        raise refusals.refusal(package.path, refusals.STRICT)
    named = package.related("", ooxml.OFFICE_DOCUMENT)
    if named and named[0] in archive.namelist():
        return named[0]
    return _MAIN_PART
