"""The way out of the app: the Word or PDF export (draft or final), the visible draft on
the clipboard or on paper (File › Print)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QMainWindow

from app.drafts.blocks import Draft
from app.export.naming import WORD_ONLY, DocumentFormat
from app.export.preview_html import draft_to_html
from app.gui.export_dialog import ExportDialog
from app.gui.incident_model import IncidentModel
from app.gui.preview import PreviewPane
from app.gui.printing import print_drafts
from app.gui.readiness import ready_or_say
from app.gui.session_feed import SessionFeed
from app.gui.texts import N_
from app.interface_text.translator import Translator

if TYPE_CHECKING:
    from app.facts.models import Incident


class ExportActions:
    """Exports the drafts of ``model`` in the set ``preview`` shows, through the
    window's session (``sessions``: its checks and its drafts), into the folder last used
    (kept in ``settings``); a final export's record goes to ``keep_record``. Dialogs and
    the status bar are ``window``'s, in the language ``translator()`` gives at the time."""

    def __init__(
        self,
        window: QMainWindow,
        model: IncidentModel,
        sessions: SessionFeed,
        preview: PreviewPane,
        translator: Callable[[], Translator],
        settings: QSettings,
        keep_record: Callable[[Incident], None],
    ) -> None:
        self.window = window
        self.model = model
        self.sessions = sessions
        self.preview = preview
        self.translator = translator
        self.settings = settings
        self.keep_record = keep_record

    def export(self) -> None:
        """The export dialog, Word documents ticked."""
        self._export(WORD_ONLY)

    def export_pdf(self) -> None:
        """The export dialog, PDF ticked (statements go on the website as PDFs)."""
        self._export((DocumentFormat.PDF,))

    def _export(self, formats: tuple[DocumentFormat, ...]) -> None:
        _ = self.translator().gettext
        session = ready_or_say(
            self.window, self.sessions, self.preview.template_set, _(N_("Export")), _
        )
        if session is None:
            return
        folder = Path(str(self.settings.value("export_folder", str(Path.home() / "CrisisDraft"))))
        dialog = ExportDialog(
            self.window,
            session.incident,
            self.sessions.renderer,
            _,
            folder,
            session.source,
            self.preview.template_set,
            session=session,
            language=self.translator().language,
            formats=formats,
        )
        if dialog.exec() and dialog.written:
            self.settings.setValue("export_folder", str(dialog.written[0].parent))
            if dialog.recorded is not None:  # a final export: the record must be kept
                self.keep_record(dialog.recorded)

    def shown_drafts(self) -> list[Draft] | None:
        """The drafts the preview shows (one, or both languages; a language it shows no
        draft in, for a template's fault or a text to an authority written to in the
        other, is left out), None while it still shows the facts as they were."""
        if self.preview.shown_revision != self.model.revision:
            return None
        drafts = [self.preview.drafts.get(language) for language in self.preview.languages()]
        return [draft for draft in drafts if draft is not None]

    def print_draft(self) -> None:
        """File › Print: what the preview shows, through the system's print dialog (a
        printer, or a PDF file), with the DRAFT mark and page numbers on every page."""
        _ = self.translator().gettext
        shown = self.shown_drafts()
        if not shown:
            why = N_("Nothing printed: the draft is still being written.")
            if shown is not None:
                why = N_("Nothing printed: the preview shows no draft.")
            self.window.statusBar().showMessage(_(why), 4000)
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(shown[0].headline)
        dialog = QPrintDialog(printer, self.window)
        dialog.setWindowTitle(_(N_("Print the draft")))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        pages = print_drafts(shown, printer)
        done = N_("Printed: {pages} page(s).") if pages else N_("The printer could not be used.")
        self.window.statusBar().showMessage(_(done).format(pages=pages), 6000)

    def copy_draft(self) -> None:
        """What the preview shows on the clipboard, as rich text and as plain text: the
        visible draft, or both languages one after the other when both are shown; not
        while the preview still shows the facts as they were (a template is drafting)."""
        _ = self.translator().gettext
        shown = self.shown_drafts()
        if not shown:
            why = N_("Nothing copied: the draft is still being written.")
            if shown is not None:
                why = N_("Nothing copied: the preview shows no draft.")
            self.window.statusBar().showMessage(_(why), 4000)
            return
        mime = QMimeData()
        mime.setHtml("<hr/>".join(draft_to_html(draft) for draft in shown))
        mime.setText("\n\n".join(draft.plain_text().rstrip("\n") for draft in shown) + "\n")
        QGuiApplication.clipboard().setMimeData(mime)
        copied = (
            N_("Draft copied to the clipboard.")
            if len(shown) == 1
            else N_("Both drafts copied to the clipboard, one after the other.")
        )
        self.window.statusBar().showMessage(_(copied), 4000)
