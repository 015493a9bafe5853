"""The record window of an incident whose press release came back from Word: marked as
edited in Word, the edits made after the draft was approved shown beside its text, the
timeline saying so, and two statements exported as a Word redline."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QFileDialog, QMessageBox, QToolTip

from app.facts.models import Approver, Incident
from app.gui.record_window import RecordWindow
from app.record.timeline import EventKind
from app.session.incident_session import IncidentSession
from app.session.selection import Selection
from app.templates.documents import DocumentKind
from tests.export.redline_reading import accepted, rejected, revisions
from tests.gui.edited_documents import APOLOGIES, CLAIMS, edited_copy
from tests.gui.test_edited_issue import marked_words
from tests.gui.test_timeline import open_record as open_timeline_record

COUNSEL = Approver(name="Sam Patel", role="General Counsel")
CEO = Approver(name="Alex Morgan", role="Chief Executive")
APPROVED = datetime.fromisoformat("2025-09-02T10:00:00+01:00")
ISSUED = datetime.fromisoformat("2025-09-02T10:30:00+01:00")
AMENDED = datetime.fromisoformat("2025-09-02T14:00:00+01:00")
NOW = datetime.fromisoformat("2025-09-02T16:00:00+01:00")
PRESS = DocumentKind.PRESS_RELEASE


@pytest.fixture(scope="module")
def edited_record(example_data, renderer, tmp_path_factory) -> Incident:
    """The press release approved by counsel, then edited in Word and issued in both
    languages by the chief executive (statements 1 and 2); the English one edited again
    by counsel, with a claim the facts do not support, issued despite it (3)."""
    folder = tmp_path_factory.mktemp("edited-record")
    with pytest.MonkeyPatch.context() as patch:  # approvers remembered in its own folder
        patch.setenv("XDG_CONFIG_HOME", str(folder / "config"))
        patch.setenv("XDG_DATA_HOME", str(folder / "data"))
        patch.setenv("XDG_CACHE_HOME", str(folder / "cache"))
        path = folder / "northwind.crisis.json"
        path.write_text(json.dumps(example_data), encoding="utf-8")
        session = IncidentSession.open(path, renderer)
        session.approve(Selection(("en", "fr"), (PRESS,)), COUNSEL, APPROVED)
        exported = {
            document.draft.info.language: document.path
            for document in session.export(Selection(("en", "fr"), (PRESS,)), folder / "out")
        }
        for language in ("en", "fr"):
            edited = edited_copy(exported[language], APOLOGIES[language])
            session.issue_edited(session.read_edited(edited, PRESS, language, ISSUED), CEO, ISSUED)
        again = edited_copy(exported["en"], CLAIMS["en"], name="press release, counsel.docx")
        amended = session.read_edited(again, PRESS, "en", AMENDED)
        session.issue_edited(amended, COUNSEL, AMENDED, despite=True)
    return session.incident


def open_record(qtbot, incident: Incident, language: str = "en") -> RecordWindow:
    """The record window as of ``NOW``, shown and active (as the timeline tests open it)."""
    return open_timeline_record(qtbot, incident, language, now=NOW)


def column(window: RecordWindow, header: str) -> list[str]:
    table = window.history_table
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    index = headers.index(header)
    return [table.item(row, index).text() for row in range(table.rowCount())]


def test_statements_that_came_back_from_word_are_marked_with_their_edits(
    qtbot, edited_record
) -> None:
    window = open_record(qtbot, edited_record)
    assert (
        column(window, "Edited in Word")
        == ["Yes, after Sam Patel (General Counsel) approved the draft"] * 3
    )
    window.show_statement([0])
    edits = window.word_edits
    assert edits.isVisible()
    assert edits.title.text() == (
        "Edits made in Word after Sam Patel (General Counsel) approved the app's draft; "
        "the edited text approved by Alex Morgan (Chief Executive)"
    )
    assert marked_words(edits.edits) == ("", "We apologise again.")
    assert not edits.despite.isVisible()
    window.show_statement([2])
    assert marked_words(edits.edits) == ("", "No customer data was affected.")
    assert edits.despite.isVisible()
    assert edits.despite.text().startswith("Issued despite these problems:\n• ")
    assert "No customer data was affected" in edits.despite.text()


def test_the_french_record_marks_them_in_french(qtbot, edited_record) -> None:
    window = open_record(qtbot, edited_record, "fr")
    window.show_statement([1])
    assert column(window, "Modifié dans Word")[1] == (
        "Oui, après l’approbation du projet par Sam Patel (General Counsel)"
    )
    assert window.word_edits.title.text().startswith("Modifications apportées dans Word après")
    assert marked_words(window.word_edits.edits) == (
        "",
        "Nous vous présentons à nouveau nos excuses.",
    )


def test_the_timeline_says_a_statement_was_issued_from_word(qtbot, edited_record) -> None:
    window = open_record(qtbot, edited_record)
    canvas = window.timeline.canvas
    canvas.show_moments(ISSUED.replace(hour=8), NOW)
    [first, _amended] = [
        item
        for item in canvas.arrangement.items
        if item.event.kind is EventKind.ISSUED and item.event.lane is PRESS
    ]
    qtbot.mouseMove(canvas, canvas.mark_point(first))
    qtbot.waitUntil(QToolTip.isVisible)
    assert (
        "Issued from Word (EN/FR), edited after Sam Patel approved the draft; the edited "
        "text approved by Alex Morgan"
    ) in QToolTip.text().splitlines()
    qtbot.mouseMove(canvas, QPoint(canvas.width() - 5, 5))
    qtbot.waitUntil(lambda: not QToolTip.isVisible())


def test_two_statements_compared_are_exported_as_a_word_redline(
    qtbot, edited_record, tmp_path, monkeypatch
) -> None:
    window = open_record(qtbot, edited_record)
    window.tabs.setCurrentIndex(2)  # Compare
    window.compare(0, 1)  # English and French: not one document in one language
    assert not window.export_button.isEnabled()
    assert "same document and language" in window.export_button.toolTip()
    window.compare(0, 2)  # the English press release, as first issued and as amended
    assert window.export_button.isEnabled()
    out = tmp_path / "press release 1-3.docx"
    suggested: list[str] = []

    def save_as(_parent, _title, where, _filter):
        suggested.append(Path(where).name)
        return str(out), ""

    told: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    window.privileged.click()
    window.export_button.click()
    assert suggested == ["northwind-motors_comparison-1-3_press_release_en.docx"]
    issued = edited_record.record.issued
    assert accepted(out) == issued[2].text
    assert rejected(out) == issued[0].text
    assert {change.get(qn("w:author")) for change in revisions(out)} == {
        "Sam Patel (General Counsel)"
    }
    header = " ".join(p.text for p in docx.Document(str(out)).sections[0].header.paragraphs)
    assert "PRIVILEGED & CONFIDENTIAL" in header
    [summary] = told
    assert summary.splitlines()[:2] == [
        f"Comparison written: {out}",
        "Press release (English): statement 1 compared with statement 3",
    ]
    assert "tracked change(s) attributed to Sam Patel (General Counsel)" in summary
