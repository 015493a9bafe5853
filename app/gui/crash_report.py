"""What an unexpected error (a bug) does in the desktop app: the typed work is kept in
the recovery file, a report goes to the user's log folder, and a dialog says what
happened and what to do. Nothing leaves the machine: the user sends the report to their
IT or support contact if the problem comes back (Help › Show logs finds it).

What a report holds, and why not more: the versions (CrisisDraft, Python, Qt, PySide6,
the system, frozen or not) and the error's type with the frames it went through (file,
line, function, the line of code). Never the incident: no field values, no file contents,
no file names. So the error's *message* is left out: messages quote data
(``KeyError('Northwind Motors')``, ``invalid literal for int() with base 10: '2 Sept'``,
a validation error's input) and nothing tells which ones do; the type and the frames say
where the bug is, which is what a developer needs. Only an ``OSError`` keeps its number
and the system's own words ("[Errno 28] No space left on device"), not its file names.
The log file beside the reports (warnings and up, a few hundred KB at most) formats the
errors it records by the same rule.
"""

from __future__ import annotations

import logging
import sys
import traceback
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from app.files import atomic
from app.files.user_folders import log_folder

if TYPE_CHECKING:
    from logging.handlers import RotatingFileHandler

    from app.gui.main_window import MainWindow

logger = logging.getLogger(__name__)
KEEP_REPORTS = 20  # the newest; enough to see a pattern, never a full disk
REPORT_GLOB = "crash-*.txt"
LOG_FILE = "crisisdraft.log"
LOG_BYTES = 256 * 1024
LOG_BACKUPS = 2
CAUSE = "The above exception was the direct cause of the following exception:"
CONTEXT = "During handling of the above exception, another exception occurred:"


def traceback_without_messages(error: BaseException) -> str:
    """Python's traceback of ``error`` and of the errors it came from, each ending in
    its type, never its message (see the module's docstring)."""
    chain = [error]
    while len(chain) < 20:  # a cycle or a runaway chain stops here
        last = chain[-1]
        earlier = last.__cause__ or (None if last.__suppress_context__ else last.__context__)
        if earlier is None or earlier in chain:
            break
        chain.append(earlier)
    blocks: list[str] = []
    for later, current in zip([None, *chain], chain, strict=False):
        block = _error_kind(current) + "\n"
        if current.__traceback__ is not None:
            frames = "".join(traceback.format_tb(current.__traceback__))
            block = "Traceback (most recent call last):\n" + frames + block
        if later is not None:
            block += "\n" + (CAUSE if later.__cause__ is current else CONTEXT) + "\n"
        blocks.append(block)
    return "\n".join(reversed(blocks))


def _error_kind(error: BaseException) -> str:
    kind = type(error)
    name = (
        kind.__qualname__
        if kind.__module__ == "builtins"
        else f"{kind.__module__}.{kind.__qualname__}"
    )
    if isinstance(error, OSError) and error.errno is not None and error.strerror:
        return f"{name}: [Errno {error.errno}] {error.strerror}"
    return name


def versions() -> list[str]:
    """What a developer asks first: which CrisisDraft, on what, built how."""
    import platform

    from PySide6 import __version__ as pyside
    from PySide6.QtCore import qVersion

    from app import __version__

    frozen = "yes (the installed app)" if getattr(sys, "frozen", False) else "no"
    return [
        f"CrisisDraft: {__version__}",
        f"Frozen: {frozen}",
        f"Python: {platform.python_version()} ({platform.python_implementation()})",
        f"Qt: {qVersion()}; PySide6: {pyside}",
        f"System: {platform.platform()}",
    ]


def crash_report(error: BaseException, *, language: str, work: str, when: datetime) -> str:
    """The report's text, in English for whoever supports the app; ``work`` says where
    the typed work went."""
    return "\n".join(
        [
            "CrisisDraft crash report",
            f"Written: {when.astimezone(UTC):%Y-%m-%d %H:%M:%S} UTC",
            *versions(),
            f"Interface language: {language}",
            f"Typed work: {work}",
            "",
            "No incident content is in this report: no field values, no file contents, no",
            "error messages (they may quote what was typed). The error and where it happened:",
            "",
            traceback_without_messages(error),
        ]
    )


