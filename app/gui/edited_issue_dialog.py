"""Issue an edited document: a Word document others edited, read back, checked and
shown with its edits from the app's draft, recorded as issued once the lead names who
approved the edited text and clicks Issue.

The reading, the checks and the record are the session's
(:mod:`app.session.edited_issue`); this dialog shows what they found and asks. A check
that fails keeps Issue disabled until the lead ticks "Issue despite these problems",
knowingly: the record then keeps the problems the document went out with.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.errors import CrisisDraftError
from app.facts.languages import LANGUAGE_NAMES
from app.facts.vocabulary import Language
from app.gui.accessibility import dialog_ready
from app.gui.approver_fields import ApproverFields
from app.gui.date_entry import DateTimeEntry
from app.gui.diff_view import show_diff
from app.gui.texts import N_, Gettext
from app.gui.time_fields import date_time_format, fit_format
from app.gui.window_state import fit_to_screen
from app.gui.wrapping_label import WrappingLabel
from app.interface_text.names import DOCUMENT_NAMES
from app.interface_text.problem_text import ProblemWording
from app.session.edited_issue import EditedIssue
from app.session.incident_session import IncidentSession
from app.templates.documents import DocumentKind

if TYPE_CHECKING:
    from app.facts.models import Incident

TITLE = N_("Issue an edited document")
#: How long the time may rest before the checks run again as of it (a date typed
#: part by part is not checked at every digit).
RECHECK_AFTER_MS = 400


class EditedIssueDialog(QDialog):
    """``issue`` (read by ``session`` from ``issue.path`` as of ``at``) shown for the
    lead to issue. Choosing another document, language or time reads the file again
    as that one. After Issue, ``recorded`` is the session's incident with the
    statement in its record (the caller saves it)."""

    def __init__(
        self,
        parent: QWidget | None,
        session: IncidentSession,
        issue: EditedIssue,
        at: datetime,
        gettext: Gettext,
        *,
        language: str = "en",
        documents: Sequence[DocumentKind] = (),
        recent: list[tuple[str, str]] | None = None,
    ) -> None:
        """``language``: the interface's; ``documents``: those the incident needs
        (the issue's own is offered too); ``recent``: (name, role) of the latest
        approvers, latest first, offered as the name is typed."""
        super().__init__(parent)
        _ = gettext
        self.gettext = gettext
        self.session = session
        self.issue: EditedIssue | None = issue
        self.recorded: Incident | None = None
        self.wording = ProblemWording(gettext, language, session.source)
        self._read_at = at
        self.setWindowTitle(_(TITLE))
        layout = QVBoxLayout(self)
        intro = WrappingLabel()
        intro.setText(
            _(
                N_(
                    "What goes out is the text of this Word document: it is checked against "
                    "the facts and the other documents, compared with the app's draft, and "
                    "recorded as issued when you click Issue. Nothing is recorded before."
                )
            )
        )
        layout.addWidget(intro)
        form = QFormLayout()
        self.file = QLineEdit(str(issue.path))
        self.file.setReadOnly(True)
        self.file.setAccessibleName(_(N_("Word document")))
        form.addRow(_(N_("Word document")), self.file)
        self.document = QComboBox()
        self.document.setAccessibleName(_(N_("Document")))
        shown = issue.app_draft.info.document
        for document in dict.fromkeys([*documents, shown]):  # the needed ones, in order
            self.document.addItem(_(DOCUMENT_NAMES[document]), document)
        self.document.setCurrentIndex(self.document.findData(shown))
        self.language = QComboBox()
        self.language.setAccessibleName(_(N_("Language")))
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(_(name), code)
        self.language.setCurrentIndex(self.language.findData(issue.app_draft.info.language))
        choice = QHBoxLayout()
        choice.addWidget(self.document, 1)
        choice.addWidget(self.language)
        form.addRow(_(N_("Document")), choice)
        self.time = DateTimeEntry()
        self.time.setAccessibleName(_(N_("Issued at")))
        self.time.setCalendarPopup(True)
        self.time.setDisplayFormat(date_time_format())
        fit_format(self.time)
        self._show_time(at)
        now = QPushButton(_(N_("Now")))
        now.clicked.connect(lambda: self._show_time(datetime.now(self.session.incident.zone)))
        time_row = QHBoxLayout()
        time_row.addWidget(self.time)
        time_row.addWidget(now)
        time_row.addStretch(1)
        form.addRow(_(N_("Issued at")), time_row)
        layout.addLayout(form)
        layout.addWidget(self._findings(), 1)
        self.draft_approval = WrappingLabel()
        layout.addWidget(self.draft_approval)
        layout.addLayout(self._approver_form(recent or []))
        self.despite = QCheckBox(_(N_("Issue despite these problems")))
        self.despite.setToolTip(
            _(
                N_(
                    "The document goes out as it is; the record keeps the problems it was "
                    "issued with."
                )
            )
        )
        layout.addWidget(self.despite)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.issue_button = buttons.addButton(
            _(N_("Issue")), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.accepted.connect(self.issue_it)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._recheck = QTimer(self)
        self._recheck.setSingleShot(True)
        self._recheck.setInterval(RECHECK_AFTER_MS)
        self._recheck.timeout.connect(self.read_again)
        self.document.currentIndexChanged.connect(self.read_again)
        self.language.currentIndexChanged.connect(self.read_again)
        self.time.dateTimeChanged.connect(self._recheck.start)
        self.despite.toggled.connect(self._enable)
        self.name.textChanged.connect(self._enable)
        self.role.textChanged.connect(self._enable)
        self._show(issue)
        fit_to_screen(self, 1000, 680)
        dialog_ready(self)  # Alt+letters for the captions, the boxes and the buttons

    def _findings(self) -> QWidget:
        """The checks' problems beside the edits from the app's draft."""
        _ = self.gettext
        checks = QWidget()
        checks_layout = QVBoxLayout(checks)
        checks_layout.setContentsMargins(0, 0, 0, 0)
        self.checks_title = WrappingLabel()
        self.problems = QListWidget()
        self.problems.setAccessibleName(_(N_("Problems the checks found")))
        self.problems.setWordWrap(True)  # a long problem reads in full, never sideways
        # Two problems of several lines each read apart, by a rule under each: a spacing
        # between items makes Qt wrap them wider than it paints them (their last line
        # was cut short, "…"); a style sheet's padding is counted in their height.
        self.problems.setStyleSheet(
            "QListWidget::item { padding: 3px 0px; border-bottom: 1px solid palette(mid); }"
        )
        self.problems.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.problems.setResizeMode(QListView.ResizeMode.Adjust)  # rewrapped at each width
        checks_layout.addWidget(self.checks_title)
        checks_layout.addWidget(self.problems, 1)
        changes = QWidget()
        changes_layout = QVBoxLayout(changes)
        changes_layout.setContentsMargins(0, 0, 0, 0)
        self.changes_title = WrappingLabel()
        self.changes = QTextBrowser()
        self.changes.setAccessibleName(_(N_("Changes from the app's draft")))
        changes_layout.addWidget(self.changes_title)
        changes_layout.addWidget(self.changes, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(checks)
        splitter.addWidget(changes)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        return splitter

    def _approver_form(self, recent: list[tuple[str, str]]) -> QFormLayout:
        """Who approved the edited text, offered from those who approved lately (as
        the Approve dialog offers them: nobody is filled in for the lead)."""
        form = QFormLayout()
        self.approver_fields = ApproverFields(
            form, self.gettext, recent, N_("Edited text approved by"), self
        )
        self.name, self.role = self.approver_fields.name, self.approver_fields.role
        return form

    # ----- what the file says
    def _show_time(self, when: datetime) -> None:
        local = self.session.incident.local(when)
        day = QDate(local.year, local.month, local.day)
        self.time.setDateTime(QDateTime(day, QTime(local.hour, local.minute)))

    def at(self) -> datetime:
        """The time in the box, in the organisation's zone."""
        shown = self.time.dateTime()
        day, clock = shown.date(), shown.time()
        return datetime(
            day.year(),
            day.month(),
            day.day(),
            clock.hour(),
            clock.minute(),
            tzinfo=self.session.incident.zone,
        )

    def chosen_document(self) -> DocumentKind:
        return DocumentKind(self.document.currentData())

    def chosen_language(self) -> Language:
        code: Language = self.language.currentData()
        return code

    def read_again(self) -> None:
        """Read the file as the document, language and time now chosen; a refusal is
        shown in place of the changes, and Issue stays disabled."""
        self._recheck.stop()
        at = self.at()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # drafts may render
        try:
            issue = self.session.read_edited(
                Path(self.file.text()), self.chosen_document(), self.chosen_language(), at
            )
        except CrisisDraftError as error:
            self.issue = None
            self._show_refusal(self.wording.error(error))
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._read_at = at
        self._show(issue)

    def _show(self, issue: EditedIssue) -> None:
        _ = self.gettext
        self.issue = issue
        self.problems.clear()
        # named by the draft they are in, as the preview's list names them: the file is
        # the one shown above
        wording = ProblemWording(self.gettext, self.wording.language, issue.path.name)
        for problem in issue.problems:
            mark = "ℹ " if problem.informational else "⚠ " if not problem.blocking else ""
            self.problems.addItem(QListWidgetItem(mark + wording.line(problem)))
        self.problems.setEnabled(True)
        self.checks_title.setText(self._checks_summary(issue))
        if issue.edited_words:
            self.changes_title.setText(
                _(N_("Words changed from the app's draft: {count}")).format(
                    count=issue.edited_words
                )
            )
        else:
            self.changes_title.setText(_(N_("The text is the app's draft, unchanged.")))
        show_diff(self.changes, issue.changes)
        approval = issue.draft_approval
        self.draft_approval.setVisible(approval is not None)
        if approval is not None:
            self.draft_approval.setText(
                _(
                    N_(
                        "{name} ({role}) approved the app's draft: that approval does not "
                        "cover the edits made in Word. Name who approved the edited text."
                    )
                ).format(name=approval.approver.name, role=approval.approver.role)
            )
        self.despite.setVisible(bool(issue.blocking))
        if not issue.blocking:
            self.despite.setChecked(False)
        self._enable()

    def _checks_summary(self, issue: EditedIssue) -> str:
        _ = self.gettext
        if not issue.problems:
            return _(N_("Checks: no problem found."))
        warnings = [problem for problem in issue.problems if not problem.blocking]
        parts = []
        if issue.blocking:
            parts.append(_(N_("To fix before issuing: {count}")).format(count=len(issue.blocking)))
        if warnings:
            parts.append(_(N_("Warnings: {count}")).format(count=len(warnings)))
        return " · ".join(parts)

    def _show_refusal(self, message: str) -> None:
        _ = self.gettext
        self.problems.clear()
        self.problems.addItem(QListWidgetItem(message))
        self.checks_title.setText(_(N_("Cannot be issued as the document and language chosen:")))
        self.changes_title.setText("")
        self.changes.clear()
        self.draft_approval.setVisible(False)
        self.despite.setVisible(False)
        self._enable()

    def _enable(self) -> None:
        issue = self.issue
        named = self.approver_fields.filled()
        allowed = issue is not None and (not issue.blocking or self.despite.isChecked())
        self.issue_button.setEnabled(named and allowed)

    # ----- issuing
    def issue_it(self) -> None:
        """Record the document as issued (the dialog closes) or say why not (it stays
        open, nothing recorded)."""
        _ = self.gettext
        if self.at() != self._read_at or self._recheck.isActive():
            self.read_again()  # the checks are of the time the statement goes out
            if not self.issue_button.isEnabled():
                return
        issue = self.issue
        if issue is None:
            return
        try:
            approver = self.approver_fields.approver()
            wording = ProblemWording(self.gettext, self.wording.language, issue.path.name)
            self.recorded = self.session.issue_edited(
                issue,
                approver,
                self._read_at,
                despite=self.despite.isChecked(),
                worded=wording.line,  # as the lead read them, in the app's language
            )
        except CrisisDraftError as error:
            QMessageBox.warning(self, _(TITLE), self.wording.error(error))
            return
        self.accept()

    def problem_lines(self) -> list[str]:
        """The problems as listed, for a reader of the dialog."""
        return [self.problems.item(row).text() for row in range(self.problems.count())]
