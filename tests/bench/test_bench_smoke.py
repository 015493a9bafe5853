"""The benchmarks run (their figures are read from their output, never asserted here)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_the_library_benchmark_runs_and_writes_its_keys(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "library_load.py"),
            "--templates",
            "20",
            "--repeats",
            "1",
            "--json",
            str(out),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    result = json.loads(out.read_text(encoding="utf-8"))
    assert set(result) == {"library_load_ms_20", "library_load_cold_ms_20"}


@pytest.mark.slow  # compares with docxtpl and pandoc: needs `--group bench` (as .ci/run has)
def test_the_benchmark_runs_quickly_and_reports_every_measure(tmp_path: Path) -> None:
    out = tmp_path / "run.json"
    subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--quick", "--json", str(out)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    result = json.loads(out.read_text(encoding="utf-8"))
    expected = {
        "bare_window_venv_s",
        "start_warm_s",
        "start_first_s",
        "start_warm_whole_s",
        "start_first_whole_s",
        "peak_rss_mb",
        "preview_ms_p50",
        "preview_ms_p95",
        "pack_export_ms",
        "pack_of_14_ms",
        "pack_jinja_ms",
        "pack_markdown_it_ms",
        "per_doc_ms",
        "docxtpl_per_doc_ms",
        "pandoc_per_doc_ms",
        "library_load_ms_500",
    }
    assert expected <= set(result)
    assert all(isinstance(result[key], float | int) for key in expected)
