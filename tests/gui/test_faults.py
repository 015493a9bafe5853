"""Faults on the worst day: a full disk, a read-only folder, a file open elsewhere."""

from __future__ import annotations

import errno
import json
import os

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
