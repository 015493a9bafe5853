"""Which drafts an action applies to: a check box per document and per language."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QFormLayout, QHBoxLayout, QWidget

from app.facts.languages import LANGUAGE_NAMES
from app.facts.models import Language
from app.gui.texts import N_, Gettext
from app.interface_text.names import DOCUMENT_NAMES
from app.templates.documents import DocumentKind

LANGUAGE_LABELS: tuple[tuple[Language, str], ...] = tuple(LANGUAGE_NAMES.items())


class DraftChoice:
    """Adds the "Documents" and "Languages" rows to a form; all ticked at first."""

    def __init__(self, form: QFormLayout, gettext: Gettext) -> None:
        _ = gettext
        self.documents = {
            document: QCheckBox(_(DOCUMENT_NAMES[document])) for document in DocumentKind
        }
        self.languages = {language: QCheckBox(_(label)) for language, label in LANGUAGE_LABELS}
        form.addRow(_(N_("Documents")), _row(list(self.documents.values())))
        form.addRow(_(N_("Languages")), _row(list(self.languages.values())))

    def chosen_documents(self) -> list[DocumentKind]:
        return [document for document, box in self.documents.items() if box.isChecked()]

    def chosen_languages(self) -> list[Language]:
        return [language for language, box in self.languages.items() if box.isChecked()]


def _row(boxes: list[QCheckBox]) -> QWidget:
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    for box in boxes:
        box.setChecked(True)
        layout.addWidget(box)
    layout.addStretch(1)
    return row
