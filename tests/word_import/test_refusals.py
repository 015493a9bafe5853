"""A file that is not a Word document the app can read is refused with a message that
names it and says what to do: an old .doc, a password-protected document, an .odt,
another file, a damaged one, one far too big or built to expand (refused from the
zip's directory, before anything is inflated)."""

from __future__ import annotations

import io
import time
import zipfile
import zlib
from pathlib import Path

import pytest

from app.errors import CrisisDraftError
from app.word_import import open_revisions, read_returned_document
from tests.word_import.compound_files import (
    ENCRYPTED_STREAMS,
    OLD_WORD_STREAMS,
    WORKBOOK_STREAMS,
    compound_file,
)
from tests.word_import.documents import draft_of, exported, with_entries, zipped

NOT_DOCX = (
    "{name}: this is not a Word document (.docx); save the statement as a Word document "
    "(.docx) and bring back that file"
)


def refusal(path: Path) -> str:
    with pytest.raises(CrisisDraftError) as refused:
        read_returned_document(path)
    return str(refused.value)


@pytest.fixture
def release(tmp_path: Path) -> Path:
    return exported(draft_of("# Northwind Motors\n\nA statement.\n"), tmp_path / "release.docx")


def test_a_missing_file_or_a_folder_is_refused(tmp_path: Path) -> None:
    assert refusal(tmp_path / "gone.docx") == (
        "gone.docx: there is no such file; check its name and folder"
    )
    (tmp_path / "folder.docx").mkdir()
    assert refusal(tmp_path / "folder.docx") == (
        "folder.docx: this is a folder, not a Word document; choose the .docx file itself"
    )


def test_an_old_word_document_is_refused_with_how_to_save_it_as_docx(tmp_path: Path) -> None:
    path = tmp_path / "release.doc"
    path.write_bytes(compound_file(OLD_WORD_STREAMS))
    assert refusal(path) == (
        "release.doc: this is an old Word document (.doc); open it in Word and save it as a "
        "Word document (.docx), then bring back that file"
    )


def test_a_password_protected_document_is_refused_with_how_to_remove_it(tmp_path: Path) -> None:
    path = tmp_path / "release.docx"  # Word keeps the name of an encrypted .docx
    path.write_bytes(compound_file(ENCRYPTED_STREAMS))
    assert refusal(path) == (
        "release.docx: the document is protected by a password; remove the password in Word "
        "(File > Info > Protect Document), save it again and bring it back"
    )
    with pytest.raises(CrisisDraftError, match="protected by a password"):
        open_revisions(path)


def test_another_office_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "figures.docx"
    path.write_bytes(compound_file(WORKBOOK_STREAMS))
    assert refusal(path).startswith("figures.docx: this is not a Word document (.docx) but ")


def test_an_open_document_text_is_refused_with_how_to_save_it(tmp_path: Path) -> None:
    path = tmp_path / "release.odt"
    path.write_bytes(
        zipped(
            {
                "mimetype": b"application/vnd.oasis.opendocument.text",
                "content.xml": b"<office:document-content/>",
            }
        )
    )
    assert refusal(path) == (
        "release.odt: this is an OpenDocument text (.odt), not a Word document; save it as a "
        "Word document (.docx) (in LibreOffice: File > Save As, Word 2007-365) and bring back "
        "that file"
    )


@pytest.mark.parametrize(
    "content",
    [
        b"Dear all, here is the statement.",
        b"PK\x03\x04 a broken zip",
        zipped({"readme.txt": b"no document in here"}),
        zipped(
            {
                "_rels/.rels": b'<Relationships xmlns="http://schemas.openxmlformats.org/package/'
                b'2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
                b"openxmlformats.org/officeDocument/2006/relationships/officeDocument"
                b'" Target="xl/workbook.xml"/></Relationships>',
                "xl/workbook.xml": b'<workbook xmlns="http://schemas.openxmlformats.org/'
                b'spreadsheetml/2006/main"/>',
            }
        ),
    ],
    ids=["text", "broken zip", "zip without a document", "workbook"],
)
def test_a_file_that_is_not_a_word_document_is_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "release.docx"
    path.write_bytes(content)
    assert refusal(path) == NOT_DOCX.format(name="release.docx")


