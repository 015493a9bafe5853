"""Preferences: the team folders whose templates are shared (synced or network drives)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.gui.accessibility import dialog_ready
from app.gui.texts import N_, Gettext
from app.session.preferences import Preferences


class PreferencesDialog(QDialog):
    """Edits ``preferences.shared_libraries``; the caller saves it on accept."""

    def __init__(
        self, parent: QWidget | None, preferences: Preferences, user_library: Path, gettext: Gettext
    ) -> None:
        super().__init__(parent)
        _ = gettext
        self.gettext = gettext
        self.preferences = preferences
        self.setWindowTitle(_(N_("Preferences")))
        intro = QLabel(
            _(
                N_(
                    "Shared template libraries, highest precedence first. Your own library "
                    "({folder}) comes before them, the built-in templates after them."
                )
            ).format(folder=user_library)
        )
        intro.setWordWrap(True)
        self.folders = QListWidget()
        self.folders.setAccessibleName(_(N_("Shared template libraries")))
        self.folders.addItems([str(folder) for folder in preferences.shared_libraries])
        add = QPushButton(_(N_("Add a folder…")))
        remove = QPushButton(_(N_("Remove")))
        add.clicked.connect(self._add)
        remove.clicked.connect(lambda: self.folders.takeItem(self.folders.currentRow()))
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.folders)
        layout.addLayout(row)
        layout.addWidget(buttons)
        dialog_ready(self)  # Alt+letters for the buttons

    def _add(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.gettext(N_("Add a folder…")))
        if folder:
            self.folders.addItem(folder)

    def accept(self) -> None:
        self.preferences.shared_libraries = [
            Path(self.folders.item(row).text()) for row in range(self.folders.count())
        ]
        super().accept()
