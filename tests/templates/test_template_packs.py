"""Sharing templates as zip packs, and refusing hostile ones."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from app.drafts.render import open_library
from app.templates.template_packs import (
    MAX_ENTRY_BYTES,
    PackError,
    apply_import,
    plan_import,
    read_template_pack,
    write_template_pack,
)


def test_a_pack_round_trips_and_the_import_says_what_it_adds_and_replaces(tmp_path: Path) -> None:
    library = open_library()
    chosen = [t for t in library.templates if t.meta.phase.value == "update"]
    pack = tmp_path / "update-set.zip"
    write_template_pack(chosen, pack, "Update set")
    entries = read_template_pack(pack)
    assert sorted((e.template_id, e.language) for e in entries if e.template_id) == sorted(
        (t.meta.id, t.meta.language) for t in chosen
    )
    mine = tmp_path / "mine"
    (mine / "update" / "press_release").mkdir(parents=True)
    (mine / "update" / "press_release" / "en.md.j2").write_text("old", encoding="utf-8")
    steps = plan_import(entries, mine)
    replaced = [s.entry.relative.as_posix() for s in steps if s.replaces]
    assert replaced == ["update/press_release/en.md.j2"]
    assert len([s for s in steps if not s.replaces]) == len(chosen) - 1  # all but the one kept
    assert (mine / "update" / "press_release" / "en.md.j2").read_text(encoding="utf-8") == "old"
    apply_import(steps, mine)
    imported = open_library(user=mine)
    assert imported.problems() == []
    in_force = imported.in_force("update.press_release", "en")
    assert in_force is not None and in_force.library.path == mine


def hostile_zip(tmp_path: Path, name: str, content: bytes = b"x") -> Path:
    path = tmp_path / "hostile.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("press_release/en.md.j2", "# fine\n")
        archive.writestr(name, content)
    return path


@pytest.mark.parametrize(
    "name",
    [
        "../../evil.md.j2",
        "/etc/evil.md.j2",
        "C:/evil.md.j2",
        "a/../../evil.md.j2",
        "a\\..\\evil.md.j2",
    ],
)
def test_entries_that_would_land_outside_the_library_are_refused(tmp_path: Path, name: str) -> None:
    pack = hostile_zip(tmp_path, name)
    with pytest.raises(PackError, match="outside the library"):
        read_template_pack(pack)
    assert not (tmp_path / "evil.md.j2").exists()


def test_a_zip_bomb_entry_is_refused_without_unpacking_it(tmp_path: Path) -> None:
    bomb = b"A" * (50 * 1024 * 1024)  # 50 MB of one letter: a few KB once compressed
    pack = hostile_zip(tmp_path, "press_release/fr.md.j2", bomb)
    assert pack.stat().st_size < 200_000
    with pytest.raises(PackError, match=f"larger than {MAX_ENTRY_BYTES // 1024} KB"):
        read_template_pack(pack)


def test_other_files_and_non_zips_are_refused(tmp_path: Path) -> None:
    with pytest.raises(PackError, match="is not a template"):
        read_template_pack(hostile_zip(tmp_path, "run.exe"))
    fake = tmp_path / "fake.zip"
    fake.write_text("not a zip", encoding="utf-8")
    with pytest.raises(PackError, match="not a zip"):
        read_template_pack(fake)


def test_apply_never_writes_outside_even_with_a_forged_plan(tmp_path: Path) -> None:
    from pathlib import PurePosixPath

    from app.templates.template_packs import ImportStep, PackEntry

    forged = [ImportStep(PackEntry(PurePosixPath("../outside.md.j2"), "x", "a", "en"), False)]
    with pytest.raises(PackError):
        apply_import(forged, tmp_path / "library")
    assert not (tmp_path / "outside.md.j2").exists()
