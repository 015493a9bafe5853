"""Two real starts of the desktop app as a user makes them, the app running and then
a file opened from the file manager: shared by the venv's and the frozen build's tests
of one app per user."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from PySide6.QtNetwork import QLocalServer

from app.files.file_lock import lock_path
from app.files.resources import example_incident
from app.gui.single_instance import server_name, socket_file


def assert_second_start_hands_over(
    program: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, within_s: float
) -> None:
    """Start ``program`` (its own per-user folders in ``tmp_path``), then ``program gui
    FILE``: the second exits 0 within ``within_s`` seconds and the first one's window
    holds the file (its lock, beside the file, names the first)."""
    for folder in ("DATA", "CONFIG", "CACHE", "STATE"):
        monkeypatch.setenv(f"XDG_{folder}_HOME", str(tmp_path / folder.lower()))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    listening = socket_file(server_name())
    assert listening is not None
    copy = tmp_path / "copy.crisis.json"
    shutil.copyfile(example_incident(), copy)
    first = subprocess.Popen(program, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while not listening.exists() and time.monotonic() < deadline:
            assert first.poll() is None, "the first app ended"
            time.sleep(0.1)
        assert listening.exists(), "the first app never listened"
        started = time.monotonic()
        second = subprocess.run(
            [*program, "gui", str(copy)], env=env, capture_output=True, text=True, timeout=30
        )
        assert second.returncode == 0, second.stderr
        assert time.monotonic() - started < within_s
        deadline = time.monotonic() + 10
        while not lock_path(copy).exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert f'"pid": {first.pid}' in lock_path(copy).read_text(encoding="utf-8")
        assert first.poll() is None  # still running, with the file open
    finally:
        first.kill()
        first.wait(timeout=30)
        QLocalServer.removeServer(server_name())
