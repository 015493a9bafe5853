"""Approving drafts: who approves (name and role) and which drafts, as they read now.

The people who approved lately are offered as the name is typed (and listed when the
field is empty and clicked); picking one fills in their role. Nobody is pre-filled:
an approval is given by a person, never assumed."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from app.facts.models import Approver, Language
from app.gui.accessibility import dialog_ready
from app.gui.draft_choice import DraftChoice
from app.gui.texts import N_, Gettext
from app.record.approval import named_approver
from app.templates.documents import FIRST_DOCUMENTS, DocumentKind


class ApproveDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        gettext: Gettext,
        recent: list[tuple[str, str]] | None = None,
        documents: Iterable[DocumentKind] = FIRST_DOCUMENTS,
    ) -> None:
        """``recent``: (name, role) of the latest approvers, latest first; ``documents``:
        those the incident needs, offered to approve."""
        super().__init__(parent)
        self._roles = dict(reversed(recent or []))  # the latest role of each name
        _ = gettext
        self.setWindowTitle(_(N_("Approve drafts")))
        form = QFormLayout(self)
        intro = QLabel(
            _(
                N_(
                    "The approval covers the drafts exactly as they read now. If the facts or "
                    "a template change them, they must be approved again."
                )
            )
        )
        intro.setWordWrap(True)
        form.addRow(intro)
        self.name = QLineEdit()
        self.name.setAccessibleName(_(N_("Approved by")))
        self.role = QLineEdit()
        self.role.setAccessibleName(_(N_("Role")))
        self.role.setPlaceholderText(_(N_("e.g. General Counsel, Chief Executive Officer")))
        completer = QCompleter([name for name, _role in recent or []], self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.activated.connect(self._known_name)
        self.name.setCompleter(completer)
        if recent:
            self.name.setPlaceholderText(_(N_("Type a name, or pick one who approved lately")))
        form.addRow(_(N_("Approved by")), self.name)
        form.addRow(_(N_("Role")), self.role)
        self.choice = DraftChoice(form, gettext, documents)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(_(N_("Approve")))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.name.textChanged.connect(self._enable)
        self.role.textChanged.connect(self._enable)
        self._enable()
        dialog_ready(self)  # Alt+letters for the captions, the boxes and the buttons

    def _known_name(self, name: str) -> None:
        """A name picked from the recent approvers brings the role they approved as."""
        self.name.setText(name)
        role = self._roles.get(name)
        if role and not self.role.text().strip():
            self.role.setText(role)

    def _enable(self) -> None:
        self.ok.setEnabled(bool(self.name.text().strip() and self.role.text().strip()))

    def approver(self) -> Approver:
        """The approver as typed; raises :class:`CrisisDraftError` if the record may not
        keep it (see :func:`named_approver`)."""
        return named_approver(self.name.text(), self.role.text())

    def chosen_documents(self) -> list[DocumentKind]:
        return self.choice.chosen_documents()

    def chosen_languages(self) -> list[Language]:
        return self.choice.chosen_languages()
