"""CrisisDraft's benchmark, on this machine, in one run: start-up, typing-to-preview
latency, export speed against docxtpl and pandoc, memory, template-library reading, and,
with ``--frozen``, the app as it ships (the one-folder build) against the same things
frozen by the same PyInstaller.

    uv run --group build --group bench python bench/run.py [--frozen [DIR]] [--quick] [--json PATH]

Each budget is a ratio to a peer measured in the same run (a bare PySide6 window, a
frozen program that does nothing, docxtpl, pandoc, one document) or an absolute figure,
printed beside the figure with "ok" or "OVER". Floors show what a figure cannot go under:
a frozen program that only loads the libraries an export needs, and the time a pack
spends in Jinja and in markdown-it. Every figure is a median over repeats (percentiles
for the preview). The test suite only checks that this script runs.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from budgets import Figures  # noqa: E402
from in_process import measure_exports, measure_preview  # noqa: E402
from process_times import command_time, first_start, warm_start  # noqa: E402

EXAMPLE = ROOT / "examples" / "northwind-cyberattack.crisis.json"
BARE_WINDOW = ROOT / "bench" / "peer_programs" / "bare_window.py"


def measure_venv(figures: Figures, runs: int) -> None:
    """The app as ``uv run crisisdraft`` starts it, and its peer from the same venv."""
    app = [sys.executable, "-m", "app"]
    bare = warm_start([sys.executable, str(BARE_WINDOW)], runs, ROOT)
    figures.add("bare_window_venv_s", bare.seconds, "s", note="peer")
    warm = warm_start(app, runs, ROOT)
    figures.ratio("start_warm_s", warm.seconds, "bare_window_venv_s", at_most=2.0, unit="s")
    figures.add("start_warm_whole_s", warm.ready_seconds, "s", note="drafts shown")
    first = first_start(app, runs, ROOT)
    figures.ratio("start_first_s", first.seconds, "bare_window_venv_s", at_most=2.5, unit="s")
    figures.add("start_first_whole_s", first.ready_seconds, "s", note="drafts shown")
    figures.add("peak_rss_mb", max(warm.peak_rss_mb, first.peak_rss_mb), "MB", at_most=200)


def measure_frozen(figures: Figures, given: Path | None, runs: int) -> None:
    """The one-folder build, its peers frozen by the same PyInstaller, and its size."""
    import frozen_builds

    folder = frozen_builds.app_build(given)
    app = [str(frozen_builds.executable(folder, "CrisisDraft"))]
    cli = str(frozen_builds.executable(folder, "crisisdraft-cli"))
    bare = warm_start([str(frozen_builds.peer_build("bare_window"))], runs, ROOT)
    figures.add("bare_window_frozen_s", bare.seconds, "s", note="peer")
    nothing = command_time([str(frozen_builds.peer_build("do_nothing"))], runs * 2, ROOT)
    figures.add("do_nothing_frozen_s", nothing.seconds, "s", note="peer")

    warm = warm_start(app, runs, ROOT)
    figures.ratio(
        "frozen_start_warm_s", warm.seconds, "bare_window_frozen_s", at_most=2.0, unit="s"
    )
    figures.add("frozen_warm_whole_s", warm.ready_seconds, "s", note="drafts shown")
    first = first_start(app, runs, ROOT)
    figures.ratio(
        "frozen_start_first_s", first.seconds, "bare_window_frozen_s", at_most=2.5, unit="s"
    )
    figures.add("frozen_first_whole_s", first.ready_seconds, "s", note="drafts shown")
    for flag in ("version", "help"):
        took = command_time([cli, f"--{flag}"], runs * 2, ROOT)
        figures.ratio(
            f"frozen_{flag}_s", took.seconds, "do_nothing_frozen_s", at_most=2.0, unit="s"
        )
    with tempfile.TemporaryDirectory() as out:
        export = [cli, "export", str(EXAMPLE), "--out", out, "--overwrite"]
        exported = command_time(export, runs, ROOT)
    figures.add("frozen_export_six_s", exported.seconds, "s", at_most=0.25)
    # The floor under that budget: the libraries every export loads, frozen the same way.
    floor = command_time([str(frozen_builds.peer_build("libraries_only"))], runs, ROOT)
    figures.add("libraries_only_frozen_s", floor.seconds, "s", note="peer: export's floor")
    figures.add(
        "frozen_export_own_s",
        exported.seconds - floor.seconds,
        "s",
        note="the export's own work, beyond its floor",
    )
    peak = max(warm.peak_rss_mb, first.peak_rss_mb, exported.peak_rss_mb)
    figures.add("frozen_peak_rss_mb", peak, "MB", at_most=200)
    figures.add("build_mb", frozen_builds.folder_size_mb(folder), "MB", at_most=110)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="few repeats: checks it runs")
    parser.add_argument(
        "--frozen",
        nargs="?",
        const="",
        metavar="DIR",
        help="also measure the one-folder build in DIR (dist/CrisisDraft), or, without "
        "DIR, one built now from these sources (reused while they are unchanged)",
    )
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    options = parser.parse_args()
    runs = 3 if options.quick else 21
    figures = Figures()
    measure_venv(figures, runs)
    measure_preview(figures, 20 if options.quick else 200)
    measure_exports(figures, 3 if options.quick else 15)
    import library_load

    count = 50 if options.quick else 500
    warm, _cold = library_load.measure(count, 1 if options.quick else 5)
    figures.add("library_load_ms_500", warm * (500 / count), "ms", at_most=500)
    if options.frozen is not None:
        measure_frozen(figures, Path(options.frozen) if options.frozen else None, runs)
    machine = (
        f"{platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, {platform.system()}"
    )
    print(f"CrisisDraft benchmark on {machine}{' (quick)' if options.quick else ''}")
    print(figures.table())
    if options.json:
        options.json.write_text(
            json.dumps({"machine": machine, **figures.values()}, indent=2) + "\n",
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