def write_report(text: str, folder: Path, when: datetime) -> Path:
    """Write a report into ``folder`` (made if needed) and keep the newest
    :data:`KEEP_REPORTS`; raises ``OSError`` when it cannot be written."""
    folder.mkdir(parents=True, exist_ok=True)
    report = folder / f"crash-{when.astimezone(UTC):%Y%m%d-%H%M%S-%f}.txt"
    atomic.write_atomically(report, text.encode("utf-8"))
    for old in sorted(folder.glob(REPORT_GLOB))[:-KEEP_REPORTS]:
        old.unlink(missing_ok=True)
    return report


class _WithoutMessages(logging.Formatter):
    """Formats a record's error by :func:`traceback_without_messages`, whatever another
    handler made of it (a record keeps the first handler's traceback text)."""

    def format(self, record: logging.LogRecord) -> str:
        kept = record.exc_text
        record.exc_text = None
        try:
            return super().format(record)
        finally:
            record.exc_text = kept

    def formatException(self, ei: object) -> str:  # noqa: N802 - logging's name
        error = ei[1] if isinstance(ei, tuple) else None
        return traceback_without_messages(error) if isinstance(error, BaseException) else ""


def start_log_file(folder: Path) -> RotatingFileHandler:
    """Warnings and errors of the app's logging go to a small rotating file in
    ``folder``, opened at the first record (nothing is written at start-up)."""
    from logging.handlers import RotatingFileHandler  # only here: not on the start's path

    folder.mkdir(parents=True, exist_ok=True)
    handler = RotatingFileHandler(
        folder / LOG_FILE,
        maxBytes=LOG_BYTES,
        backupCount=LOG_BACKUPS,
        encoding="utf-8",
        delay=True,
    )
    handler.setLevel(logging.WARNING)
    handler.setFormatter(_WithoutMessages("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger().addHandler(handler)
    return handler


class CrashReports:
    """The handler of unexpected errors for one main window, as ``sys.excepthook``: each
    error keeps the typed work, writes a report to ``folder`` and shows the dialog (one
    at a time: errors while it is open get their reports only)."""

    def __init__(self, window: MainWindow, folder: Path) -> None:
        self.window = window
        self.folder = folder
        self.showing = False
        self.log_file: RotatingFileHandler | None = None
        self.previous_hook = sys.excepthook

    def install(self) -> None:
        sys.excepthook = self.handle
        QTimer.singleShot(0, self._start_log_file)  # after the window is up

    def uninstall(self) -> None:
        sys.excepthook = self.previous_hook
        if self.log_file is not None:
            logging.getLogger().removeHandler(self.log_file)
            self.log_file.close()
            self.log_file = None

    def _start_log_file(self) -> None:
        try:
            self.log_file = start_log_file(self.folder)
        except OSError as error:
            logger.warning("no log file in %s: %s", self.folder, error.strerror)

    def handle(
        self, kind: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> None:
        if error.__traceback__ is None:
            error.__traceback__ = trace
        logger.critical("unexpected error\n%s", traceback_without_messages(error))
        work_kept = self._keep_work()
        when = datetime.now(UTC)
        work = f"kept in {self.window.edited.recovery.folder}" if work_kept else "not kept"
        language = self.window.translator.language
        report: Path | None = None
        try:
            report = write_report(
                crash_report(error, language=language, work=work, when=when), self.folder, when
            )
        except OSError as failure:
            logger.error(
                "the crash report cannot be written in %s: %s", self.folder, failure.strerror
            )
        if self.showing:
            return
        from app.gui.crash_dialog import CrashDialog

        self.showing = True
        try:
            dialog = CrashDialog(
                self.window,
                self.window.translator.gettext,
                work_kept=work_kept,
                report=report,
                folder=self.folder,
            )
            dialog.exec()
        finally:
            self.showing = False

    def _keep_work(self) -> bool:
        try:
            self.window.edited.keep_unsaved(self.window.model.data(), self.window.model.path)
        except Exception as failure:  # a bug may have broken anything
            logger.error("the typed work cannot be kept: %s", type(failure).__name__)
            return False
        return True


def install_crash_handler(window: MainWindow, folder: Path | None = None) -> CrashReports:
    """Unexpected errors in ``window``'s app get a report in ``folder`` (the user's log
    folder) and the dialog; warnings go to the log file there."""
    reports = CrashReports(window, folder or log_folder())
    reports.install()
    return reports
