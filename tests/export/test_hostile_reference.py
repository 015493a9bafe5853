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
