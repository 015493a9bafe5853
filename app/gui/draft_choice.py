"""Which drafts an action applies to: a check box per document the incident needs and
per language."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QFormLayout, QGridLayout, QHBoxLayout, QWidget

from app.facts.languages import LANGUAGE_NAMES
from app.facts.vocabulary import Language
from app.gui.mnemonics import literal
from app.gui.texts import N_, Gettext
from app.interface_text.names import DOCUMENT_NAMES
from app.templates.documents import FIRST_DOCUMENTS, DocumentKind

LANGUAGE_LABELS: tuple[tuple[Language, str], ...] = tuple(LANGUAGE_NAMES.items())
DOCUMENT_COLUMNS = 3  # up to seven documents fit a laptop's dialog in rows of three


class DraftChoice:
    """Adds the "Documents" and "Languages" rows to a form; all ticked at first.

    ``documents`` are those the incident needs (step 1's choice, ``documents_of``): a
    document the lead did not choose is not offered."""

    def __init__(
        self,
        form: QFormLayout,
        gettext: Gettext,
        documents: Iterable[DocumentKind] = FIRST_DOCUMENTS,
    ) -> None:
        _ = gettext
        self.documents = {
            document: QCheckBox(literal(_(DOCUMENT_NAMES[document]))) for document in documents
        }
        self.languages = {language: QCheckBox(_(label)) for language, label in LANGUAGE_LABELS}
        form.addRow(_(N_("Documents")), _grid(list(self.documents.values())))
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


def _grid(boxes: list[QCheckBox]) -> QWidget:
    """The boxes in rows of :data:`DOCUMENT_COLUMNS`, read across as the registry lists
    them (three documents: one row, as before there were more)."""
    grid = QWidget()
    layout = QGridLayout(grid)
    layout.setContentsMargins(0, 0, 0, 0)
    for index, box in enumerate(boxes):
        box.setChecked(True)
        row, column = divmod(index, DOCUMENT_COLUMNS)
        layout.addWidget(box, row, column, Qt.AlignmentFlag.AlignLeft)
    layout.setColumnStretch(DOCUMENT_COLUMNS, 1)
    return grid
