"""Starting the desktop app: the Qt application, the collaborators the window needs,
the start-up recovery offer, and the ``--screenshot`` mode for docs and reviews.

The window paints first: it opens on the facts as the file says them
(:func:`~app.facts.editing.first_look`), and once it has painted, the rest loads
(:class:`_AfterFirstPaint`): the file read in full and held, the template library, the
other steps and the drafts. A file that cannot be read so simply is read in full first,
so that what is wrong with it is said before any window opens."""

from __future__ import annotations

import json
import logging
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from app.errors import CrisisDraftError
from app.facts.editing import IncidentData, first_look
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


def open_window(
    options: GuiOptions,
    settings: QSettings,
    recovery: RecoveryStore,
) -> MainWindow:
    """The window as its first paint shows it (see :meth:`MainWindow.finish_loading` and
    :func:`finish_window`); raises :class:`CrisisDraftError` for a file that cannot be
    opened at all."""
    language = options.language or str(settings.value("language", "")) or system_language()
    translator = Translator(language)
    path = options.incident or example_incident()
    edited = EditedFile(recovery)
    data = first_look(path)
    if data is None:  # read in full now: its faults are said before a window opens
        data = _read_in_full(edited, options)
    model = IncidentModel(data, options.incident)
    window = MainWindow(
        model, translator, settings, edited, example_incident(), user_template_library()
    )
    window.preview.set_language_mode(options.preview or translator.language)
    return window


def finish_window(window: MainWindow, options: GuiOptions) -> None:
    """Load what the first paint did not need: the file read in full (its facts take the
    place of those first shown, unless the user has typed meanwhile) and held, the
    renderer, and the rest of the window; raises :class:`CrisisDraftError` when the file
    cannot be opened after all."""
    from app.session.library import LibrarySources, open_renderer

    data = _read_in_full(window.edited, options)
    if not window.model.dirty:
        window.model.replace(data, options.incident)
    window.finish_loading(open_renderer(LibrarySources.of_this_user()))
    if options.incident is not None and not window.files.claim(options.incident):
        window.model.replace(window.edited.read_example(example_incident()), None)
    window.go_to_step(options.step - 1)


def make_window(
    options: GuiOptions,
    settings: QSettings,
    recovery: RecoveryStore,
) -> MainWindow:
    """The whole window at once (for a screenshot, a chosen step, tests and the bench)."""
    window = open_window(options, settings, recovery)
    finish_window(window, options)
    return window


def _read_in_full(edited: EditedFile, options: GuiOptions) -> IncidentData:
    if options.incident is None:
        return edited.read_example(example_incident())
    return edited.read(options.incident)


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
    # a screenshot or a chosen step is shown whole at once: the first paint is the last
    all_at_once = options.screenshot is not None or options.step != 1
    try:
        if all_at_once:
            window = make_window(options, settings, recovery)
        else:
            window = open_window(options, settings, recovery)
    except CrisisDraftError as error:
        language = options.language or system_language()
        print(f"crisisdraft: {error_text(error, Translator(language).gettext)}", file=sys.stderr)
        return 2
    if options.screenshot is not None:
        window.resize(*options.size)
        window.show()
        _wait_for_the_preview(window, application)
        window.grab().save(str(options.screenshot))
        window.model.replace(window.model.data(), window.model.path)  # nothing to save
        window.close()
        settings.sync()  # written now, so nothing is left to write into a removed folder
        shutil.rmtree(scratch, ignore_errors=True)
        return 0
    install_crash_handler(window)
    # files opened from the file manager come here (they wait while the window loads)
    single_instance.serve_window(window)
    report = _StartReport(application) if os.environ.get("CRISISDRAFT_REPORT_FIRST_PAINT") else None
    if all_at_once:
        _offer_work_to_recover(window)
    else:
        loading = _AfterFirstPaint(window, lambda: _finish_loading(window, options, application))
        loading.setParent(window)  # lives as long as the window
        window.installEventFilter(loading)
    if report is not None:  # for bench/run.py
        report.watch(window)
    window.show()
    return application.exec()


def _finish_loading(window: MainWindow, options: GuiOptions, application: QApplication) -> None:
    """The rest of the window, once it has painted; a file found unreadable only now
    (it looked like an incident) is said as before any window, and the app ends."""
    try:
        finish_window(window, options)
    except CrisisDraftError as error:
        message = error_text(error, window.translator.gettext)
        print(f"crisisdraft: {message}", file=sys.stderr)
        window.hide()
        application.exit(2)
        return
    keep_out_of_collections()
    _offer_work_to_recover(window)


def keep_out_of_collections() -> None:
    """The objects of the whole window (its widgets, the templates, the models) live as
    long as the app: Python's collector is told to leave them out (``gc.freeze``), so a
    full collection while the lead types scans only what typing made, in a few
    milliseconds, instead of every object of the app (60-110 ms: a keystroke's preview
    would wait for it). Called once the window is whole; the bench does as the app."""
    import gc

    gc.freeze()


def _offer_work_to_recover(window: MainWindow) -> None:
    """The window, whole, offers work left by a crash, and says what the library lacks."""
    QTimer.singleShot(0, window.files.offer_recovery)
    QTimer.singleShot(0, window.library.show_library_notes)


class _AfterFirstPaint(QObject):
    """Runs ``then`` once, right after the window's first paint has been drawn."""

    def __init__(self, window: MainWindow, then: Callable[[], None]) -> None:
        super().__init__()
        self.window = window
        self.then = then

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.then)  # after this paint has reached the screen
        return False


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


class _StartReport(QObject):
    """Prints when the window first painted and when it was whole (its drafts shown), with
    the process's peak memory by then, and quits: how ``bench/run.py`` measures start-up."""

    def __init__(self, application: QApplication) -> None:
        super().__init__()
        self.application = application
        self.painted: float | None = None
        self.window: MainWindow | None = None

    def watch(self, window: MainWindow) -> None:
        self.window = window
        self.setParent(window)  # lives as long as the window
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint and self.painted is None:
            self.painted = time.time()
            QTimer.singleShot(0, self._until_ready)
        return False

    def _until_ready(self) -> None:
        window = self.window
        if (
            window is None
            or not window.loaded
            or window.preview.shown_revision != window.model.revision
        ):
            QTimer.singleShot(5, self._until_ready)
            return
        import resource

        peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        report = {"first_paint": self.painted, "ready": time.time(), "peak_rss_mb": peak_kb / 1024}
        print(json.dumps(report), flush=True)
        self.application.quit()
