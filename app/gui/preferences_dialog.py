"""Preferences: the house profile a new incident starts from (organisation, contacts,
approvers), and the team folders whose templates are shared (synced or network drives)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.facts.editing import IncidentData
from app.gui.accessibility import dialog_ready
from app.gui.house_profile_page import HouseProfilePage
from app.gui.texts import N_, Gettext
from app.session.preferences import Preferences


class PreferencesDialog(QDialog):
    """Edits ``preferences``: the house profile and approvers (``house`` tab, which can
    take from ``open_incident``, the data of the incident open in the window) and the
    shared libraries; the caller saves them on accept."""

    def __init__(
        self,
        parent: QWidget | None,
        preferences: Preferences,
        user_library: Path,
        gettext: Gettext,
        open_incident: IncidentData | None = None,
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
        libraries = QWidget()
        libraries_layout = QVBoxLayout(libraries)
        libraries_layout.addWidget(intro)
        libraries_layout.addWidget(self.folders)
        libraries_layout.addLayout(row)
        self.house = HouseProfilePage(
            preferences.house_profile, preferences.approvers, open_incident, gettext
        )
        self.tabs = QTabWidget()
        self.tabs.addTab(self.house, _(N_("House profile")))
        self.tabs.addTab(libraries, _(N_("Shared templates")))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        dialog_ready(self)  # Alt+letters for the buttons
        self.resize(760, 640)  # the profile's form scrolls within; the screen may be small

    def _add(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.gettext(N_("Add a folder…")))
        if folder:
            self.folders.addItem(folder)

    def accept(self) -> None:
        unknown = self.house.unknown_time_zone()
        if unknown is not None:
            _ = self.gettext
            self.tabs.setCurrentWidget(self.house)
            QMessageBox.warning(
                self,
                _(N_("Preferences")),
                _(
                    N_(
                        "“{zone}” is not a time zone this app knows: type a city or region "
                        "and choose the zone from the list."
                    )
                ).format(zone=unknown),
            )
            return
        if self.house.changed():
            self.preferences.house_profile = self.house.profile()
        self.preferences.approvers = self.house.approvers()
        self.preferences.shared_libraries = [
            Path(self.folders.item(row).text()) for row in range(self.folders.count())
        ]
        super().accept()
