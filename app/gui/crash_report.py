"""What an unexpected error (a bug) does in the desktop app: the typed work is kept in
the recovery file and the user is told so, instead of the window vanishing."""

from __future__ import annotations

import logging
import sys
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from app.gui.texts import N_

if TYPE_CHECKING:
    from app.gui.main_window import MainWindow

logger = logging.getLogger(__name__)


def install_crash_handler(window: MainWindow) -> None:
    """An unexpected error (a bug) saves the typed work to the recovery file and says
    where it is, instead of vanishing with the window."""

    def handle(
        kind: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> None:
        logger.critical("unexpected error", exc_info=(kind, error, trace))
        try:
            window.edited.keep_unsaved(window.model.data(), window.model.path)
        except OSError:
            logger.exception("the recovery file could not be written")
        _ = window.translator.gettext
        QMessageBox.critical(
            window,
            _(N_("Unexpected error")),
            _(
                N_(
                    "Something went wrong: {error}. Your typed work is kept in {folder} and will "
                    "be offered when CrisisDraft starts again."
                )
            ).format(error=error, folder=window.edited.recovery.folder),
        )

    sys.excepthook = handle
