"""OLE compound files (the container of old ``.doc`` files and of password-protected
``.docx`` files), written by hand: a version 3 header, one FAT sector and one
directory sector naming the streams, which are left empty.

The reader recognises them by the signature and by the names of their streams, so
this is all a test needs; the files follow the format ([MS-CFB]) so that a tool that
lists their streams would find them (no OLE library is installed to write real ones;
``.doc`` files from LibreOffice are read in the LibreOffice tests).
"""

from __future__ import annotations

import struct

SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")
SECTOR = 512
FREE, END_OF_CHAIN, FAT_SECTOR, NO_STREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
ROOT, STREAM = 5, 2

#: The streams Word's binary format and Office's encryption put in the file.
OLD_WORD_STREAMS = ("WordDocument", "1Table", "\x05SummaryInformation")
ENCRYPTED_STREAMS = ("\x06DataSpaces", "EncryptionInfo", "EncryptedPackage")
WORKBOOK_STREAMS = ("Workbook", "\x05SummaryInformation")


def compound_file(streams: tuple[str, ...]) -> bytes:
    """A compound file whose root storage holds empty ``streams`` (three at most)."""
    assert len(streams) <= 3
    difat = struct.pack("<I", 0) + struct.pack("<I", FREE) * 108
    header = (
        SIGNATURE
        + bytes(16)  # CLSID
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)  # versions, byte order, sector sizes
        + bytes(6)
        + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 0x1000, END_OF_CHAIN, 0, END_OF_CHAIN, 0)
        + difat
    )
    assert len(header) == SECTOR
    fat = struct.pack("<II", FAT_SECTOR, END_OF_CHAIN) + struct.pack("<I", FREE) * 126
    entries = [_entry("Root Entry", ROOT, child=1)]
    for index, name in enumerate(streams, start=1):
        following = index + 1 if index < len(streams) else NO_STREAM
        entries.append(_entry(name, STREAM, right=following))
    entries += [bytes(128)] * (4 - len(entries))
    return header + fat + b"".join(entries)


def _entry(name: str, kind: int, *, child: int = NO_STREAM, right: int = NO_STREAM) -> bytes:
    encoded = (name + "\0").encode("utf-16-le")
    return (
        encoded.ljust(64, b"\0")
        + struct.pack("<HBB", len(encoded), kind, 1)
        + struct.pack("<III", NO_STREAM, right, child)
        + bytes(16)  # CLSID
        + bytes(4 + 8 + 8)  # state bits, creation and modification times
        + struct.pack("<IQ", END_OF_CHAIN, 0)  # first sector, size: empty
    )
