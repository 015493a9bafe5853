"""Packs that would not survive on Windows or macOS, damaged packs, and packs that
would silently reword the built-in templates are refused with a message."""

from __future__ import annotations

import struct
import unicodedata
import warnings
import zipfile
from pathlib import Path

import pytest

from app.files.resources import built_in_templates
from app.templates.template_packs import PackError, read_template_pack

FINE = "# {{ organisation.name }}\n"


def pack_of(tmp_path: Path, *entries: tuple[str, str], stored: bool = False) -> Path:
    path = tmp_path / "pack.zip"
    method = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about a duplicate name: we want one
        with zipfile.ZipFile(path, "w", method) as archive:
            for name, text in entries:
                archive.writestr(name, text)
    return path


def patch_central_directory(path: Path, name: str, offset: int, value: int) -> None:
    """Set a 2-byte field of ``name``'s central directory record, as a hostile tool
    would (zipfile itself never writes encrypted or oddly compressed entries)."""
    data = bytearray(path.read_bytes())
    start = data.find(b"PK\x01\x02")
    while start != -1:
        length = struct.unpack_from("<H", data, start + 28)[0]
        if data[start + 46 : start + 46 + length] == name.encode():
            struct.pack_into("<H", data, start + offset, value)
        start = data.find(b"PK\x01\x02", start + 4)
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    "name",
    [
        "CON.md.j2",
        "press_release/nul.md.j2",
        "aux/en.md.j2",
        "press_release/com1.md.j2",
        "press_release/LPT9.md.j2",
        "press_release/en.md.j2.",
        "press_release/en.md.j2 ",
        "press_release /en.md.j2",
        "press_release/a?b.md.j2",
        "press_release/a<b>.md.j2",
        'press_release/"quoted".md.j2',
        "press_release/a|b.md.j2",
        "press_release/a:b.md.j2",
        "press_release/a*.md.j2",
        "press_release/tab\there.md.j2",
        "press_release/bell\x07.md.j2",
    ],
)
def test_a_name_windows_or_macos_cannot_hold_is_refused(tmp_path: Path, name: str) -> None:
    pack = pack_of(tmp_path, ("holding/press_release/en.md.j2", FINE), (name, FINE))
    with pytest.raises(PackError) as error:
        read_template_pack(pack)
    assert str(error.value).startswith(
        f"pack.zip: entry '{name}' has a name Windows or macOS cannot hold"
    )
    assert str(error.value).endswith("rename it in the pack; the pack was not imported")


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("holding/press_release/en.md.j2", "holding/press_release/EN.md.j2"),
        ("holding/press_release/en.md.j2", "Holding/Press_Release/en.md.j2"),
        ("holding/press_release/en.md.j2", "holding/press_release/en.md.j2"),
        (
            unicodedata.normalize("NFC", "holding/communiqué/fr.md.j2"),
            unicodedata.normalize("NFD", "holding/communiqué/fr.md.j2"),
        ),
    ],
)
def test_entries_that_would_be_one_file_on_windows_or_macos_are_refused(
    tmp_path: Path, first: str, second: str
) -> None:
    pack = pack_of(tmp_path, (first, FINE), (second, "# other\n"))
    with pytest.raises(PackError) as error:
        read_template_pack(pack)
    assert str(error.value) == (
        f"pack.zip: entries '{first}' and '{second}' would be the same file on Windows or "
        "macOS; the pack was not imported"
    )


def test_a_pack_with_a_bad_checksum_is_refused(tmp_path: Path) -> None:
    pack = pack_of(tmp_path, ("holding/press_release/en.md.j2", FINE * 20), stored=True)
    data = bytearray(pack.read_bytes())
    data[data.find(b"# {{") + 2] ^= 0x01  # one bit of the text flipped in transit
    pack.write_bytes(bytes(data))
    with pytest.raises(PackError) as error:
        read_template_pack(pack)
    assert str(error.value) == (
        "pack.zip: entry 'holding/press_release/en.md.j2' is damaged (its checksum does not "
        "match); the pack was not imported"
    )


def test_an_encrypted_pack_is_refused(tmp_path: Path) -> None:
    pack = pack_of(tmp_path, ("holding/press_release/en.md.j2", FINE))
    patch_central_directory(pack, "holding/press_release/en.md.j2", 8, 0x1)
    with pytest.raises(PackError) as error:
        read_template_pack(pack)
    assert str(error.value) == (
        "pack.zip: entry 'holding/press_release/en.md.j2' is encrypted; a pack may not be "
        "protected by a password; the pack was not imported"
    )


def test_an_unknown_compression_method_is_refused(tmp_path: Path) -> None:
    pack = pack_of(tmp_path, ("holding/press_release/en.md.j2", FINE))
    patch_central_directory(pack, "holding/press_release/en.md.j2", 10, 99)  # AES
    with pytest.raises(PackError) as error:
        read_template_pack(pack)
    assert "is compressed in a way CrisisDraft cannot read" in str(error.value)


def test_a_pack_cannot_reword_the_built_in_shared_wording(tmp_path: Path) -> None:
    for name in ("_partials/en.md.j2", "_PARTIALS/En.md.j2"):
        pack = pack_of(
            tmp_path,
            ("holding/press_release/en.md.j2", FINE),
            (name, "{% macro anything() %}We regret nothing.{% endmacro %}\n"),
        )
        with pytest.raises(PackError) as error:
            read_template_pack(pack)
        assert str(error.value) == (
            f"pack.zip: entry '{name}' would replace the built-in shared wording "
            "'_partials/en.md.j2' in every template; give it another name in the pack; the "
            "pack was not imported"
        )


def test_a_pack_may_carry_an_unchanged_copy_of_the_shared_wording(tmp_path: Path) -> None:
    same = (built_in_templates() / "_partials" / "en.md.j2").read_text(encoding="utf-8")
    pack = pack_of(
        tmp_path,
        ("holding/press_release/en.md.j2", FINE),
        ("_partials/en.md.j2", same),
        ("_partials/ours.md.j2", "{% macro ours() %}Ours.{% endmacro %}\n"),
    )
    names = [entry.relative.as_posix() for entry in read_template_pack(pack)]
    assert names == ["holding/press_release/en.md.j2", "_partials/en.md.j2", "_partials/ours.md.j2"]
