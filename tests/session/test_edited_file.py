"""The file behind the facts a window edits, without any window: read, hold, save,
keep unsaved work, close."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from app.errors import IncidentFileError
from app.files import file_lock
from app.files.resources import example_incident
from app.session.edited_file import EditedFile
from app.session.recovery import RecoveryStore


def test_saving_holds_the_file_writes_it_and_drops_the_recovery_file(tmp_path: Path) -> None:
    edited = EditedFile(RecoveryStore(tmp_path / "recovery", session="one"))
    data = edited.read(example_incident())
    data["title"] = "Typed, not saved yet"
    edited.keep_unsaved(data, None)
    assert edited.recovery.file.exists()
    path = tmp_path / "mine.crisis.json"
    edited.hold(path)
    edited.save(path, data)
    assert json.loads(path.read_text("utf-8"))["title"] == "Typed, not saved yet"
    assert not edited.recovery.file.exists()
    assert edited.held == path and file_lock.lock_path(path).exists()
    # Holding another file lets go of the first; closing lets go of everything.
    other = tmp_path / "other.crisis.json"
    edited.hold(other)
    assert not file_lock.lock_path(path).exists()
    edited.close()
    assert edited.held is None and not file_lock.lock_path(other).exists()


def test_a_file_held_by_another_running_process_is_named(tmp_path: Path) -> None:
    path = tmp_path / "shared.crisis.json"
    mine = EditedFile(RecoveryStore(tmp_path / "recovery", session="mine"))
    mine.hold(path)
    assert mine.held_elsewhere(path) is None  # our own lock does not count
    lock = json.loads(file_lock.lock_path(path).read_text("utf-8"))
    lock["pid"] = os.getppid()  # a process that runs here, not this one
    file_lock.lock_path(path).write_text(json.dumps(lock), encoding="utf-8")
    holder = mine.held_elsewhere(path)
    assert holder is not None and holder.pid == os.getppid()


def test_work_left_by_a_crash_is_offered_once(tmp_path: Path) -> None:
    folder = tmp_path / "recovery"
    crashed = EditedFile(RecoveryStore(folder, session="crashed"))
    crashed.keep_unsaved({"title": "Half-typed"}, tmp_path / "a.crisis.json")
    later = EditedFile(RecoveryStore(folder, session="later"))
    (left,) = later.left_over()
    assert left.data == {"title": "Half-typed"} and left.source == tmp_path / "a.crisis.json"
    later.forget([left])
    assert later.left_over() == []


def test_a_file_that_breaks_the_contract_names_its_fault(tmp_path: Path) -> None:
    broken = tmp_path / "broken.crisis.json"
    broken.write_text('{"format": "crisisdraft.incident", "format_version": 9}', "utf-8")
    with pytest.raises(IncidentFileError, match=r"broken\.crisis\.json"):
        EditedFile(RecoveryStore(tmp_path / "recovery")).read(broken)


def test_damaged_recovery_files_are_set_aside_and_the_good_one_is_still_offered(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "recovery"
    good = EditedFile(RecoveryStore(folder, session="good"))
    good.keep_unsaved({"title": "Worth keeping"}, None)
    damaged = {
        "session-list.json": "[]",
        "session-cut.json": '{"source": null, "saved_at": "2026-11-30T06:0',
        "session-naive.json": '{"saved_at": "2026-11-30T06:00:00", "incident": {"title": "x"}}',
        "session-text.json": '{"saved_at": "2026-11-30T06:00:00+00:00", "incident": "text"}',
        "session-deep.json": "[" * 100_000,
    }
    for name, text in damaged.items():
        (folder / name).write_text(text, encoding="utf-8")
    later = EditedFile(RecoveryStore(folder, session="later"))
    offered = later.left_over()
    assert [work.data["title"] for work in offered] == ["Worth keeping", "x"]
    set_aside = sorted(path.name for path in folder.glob("*.damaged"))
    assert set_aside == [
        "session-cut.damaged",
        "session-deep.damaged",
        "session-list.damaged",
        "session-text.damaged",
    ]


def test_a_lock_naming_an_impossible_process_is_stale(tmp_path: Path) -> None:
    path = tmp_path / "shared.crisis.json"
    for pid in (10**30, 0, -1):
        lock = {
            "user": "someone",
            "host": __import__("socket").gethostname(),
            "pid": pid,
            "since": "2026-11-30T06:00+00:00",
        }
        file_lock.lock_path(path).write_text(json.dumps(lock), encoding="utf-8")
        assert EditedFile.held_elsewhere(path) is None, pid


def test_temporary_files_of_an_interrupted_save_are_removed_at_the_next_open(
    tmp_path: Path,
) -> None:
    import os
    import time

    path = tmp_path / "mine.crisis.json"
    path.write_bytes(example_incident().read_bytes())
    old = time.time() - 3600
    left = [
        tmp_path / ".mine.crisis.json.k1ll3d.tmp",
        tmp_path / "recovery" / ".session-x.json.a.tmp",
    ]
    (tmp_path / "recovery").mkdir()
    (tmp_path / "recovery" / "session-x.json").write_text("{}", encoding="utf-8")
    for file in left:
        file.write_bytes(b"half a file")
        os.utime(file, (old, old))
    recent = tmp_path / ".mine.crisis.json.busy.tmp"  # another process may be writing it
    recent.write_bytes(b"being written")
    edited = EditedFile(RecoveryStore(tmp_path / "recovery", session="next"))
    edited.read(path)
    edited.left_over()
    assert [file.exists() for file in left] == [False, False]
    assert recent.exists()
