"""Export: choose documents, languages, formats (Word, PDF), a folder, an optional
letterhead and, for drafts sent to counsel, the privilege mark, then write them with
the core's all-or-nothing export, and offer to open the folder."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from app.drafts.render import DraftRenderer
from app.errors import CrisisDraftError
from app.export.marks import Mark
from app.export.naming import WORD_ONLY, DocumentFormat
from app.export.pack import Existing
from app.gui.accessibility import dialog_ready
from app.gui.draft_choice import DraftChoice
from app.gui.mnemonics import literal
from app.gui.texts import N_, Gettext
from app.interface_text.problem_text import ProblemWording
from app.session.document_needs import why_none
from app.session.incident_session import IncidentSession
from app.session.selection import Selection
from app.templates.documents import documents_of
from app.templates.metadata import TemplateSet

if TYPE_CHECKING:
    from app.facts.models import Incident

#: What the export says it wrote, by the formats chosen (``count``: documents).
DONE_MESSAGES: dict[tuple[DocumentFormat, ...], str] = {
    WORD_ONLY: N_("{count} Word documents written to {folder}."),
    (DocumentFormat.PDF,): N_("{count} PDF documents written to {folder}."),
    (DocumentFormat.DOCX, DocumentFormat.PDF): N_(
        "{count} Word documents and their PDFs written to {folder}."
    ),
}


class ExportDialog(QDialog):
    """After a successful export, ``written`` lists the files; after a final one,
    ``recorded`` is the incident with what was issued in its record.

    The export is the session's (``session``, or one opened over ``incident`` and
    ``renderer``): it refuses with the words ``crisisdraft check`` prints, and reuses
    the drafts the session has already rendered and checked."""

    def __init__(
        self,
        parent: QWidget | None,
        incident: Incident,
        renderer: DraftRenderer,
        gettext: Gettext,
        out_dir: Path,
        source: str,
        template_set: TemplateSet = TemplateSet.HOLDING,
        *,
        session: IncidentSession | None = None,
        language: str = "en",
        formats: tuple[DocumentFormat, ...] = WORD_ONLY,
    ) -> None:
        super().__init__(parent)
        _ = gettext
        self.incident = incident
        self.renderer = renderer
        self.session = session or IncidentSession(incident, renderer, source=source)
        self.gettext = gettext
        self.source = source
        self.wording = ProblemWording(gettext, language, source)  # refusals as the list reads
        self.template_set = template_set
        self.written: list[Path] = []
        self.recorded: Incident | None = None  # after a final export: the updated record
        word_only = formats == WORD_ONLY
        self.setWindowTitle(_(N_("Export Word documents") if word_only else N_("Export as PDF")))
        form = QFormLayout(self)
        self.choice = DraftChoice(form, gettext, documents_of(incident))  # the lead's choice
        self.documents, self.languages = self.choice.documents, self.choice.languages
        self.formats = {
            DocumentFormat.DOCX: QCheckBox(_(N_("Word (.docx)"))),
            DocumentFormat.PDF: QCheckBox(_(N_("PDF"))),
        }
        format_row = QHBoxLayout()
        for file_format, box in self.formats.items():
            box.setChecked(file_format in formats)
            format_row.addWidget(box)
        format_row.addStretch(1)
        form.addRow(_(N_("Formats")), format_row)
        self.folder = QLineEdit(str(out_dir))
        self.folder.setAccessibleName(_(N_("Output folder")))
        form.addRow(_(N_("Output folder")), self._with_button(self.folder, self._choose_folder))
        self.reference = QLineEdit()
        self.reference.setAccessibleName(_(N_("Reference document")))
        self.reference.setPlaceholderText(_(N_("None: CrisisDraft's own clean style")))
        reference_row = self._with_button(self.reference, self._choose_reference)
        form.addRow(_(N_("Reference .docx (house style)")), reference_row)
        # The letterhead styles the Word documents; PDFs have CrisisDraft's own look.
        word = self.formats[DocumentFormat.DOCX]
        reference_row.setEnabled(word.isChecked())
        word.toggled.connect(reference_row.setEnabled)
        self.final = QCheckBox(
            _(N_("Final: approved drafts only, without the DRAFT mark, recorded as issued"))
        )
        form.addRow(self.final)
        # "&" is a letter's mark for Qt: doubled, so that it reads as written.
        self.privileged = QCheckBox(
            literal(_(N_("Mark for legal review (privileged & confidential)")))
        )
        self.privileged.setToolTip(
            _(
                N_(
                    "For drafts sent to counsel: under the DRAFT mark, the header of every "
                    "page also says “Privileged & confidential – prepared at the request of "
                    "counsel”. Never on a final document, which goes to its audience as issued."
                )
            )
        )
        form.addRow(self.privileged)
        self.final.toggled.connect(self._final_toggled)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = buttons.addButton(
            _(N_("Export")), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.accepted.connect(self.export)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        dialog_ready(self)  # Alt+letters; a caption's letter leads into its row

    def _final_toggled(self, final: bool) -> None:
        """A final document never carries the privilege mark: the choice is cleared and
        offered again only for drafts."""
        if final:
            self.privileged.setChecked(False)
        self.privileged.setEnabled(not final)

    def chosen_mark(self) -> Mark:
        return Mark.PRIVILEGED if self.privileged.isChecked() else Mark.DRAFT

    def _with_button(self, edit: QLineEdit, action: object) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(edit, 1)
        button = QPushButton(self.gettext(N_("Choose…")))
        button.clicked.connect(action)
        row.addWidget(button)
        return box

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.gettext(N_("Output folder")), self.folder.text()
        )
        if folder:
            self.folder.setText(folder)

    def _choose_reference(self) -> None:
        file, _filter = QFileDialog.getOpenFileName(
            self,
            self.gettext(N_("Reference document")),
            "",
            self.gettext(N_("Word documents (*.docx)")),
        )
        if file:
            self.reference.setText(file)

    def selection(self) -> Selection:
        """The drafts ticked in the dialog, from the set the window shows."""
        return Selection(
            tuple(self.choice.chosen_languages()),
            tuple(self.choice.chosen_documents()),
            self.template_set,
        )

    def chosen_formats(self) -> tuple[DocumentFormat, ...]:
        return tuple(file_format for file_format, box in self.formats.items() if box.isChecked())

    def _what_of_earlier(self, selection: Selection, out_dir: Path) -> Existing | None:
        """Ask what to do with the documents of an earlier export of this statement in
        ``out_dir``, if any: replace them, keep both, or cancel (``None``)."""
        _ = self.gettext
        earlier = self.session.earlier_documents(selection, out_dir, self.chosen_formats())
        if not earlier:
            return Existing.REFUSE  # nothing to refuse
        box = QMessageBox(
            QMessageBox.Icon.Question,
            _(N_("Export")),
            _(
                N_(
                    "{folder} already holds {count} of these documents from an earlier "
                    "export of this statement. Replace them, or keep them and write the new "
                    "ones beside them?"
                )
            ).format(folder=out_dir, count=len(earlier)),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setDetailedText("\n".join(path.name for path in earlier))
        replace = box.addButton(_(N_("Replace")), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(_(N_("Keep both")), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(keep)
        box.exec()
        if box.clickedButton() is replace:
            return Existing.REPLACE
        if box.clickedButton() is keep:
            return Existing.KEEP_BOTH
        return None

    def export(self) -> None:
        _ = self.gettext
        selection = self.selection()
        folder = self.folder.text().strip()
        formats = self.chosen_formats()
        if not formats:
            QMessageBox.warning(
                self, _(N_("Export")), _(N_("Choose at least one format: Word or PDF."))
            )
            return
        if not selection.documents or not selection.languages or not folder:
            QMessageBox.warning(
                self,
                _(N_("Export")),
                _(N_("Choose at least one document, one language and a folder.")),
            )
            return
        drafts = selection.of(self.session.incident)
        if not drafts.count:  # e.g. the ICO's notification, French only: say why
            reasons = why_none(self.session.incident, drafts, source=self.session.source)
            QMessageBox.warning(
                self,
                _(N_("Export")),
                "\n".join(self.wording.line(reason) for reason in reasons),
            )
            return
        out_dir = Path(folder)
        reference = self.reference.text().strip() if DocumentFormat.DOCX in formats else ""
        final = self.final.isChecked()
        try:
            existing = self._what_of_earlier(selection, out_dir)
            if existing is None:
                return  # the user cancelled: nothing written
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # PDFs take a moment
            try:
                exported = self.session.export(
                    selection,
                    out_dir,
                    final=final,
                    now=datetime.now(UTC) if final else None,
                    reference_docx=Path(reference) if reference else None,
                    existing=existing,
                    formats=formats,
                    mark=self.chosen_mark(),
                )
            finally:
                QGuiApplication.restoreOverrideCursor()
            if final:  # the session's incident now records what was issued
                self.recorded = self.session.incident
            self.written = [document.path for document in exported]
        except CrisisDraftError as error:
            QMessageBox.critical(self, _(N_("Export failed")), self.wording.error(error))
            return
        # Documents, not files: a Word document and its PDF are one; a notification to
        # two regulators of one language is two (one file each).
        written = len(
            {
                (d.draft.info.document, d.draft.info.language, d.draft.info.recipient)
                for d in exported
            }
        )
        done = _(DONE_MESSAGES[formats]).format(count=written, folder=out_dir)
        notes = [self.wording.line(note) for note in self.session.letterhead_notes]
        if notes:  # what was dropped from the reference document, one line each
            done += "\n\n" + "\n".join(f"• {note}" for note in notes)
        answer = QMessageBox.information(
            self,
            _(N_("Export done")),
            done,
            QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Close,
        )
        if answer == QMessageBox.StandardButton.Open:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(out_dir)))
        self.accept()
