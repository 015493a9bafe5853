"""Whole processes timed as a user meets them: from the moment the program is started to
its first painted window (the app, a bare PySide6 window), or to its exit (a command),
with the peak memory the process used. Each program runs with its own per-user folders
in a scratch folder: an empty one for a first start, the same one again for warm starts.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

TIMEOUT_S = 120
MEASURED_CHILD = Path(__file__).resolve().parent / "measured_child.py"


@dataclass(frozen=True)
class Timing:
    """A median over runs, and the largest peak memory any run reached. For a start,
    ``ready_seconds``: the median time until the window was whole (the app paints
    first, then loads the rest and shows its drafts; a bare window is whole at once)."""

    seconds: float
    peak_rss_mb: float
    ready_seconds: float | None = None


def scratch_environment(profile: Path) -> dict[str, str]:
    """Offscreen Qt, the app's per-user folders in ``profile``, bytecode caching on, and
    the app told to report its first paint and quit (bench mode)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CRISISDRAFT_REPORT_FIRST_PAINT="1")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    for variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        env[variable] = str(profile / variable.lower())
    env["HOME"] = str(profile / "home")  # Qt's and platformdirs' fall-backs stay inside
    return env


def _measured(
    command: Sequence[str], env: dict[str, str], cwd: Path
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Run ``command`` through :mod:`measured_child` (so its peak memory is its own):
    the JSON lines ``command`` printed, and the go-between's report (``started``: epoch
    seconds, ``seconds`` run, ``peak_rss_mb``); raises when the command failed."""
    result = subprocess.run(
        [sys.executable, str(MEASURED_CHILD), *command],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        timeout=TIMEOUT_S,
    )
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    if result.returncode != 0 or not lines or lines[-1]["exit"] != 0:
        status = lines[-1]["exit"] if lines else result.returncode
        raise RuntimeError(f"{' '.join(command)} failed (exit {status}):\n{result.stderr[-2000:]}")
    return lines[:-1], lines[-1]


def _first_paint(
    command: Sequence[str], env: dict[str, str], cwd: Path
) -> tuple[float, float, float]:
    """(seconds from start to the first paint, to the window whole, peak RSS in MB) of
    one run of ``command``, which prints ``{"first_paint": epoch seconds, "ready": epoch
    seconds (optional)}`` and quits."""
    printed, run = _measured(command, env, cwd)
    if not printed or "first_paint" not in printed[-1]:
        raise RuntimeError(f"{command[0]} did not report its first paint")
    report = printed[-1]
    ready = report.get("ready", report["first_paint"])
    started = run["started"]
    return report["first_paint"] - started, ready - started, run["peak_rss_mb"]


def first_start(command: Sequence[str], runs: int, cwd: Path) -> Timing:
    """Each run with an empty profile: no settings, no caches, as on a new laptop."""
    seconds, whole, peaks = [], [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as profile:
            took, ready, peak = _first_paint(command, scratch_environment(Path(profile)), cwd)
        seconds.append(took)
        whole.append(ready)
        peaks.append(peak)
    return Timing(statistics.median(seconds), max(peaks), statistics.median(whole))


def warm_start(command: Sequence[str], runs: int, cwd: Path) -> Timing:
    """Runs sharing one profile, after one start that fills it (settings, caches)."""
    seconds, whole, peaks = [], [], []
    with tempfile.TemporaryDirectory() as profile:
        env = scratch_environment(Path(profile))
        _first_paint(command, env, cwd)
        for _ in range(runs):
            took, ready, peak = _first_paint(command, env, cwd)
            seconds.append(took)
            whole.append(ready)
            peaks.append(peak)
    return Timing(statistics.median(seconds), max(peaks), statistics.median(whole))


def command_time(command: Sequence[str], runs: int, cwd: Path) -> Timing:
    """A command run to its end (after one run that warms the disk cache), from its
    start to its exit, with its peak memory (from the kernel's account of the child)."""
    seconds, peaks = [], []
    with tempfile.TemporaryDirectory() as profile:
        env = scratch_environment(Path(profile))
        env.pop("CRISISDRAFT_REPORT_FIRST_PAINT")
        for run in range(runs + 1):
            _printed, measured = _measured(command, env, cwd)
            if run:
                seconds.append(measured["seconds"])
                peaks.append(measured["peak_rss_mb"])
    return Timing(statistics.median(seconds), max(peaks))
