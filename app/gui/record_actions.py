"""The Record menu's work: approving the drafts as they read, the count of drafts
approved as they stand, the record and timeline window, keeping the record of a final
export, and issuing a Word document edited outside the app (:mod:`app.gui.edited_issues`)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from app.errors import CrisisDraftError
from app.gui.approve_dialog import ApproveDialog
from app.gui.edited_issues import EditedIssues
from app.gui.incident_model import IncidentModel
from app.gui.preview import PreviewPane
from app.gui.readiness import ready_or_say
from app.gui.record_window import RecordWindow
from app.gui.session_feed import ALL_DRAFTS_CHANNEL, SessionFeed
from app.gui.texts import N_
from app.interface_text.problem_text import ProblemWording
from app.interface_text.translator import Translator
from app.session.preferences import Preferences
from app.session.selection import Selection
from app.templates.documents import documents_of

if TYPE_CHECKING:
    from app.facts.models import Incident


class RecordActions:
    """Approves and records the drafts of ``model`` in the set ``preview`` shows,
    through the window's session (``sessions``: the drafts it has rendered); shows the
    approval count in ``approvals``; dialogs and windows are parented to ``parent``, in
    the language ``translator()`` gives at the time."""

    def __init__(
        self,
        parent: QWidget,
        model: IncidentModel,
        sessions: SessionFeed,
        preview: PreviewPane,
        translator: Callable[[], Translator],
        approvals: QLabel,
        save: Callable[[], bool],
    ) -> None:
        self.parent = parent
        self.model = model
        self.sessions = sessions
        self.preview = preview
        self.translator = translator
        self.approvals = approvals
        self.save = save
        self.record_window: RecordWindow | None = None  # the one last opened
        #: Record › Issue an edited document…, and Word documents dropped on the window.
        self.edited_issues = EditedIssues(
            parent, model, sessions, translator, save, show_issued=self.show_issued
        )
        sessions.background.finished.connect(self._drafts_ready)

    def _drafts_ready(self, channel: str) -> None:
        if channel == ALL_DRAFTS_CHANNEL and self.approvals.isVisible():
            self.refresh_approvals()

    def refresh_approvals(self) -> None:
        """How many drafts are approved as they stand. It renders all six drafts, so it
        runs when the Review step is shown, after approving, and after a pause in the
        typing while the Review step is open: never on a keystroke."""
        self.approvals.setText(self._approval_summary())

    def _approval_summary(self) -> str:
        _ = self.translator().gettext
        session = self.sessions.current()
        if session is None or not session.incident.record.approvals:
            return _(N_("No draft is approved yet."))
        every_draft = Selection(template_set=self.preview.template_set)
        if not self.sessions.prepare(ALL_DRAFTS_CHANNEL, session, every_draft):
            return _(N_("Checking the approvals…"))  # counted when the drafts are ready
        approved = session.approved(every_draft)
        # of the drafts of the documents the incident needs
        total = every_draft.of(session.incident).count
        return _(N_("Approved as they stand: {count} of {total} drafts.")).format(
            count=len(approved), total=total
        )

    def approve(self) -> None:
        _ = self.translator().gettext
        session = ready_or_say(
            self.parent, self.sessions, self.preview.template_set, _(N_("Approve drafts")), _
        )
        if session is None:
            return
        documents = documents_of(session.incident)  # the documents the lead chose
        dialog = ApproveDialog(self.parent, _, Preferences.load().approvers, documents)
        if not dialog.exec():
            return
        chosen = Selection(
            tuple(dialog.chosen_languages()),
            tuple(dialog.chosen_documents()),
            self.preview.template_set,
        )
        try:
            approver = dialog.approver()
        except CrisisDraftError as error:
            wording = ProblemWording(_, self.translator().language, session.source)
            QMessageBox.warning(self.parent, _(N_("Approve drafts")), wording.error(error))
            return
        approved = session.approve(chosen, approver, datetime.now(UTC))
        self.model.set_value("record", approved.record.model_dump(mode="json"))
        self.refresh_approvals()

    def open_record(self) -> RecordWindow | None:
        """The record window as the record stands, in place of one opened before (a
        window shows the record as it was when it opened)."""
        session = self.sessions.current()
        if session is None:
            return None
        if self.record_window is not None:
            self.record_window.close()
        translator = self.translator()
        window = RecordWindow(self.parent, session, translator.gettext, translator.language)
        window.show()
        self.record_window = window
        return window

    def show_issued(self, positions: list[int]) -> RecordWindow | None:
        """The record window opened on the statements just issued, at ``positions``
        of the record (what went out is what the record now holds)."""
        window = self.open_record()
        if window is not None:
            window.show_statement(positions)
        return window

    def keep_final_export(self, recorded: Incident) -> None:
        """A final export was written: its record (what was issued) must be kept."""
        self.model.set_value("record", recorded.record.model_dump(mode="json"))
        self.save()
