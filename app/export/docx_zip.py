"""The zip container of a ``.docx``, written from entries some of which are already
compressed.

Every document of an export shares most of its parts with the others (styles, theme,
settings, fonts, numbering, relationships: the base document's), and python-docx
compressed them again for each. Here a part read from the prepared base keeps its
compressed bytes, and only the parts a draft changes (its body, its properties, the
headers carrying its marks) are compressed anew. The zip written is a plain one (no
zip64: a document is far below 4 GB), as :mod:`zipfile` writes it.
"""

from __future__ import annotations

import io
import struct
import time
import zipfile
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

_LOCAL = struct.Struct("<IHHHHHIIIHH")
_CENTRAL = struct.Struct("<IHHHHHHIIIHHHHHII")
_END = struct.Struct("<IHHHHIIH")
_UTF8_NAME = 0x800
_MADE_BY = (3 << 8) | 20  # Unix, zip 2.0: as zipfile says it
_FILE_ATTRIBUTES = (0o600 << 16) & 0xFFFFFFFF


@dataclass(frozen=True)
class Entry:
    """One file of the zip, its data compressed as ``method`` says (deflate, or stored)."""

    name: str
    crc: int
    size: int
    data: bytes
    method: int = zipfile.ZIP_DEFLATED


def deflated(name: str, content: bytes) -> Entry:
    """``content`` compressed as :mod:`zipfile` compresses it (deflate, default level)."""
    compressor = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
    data = compressor.compress(content) + compressor.flush()
    return Entry(name, zlib.crc32(content), len(content), data)


def read_entries(data: bytes) -> list[Entry]:
    """The entries of the zip ``data`` in their order, compressed data kept as it is."""
    entries = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in archive.infolist():
            offset = info.header_offset
            name_length, extra_length = struct.unpack_from("<HH", data, offset + 26)
            start = offset + _LOCAL.size + name_length + extra_length
            raw = data[start : start + info.compress_size]
            entries.append(Entry(info.filename, info.CRC, info.file_size, raw, info.compress_type))
    return entries


def inflated(entry: Entry) -> bytes:
    """The content of ``entry``."""
    if entry.method == zipfile.ZIP_STORED:
        return entry.data
    return zlib.decompress(entry.data, -15)


def zip_bytes(entries: Sequence[Entry]) -> bytes:
    """The zip holding ``entries``, in that order, dated now."""
    moment = time.localtime()
    dos_time = (moment.tm_hour << 11) | (moment.tm_min << 5) | (moment.tm_sec // 2)
    dos_date = ((moment.tm_year - 1980) << 9) | (moment.tm_mon << 5) | moment.tm_mday
    out: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    for entry in entries:
        name = entry.name.encode("utf-8")
        flags = 0 if entry.name.isascii() else _UTF8_NAME
        # signature, version needed, flags, method, time, date, crc, sizes, name, extra
        sizes = (entry.crc, len(entry.data), entry.size, len(name))
        head = _LOCAL.pack(0x04034B50, 20, flags, entry.method, dos_time, dos_date, *sizes, 0)
        # ... and made by, extra, comment, disk, internal and external attributes, offset
        central.append(
            _CENTRAL.pack(
                0x02014B50,
                _MADE_BY,
                20,
                flags,
                entry.method,
                dos_time,
                dos_date,
                *sizes,
                0,
                0,
                0,
                0,
                _FILE_ATTRIBUTES,
                offset,
            )
            + name
        )
        out += (head, name, entry.data)
        offset += len(head) + len(name) + len(entry.data)
    directory = b"".join(central)
    end = _END.pack(0x06054B50, 0, 0, len(entries), len(entries), len(directory), offset, 0)
    return b"".join(out) + directory + end