@pytest.mark.parametrize(
    "document",
    [
        b"<w:document xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main'>",
        b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]>'
        b"<w:document xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main'>"
        b"<w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>",
    ],
    ids=["cut short", "entities"],
)
def test_a_damaged_document_is_refused(release: Path, document: bytes) -> None:
    release.write_bytes(with_entries(release, {"word/document.xml": document}))
    assert refusal(release) == (
        "release.docx: the document is damaged (its part word/document.xml cannot be read); "
        "open it in Word, save it again and bring it back"
    )


def test_a_strict_open_xml_document_is_refused(release: Path) -> None:
    strict = (
        b'<w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main">'
        b"<w:body/></w:document>"
    )
    release.write_bytes(with_entries(release, {"word/document.xml": strict}))
    assert "saved as Strict Open XML" in refusal(release)


def test_a_file_too_big_is_refused_without_being_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.docx"
    with path.open("wb") as stream:
        stream.truncate(21 * 1024 * 1024)  # sparse: nothing to read anyway
    assert refusal(path) == (
        "huge.docx: the file is 21 MB, more than the 20 MB a statement's Word document can "
        "be; remove the pictures or embedded files it carries, save it and try again"
    )


def _zeros_entry(size: int) -> bytes:
    """A deflated part of ``size`` zero bytes, compressed by chunks (kilobytes a megabyte)."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = bytes(1024 * 1024)
    packed = b"".join(compressor.compress(chunk) for _ in range(size // len(chunk)))
    return packed + compressor.flush()


def _zip_with_raw_entry(release: Path, name: str, packed: bytes, size: int, crc: int) -> bytes:
    """The zip of ``release`` with entry ``name`` holding ``packed`` (already deflated),
    its directory saying it inflates to ``size`` bytes."""
    data = with_entries(release, {name: b"placeholder"})
    archive = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as out:
        for info in archive.infolist():
            if info.filename != name:
                out.writestr(info, archive.read(info))
                continue
            entry = zipfile.ZipInfo(name, date_time=info.date_time)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.CRC, entry.compress_size, entry.file_size = crc, len(packed), size
            header = entry.FileHeader()
            entry.header_offset = out.fp.tell()  # type: ignore[union-attr]
            out.fp.write(header + packed)  # type: ignore[union-attr]
            out.filelist.append(entry)
            out.NameToInfo[name] = entry
            out.start_dir = out.fp.tell()  # type: ignore[union-attr]
    return buffer.getvalue()


@pytest.fixture(scope="module")
def sixty_megabytes() -> tuple[bytes, int]:
    size = 60 * 1024 * 1024
    crc = 0
    chunk = bytes(1024 * 1024)
    for _ in range(size // len(chunk)):
        crc = zlib.crc32(chunk, crc)
    return _zeros_entry(size), crc


def test_a_zip_bomb_is_refused_before_anything_is_inflated(
    release: Path, sixty_megabytes: tuple[bytes, int]
) -> None:
    packed, crc = sixty_megabytes
    release.write_bytes(
        _zip_with_raw_entry(release, "word/document.xml", packed, 60 * 1024 * 1024, crc)
    )
    assert release.stat().st_size < 200_000
    started = time.perf_counter()
    message = refusal(release)
    assert time.perf_counter() - started < 0.5
    assert message == (
        "release.docx: the document would take 60 MB once opened, far more than a statement's "
        "Word document can; it was not opened (it may be damaged or built to do harm): save "
        "it again from Word and try again"
    )


def test_parts_that_expand_a_hundredfold_are_refused(release: Path) -> None:
    size = 12 * 1024 * 1024
    packed = _zeros_entry(size)
    crc = zlib.crc32(bytes(size))
    release.write_bytes(_zip_with_raw_entry(release, "word/media/filler.bin", packed, size, crc))
    assert "the document would take 13 MB once opened" in refusal(release)


def test_a_part_inflating_beyond_what_its_directory_says_is_not_inflated(
    release: Path, sixty_megabytes: tuple[bytes, int]
) -> None:
    packed, crc = sixty_megabytes
    release.write_bytes(_zip_with_raw_entry(release, "word/document.xml", packed, 4000, crc))
    started = time.perf_counter()
    message = refusal(release)
    assert time.perf_counter() - started < 0.5
    assert "its part word/document.xml cannot be read" in message
