"""The last step of the wizard: what is left to fix, and the way out (approve, export,
copy, the record)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from app.gui.problem_summary import problem_summary
from app.gui.texts import N_, Gettext, TextRegistry
from app.session.problem_set import Problems


class ReviewPage(QWidget):
    """The last step: what is left to fix, and the way out (export, copy)."""

    def __init__(self, texts: TextRegistry) -> None:
        super().__init__()
        heading = QLabel()
        heading.setStyleSheet("font-size: 15pt; font-weight: bold;")
        texts.add(heading.setText, N_("Review and export"))
        intro = QLabel()
        intro.setWordWrap(True)
        texts.add(
            intro.setText,
            N_(
                "Read each draft in the preview, in both languages. Export writes all the "
                "chosen documents or none; Copy puts the visible draft on the clipboard."
            ),
        )
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.export_button = QPushButton()
        texts.add(self.export_button.setText, N_("Export Word documents…"))
        self.copy_button = QPushButton()
        texts.add(self.copy_button.setText, N_("Copy the visible draft"))
        self.approve_button = QPushButton()
        texts.add(self.approve_button.setText, N_("Approve drafts…"))
        self.record_button = QPushButton()
        texts.add(self.record_button.setText, N_("Record and timeline…"))
        self.approvals = QLabel()
        self.approvals.setWordWrap(True)
        layout = QVBoxLayout(self)
        for widget in (
            heading,
            intro,
            self.summary,
            self.approve_button,
            self.approvals,
            self.export_button,
            self.copy_button,
            self.record_button,
        ):
            layout.addWidget(widget)
        layout.addStretch(1)

    def show_problems(self, problems: Problems, _: Gettext) -> None:
        """Say how many problems block the export, and offer it only when none does."""
        self.summary.setText(problem_summary(problems, _))
        self.export_button.setEnabled(not problems.blocks_export)
