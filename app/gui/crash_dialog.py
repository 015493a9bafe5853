"""The dialog of an unexpected error (see :mod:`app.gui.crash_report`): what happened,
whether the typed work is kept, what to do, and where the report is; and "Show logs",
which the Help menu offers too, opening the folder of the reports and the log file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from app.files.user_folders import log_folder
from app.gui.texts import N_, Gettext

SHOW_LOGS = N_("Show &logs")


def open_log_folder(parent: QWidget, gettext: Gettext, folder: Path | None = None) -> bool:
    """Open the log folder (made if needed) in the system's file manager; where none
    opens, say where it is. True when the file manager was asked to open it."""
    folder = folder or log_folder()
    _ = gettext
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        reason = error.strerror or type(error).__name__
        QMessageBox.warning(
            parent,
            _(N_("Logs")),
            _(N_("The log folder {folder} cannot be made ({reason}).")).format(
                folder=folder, reason=reason
            ),
        )
        return False
    if QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
        return True
    QMessageBox.information(
        parent,
        _(N_("Logs")),
        _(N_("No file manager opened it: the logs are in {folder}.")).format(folder=folder),
    )
    return False


class CrashDialog(QDialog):
    """Says what happened and what to do; "Show logs" opens the log folder and leaves
    the dialog open, Close closes it. ``report`` is ``None`` when none could be written."""

    def __init__(
        self,
        parent: QWidget,
        gettext: Gettext,
        *,
        work_kept: bool,
        report: Path | None,
        folder: Path,
    ) -> None:
        super().__init__(parent)
        _ = gettext
        self.folder = folder
        self.gettext = gettext
        self.setWindowTitle(_(N_("Unexpected error")))
        icon = QLabel()
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize)
        critical = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical)
        icon.setPixmap(critical.pixmap(size, size))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.heading = QLabel(_(N_("CrisisDraft ran into an error it did not expect.")))
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.work = self._paragraph(
            _(
                N_(
                    "Your typed work is kept: if CrisisDraft closes before you save, it is "
                    "offered back when CrisisDraft starts again."
                )
            )
            if work_kept
            else _(N_("Your typed work could not be kept for you: save it now if you can."))
        )
        self.advice = self._paragraph(
            _(
                N_(
                    "What to do: save your work, close CrisisDraft and start it again. If this "
                    "happens again, send the report to your IT or support contact. It holds "
                    "the versions and where the error happened, nothing you typed."
                )
            )
        )
        if report is not None:
            where = _(N_("The report: {file}")).format(file=report)
        else:
            where = _(N_("The report could not be written in {folder}.")).format(folder=folder)
        self.report = self._paragraph(where)
        self.report.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        texts = QVBoxLayout()
        texts.setSpacing(10)
        for label in (self.heading, self.work, self.advice, self.report):
            texts.addWidget(label)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addLayout(texts, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.show_logs = self.buttons.addButton(
            _(SHOW_LOGS), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.show_logs.clicked.connect(lambda: open_log_folder(self, self.gettext, self.folder))
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        # the height its wrapped text takes at the width it gets, not at its hint's width
        width = max(self.minimumWidth(), self.sizeHint().width())
        self.resize(width, max(self.heightForWidth(width), self.minimumSizeHint().height()))

    @staticmethod
    def _paragraph(text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        return label

    def text(self) -> str:
        """Everything the dialog says, as read from its labels."""
        return "\n".join(
            label.text() for label in (self.heading, self.work, self.advice, self.report)
        )
