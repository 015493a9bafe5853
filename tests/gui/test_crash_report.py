"""An unexpected error (a bug) keeps the typed work, writes a report without the
incident's content to the user's log folder, and says what to do; Help › Show logs and
the dialog's Show logs open that folder."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices

from app.files.user_folders import log_folder
from app.gui.crash_dialog import CrashDialog
from app.gui.crash_report import (
    KEEP_REPORTS,
    LOG_FILE,
    CrashReports,
    install_crash_handler,
    traceback_without_messages,
    write_report,
)
from app.gui.main_window import MainWindow
from tests.gui.helpers import field

TYPED = "Typed near the Quayside"  # what the user typed: in no report, no log


@pytest.fixture
def dialogs(monkeypatch) -> Iterator[list[CrashDialog]]:
    """The crash dialogs shown, left open for reading (``exec`` shows and returns)."""
    shown: list[CrashDialog] = []

    def look(dialog: CrashDialog) -> int:
        dialog.show()
        shown.append(dialog)
        return 0

    monkeypatch.setattr(CrashDialog, "exec", look)
    yield shown
    for dialog in shown:
        dialog.close()


@pytest.fixture
def opened_urls(monkeypatch) -> list[QUrl]:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    return opened


@pytest.fixture
def crashing(make_main_window, qtbot, tmp_path) -> Iterator:
    """A window whose app has the crash handler, its reports in the test's folder."""
    handlers: list[CrashReports] = []

    def make(language: str = "en") -> tuple[MainWindow, CrashReports]:
        window = make_main_window(language=language)
        reports = install_crash_handler(window, tmp_path / "logs")
        handlers.append(reports)
        return window, reports

    yield make
    for reports in handlers:
        reports.uninstall()


def type_in_the_city(qtbot, window: MainWindow) -> None:
    city = field(window, "organisation.city")
    city.edit.selectAll()
    qtbot.keyClicks(city.edit, TYPED)


def a_bug_in_a_slot(qtbot, window: MainWindow, dialogs: list[CrashDialog]) -> None:
    """An error raised in a slot, as a bug behind a button would: Qt hands it to
    ``sys.excepthook``. Its messages quote the incident and the typed text."""

    def bug() -> None:
        organisation = window.model.value("organisation.name")
        typed = window.model.value("organisation.city")
        try:
            raise KeyError(typed)
        except KeyError as error:
            raise ValueError(f"cannot place {organisation} in {typed}") from error

    QTimer.singleShot(0, bug)
    qtbot.waitUntil(lambda: bool(dialogs), timeout=5_000)


def test_an_unexpected_error_writes_a_report_without_the_incident(
    crashing, qtbot, dialogs, tmp_path
) -> None:
    window, reports = crashing()
    type_in_the_city(qtbot, window)
    a_bug_in_a_slot(qtbot, window, dialogs)

    (report,) = (tmp_path / "logs").glob("crash-*.txt")
    text = report.read_text(encoding="utf-8")
    for line in ("CrisisDraft: ", "Frozen: no", "Python: 3.", "Qt: 6.", "PySide6: 6.", "System: "):
        assert line in text
    assert "Traceback (most recent call last):" in text
    assert "in bug" in text  # the frame the error came from
    assert "\nKeyError\n" in text
    assert "The above exception was the direct cause of the following exception:" in text
    assert text.rstrip().endswith("ValueError")
    assert "Northwind" not in text and "Quayside" not in text
    # the typed work is kept for the next start
    (kept,) = (tmp_path / "recovery").glob("*")
    assert TYPED in kept.read_text(encoding="utf-8")
    assert reports.window is window


def test_the_dialog_says_what_to_do_and_shows_the_logs(
    crashing, qtbot, dialogs, opened_urls, tmp_path
) -> None:
    window, _reports = crashing()
    a_bug_in_a_slot(qtbot, window, dialogs)
    (dialog,) = dialogs
    said = dialog.text()
    assert "error it did not expect" in said
    assert "Your typed work is kept" in said
    assert "close CrisisDraft and start it again" in said
    assert "send the report to your IT or support contact" in said
    (report,) = (tmp_path / "logs").glob("crash-*.txt")
    assert str(report) in said

    qtbot.mouseClick(dialog.show_logs, Qt.MouseButton.LeftButton)
    assert opened_urls == [QUrl.fromLocalFile(str(tmp_path / "logs"))]
    assert dialog.isVisible()  # still there to read
    qtbot.mouseClick(
        dialog.buttons.button(dialog.buttons.StandardButton.Close), Qt.MouseButton.LeftButton
    )
    assert not dialog.isVisible()


def test_the_dialog_speaks_french(crashing, qtbot, dialogs, tmp_path) -> None:
    window, _reports = crashing(language="fr")
    a_bug_in_a_slot(qtbot, window, dialogs)
    (dialog,) = dialogs
    assert dialog.windowTitle() == "Erreur inattendue"
    assert "Votre travail est conservé" in dialog.text()
    assert dialog.show_logs.text() == "Afficher les &journaux"
    close = dialog.buttons.button(dialog.buttons.StandardButton.Close)
    assert close.text() == "Fermer"  # Qt's own French


def test_help_show_logs_opens_the_log_folder(
    make_main_window, opened_urls, tmp_path, monkeypatch
) -> None:
    folder = tmp_path / "state" / "logs"
    monkeypatch.setattr("app.gui.crash_dialog.log_folder", lambda: folder)
    window = make_main_window()
    (help_menu,) = [a.menu() for a in window.menuBar().actions() if a.text() == "&Help"]
    (show_logs,) = [a for a in help_menu.actions() if a.text() == "Show &logs"]
    show_logs.trigger()
    assert opened_urls == [QUrl.fromLocalFile(str(folder))]
    assert folder.is_dir()  # made, so that the file manager has something to open


@pytest.mark.skipif(sys.platform != "linux", reason="XDG_STATE_HOME is Linux's")
def test_the_log_folder_is_the_users_state_folder(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    assert log_folder() == tmp_path / "CrisisDraft" / "log"


def test_only_the_newest_reports_are_kept(tmp_path) -> None:
    start = datetime(2026, 1, 1, tzinfo=UTC)
    for minute in range(KEEP_REPORTS + 3):
        write_report(f"report {minute}", tmp_path, start + timedelta(minutes=minute))
    kept = sorted(tmp_path.glob("crash-*.txt"))
    assert len(kept) == KEEP_REPORTS
    assert kept[0].read_text(encoding="utf-8") == "report 3"


def test_a_system_error_keeps_its_number_and_words_not_its_file() -> None:
    incident = "/shared/Northwind.crisis.json"
    try:
        raise OSError(28, "No space left on device", incident)
    except OSError as error:
        text = traceback_without_messages(error)
    assert text.rstrip().endswith("OSError: [Errno 28] No space left on device")
    assert "Northwind" not in text


def test_the_log_file_gets_warnings_without_error_messages(crashing, qtbot, tmp_path) -> None:
    _window, reports = crashing()
    qtbot.waitUntil(lambda: reports.log_file is not None, timeout=5_000)
    log = logging.getLogger("app.gui.test")
    log.info("an ordinary moment")
    try:
        raise ValueError(TYPED)
    except ValueError:
        log.exception("something failed while drafting")
    reports.log_file.flush()
    text = (tmp_path / "logs" / LOG_FILE).read_text(encoding="utf-8")
    assert "ERROR app.gui.test: something failed while drafting" in text
    assert text.rstrip().endswith("ValueError")
    assert "ordinary moment" not in text and "Quayside" not in text
