"""Approving drafts: who approves (name and role) and which drafts, as they read now."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from app.facts.models import Approver, Language
from app.gui.preview import DOCUMENT_LABELS
from app.gui.texts import N_, Gettext
from app.templates.documents import DocumentKind


class ApproveDialog(QDialog):
    def __init__(self, parent: QWidget | None, gettext: Gettext) -> None:
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
        self.name = QLineEdit()
        self.name.setAccessibleName(_(N_("Approved by")))
        self.role = QLineEdit()
        self.role.setAccessibleName(_(N_("Role")))
        self.role.setPlaceholderText(_(N_("e.g. General Counsel, Chief Executive Officer")))
        form.addRow(_(N_("Approved by")), self.name)
        form.addRow(_(N_("Role")), self.role)
        self.documents: dict[DocumentKind, QCheckBox] = {}
        row = QHBoxLayout()
        for document in DocumentKind:
            box = QCheckBox(_(DOCUMENT_LABELS[document]))
            box.setChecked(True)
            self.documents[document] = box
            row.addWidget(box)
        form.addRow(_(N_("Documents")), row)
        self.languages: dict[Language, QCheckBox] = {}
        row = QHBoxLayout()
        for language, label in (("en", N_("English")), ("fr", N_("French"))):
            box = QCheckBox(_(label))
            box.setChecked(True)
            self.languages[language] = box  # type: ignore[index]
            row.addWidget(box)
        form.addRow(_(N_("Languages")), row)
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

    def _enable(self) -> None:
        self.ok.setEnabled(bool(self.name.text().strip() and self.role.text().strip()))

    def approver(self) -> Approver:
        return Approver(name=self.name.text().strip(), role=self.role.text().strip())

    def chosen_documents(self) -> list[DocumentKind]:
        return [document for document, box in self.documents.items() if box.isChecked()]

    def chosen_languages(self) -> list[Language]:
        return [language for language, box in self.languages.items() if box.isChecked()]
