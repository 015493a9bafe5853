"""Catalogs compiled from a source checkout's .po are kept for the next start (read
without Babel) and compiled again as soon as the .po changes: never a stale text."""

from __future__ import annotations

import gettext
import io
import os
from pathlib import Path

import pytest

from app.interface_text import translator

PO = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "Open"
msgstr "{text}"
"""


def read(po: Path) -> str:
    compiled = translator._compiled_po(po, "fr")
    return gettext.GNUTranslations(io.BytesIO(compiled)).gettext("Open")


def written_po(folder: Path, text: str) -> Path:
    po = folder / "LC_MESSAGES" / "crisisdraft.po"
    po.parent.mkdir()
    po.write_text(PO.format(text=text), encoding="utf-8")
    return po


def test_a_compiled_catalog_is_kept_beside_the_po_and_redone_when_the_po_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    po = written_po(tmp_path, "Ouvrir")
    assert read(po) == "Ouvrir"
    kept = list((po.parent / "__pycache__").glob("crisisdraft-fr-*.mo"))
    assert len(kept) == 1

    def no_babel(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the kept catalog should have been read")

    with monkeypatch.context() as patch:
        patch.setattr("babel.messages.pofile.read_po", no_babel)
        assert read(po) == "Ouvrir"

    po.write_text(PO.format(text="Ouvrir…"), encoding="utf-8")
    os.utime(po, ns=(po.stat().st_atime_ns, po.stat().st_mtime_ns + 1_000_000))
    assert read(po) == "Ouvrir…"  # the edit shows at once
    assert [path.name for path in (po.parent / "__pycache__").iterdir()] != [kept[0].name]
    assert len(list((po.parent / "__pycache__").iterdir())) == 1  # the old one removed


def test_a_read_only_checkout_keeps_the_catalog_in_the_user_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    po = written_po(tmp_path, "Ouvrir")
    (po.parent / "__pycache__").write_text("not a folder")  # cannot be written into
    cache = tmp_path / "cache"
    monkeypatch.setattr(translator, "catalog_cache_folder", lambda: cache)
    assert read(po) == "Ouvrir"
    assert len(list(cache.glob("crisisdraft-fr-*.mo"))) == 1
