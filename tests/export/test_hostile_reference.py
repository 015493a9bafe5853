"""Hostile reference documents are refused with a message and nothing read from outside."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest

from app.errors import ExportError
from app.export.word_base import BaseDocument


def rezip(source: Path, target: Path, replace: dict[str, bytes]) -> None:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for entry in old.infolist():
            new.writestr(entry.filename, replace.get(entry.filename, old.read(entry.filename)))
        for name, data in replace.items():
            if name not in old.namelist():
                new.writestr(name, data)


@pytest.fixture
def letterhead(tmp_path: Path) -> Path:
    path = tmp_path / "plain.docx"
    docx.Document().save(path)
    return path


def test_an_external_entity_is_refused_and_the_secret_never_read(tmp_path, letterhead) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET", encoding="utf-8")
    with zipfile.ZipFile(letterhead) as original:
        xml = original.read("word/document.xml")
    evil = xml.replace(
        b"?>",
        f'?><!DOCTYPE w:document [<!ENTITY leak SYSTEM "file://{secret}">]>'.encode(),
        1,
    ).replace(b"<w:body>", b"<w:body><w:p><w:r><w:t>&leak;</w:t></w:r></w:p>", 1)
    hostile = tmp_path / "xxe.docx"
    rezip(letterhead, hostile, {"word/document.xml": evil})
    with pytest.raises(ExportError, match="XML entity declarations"):
        BaseDocument(hostile)


def test_a_zip_bomb_is_refused_without_unpacking_it(tmp_path, letterhead) -> None:
    bomb = tmp_path / "bomb.docx"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        with zipfile.ZipFile(letterhead) as original:
            for entry in original.infolist():
                archive.writestr(entry.filename, original.read(entry.filename))
        with archive.open("word/media/filler.bin", "w") as stream:
            block = b"\0" * (16 * 1024 * 1024)
            for _ in range(16):  # 256 MB of zeros, about 250 KB compressed
                stream.write(block)
    bomb.write_bytes(buffer.getvalue())
    assert bomb.stat().st_size < 2_000_000
    with pytest.raises(ExportError, match="zip bomb"):
        BaseDocument(bomb)


def test_a_damaged_zip_is_refused(tmp_path, letterhead) -> None:
    data = bytearray(letterhead.read_bytes())
    data[len(data) // 2 : len(data) // 2 + 200] = b"\xff" * 200
    damaged = tmp_path / "damaged.docx"
    damaged.write_bytes(bytes(data))
    with pytest.raises(ExportError, match=r"Word document|damaged"):
        BaseDocument(damaged)


def _central_entry(data: bytes, name: str) -> int:
    """Where entry ``name``'s record starts in the zip's central directory."""
    start = data.index(b"PK\x01\x02")
    while True:
        name_length = int.from_bytes(data[start + 28 : start + 30], "little")
        if data[start + 46 : start + 46 + name_length] == name.encode():
            return start
        extra, comment = (
            int.from_bytes(data[at : at + 2], "little") for at in (start + 30, start + 32)
        )
        start += 46 + name_length + extra + comment


def patched_headers(data: bytes, name: str, *, flags: int = 0, method: int | None = None) -> bytes:
    """``data`` with the local and central headers of entry ``name`` changed as a
    damaged or exotic zip has them: flag bits set (1: encrypted), another method."""
    patched = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        local = archive.getinfo(name).header_offset
    for start, flag_at, method_at in ((local, 6, 8), (_central_entry(data, name), 8, 10)):
        old = int.from_bytes(patched[start + flag_at : start + flag_at + 2], "little")
        patched[start + flag_at : start + flag_at + 2] = (old | flags).to_bytes(2, "little")
        if method is not None:
            patched[start + method_at : start + method_at + 2] = method.to_bytes(2, "little")
    return bytes(patched)


def stored(letterhead: Path) -> bytes:
    """The letterhead with its entries stored, not compressed (their bytes readable)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(letterhead) as old, zipfile.ZipFile(buffer, "w") as new:
        for entry in old.infolist():
            new.writestr(entry.filename, old.read(entry.filename), zipfile.ZIP_STORED)
    return buffer.getvalue()


def bad_crc(data: bytes) -> bytes:
    """A byte of word/document.xml changed after its checksum was written."""
    at = data.index(b"<w:body>")
    return data[:at] + b"<w:bodx>" + data[at + 8 :]


DAMAGES = {
    "truncated": lambda data: data[: len(data) * 2 // 3],
    "bad CRC": bad_crc,
    "encrypted entry": lambda data: patched_headers(data, "word/document.xml", flags=1),
    "unsupported compression": lambda data: patched_headers(data, "word/document.xml", method=98),
}


@pytest.mark.parametrize("damage", DAMAGES, ids=list(DAMAGES))
def test_a_damaged_or_exotic_zip_is_refused_with_one_line(tmp_path, letterhead, damage) -> None:
    from app.files.resources import example_incident
    from tests.test_cli import crisisdraft

    damaged = tmp_path / "damaged.docx"
    damaged.write_bytes(DAMAGES[damage](stored(letterhead)))
    with pytest.raises(ExportError, match=r"damaged\.docx: (is not a Word document|is a damaged)"):
        BaseDocument(damaged)
    out = tmp_path / "out"
    result = crisisdraft(
        "export", str(example_incident()), "--out", str(out), "--reference-docx", str(damaged)
    )
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith(f"crisisdraft: {damaged}: ")
    assert not out.exists()
