"""What the benchmark measures inside one process: keystroke-to-preview latency through
the real widgets, and the Word export (one document, the default pack, every document
in both languages) against docxtpl and pandoc on the same content."""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from budgets import Figures


def median_ms(action: Callable[[], Any], repeats: int) -> float:
    timings = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


def measure_preview(figures: Figures, edits: int) -> None:
    """Keystroke -> preview showing the change, with all seven documents chosen and the
    preview showing both languages (the most the preview and its checks ever render)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QSettings, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from app.facts.loading import load_incident
    from app.files.resources import example_incident
    from app.gui.launcher import GuiOptions, keep_out_of_collections, make_window
    from app.session.recovery import RecoveryStore
    from app.templates.documents import owed_documents

    every = [kind.value for kind in owed_documents(load_incident(example_incident()))]
    existing = QApplication.instance()
    application = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as scratch:
        settings = QSettings(str(Path(scratch) / "settings.ini"), QSettings.Format.IniFormat)
        window = make_window(
            GuiOptions(preview="both"), settings, RecoveryStore(Path(scratch) / "recovery")
        )
        keep_out_of_collections()  # as the app does once its window is whole
        window.model.set_value("drafting.documents", every)
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
    figures.add("preview_ms_p50", statistics.median(latencies), "ms")
    figures.add("preview_ms_p95", latencies[int(len(latencies) * 0.95) - 1], "ms", at_most=16)


def _template_share(
    renderer: Any, export: Callable[[], Any], repeats: int
) -> tuple[float, list[str]]:
    """The median time an export spends in Jinja (the library environment's renders,
    sandbox and bounds included) and the Markdown of its drafts as the export reads it:
    the two parts of a pack no export skips, Jinja's and markdown-it's."""
    environment = renderer.library.environment
    reader = renderer._reader  # the bench looks inside, as a profiler does
    plain_render, plain_read = environment.render, reader.read
    spent: list[float] = []
    texts: list[str] = []

    def timed_render(name: str, context: Any) -> str:
        start = time.perf_counter()
        text = plain_render(name, context)
        spent.append((time.perf_counter() - start) * 1000)
        return text

    def kept_read(text: str) -> Any:
        texts.append(text)
        return plain_read(text)

    environment.render, reader.read = timed_render, kept_read
    try:
        totals = []
        for _ in range(repeats):
            spent.clear()
            texts.clear()
            export()
            totals.append(sum(spent))
    finally:
        del environment.render, reader.read  # the classes' own methods again
    return statistics.median(totals), list(texts)


def measure_exports(figures: Figures, repeats: int) -> None:
    import peers

    from app.drafts.markdown import make_parser
    from app.drafts.render import DraftRenderer, open_library
    from app.export.pack import Existing
    from app.export.word_base import BaseDocument
    from app.export.word_writer import draft_to_docx
    from app.facts.loading import load_incident
    from app.facts.vocabulary import LANGUAGES
    from app.files.resources import example_incident
    from app.session.incident_session import IncidentSession
    from app.session.selection import Selection
    from app.templates.documents import DocumentKind, owed_documents

    incident = load_incident(example_incident())
    renderer = DraftRenderer(open_library())
    every_document = Selection(LANGUAGES, owed_documents(incident))  # the example's 7
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch)

        def pack_export(folder: Path, selection: Selection) -> None:
            # A new session each time: its drafts are rendered and checked, not cached;
            # each run replaces the last one's documents, as a re-export does.
            IncidentSession(incident, renderer).export(selection, folder, existing=Existing.REPLACE)

        pack_export(out / "warm", every_document)  # templates compiled
        base = BaseDocument()

        def one_press_release() -> None:
            draft = renderer.render(incident, DocumentKind.PRESS_RELEASE, "en")
            (out / "ours.docx").write_bytes(draft_to_docx(draft, base))

        figures.add("per_doc_ms", median_ms(one_press_release, repeats), "ms")
        # The pack is compared with the same export of one document: a new session, its
        # checks, its draft written into the folder (per_doc_ms, the bare render and
        # .docx, is what the peers below do with the same content).
        alone = Selection(("en",), (DocumentKind.PRESS_RELEASE,))
        one = median_ms(lambda: pack_export(out / "one", alone), repeats)
        figures.add("one_doc_export_ms", one, "ms", note="press release, en")
        six = median_ms(lambda: pack_export(out / "six", Selection()), repeats)
        figures.add("pack_export_ms", six, "ms")
        fourteen = median_ms(lambda: pack_export(out / "all", every_document), repeats)
        figures.ratio("pack_of_14_ms", fourteen, "one_doc_export_ms", unit="ms", at_most=6.0)
        templates_ms, texts = _template_share(
            renderer, lambda: pack_export(out / "all", every_document), repeats
        )
        figures.add("pack_jinja_ms", templates_ms, "ms", note="of the pack: Jinja rendering")
        structure = make_parser().disable("inline")  # as the export reads a draft
        reading = median_ms(lambda: [structure.parse(text) for text in texts], repeats)
        figures.add("pack_markdown_it_ms", reading, "ms", note="of the pack: markdown-it")
        draft = renderer.render(incident, DocumentKind.PRESS_RELEASE, "en")
        docxtpl = peers.docxtpl_per_doc_ms(draft, out, repeats)
        pandoc = peers.pandoc_per_doc_ms(draft, out, max(3, repeats // 3))
    figures.add("docxtpl_per_doc_ms", docxtpl, "ms", note="peer")
    figures.add("pandoc_per_doc_ms", pandoc, "ms", note="peer")
    per_doc = figures.values()["per_doc_ms"]
    figures.ratio("per_doc_vs_docxtpl_ms", per_doc, "docxtpl_per_doc_ms", unit="ms", at_least=3)
    figures.ratio("per_doc_vs_pandoc_ms", per_doc, "pandoc_per_doc_ms", unit="ms", at_least=10)
