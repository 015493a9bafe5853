"""Every interface string in the code is in the French catalog, translated, and keeps
its placeholders."""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
FRENCH = ROOT / "translations" / "fr" / "LC_MESSAGES" / "crisisdraft.po"
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def code_messages() -> set[str]:
    found = extract_from_dir(
        str(ROOT / "app"), method_map=[("**.py", "python")], keywords={"N_": None, "_": None}
    )
    return {
        message for _file, _line, message, _comments, _context in found if isinstance(message, str)
    }


def test_every_interface_string_is_translated_into_french() -> None:
    with FRENCH.open("rb") as stream:
        catalog = read_po(stream, locale="fr")
    messages = code_messages()
    assert len(messages) > 150
    missing = sorted(m for m in messages if m not in catalog or not catalog[m].string)
    fuzzy = sorted(m for m in messages if m in catalog and catalog[m].fuzzy)
    assert not missing, f"not in the French catalog or untranslated: {missing}"
    assert not fuzzy, f"fuzzy (needs review): {fuzzy}"


def test_french_translations_keep_placeholders_and_typography() -> None:
    with FRENCH.open("rb") as stream:
        catalog = read_po(stream, locale="fr")
    for message in catalog:
        if not message.id or not isinstance(message.string, str):
            continue
        assert set(PLACEHOLDER.findall(message.id)) == set(PLACEHOLDER.findall(message.string)), (
            message.id
        )
        assert not re.search(r"\S[:;!?](\s|$)", message.string.replace("://", "")), message.string
