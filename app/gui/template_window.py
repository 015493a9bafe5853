"""The template library window: every template with where it comes from and whether it
is in force, an editor with syntax colours whose draft follows the typing, the facts a
template can use, duplicating, saving to a shared folder, and packs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QFont, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStyle,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.drafts.render import fact_schema
from app.errors import CrisisDraftError
from app.export.marks import draft_mark
from app.export.preview_html import draft_to_html
from app.gui.accessibility import dialog_ready
from app.gui.jinja_highlighter import JinjaHighlighter
from app.gui.session_feed import SessionFeed
from app.gui.texts import N_, Gettext
from app.gui.theme import preview_colours, show_as_alert
from app.gui.window_state import fit_to_screen
from app.interface_text.error_text import error_text
from app.templates.documents import DocumentKind
from app.templates.library import LibraryKind, TemplateInfo, TemplateLibrary
from app.templates.library_edits import duplicate_template, save_template_copy, save_template_text
from app.templates.metadata import TemplateSet
from app.templates.template_packs import (
    apply_import,
    plan_import,
    read_template_pack,
    write_template_pack,
)

PREVIEW_DELAY_MS = 250
TRIAL_CHANNEL = "template trial"  # the background job of the template being edited
LIBRARY_NAMES = {
    LibraryKind.BUILT_IN: N_("built-in"),
    LibraryKind.USER: N_("my library"),
    LibraryKind.SHARED: N_("shared"),
    LibraryKind.COMMAND_LINE: N_("command line"),
}


def fact_names(schema: Any, prefix: str = "") -> list[str]:
    """``organisation.name``, ``sites`` ... every name a template can read."""
    names: list[str] = []
    if isinstance(schema, dict):
        for key, value in schema.items():
            path = f"{prefix}.{key}" if prefix else key
            names.append(path)
            if isinstance(value, dict):
                names += fact_names(value, path)
    return names


class TemplateWindow(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        sessions: SessionFeed,
        gettext: Gettext,
        user_library: Path,
        on_library_changed: Callable[[], TemplateLibrary],
        ui_language: str = "en",
    ) -> None:
        super().__init__(parent)
        _ = gettext
        self.gettext = gettext
        self.ui_language = ui_language
        self.rows: list[TemplateInfo] = []
        self.sessions = sessions
        self.library = sessions.renderer.library
        self.user_library = user_library
        self.on_library_changed = on_library_changed
        self.current: TemplateInfo | None = None
        self.setWindowTitle(_(N_("Template library")))
        fit_to_screen(self, 1400, 850)

        self.templates = QListWidget()
        self.templates.setAccessibleName(_(N_("Templates")))
        self.templates.currentRowChanged.connect(self._show_template)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.editor = QPlainTextEdit()
        self.editor.setAccessibleName(_(N_("Template text")))
        self.editor.setFont(QFont("monospace"))
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.highlighter = JinjaHighlighter(self.editor)
        self.errors = QLabel()
        self.errors.setWordWrap(True)
        show_as_alert(self.errors)
        self.preview = QTextBrowser()
        self.preview.setAccessibleName(_(N_("Draft from this template")))
        self.facts = QListWidget()
        self.facts.setAccessibleName(_(N_("Facts (double-click to insert)")))
        self.facts.addItems(fact_names(fact_schema()))
        self.facts.itemDoubleClicked.connect(self._insert_fact)

        self.save_button = QPushButton(_(N_("Save")))
        self.duplicate_button = QPushButton(_(N_("Duplicate to my library")))
        self.shared_button = QPushButton(_(N_("Save to shared library…")))
        self.export_pack_button = QPushButton(_(N_("Export pack…")))
        self.import_pack_button = QPushButton(_(N_("Import pack…")))
        self.save_button.clicked.connect(self.save)
        self.duplicate_button.clicked.connect(self.duplicate)
        self.shared_button.clicked.connect(self.save_to_shared)
        self.export_pack_button.clicked.connect(self.export_pack)
        self.import_pack_button.clicked.connect(self.import_pack)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.templates, 3)
        left_layout.addWidget(self.details)
        for button in (self.export_pack_button, self.import_pack_button):
            left_layout.addWidget(button)
        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        middle_layout.addWidget(self.editor, 1)
        middle_layout.addWidget(self.errors)
        buttons = QHBoxLayout()
        for button in (self.save_button, self.duplicate_button, self.shared_button):
            buttons.addWidget(button)
        middle_layout.addLayout(buttons)
        facts_box = QWidget()
        facts_layout = QVBoxLayout(facts_box)
        facts_label = QLabel(_(N_("Facts (double-click to insert)")))
        facts_layout.addWidget(facts_label)
        facts_layout.addWidget(self.facts)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.preview)
        right.addWidget(facts_box)
        right.setSizes([600, 250])
        splitter = QSplitter(Qt.Orientation.Horizontal)
        for widget in (left, middle, right):
            splitter.addWidget(widget)
        splitter.setSizes([380, 560, 460])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(PREVIEW_DELAY_MS)
        self.timer.timeout.connect(self.refresh_preview)
        self.editor.textChanged.connect(self.timer.start)
        sessions.background.finished.connect(self._trial_done)
        self._fill_list()
        dialog_ready(self)  # Alt+letters for its buttons

    # ----- list
    def _fill_list(self, select: Path | None = None) -> None:
        _ = self.gettext
        style = self.style()
        self.templates.blockSignals(True)
        self.templates.clear()
        sets = list(TemplateSet)
        documents = list(DocumentKind)
        self.rows = sorted(
            self.library.templates,
            key=lambda t: (
                sets.index(t.meta.phase),
                documents.index(t.meta.document),
                t.meta.language,
            ),
        )
        for template in self.rows:
            meta = template.meta
            where = _(LIBRARY_NAMES[template.library.kind])
            name = meta.name(self.ui_language)
            item = QListWidgetItem(f"{name} ({meta.language.upper()}) · {where}")
            if not template.usable:
                icon = QStyle.StandardPixmap.SP_MessageBoxCritical
            elif self.library.overridden_by(template) is not None:
                icon = QStyle.StandardPixmap.SP_ArrowDown
            else:
                icon = QStyle.StandardPixmap.SP_DialogApplyButton
            item.setIcon(style.standardIcon(icon))
            self.templates.addItem(item)
        self.templates.blockSignals(False)
        paths = [t.path for t in self.rows]
        self.templates.setCurrentRow(paths.index(select) if select in paths else 0)

    def select(self, template_id: str, language: str, kind: LibraryKind | None = None) -> None:
        for row, template in enumerate(self.rows):
            if (template.meta.id, template.meta.language) == (template_id, language) and (
                kind is None or template.library.kind is kind
            ):
                self.templates.setCurrentRow(row)
                return

    def _show_template(self, row: int) -> None:
        if not 0 <= row < len(self.rows):
            return
        _ = self.gettext
        template = self.rows[row]
        self.current = template
        lines = [str(template.path)]
        if not template.usable:
            lines += [
                _(N_("Cannot be used:")) + f" {fault.translated(_)}" for fault in template.faults
            ]
        elif (winner := self.library.overridden_by(template)) is not None:
            lines.append(_(N_("Not in force: overridden by {path}")).format(path=winner.path))
        else:
            lines.append(_(N_("In force")))
        missing = self.library.unpaired(template)
        if missing:
            lines.append(_(N_("No version in: {languages}")).format(languages=", ".join(missing)))
        if template.meta.description:
            lines.append(template.meta.description)
        self.details.setText("\n".join(lines))
        self.editor.setPlainText(template.path.read_text(encoding="utf-8"))
        self.editor.setReadOnly(template.library.read_only)
        self.save_button.setEnabled(not template.library.read_only)
        self.refresh_preview()

    # ----- editing
    def _insert_fact(self, item: QListWidgetItem) -> None:
        if self.editor.isReadOnly():
            return
        self.editor.textCursor().insertText("{{ " + item.text() + " }}")
        self.editor.moveCursor(QTextCursor.MoveOperation.NoMove)
        self.editor.setFocus()

    def refresh_preview(self) -> None:
        """Render the current incident with the text in the editor, saved or not."""
        self.timer.stop()
        template = self.current
        if template is None:
            return
        session = self.sessions.current()
        if session is None:
            self.errors.setText(self.gettext(N_("The incident's facts cannot be read yet.")))
            return
        source = self.editor.toPlainText()
        key = (id(session), session.version, id(self.sessions.renderer), template.path, source)
        trial = self.sessions.background.ask(
            TRIAL_CHANNEL, key, lambda: session.trial_draft(template, source)
        )
        if trial.cancelled():
            return
        if not trial.done():  # a slow template: the window answers meanwhile
            self.errors.setText(self.gettext(N_("Drafting… a template is taking its time.")))
            return
        try:
            draft = trial.result()
        except CrisisDraftError as error:
            self.errors.setText(error_text(error, self.gettext))
            return
        self.errors.setText("")
        scroll = self.preview.verticalScrollBar().value()
        colours = preview_colours(self.palette())  # the theme's: parent first to hear of it
        self.preview.setHtml(draft_to_html(draft, draft_mark=draft_mark(draft), colours=colours))
        self.preview.verticalScrollBar().setValue(scroll)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        """The theme changed (light to dark): draw the draft again in its colours."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.isVisible():
            self.refresh_preview()

    def _trial_done(self, channel: str) -> None:
        if channel == TRIAL_CHANNEL and self.isVisible():
            self.refresh_preview()

    def _reload(self, select: Path | None) -> None:
        self.library = self.on_library_changed()
        self._fill_list(select)

    def save(self) -> None:
        if self.current is None:
            return
        try:
            save_template_text(self.current, self.editor.toPlainText())
        except (CrisisDraftError, OSError) as error:
            QMessageBox.critical(
                self, self.gettext(N_("Cannot save")), error_text(error, self.gettext)
            )
            return
        self._reload(self.current.path)

    def duplicate(self) -> None:
        if self.current is None:
            return
        try:
            copy = duplicate_template(self.current, self.user_library)
        except OSError as error:
            QMessageBox.critical(
                self, self.gettext(N_("Cannot save")), error_text(error, self.gettext)
            )
            return
        self._reload(copy)

    def save_to_shared(self) -> None:
        _ = self.gettext
        if self.current is None:
            return
        shared = [f.path for f in self.library.folders if f.kind is LibraryKind.SHARED]
        if not shared:
            QMessageBox.information(
                self,
                _(N_("Shared libraries")),
                _(N_("No shared library is set: add a team folder in Templates › Preferences.")),
            )
            return
        folder = shared[0]
        if len(shared) > 1:
            choice, ok = QInputDialog.getItem(
                self,
                _(N_("Shared libraries")),
                _(N_("Save to:")),
                [str(f) for f in shared],
                0,
                False,
            )
            if not ok:
                return
            folder = Path(choice)
        try:
            copy = save_template_copy(self.current, self.editor.toPlainText(), folder)
        except OSError as error:
            QMessageBox.critical(self, _(N_("Cannot save")), error_text(error, _))
            return
        self._reload(copy)

    # ----- packs
    def export_pack(self) -> None:
        _ = self.gettext
        if self.current is None:
            return
        phase = self.current.meta.phase
        chosen = [
            self.library.in_force(t.meta.id, t.meta.language)
            for t in self.library.templates
            if t.meta.phase is phase
        ]
        templates = list(dict.fromkeys(t for t in chosen if t is not None))
        file, _filter = QFileDialog.getSaveFileName(
            self, _(N_("Export pack…")), f"crisisdraft-{phase.value}.zip", "Zip (*.zip)"
        )
        if file:
            try:
                write_template_pack(templates, Path(file), phase.value)
            except OSError as error:
                QMessageBox.critical(self, _(N_("Cannot save")), error_text(error, _))

    def import_pack(self) -> None:
        _ = self.gettext
        file, _filter = QFileDialog.getOpenFileName(self, _(N_("Import pack…")), "", "Zip (*.zip)")
        if not file:
            return
        try:
            steps = plan_import(read_template_pack(Path(file)), self.user_library)
        except CrisisDraftError as error:
            QMessageBox.critical(self, _(N_("Import pack…")), error_text(error, _))
            return
        listing = "\n".join(
            ("↻ " + _(N_("replaces")) if step.replaces else "+ " + _(N_("adds")))
            + f"  {step.entry.relative}"
            for step in steps
        )
        answer = QMessageBox.question(
            self,
            _(N_("Import pack…")),
            _(N_("Import into my library ({folder})?")).format(folder=self.user_library)
            + "\n\n"
            + listing,
            QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Ok:
            return
        try:
            written = apply_import(steps, self.user_library)
        except (CrisisDraftError, OSError) as error:
            QMessageBox.critical(self, _(N_("Import pack…")), error_text(error, _))
            return
        self._reload(written[0] if written else None)
