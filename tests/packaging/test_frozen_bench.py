"""``bench/run.py --frozen DIR`` runs on the build and reports every frozen figure with
its peers (slow: the build, and the peers frozen by the same PyInstaller). The figures
are read, never judged here: bench/run.py prints them against their budgets."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FROZEN_FIGURES = {
    "bare_window_frozen_s",
    "do_nothing_frozen_s",
    "frozen_start_warm_s",
    "frozen_start_first_s",
    "frozen_warm_whole_s",
    "frozen_first_whole_s",
    "frozen_version_s",
    "frozen_help_s",
    "frozen_export_six_s",
    "libraries_only_frozen_s",
    "frozen_export_own_s",
    "frozen_peak_rss_mb",
    "build_mb",
}


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="measured on Linux")
def test_the_benchmark_measures_the_build_against_its_peers(
    frozen_app: Path, tmp_path: Path
) -> None:
    out = tmp_path / "bench.json"
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--quick", "--frozen", str(frozen_app),
         "--json", str(out)],
        capture_output=True,
        text=True,
        timeout=1500,
        check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert set(figures) >= FROZEN_FIGURES
    assert all(isinstance(figures[name], float | int) for name in FROZEN_FIGURES)
    for name in ("frozen_version_s", "frozen_start_warm_s", "build_mb"):
        assert f"{name} " in result.stdout  # printed in the table, with its budget
