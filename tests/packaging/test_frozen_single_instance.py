"""The shipped app is one app per user: with the frozen CrisisDraft running, opening an
incident file (as the file manager does, ``CrisisDraft gui FILE``) hands it to the
running window and exits at once (slow: the build). Its QtNetwork and the desktop's
libraries it links to are the build's and the system's, not the venv's."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.files.file_lock import lock_path
from app.files.resources import example_incident
from app.gui.single_instance import server_name, socket_file

SECOND_START_S = 5  # the frozen command line's start, a connect and a reply


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="the profile is chosen by XDG_* folders")
def test_a_second_frozen_start_hands_its_file_to_the_running_app(
    frozen_app: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for folder in ("DATA", "CONFIG", "CACHE", "STATE"):
        monkeypatch.setenv(f"XDG_{folder}_HOME", str(tmp_path / folder.lower()))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    listening = socket_file(server_name())
    assert listening is not None
    copy = tmp_path / "copy.crisis.json"
    shutil.copyfile(example_incident(), copy)
    program = str(frozen_app / "CrisisDraft")
    first = subprocess.Popen(
        [program], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        deadline = time.monotonic() + 60
        while not listening.exists() and time.monotonic() < deadline:
            assert first.poll() is None, "the first app ended"
            time.sleep(0.1)
        assert listening.exists(), "the frozen app never listened"
        started = time.monotonic()
        second = subprocess.run(
            [program, "gui", str(copy)], env=env, capture_output=True, text=True, timeout=30
        )
        assert second.returncode == 0, second.stderr
        assert time.monotonic() - started < SECOND_START_S
        deadline = time.monotonic() + 10
        while not lock_path(copy).exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        # The running app opened it: its lock beside the file names the first process.
        assert f'"pid": {first.pid}' in lock_path(copy).read_text(encoding="utf-8")
        assert first.poll() is None
    finally:
        first.kill()
        first.wait(timeout=30)
