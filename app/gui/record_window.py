"""The incident's record: the timeline picture, the statements issued (those that came
back from Word marked, with the edits made there), a comparison of any two of them (word
by word, like tracked changes, and fact by fact, exported as a Word redline), and what
is new in the facts since the last statement."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.gui.comparison_export import comparable, export_comparison
from app.gui.diff_view import show_diff
from app.gui.mnemonics import literal
from app.gui.texts import N_, Gettext
from app.gui.timeline_view import TimelineView
from app.gui.window_state import fit_to_screen
from app.gui.word_edits_view import WordEditsView, edited_mark
from app.interface_text.names import document_name, language_name, moment
from app.record.timeline import timeline_lanes
from app.session.incident_session import IncidentSession
from app.session.record_view import UNREADABLE_FACTS, unreadable_facts


class RecordWindow(QDialog):
    """The record of ``session``'s incident as it stood when the window opened: its
    timeline and comparisons are the session's, as the command line prints them."""

    def __init__(
        self,
        parent: QWidget | None,
        session: IncidentSession,
        gettext: Gettext,
        language: str = "en",
        now: datetime | None = None,
    ) -> None:
        super().__init__(parent)
        _ = gettext
        self.gettext = gettext
        self.language = language  # of the interface: how times are written
        self.session = session
        self.incident = incident = session.incident
        self.setWindowTitle(_(N_("Record and timeline")))
        fit_to_screen(self, 1400, 800)
        self.tabs = QTabWidget()
        self.timeline = TimelineView(gettext, language)
        now = now or datetime.now(UTC)
        events = session.timeline(now)
        # a lane per audience the incident needs, and per document already issued
        self.timeline.show_events(events, now, incident.zone, timeline_lanes(incident, events))
        self.timeline.canvas.statement_chosen.connect(self.show_statement)
        self.tabs.addTab(self.timeline, _(N_("Timeline")))
        self.history = self._history()
        self.tabs.addTab(self.history, _(N_("Statements issued")))
        self.tabs.addTab(self._compare(), _(N_("Compare")))
        self.tabs.addTab(self._whats_new(), _(N_("What is new")))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

    def _label(self, index: int) -> str:
        statement = self.incident.record.issued[index]
        local = self.incident.local(statement.issued_at)
        to = f" → {', '.join(statement.recipients)}" if statement.recipients else ""
        return (
            f"{index + 1}. {moment(local, self.language)} · "
            f"{document_name(statement.document, self.gettext)} "
            f"({language_name(statement.language, self.gettext)}){to}"
        )

    def _history(self) -> QWidget:
        _ = self.gettext
        issued = self.incident.record.issued
        headers = [
            N_("Issued"),
            N_("Document"),
            N_("Language"),
            N_("Template"),
            N_("Approved by"),
            N_("Edited in Word"),
            N_("File"),
        ]
        table = QTableWidget(len(issued), len(headers))
        table.setHorizontalHeaderLabels([_(header) for header in headers])
        table.setAccessibleName(_(N_("Statements issued")))
        for row, statement in enumerate(issued):
            values = [
                moment(self.incident.local(statement.issued_at), self.language),
                document_name(statement.document, _),
                language_name(statement.language, _),
                f"{statement.template_id} v{statement.template_version}",
                f"{statement.approver.name} ({statement.approver.role})",
                edited_mark(statement, _),
                statement.file_name,
            ]
            for column, value in enumerate(values):
                table.setItem(row, column, QTableWidgetItem(value))
        table.resizeColumnsToContents()
        table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.history_table = table
        self.statement_text = QTextBrowser()
        self.statement_text.setAccessibleName(_(N_("Text of the statement")))
        self.statement_text.setPlaceholderText(_(N_("Choose a statement to read it as issued.")))
        table.itemSelectionChanged.connect(self._show_chosen_text)
        self.word_edits = WordEditsView(_)  # shown for a statement that came back from Word
        texts = QSplitter(Qt.Orientation.Horizontal)
        texts.addWidget(self.statement_text)
        texts.addWidget(self.word_edits)
        texts.setChildrenCollapsible(False)
        texts.setSizes([600, 600])  # the text as issued and its edits, side by side
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(table)
        splitter.addWidget(texts)
        splitter.setSizes([350, 450])
        return splitter

    def show_statement(self, documents: list[int]) -> None:
        """Open the statement whose documents sit at ``documents`` in the record (the
        languages issued together): their rows chosen in the history, the first one's
        text shown under it."""
        if not documents:
            return
        table = self.history_table
        model = table.model()
        chosen = QItemSelection()
        for row in documents:
            chosen.select(model.index(row, 0), model.index(row, model.columnCount() - 1))
        flags = QItemSelectionModel.SelectionFlag
        table.selectionModel().select(chosen, flags.ClearAndSelect)
        issued = self.incident.record.issued
        in_language = [row for row in documents if issued[row].language == self.language]
        first = (in_language or documents)[0]
        table.scrollTo(model.index(first, 0))
        self.tabs.setCurrentWidget(self.history)
        self._show_text(first)

    def _show_chosen_text(self) -> None:
        rows = sorted({index.row() for index in self.history_table.selectedIndexes()})
        if rows:
            self._show_text(rows[0])

    def _show_text(self, index: int) -> None:
        statement = self.incident.record.issued[index]
        self.statement_text.setPlainText(f"{self._label(index)}\n\n{statement.text}")
        self.word_edits.show_statement(statement)

    def _compare(self) -> QWidget:
        _ = self.gettext
        box = QWidget()
        self.first = QComboBox()
        self.second = QComboBox()
        self.first.setAccessibleName(_(N_("Earlier statement")))
        self.second.setAccessibleName(_(N_("Later statement")))
        for index in range(len(self.incident.record.issued)):
            self.first.addItem(self._label(index), index)
            self.second.addItem(self._label(index), index)
        self.diff_view = QTextBrowser()
        self.diff_view.setAccessibleName(_(N_("Words changed between the two statements")))
        self.fact_changes = QListWidget()
        self.fact_changes.setAccessibleName(_(N_("Facts that changed")))
        choose = QHBoxLayout()
        choose.addWidget(QLabel(_(N_("Compare"))))
        choose.addWidget(self.first, 1)
        choose.addWidget(QLabel(_(N_("with"))))
        choose.addWidget(self.second, 1)
        # "&" is a letter's mark for Qt: doubled, so that it reads as written.
        self.privileged = QCheckBox(
            literal(_(N_("Mark for legal review (privileged & confidential)")))
        )
        self.export_button = QPushButton(_(N_("Export comparison as Word…")))
        self.export_button.clicked.connect(self.export_comparison)
        export_row = QHBoxLayout()
        export_row.addStretch(1)
        export_row.addWidget(self.privileged)
        export_row.addWidget(self.export_button)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.diff_view)
        splitter.addWidget(self.fact_changes)
        splitter.setSizes([900, 400])
        layout = QVBoxLayout(box)
        layout.addLayout(choose)
        layout.addWidget(splitter, 1)
        layout.addLayout(export_row)
        self.first.currentIndexChanged.connect(self.show_comparison)
        self.second.currentIndexChanged.connect(self.show_comparison)
        if self.second.count():
            self.second.setCurrentIndex(self.second.count() - 1)
        self.show_comparison()
        return box

    def compare(self, first: int, second: int) -> None:
        self.first.setCurrentIndex(first)
        self.second.setCurrentIndex(second)
        self.show_comparison()

    def _chosen(self) -> tuple[int, int]:
        """The two statements compared, counted from 1 as ``history`` counts them."""
        return int(self.first.currentData() or 0) + 1, int(self.second.currentData() or 0) + 1

    def show_comparison(self) -> None:
        _ = self.gettext
        issued = self.incident.record.issued
        first, second = self._chosen()
        same_document = comparable(self.session, first, second)
        self.export_button.setEnabled(same_document)
        self.export_button.setToolTip(
            _(N_("The two statements, their differences as Word's tracked changes"))
            if same_document
            else _(
                N_(
                    "A comparison in Word is of one document in one language: choose two "
                    "statements of the same document and language"
                )
            )
        )
        if not issued:
            self.diff_view.setPlainText(_(N_("No statement has been issued yet.")))
            return
        comparison = self.session.compare_issued(first, second)
        show_diff(self.diff_view, comparison.text)  # its first change in sight
        self.fact_changes.clear()
        for number in comparison.unreadable:
            self.fact_changes.addItem(self.gettext(UNREADABLE_FACTS).format(number=number))
        for change in comparison.facts:
            self.fact_changes.addItem(f"{change.path}: {change.before} → {change.after}")

    def export_comparison(self) -> None:
        """Write the two statements compared as a Word redline, where the lead says."""
        first, second = self._chosen()
        export_comparison(
            self,
            self.session,
            first,
            second,
            self.gettext,
            language=self.language,
            privileged=self.privileged.isChecked(),
        )

    def _whats_new(self) -> QWidget:
        _ = self.gettext
        changes = QListWidget()
        changes.setAccessibleName(_(N_("What is new since the last statement")))
        found = self.session.changes_since_last_statement()
        issued = self.incident.record.issued
        last = max(issued, key=lambda statement: statement.issued_at, default=None)
        number = issued.index(last) + 1 if last is not None else 0
        if found is None:
            changes.addItem(_(N_("No statement has been issued yet.")))
        elif number in unreadable_facts(self.incident):
            changes.addItem(
                _(
                    N_(
                        "The facts recorded with statement {number} cannot be read (the file was "
                        "changed by hand), so they cannot be compared with today's."
                    )
                ).format(number=number)
            )
        else:
            for change in found:
                changes.addItem(f"{change.path}: {change.before} → {change.after}")
            if not found:
                changes.addItem(_(N_("Nothing has changed since the last statement.")))
        self.whats_new = changes
        return changes
