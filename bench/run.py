"""CrisisDraft's benchmark: start-up, typing-to-preview latency, export speed against
docxtpl and pandoc, memory, and template-library reading, on this machine, in one run.

    uv run --group bench python bench/run.py [--quick] [--json PATH]

Every figure is a median over repeats (percentiles for the preview). The budgets are
printed beside the figures; the test suite only checks that this script runs.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

BUDGETS: dict[str, str] = {
    "startup_s": "<= 0.6",
    "preview_ms_p50": "",
    "preview_ms_p95": "<= 16",
    "pack_export_ms": "<= 75",
    "per_doc_ms": "2x docxtpl, 4x pandoc",
    "docxtpl_per_doc_ms": "",
    "pandoc_per_doc_ms": "",
    "peak_rss_mb": "<= 200",
    "library_load_ms_500": "<= 500",
}


def median_ms(action: Callable[[], Any], repeats: int) -> float:
    timings = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


def private_environment(scratch: Path) -> dict[str, str]:
    """Offscreen Qt, per-user folders in a scratch folder, bytecode caching on."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CRISISDRAFT_REPORT_FIRST_PAINT="1")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    for variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        env[variable] = str(scratch / variable.lower())
    return env


def measure_startup(repeats: int) -> tuple[float, float]:
    """(seconds from process start to the first painted window, peak RSS in MB)."""
    with tempfile.TemporaryDirectory() as scratch:
        env = private_environment(Path(scratch))
        starts, peaks = [], []
        for run in range(repeats + 1):  # the first run fills the caches, as a first start does
            started = time.time()
            result = subprocess.run(
                [sys.executable, "-m", "app"],
                capture_output=True,
                text=True,
                env=env,
                cwd=ROOT,
                timeout=120,
                check=True,
            )
            report = json.loads(result.stdout.strip().splitlines()[-1])
            if run:
                starts.append(report["first_paint"] - started)
                peaks.append(report["peak_rss_mb"])
    return statistics.median(starts), max(peaks)


def measure_preview(edits: int) -> tuple[float, float]:
    """Keystroke -> preview showing the change, through the real widgets."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QSettings, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from app.gui.launcher import GuiOptions, make_window
    from app.session.recovery import RecoveryStore

    existing = QApplication.instance()
    application = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as scratch:
        settings = QSettings(str(Path(scratch) / "settings.ini"), QSettings.Format.IniFormat)
        window = make_window(GuiOptions(), settings, RecoveryStore(Path(scratch) / "recovery"))
        window.show()
        application.processEvents()
        field = next(f for f in window.pages[0].fields if f.path == "organisation.name")
        field.edit.setFocus()
        latencies = []
        for index in range(edits):
            letter = "abcdefghij"[index % 10] if index % 20 < 10 else "\b"
            start = time.perf_counter()
            if letter == "\b":
                QTest.keyClick(field.edit, Qt.Key.Key_Backspace)
            else:
                QTest.keyClicks(field.edit, letter)
            if window.preview.shown_revision != window.model.revision:
                waiting = QEventLoop()  # until the (debounced) preview catches up
                window.preview.refreshed.connect(waiting.quit)
                waiting.exec()
                window.preview.refreshed.disconnect(waiting.quit)
            latencies.append((time.perf_counter() - start) * 1000)
        window.model.replace(window.model.data(), None)
        window.close()
    latencies.sort()
    return statistics.median(latencies), latencies[int(len(latencies) * 0.95) - 1]


def measure_exports(repeats: int) -> dict[str, float | None]:
    import peers

    from app.drafts.render import DraftRenderer, open_library
    from app.export.pack import Existing
    from app.export.word_base import BaseDocument
    from app.export.word_writer import draft_to_docx
    from app.facts.loading import load_incident
    from app.files.resources import example_incident
    from app.session.incident_session import IncidentSession
    from app.session.selection import Selection
    from app.templates.documents import DocumentKind

    incident = load_incident(example_incident())
    renderer = DraftRenderer(open_library())
    results: dict[str, float | None] = {}
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch)

        def pack_export(folder: Path) -> None:
            # A new session each time: its drafts are rendered and checked, not cached;
            # each run replaces the last one's documents, as a re-export does.
            IncidentSession(incident, renderer).export(
                Selection(), folder, existing=Existing.REPLACE
            )

        pack_export(out / "warm")  # templates compiled
        results["pack_export_ms"] = median_ms(lambda: pack_export(out / "pack"), repeats)
        base = BaseDocument()

        def one_press_release() -> None:
            draft = renderer.render(incident, DocumentKind.PRESS_RELEASE, "en")
            (out / "ours.docx").write_bytes(draft_to_docx(draft, base))

        results["per_doc_ms"] = median_ms(one_press_release, repeats)
        draft = renderer.render(incident, DocumentKind.PRESS_RELEASE, "en")
        results["docxtpl_per_doc_ms"] = peers.docxtpl_per_doc_ms(draft, out, repeats)
        results["pandoc_per_doc_ms"] = peers.pandoc_per_doc_ms(draft, out, max(3, repeats // 3))
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="few repeats: checks it runs")
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    options = parser.parse_args()
    repeats = 3 if options.quick else 15
    figures: dict[str, float | None] = {}
    figures["startup_s"], figures["peak_rss_mb"] = measure_startup(1 if options.quick else 5)
    figures["preview_ms_p50"], figures["preview_ms_p95"] = measure_preview(
        20 if options.quick else 200
    )
    figures.update(measure_exports(repeats))
    import library_load

    count = 50 if options.quick else 500
    warm, _cold = library_load.measure(count, 1 if options.quick else 5)
    figures["library_load_ms_500"] = warm * (500 / count)
    machine = (
        f"{platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, {platform.system()}"
    )
    print(f"CrisisDraft benchmark on {machine}{' (quick)' if options.quick else ''}")
    print(f"{'measure':<22}{'value':>10}  budget")
    for key, value in figures.items():
        shown = "n/a" if value is None else f"{value:.3f}" if key == "startup_s" else f"{value:.1f}"
        print(f"{key:<22}{shown:>10}  {BUDGETS.get(key, '')}")
    if options.json:
        rounded = {k: (None if v is None else round(v, 3)) for k, v in figures.items()}
        options.json.write_text(
            json.dumps({"machine": machine, **rounded}, indent=2) + "\n", encoding="utf-8"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
