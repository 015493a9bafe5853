"""Faults on the worst day: a full disk, a read-only folder, a file open elsewhere."""

from __future__ import annotations

import errno
import json
import os
import socket

from PySide6.QtWidgets import QFileDialog, QMessageBox

from app.files import atomic, file_lock


def test_a_full_disk_or_locked_file_gives_a_message_and_keeps_the_work(
    make_main_window, qtbot, tmp_path, monkeypatch
) -> None:
    window = make_main_window()
    target = tmp_path / "nw.crisis.json"
    target.write_text("previous version", encoding="utf-8")
    city = next(f for f in window.pages[0].fields if f.path == "organisation.city")
    city.edit.selectAll()
    qtbot.keyClicks(city.edit, "Leamington")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    for failure in (
        OSError(errno.ENOSPC, "No space left on device"),
        PermissionError(errno.EACCES, "Permission denied"),  # read-only, or open in Word
    ):

        def refuse(destination, data, failure=failure):
            raise failure

        monkeypatch.setattr(atomic, "write_temporary", refuse)
        assert not window.files.save_as()
        assert failure.strerror in shown[-1] and "kept in the app" in shown[-1]
        assert window.isWindowModified()
        assert window.model.value("organisation.city") == "Leamington"
        assert target.read_text(encoding="utf-8") == "previous version"


def test_a_second_window_on_the_same_file_warns(make_main_window, tmp_path, monkeypatch) -> None:
    path = tmp_path / "shared.crisis.json"
    first = make_main_window()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    assert first.files.save_as()
    lock = json.loads(file_lock.lock_path(path).read_text(encoding="utf-8"))
    assert lock["pid"] == os.getpid()
    # Another process holds it (a pid that is running here: our parent).
    lock["pid"] = os.getppid()
    file_lock.lock_path(path).write_text(json.dumps(lock), encoding="utf-8")
    asked: list[str] = []

    def answer_no(parent, title, text, *args, **kwargs):
        asked.append(text)
        return QMessageBox.StandardButton.No

    second = make_main_window(session="second")
    monkeypatch.setattr(QMessageBox, "question", answer_no)
    assert not second.files.open_file(path, confirmed=True)
    assert "shared.crisis.json is already open by" in asked[0]
    assert second.model.path is None
    # A stale lock (its process has ended) is taken over without a question.
    lock["pid"] = 2**22 + 12345
    file_lock.lock_path(path).write_text(json.dumps(lock), encoding="utf-8")
    assert second.files.open_file(path, confirmed=True)
    assert len(asked) == 1
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    second.close()
    assert not file_lock.lock_path(path).exists()


def test_save_when_someone_else_changed_the_facts_asks_and_can_take_theirs(
    make_main_window, tmp_path, monkeypatch
) -> None:
    from app.gui import file_actions
    from app.gui.conflict_dialog import Choice

    path = tmp_path / "shared.crisis.json"
    window = make_main_window()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    assert window.files.save_as()
    theirs = json.loads(path.read_text(encoding="utf-8"))
    theirs["organisation"]["city"] = "Solihull"  # a colleague, in their own copy of the app
    theirs["record"]["approvals"] = [
        {
            "document": "press_release",
            "language": "en",
            "approver": {"name": "Claire Martin", "role": "Legal"},
            "approved_at": "2025-09-02T09:20:00+01:00",
            "text_sha256": "0" * 64,
        }
    ]
    path.write_text(json.dumps(theirs), encoding="utf-8")
    window.model.set_value("title", "Mine, typed meanwhile")
    asked: list[list[str]] = []

    def take_theirs(parent, gettext, changed):
        asked.append([change.path for change in changed.changes])
        return Choice.THEIRS

    monkeypatch.setattr(file_actions, "ask_about_their_changes", take_theirs)
    assert window.files.save()
    assert asked == [["organisation.city", "title"]]
    assert window.model.value("organisation.city") == "Solihull"  # theirs, on screen
    assert window.model.value("record.approvals")[0]["approver"]["name"] == "Claire Martin"
    assert not window.model.dirty
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["organisation"]["city"] == "Solihull"


def test_save_as_asks_about_a_held_target_before_touching_it(
    make_main_window, tmp_path, monkeypatch
) -> None:
    target = tmp_path / "theirs.crisis.json"
    target.write_text("their file, as it is", encoding="utf-8")
    lock = {"user": "claire", "host": socket.gethostname(), "pid": os.getppid(), "since": "x"}
    file_lock.lock_path(target).write_text(json.dumps(lock), encoding="utf-8")
    window = make_main_window()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    assert not window.files.save_as()
    assert target.read_text(encoding="utf-8") == "their file, as it is"
