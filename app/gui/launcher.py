"""Starting the desktop app: the Qt application, the collaborators the window needs,
the start-up recovery offer, and the ``--screenshot`` mode for docs and reviews."""

from __future__ import annotations

import json
import logging
import os
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from app.errors import CrisisDraftError
from app.files.resources import app_icon, example_incident
from app.files.user_folders import recovery_folder, user_template_library
from app.gui import single_instance
from app.gui.crash_report import install_crash_handler
from app.gui.incident_model import IncidentModel
from app.gui.main_window import MainWindow
from app.gui.system_libraries import missing_for_this_desktop, packages_for
from app.gui.texts import N_
from app.interface_text.error_text import error_text
from app.interface_text.translator import Translator, system_language
from app.session.edited_file import EditedFile
from app.session.library import LibrarySources, open_renderer
from app.session.recovery import RecoveryStore

logger = logging.getLogger(__name__)
SCREENSHOT_WAIT_SECONDS = 10.0  # the drafts of a screenshot, rendered in the background


@dataclass(frozen=True)
class GuiOptions:
    incident: Path | None = None
    language: str | None = None
    step: int = 1
    screenshot: Path | None = None
    preview: str | None = None  # a language code, or "both"
    size: tuple[int, int] = (1500, 900)  # the window's size for a screenshot


def display_available() -> bool:
    """False on a Linux or BSD machine with no display and no platform chosen."""
    if sys.platform in ("win32", "darwin") or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def make_window(
    options: GuiOptions,
    settings: QSettings,
    recovery: RecoveryStore,
) -> MainWindow:
    language = options.language or str(settings.value("language", "")) or system_language()
    translator = Translator(language)
    path = options.incident or example_incident()
    edited = EditedFile(recovery)
    data = edited.read(path) if options.incident else edited.read_example(path)
    model = IncidentModel(data, options.incident)
    renderer = open_renderer(LibrarySources.of_this_user())
    window = MainWindow(
        model, renderer, translator, settings, edited, example_incident(), user_template_library()
    )
    if options.incident is not None and not window.files.claim(options.incident):
        window.model.replace(edited.read_example(example_incident()), None)
    window.go_to_step(options.step - 1)
    window.preview.set_language_mode(options.preview or translator.language)
    return window


def run_gui(options: GuiOptions) -> int:
    if not display_available():
        print(
            "crisisdraft: no display is available for the desktop app; use "
            "'crisisdraft export INCIDENT --out DIR' to export without one",
            file=sys.stderr,
        )
        return 2
    missing = missing_for_this_desktop()
    if missing:  # Qt would abort with a message that names no package
        _ = Translator(options.language or system_language()).gettext
        print(
            "crisisdraft: "
            + _(
                N_(
                    "the desktop app needs system libraries this computer lacks ({libraries}); "
                    "install them (Debian, Ubuntu: sudo apt-get install {packages}) and start "
                    "it again. The command line works without them."
                )
            ).format(libraries=", ".join(missing), packages=" ".join(packages_for(missing))),
            file=sys.stderr,
        )
        return 2
    application = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(application, QApplication)
    application.setApplicationName("CrisisDraft")
    application.setWindowIcon(QIcon(str(app_icon())))
    application.setOrganizationName("CrisisDraft")
    # The installed desktop entry (packaging/linux/crisisdraft.desktop): on Wayland the
    # window is matched to it, its name and its icon, by this name.
    application.setDesktopFileName("crisisdraft")
    if options.screenshot is not None:  # a picture for docs: leave the user's state alone
        scratch = Path(tempfile.mkdtemp(prefix="crisisdraft-screenshot-"))
        settings = QSettings(str(scratch / "settings.ini"), QSettings.Format.IniFormat)
        recovery = RecoveryStore(scratch / "recovery")
    else:
        settings = QSettings()
        recovery = RecoveryStore(recovery_folder())
    try:
        window = make_window(options, settings, recovery)
    except CrisisDraftError as error:
        language = options.language or system_language()
        print(f"crisisdraft: {error_text(error, Translator(language).gettext)}", file=sys.stderr)
        return 2
    if options.screenshot is not None:
        window.resize(*options.size)
    window.show()
    if options.screenshot is not None:
        _wait_for_the_preview(window, application)
        window.grab().save(str(options.screenshot))
        window.model.replace(window.model.data(), window.model.path)  # nothing to save
        window.close()
        settings.sync()  # written now, so nothing is left to write into a removed folder
        shutil.rmtree(scratch, ignore_errors=True)
        return 0
    install_crash_handler(window)
    single_instance.serve_window(window)  # files opened from the file manager come here
    if os.environ.get("CRISISDRAFT_REPORT_FIRST_PAINT"):  # for bench/run.py
        _report_first_paint(window, application)
    QTimer.singleShot(0, window.files.offer_recovery)
    QTimer.singleShot(0, window.library.show_library_notes)
    return application.exec()


def _wait_for_the_preview(window: MainWindow, application: QApplication) -> None:
    """Let the event loop run until the preview shows the drafts of the facts (they are
    rendered in the background), for at most a few seconds."""
    deadline = time.monotonic() + SCREENSHOT_WAIT_SECONDS
    window.preview.refresh()
    while window.preview.shown_revision != window.model.revision:
        if time.monotonic() > deadline:
            break
        application.processEvents()
        time.sleep(0.01)
    application.processEvents()


class _FirstPaint(QObject):
    """Prints the wall-clock time of the window's first paint and the process's peak
    memory, then quits: how ``bench/run.py`` measures start-up."""

    def __init__(self, application: QApplication) -> None:
        super().__init__()
        self.application = application

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            painted = time.time()
            watched.removeEventFilter(self)
            QTimer.singleShot(0, lambda: self._report(painted))
        return False

    def _report(self, painted: float) -> None:
        import resource

        peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(json.dumps({"first_paint": painted, "peak_rss_mb": peak_kb / 1024}), flush=True)
        self.application.quit()


def _report_first_paint(window: MainWindow, application: QApplication) -> None:
    reporter = _FirstPaint(application)
    reporter.setParent(window)  # lives as long as the window
    window.installEventFilter(reporter)
