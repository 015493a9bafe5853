"""Who approves: the name and role boxes of the Approve dialog and of the dialog that
issues a document edited in Word.

The people who approved lately are offered as the name is typed (and listed when the
field is empty and clicked); picking one fills in their role. Nobody is pre-filled: an
approval is given by a person, never assumed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCompleter, QFormLayout, QLineEdit, QWidget

from app.gui.texts import N_, Gettext
from app.record.approval import named_approver

if TYPE_CHECKING:
    from app.facts.models import Approver


class ApproverFields:
    """The two rows ``name`` and ``role`` added to ``form`` under the caption
    ``caption`` (translated), offering ``recent`` (name, role) approvers, latest
    first."""

    def __init__(
        self,
        form: QFormLayout,
        gettext: Gettext,
        recent: list[tuple[str, str]],
        caption: str,
        parent: QWidget,
    ) -> None:
        _ = gettext
        self._roles = dict(reversed(recent))  # the latest role of each name
        self.name = QLineEdit()
        self.name.setAccessibleName(_(N_("Approved by")))
        self.role = QLineEdit()
        self.role.setAccessibleName(_(N_("Role")))
        self.role.setPlaceholderText(_(N_("e.g. General Counsel, Chief Executive Officer")))
        completer = QCompleter([name for name, _role in recent], parent)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.activated.connect(self._known_name)
        self.name.setCompleter(completer)
        if recent:
            self.name.setPlaceholderText(_(N_("Type a name, or pick one who approved lately")))
        form.addRow(_(caption), self.name)
        form.addRow(_(N_("Role")), self.role)

    def filled(self) -> bool:
        """Both a name and a role are typed."""
        return bool(self.name.text().strip() and self.role.text().strip())

    def approver(self) -> Approver:
        """The approver as typed; raises :class:`CrisisDraftError` if the record may not
        keep it (see :func:`named_approver`)."""
        return named_approver(self.name.text(), self.role.text())

    def _known_name(self, name: str) -> None:
        """A name picked from the recent approvers brings the role they approved as."""
        self.name.setText(name)
        role = self._roles.get(name)
        if role and not self.role.text().strip():
            self.role.setText(role)
