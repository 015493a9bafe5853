"""Record › Issue an edited document…, and a Word document dropped on the window: the
file chosen, read back as the document and language it most likely is, shown in the
:class:`~app.gui.edited_issue_dialog.EditedIssueDialog`; once issued, the record is
kept and saved as after a final export, and the record window shows the statement."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from app.errors import CrisisDraftError
from app.facts.vocabulary import LANGUAGES, Language
from app.gui.edited_issue_dialog import TITLE, EditedIssueDialog
from app.gui.incident_model import IncidentModel
from app.gui.session_feed import SessionFeed, this_minute
from app.gui.texts import N_
from app.interface_text.problem_text import ProblemWording
from app.interface_text.translator import Translator
from app.session.edited_guess import guess_edited
from app.session.edited_issue import EditedIssue
from app.session.incident_session import IncidentSession
from app.session.preferences import Preferences
from app.templates.documents import DocumentKind, documents_of


class EditedIssues:
    """Issues Word documents edited outside the app into the record of ``model``'s
    incident, through the window's session (``sessions``); ``save`` writes the
    incident file, ``show_issued`` opens the record on the statements at those
    positions of the record. Dialogs are parented to ``parent``, in the language
    ``translator()`` gives at the time."""

    def __init__(
        self,
        parent: QWidget,
        model: IncidentModel,
        sessions: SessionFeed,
        translator: Callable[[], Translator],
        save: Callable[[], bool],
        show_issued: Callable[[list[int]], object],
    ) -> None:
        self.parent = parent
        self.model = model
        self.sessions = sessions
        self.translator = translator
        self.save = save
        self.show_issued = show_issued

    def choose_file(self) -> None:
        """Ask for the Word document, then :meth:`open` it."""
        _ = self.translator().gettext
        folder = str(self.model.path.parent) if self.model.path else ""
        name, _filter = QFileDialog.getOpenFileName(
            self.parent, _(TITLE), folder, _(N_("Word documents (*.docx)"))
        )
        if name:
            self.open(Path(name))

    def open(self, path: Path) -> None:
        """Read ``path`` back and ask the lead to issue it; a file that cannot be issued
        as this incident's document is refused in a message, nothing recorded."""
        translator = self.translator()
        _ = translator.gettext
        session = self.sessions.current()
        if session is None:  # the facts as typed are not an incident yet
            QMessageBox.warning(
                self.parent, _(TITLE), _(N_("Fix the problems listed under the preview first."))
            )
            return
        documents = documents_of(session.incident)
        guess = guess_edited(path, documents)
        document = guess.document or documents[0]
        language = guess.language or _interface_or_english(translator.language)
        at = this_minute()
        try:
            issue = _read(session, path, document, language, at)
        except CrisisDraftError as error:
            wording = ProblemWording(_, translator.language, session.source)
            QMessageBox.warning(self.parent, _(TITLE), wording.error(error))
            return
        dialog = EditedIssueDialog(
            self.parent,
            session,
            issue,
            at,
            _,
            language=translator.language,
            documents=documents,
            recent=Preferences.load().approvers,
        )
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.recorded is None:
            return
        recorded = dialog.recorded
        self.model.set_value("record", recorded.record.model_dump(mode="json"))
        self.save()  # as after a final export: what went out is kept at once
        self.show_issued([len(recorded.record.issued) - 1])


def _read(
    session: IncidentSession, path: Path, document: DocumentKind, language: Language, at: datetime
) -> EditedIssue:
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # drafts may render
    try:
        return session.read_edited(path, document, language, at)
    finally:
        QGuiApplication.restoreOverrideCursor()


def _interface_or_english(language: str) -> Language:
    for known in LANGUAGES:
        if known == language:
            return known
    return "en"
