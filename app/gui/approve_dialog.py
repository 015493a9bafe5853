"""Approving drafts: who approves (name and role, :mod:`app.gui.approver_fields`) and
which drafts, as they read now."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QWidget,
)

from app.facts.vocabulary import Language
from app.gui.accessibility import dialog_ready
from app.gui.approver_fields import ApproverFields
from app.gui.draft_choice import DraftChoice
from app.gui.texts import N_, Gettext
from app.templates.documents import FIRST_DOCUMENTS, DocumentKind

if TYPE_CHECKING:
    from app.facts.models import Approver


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
        self.approver_fields = ApproverFields(form, gettext, recent or [], N_("Approved by"), self)
        self.name, self.role = self.approver_fields.name, self.approver_fields.role
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

    def _enable(self) -> None:
        self.ok.setEnabled(self.approver_fields.filled())

    def approver(self) -> Approver:
        """The approver as typed; raises :class:`CrisisDraftError` if the record may not
        keep it (see :func:`named_approver`)."""
        return self.approver_fields.approver()

    def chosen_documents(self) -> list[DocumentKind]:
        return self.choice.chosen_documents()

    def chosen_languages(self) -> list[Language]:
        return self.choice.chosen_languages()
