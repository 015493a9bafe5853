"""The House profile tab of the preferences: the organisation, documents and contacts
every new incident starts from (:mod:`app.session.house_profile`), and the approvers the
Approve dialog offers.

The organisation, documents and contacts are edited with step 1's own editors, bound to
a model of their own (never the open incident's): the same captions, choices, time zone
search, documents and optional contacts, in the same words. A button takes the
organisation and contacts from the open incident, so a lead fills the profile once from
the incident at hand (the documents chosen here stay: the button says what it takes).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.facts.editing import IncidentData
from app.gui.documents_field import documents_group
from app.gui.incident_model import IncidentModel
from app.gui.organisation_step import contact_groups, organisation_rows
from app.gui.step_page import StepPage
from app.gui.texts import N_, Gettext
from app.interface_text.field_names import caption
from app.session.house_profile import HouseProfile

APPROVER_LINE = N_("{name}, {role}")
PAIR = Qt.ItemDataRole.UserRole  # an approver's item holds (name, role)


class HouseProfilePage(QWidget):
    """Edits ``profile`` and the list of ``approvers`` ((name, role), latest first);
    :meth:`profile` and :meth:`approvers` read them back. ``open_incident`` is the data
    of the incident open in the window, if any (the button takes from it)."""

    def __init__(
        self,
        profile: HouseProfile,
        approvers: list[tuple[str, str]],
        open_incident: IncidentData | None,
        gettext: Gettext,
    ) -> None:
        super().__init__()
        _ = gettext
        self.gettext = gettext
        self.open_incident = open_incident
        self.model = IncidentModel(profile.new_incident())
        self.form = StepPage(
            self.model,
            N_("House profile"),
            N_(
                "A new incident starts from this profile: the organisation and whom each "
                "audience can call, every fact of the incident not known yet. What you "
                "give here may appear in the drafts of every new incident."
            ),
            ("organisation", "drafting.documents", "contacts"),
        )
        self.form.group(caption("organisation"))
        organisation_rows(self.form, self.model)
        self.documents = documents_group(self.form, self.model)
        contact_groups(self.form, self.model)
        self._approver_rows(approvers)
        self.form.finish()
        self.take = QPushButton(_(N_("Take the organisation and contacts of the open incident")))
        self.take.setEnabled(open_incident is not None)
        self.take.clicked.connect(self.take_from_open_incident)
        top = QHBoxLayout()
        top.addWidget(self.take)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.form, 1)
        self.form.retranslate(gettext)

    def _approver_rows(self, approvers: list[tuple[str, str]]) -> None:
        """The approvers' group at the end of the form: the list, and a name and role to
        add (the Approve dialog offers the names as they are typed, with their role)."""
        _ = self.gettext
        self.form.group(N_("Approvers offered in the Approve dialog"))
        self.approver_list = QListWidget()
        self.approver_list.setAccessibleName(_(N_("Approvers")))
        self.approver_list.setMaximumHeight(110)
        for name, role in approvers:
            self._add_approver_item(name, role)
        self.remove_approver = QPushButton(_(N_("Remove the approver")))
        self.remove_approver.clicked.connect(
            lambda: self.approver_list.takeItem(self.approver_list.currentRow())
        )
        self.approver_name = QLineEdit()
        self.approver_role = QLineEdit()
        self.approver_name.setAccessibleName(_(N_("Approver's name")))
        self.approver_role.setAccessibleName(_(N_("Approver's role")))
        self.approver_name.setPlaceholderText(_(N_("e.g. Sam Patel")))
        self.approver_role.setPlaceholderText(_(N_("e.g. General Counsel")))
        self.add_approver = QPushButton(_(N_("Add the approver")))
        self.add_approver.setEnabled(False)
        for edit in (self.approver_name, self.approver_role):
            edit.textChanged.connect(self._enable_add)
        self.add_approver.clicked.connect(self._add_typed_approver)
        self.form.row(N_("Approvers"), side_by_side(self.approver_list, self.remove_approver))
        self.form.row(N_("Name"), self.approver_name)
        self.form.row(N_("Role"), side_by_side(self.approver_role, self.add_approver))

    def _add_approver_item(self, name: str, role: str) -> None:
        text = self.gettext(APPROVER_LINE).format(name=name, role=role)
        item = QListWidgetItem(text)
        item.setData(PAIR, (name, role))
        self.approver_list.addItem(item)

    def _enable_add(self) -> None:
        typed = self.approver_name.text().strip() and self.approver_role.text().strip()
        self.add_approver.setEnabled(bool(typed))

    def _add_typed_approver(self) -> None:
        name, role = self.approver_name.text().strip(), self.approver_role.text().strip()
        for row in reversed(range(self.approver_list.count())):
            if self.approver_list.item(row).data(PAIR)[0] == name:
                self.approver_list.takeItem(row)  # one role per name: the latest
        self._add_approver_item(name, role)
        self.approver_list.insertItem(
            0, self.approver_list.takeItem(self.approver_list.count() - 1)
        )
        self.approver_name.clear()
        self.approver_role.clear()

    def take_from_open_incident(self) -> None:
        """The organisation and contacts of the open incident replace the profile's; the
        documents chosen here stay."""
        if self.open_incident is not None:
            profile = HouseProfile.of_incident(self.open_incident)
            profile = replace(profile, documents=self.profile().documents)
            self.model.replace(profile.new_incident(), None, dirty=True)

    def changed(self) -> bool:
        """Whether the organisation or the contacts were edited (or taken) here: an
        untouched profile is not saved, so opening the preferences for something else
        never writes the defaults shown into it."""
        return self.model.dirty

    def profile(self) -> HouseProfile:
        return HouseProfile.of_incident(self.model.data())

    def approvers(self) -> list[tuple[str, str]]:
        pairs = (
            self.approver_list.item(row).data(PAIR) for row in range(self.approver_list.count())
        )
        return [(str(name), str(role)) for name, role in pairs]

    def unknown_time_zone(self) -> str | None:
        """The time zone typed, when it is not one the profile can keep."""
        typed = self.model.value("organisation.timezone")
        if isinstance(typed, str) and typed and "timezone" not in self.profile().organisation:
            return typed
        return None


def side_by_side(first: QWidget, second: QPushButton) -> QWidget:
    """``first`` taking the width, ``second`` (a button) beside it, at the top."""
    box = QWidget()
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(first, 1)
    layout.addWidget(second, 0, Qt.AlignmentFlag.AlignTop)
    box.setFocusProxy(first)
    return box
