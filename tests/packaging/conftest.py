"""The one-folder build, made once per test run for the packaging tests that need it
(slow): xdist's workers share it, the first to ask builds it under a lock."""

from __future__ import annotations

import fcntl
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def frozen_app(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Path:
    base = tmp_path_factory.getbasetemp()
    shared = base if worker_id == "master" else base.parent  # this run's, not older ones'
    app = shared / "frozen" / "dist" / "CrisisDraft"
    with (shared / "frozen.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # two builds at once share PyInstaller's cache
        if not app.is_dir():
            result = subprocess.run(
                [
                    sys.executable,
                    str(ROOT / "packaging" / "build.py"),
                    "--dist",
                    str(shared / "frozen" / "dist"),
                    "--work",
                    str(shared / "frozen" / "work"),
                ],
                capture_output=True,
                text=True,
                timeout=1800,
                check=False,
            )
            assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return app
