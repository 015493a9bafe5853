"""The main window: steps down the side, the step's form, the live preview; files,
export, autosave to a recovery file, and the interface language."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QByteArray, QMimeData, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app import __version__
from app.drafts.render import DraftRenderer, open_library
from app.errors import CrisisDraftError, Problem
from app.export.pack import ExportRequest
from app.export.preview_html import draft_to_html
from app.facts import editing
from app.files import file_lock
from app.files.user_folders import template_cache_folder
from app.gui.approve_dialog import ApproveDialog
from app.gui.export_dialog import ExportDialog
from app.gui.i18n import Translator
from app.gui.incident_model import IncidentModel
from app.gui.new_incident import NewIncidentDefaults
from app.gui.preferences_dialog import PreferencesDialog
from app.gui.preview import PreviewPane
from app.gui.record_window import RecordWindow
from app.gui.step_list import StepList
from app.gui.step_pages import STEP_BUILDERS, StepPage
from app.gui.template_window import TemplateWindow
from app.gui.texts import N_, TextRegistry
from app.record.approval import approval_for
from app.record.workflow import approve_drafts, current_drafts
from app.session.preferences import Preferences
from app.session.recovery import RecoveryStore
from app.templates.documents import DocumentKind
from app.templates.library import TemplateLibrary

AUTOSAVE_IDLE_MS = 2000
MAX_RECENT = 8
FILE_FILTER = N_("Incident files (*.crisis.json *.json)")


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


class MainWindow(QMainWindow):
    def __init__(
        self,
        model: IncidentModel,
        renderer: DraftRenderer,
        translator: Translator,
        settings: QSettings,
        recovery: RecoveryStore,
        example: Path,
        user_library: Path,
    ) -> None:
        super().__init__()
        self.user_library = user_library
        self.template_window: TemplateWindow | None = None
        self._held: Path | None = None  # the incident file this window has locked
        self.model = model
        self.renderer = renderer
        self.translator = translator
        self.settings = settings
        self.recovery = recovery
        self.example = example
        self.texts = TextRegistry()
        self.problems: list[Problem] = []

        self.pages: list[StepPage] = [build(model) for build in STEP_BUILDERS]
        self.review = ReviewPage(self.texts)
        self.steps = StepList(self.pages)
        self.texts.add(self.steps.setAccessibleName, N_("Steps"))
        self.defaults = NewIncidentDefaults(settings, model)
        self.stack = QStackedWidget()
        for page in self.pages:
            self.stack.addWidget(page)
        self.stack.addWidget(self.review)
        self.back_button = QPushButton()
        self.next_button = QPushButton()
        self.texts.add(self.back_button.setText, N_("‹ Back"))
        self.texts.add(self.next_button.setText, N_("Next ›"))
        self.back_button.clicked.connect(lambda: self.go_to_step(self.stack.currentIndex() - 1))
        self.next_button.clicked.connect(lambda: self.go_to_step(self.stack.currentIndex() + 1))
        navigation = QHBoxLayout()
        navigation.addWidget(self.back_button)
        navigation.addStretch(1)
        navigation.addWidget(self.next_button)
        centre = QWidget()
        centre_layout = QVBoxLayout(centre)
        centre_layout.addWidget(self.stack, 1)
        centre_layout.addLayout(navigation)
        self.preview = PreviewPane(model, renderer)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.steps)
        self.splitter.addWidget(centre)
        self.splitter.addWidget(self.preview)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 3)
        self.splitter.setSizes([270, 700, 530])
        self.setCentralWidget(self.splitter)

        self.steps.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.stack.currentChanged.connect(self._step_shown)
        self.preview.problems_changed.connect(self._problems_changed)
        self.preview.problem_activated.connect(self.go_to_field)
        self.preview.record_timer.timeout.connect(self._review_pause)
        self.review.export_button.clicked.connect(self.export)
        self.review.copy_button.clicked.connect(self.copy_draft)
        self.review.approve_button.clicked.connect(self.approve)
        self.review.record_button.clicked.connect(self.open_record)
        model.state_changed.connect(self._update_title)
        model.reset.connect(self.steps.start_filled)
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setSingleShot(True)
        self.autosave_timer.setInterval(AUTOSAVE_IDLE_MS)
        self.autosave_timer.timeout.connect(self.autosave)
        model.changed.connect(lambda _path: self.autosave_timer.start())

        self._build_menus()
        self.retranslate()
        self.steps.setCurrentRow(0)
        self._step_shown(0)
        self._problems_changed(self.preview.problems_list())
        self._restore_layout()
        self._update_title()

    # ----- menus and language
    def _action(
        self,
        menu: QMenu,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        action = QAction(self)
        self.texts.add(action.setText, text)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        files = bar.addMenu("")
        self.texts.add(files.setTitle, N_("&File"))
        self._action(files, N_("&New blank incident"), self.new_blank, QKeySequence.StandardKey.New)
        self._action(files, N_("New from the &example"), self.new_from_example)
        self._action(files, N_("&Open…"), self.open_dialog, QKeySequence.StandardKey.Open)
        self.recent_menu = files.addMenu("")
        self.texts.add(self.recent_menu.setTitle, N_("Open &recent"))
        self._action(files, N_("&Save"), self.save, QKeySequence.StandardKey.Save)
        self._action(files, N_("Save &as…"), self.save_as, QKeySequence.StandardKey.SaveAs)
        files.addSeparator()
        self._action(files, N_("&Export Word documents…"), self.export, "Ctrl+E")
        self._action(files, N_("&Copy the visible draft"), self.copy_draft, "Ctrl+Shift+C")
        files.addSeparator()
        self._action(files, N_("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        steps = bar.addMenu("")
        self.texts.add(steps.setTitle, N_("&Steps"))
        self._action(
            steps,
            N_("&Next step"),
            lambda: self.go_to_step(self.stack.currentIndex() + 1),
            "Ctrl+PgDown",
        )
        self._action(
            steps,
            N_("&Previous step"),
            lambda: self.go_to_step(self.stack.currentIndex() - 1),
            "Ctrl+PgUp",
        )
        language = bar.addMenu("")
        self.texts.add(language.setTitle, N_("&Language"))
        for code, name in (("en", "English"), ("fr", "Français")):
            action = QAction(name, self)
            action.setCheckable(True)
            action.setData(code)
            action.triggered.connect(lambda _checked=False, c=code: self.set_language(c))
            language.addAction(action)
        self.language_menu = language
        templates = bar.addMenu("")
        self.texts.add(templates.setTitle, N_("&Templates"))
        self._action(templates, N_("Template &library…"), self.open_template_library, "Ctrl+T")
        self._action(templates, N_("&Preferences…"), self.open_preferences)
        record = bar.addMenu("")
        self.texts.add(record.setTitle, N_("&Record"))
        self._action(record, N_("&Approve drafts…"), self.approve, "Ctrl+Shift+A")
        self._action(record, N_("Record and &timeline…"), self.open_record, "Ctrl+R")
        help_menu = bar.addMenu("")
        self.texts.add(help_menu.setTitle, N_("&Help"))
        self._action(help_menu, N_("&About CrisisDraft"), self.about)
        self._rebuild_recent()

    def set_language(self, code: str) -> None:
        self.translator = Translator(code)
        self.settings.setValue("language", code)
        self.retranslate()

    def retranslate(self) -> None:
        gettext = self.translator.gettext
        self.texts.apply(gettext)
        for page in self.pages:
            page.retranslate(gettext)
        self.preview.retranslate(gettext)
        for action in self.language_menu.actions():
            action.setChecked(action.data() == self.translator.language)
        self._refresh_step_list()
        self._update_title()

    # ----- steps
    def go_to_step(self, index: int) -> None:
        if 0 <= index < self.stack.count():
            self.steps.setCurrentRow(index)

    def _step_shown(self, index: int) -> None:
        self.back_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < self.stack.count() - 1)
        self.steps.visit(index)
        self._refresh_step_list()
        if self.stack.widget(index) is self.review:
            self.refresh_approvals()

    def go_to_field(self, path: str) -> None:
        for index, page in enumerate(self.pages):
            if page.owns_field(path):
                self.go_to_step(index)
                page.focus_field(path)
                return

    def _problems_changed(self, problems: list[Problem]) -> None:
        self.problems = problems
        self._refresh_step_list()

    def _refresh_step_list(self) -> None:
        _ = self.translator.gettext
        self.steps.show_marks(self.problems, _)
        blocking = [problem for problem in self.problems if problem.blocking]
        self.review.summary.setText(
            _(N_("No problems: the drafts are ready to export."))
            if not blocking
            else _(N_("Problems to fix before export: {count}")).format(count=len(blocking))
        )
        self.review.export_button.setEnabled(not blocking)

    # ----- files
    def _update_title(self) -> None:
        _ = self.translator.gettext
        name = self.model.path.name if self.model.path else _(N_("Untitled incident"))
        self.setWindowTitle(f"{name}[*] — CrisisDraft")
        self.setWindowModified(self.model.dirty)

    def confirm_discard(self) -> bool:
        """True when there is no unsaved work, or the user saved or chose to discard it."""
        if not self.model.dirty:
            return True
        _ = self.translator.gettext
        answer = QMessageBox.question(
            self,
            _(N_("Unsaved changes")),
            _(N_("This incident has changes that are not saved. Save them first?")),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def new_blank(self) -> None:
        if self.confirm_discard():
            self._release_held()
            self.model.replace(self.defaults.blank(), None)
            self.go_to_step(0)
            self.steps.start_blank()
            self._refresh_step_list()

    def new_from_example(self) -> None:
        if self.confirm_discard():
            self._release_held()
            self.model.replace(editing.read_incident_data(self.example), None, dirty=True)

    def _release_held(self) -> None:
        if self._held is not None:
            file_lock.release(self._held)
            self._held = None

    def open_dialog(self) -> None:
        _ = self.translator.gettext
        if not self.confirm_discard():
            return
        file, _filter = QFileDialog.getOpenFileName(
            self, _(N_("Open incident")), "", _(FILE_FILTER)
        )
        if file:
            self.open_file(Path(file), confirmed=True)

    def open_file(self, path: Path, *, confirmed: bool = False) -> bool:
        if not confirmed and not self.confirm_discard():
            return False
        try:
            data = editing.read_incident_data(path)
        except CrisisDraftError as error:
            _ = self.translator.gettext
            QMessageBox.critical(self, _(N_("Cannot open the incident")), str(error))
            return False
        if not self.claim(path):
            return False
        self.model.replace(data, path)
        self._remember_recent(path)
        return True

    def claim(self, path: Path) -> bool:
        """Hold ``path`` for this window; if another window or person holds it, ask."""
        other = file_lock.holder(path)
        if other is not None:
            _ = self.translator.gettext
            answer = QMessageBox.question(
                self,
                _(N_("Incident already open")),
                _(
                    N_(
                        "{file} is already open by {holder}. If you both save, the last save "
                        "wins and the other's changes are lost. Open it anyway?"
                    )
                ).format(file=path.name, holder=other),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        if self._held is not None and self._held != path:
            file_lock.release(self._held)
        file_lock.acquire(path)
        self._held = path
        return True

    def save(self) -> bool:
        if self.model.path is None:
            return self.save_as()
        return self._write(self.model.path)

    def save_as(self) -> bool:
        _ = self.translator.gettext
        suggested = str(self.model.path or Path.home() / "incident.crisis.json")
        file, _filter = QFileDialog.getSaveFileName(
            self, _(N_("Save incident")), suggested, _(FILE_FILTER)
        )
        if not file:
            return False
        path = Path(file)
        if not path.name.endswith(".json"):
            path = path.with_name(path.name + ".crisis.json")
        return self._write(path)

    def _write(self, path: Path) -> bool:
        try:
            editing.save_incident_data(path, self.model.data())
        except OSError as error:
            _ = self.translator.gettext
            QMessageBox.critical(
                self,
                _(N_("Cannot save")),
                _(
                    N_(
                        "{file} cannot be written ({reason}). Your work is kept in the app; "
                        "save it somewhere else."
                    )
                ).format(file=path, reason=error.strerror or error),
            )
            return False
        if path != self._held:
            self.claim(path)
        self.model.mark_saved(path)
        self.recovery.clear()
        self._remember_recent(path)
        return True

    def autosave(self) -> None:
        if self.model.dirty:
            self.recovery.save(self.model.data(), self.model.path)

    def offer_recovery(self) -> None:
        """At start-up: bring back unsaved work left by a session that crashed."""
        left = self.recovery.left_over()
        if not left:
            return
        work = left[0]
        _ = self.translator.gettext
        name = work.source.name if work.source else _(N_("an untitled incident"))
        answer = QMessageBox.question(
            self,
            _(N_("Recover unsaved work?")),
            _(
                N_("CrisisDraft was closed without saving work on {name} ({time}). Restore it?")
            ).format(name=name, time=work.saved_at.astimezone().strftime("%Y-%m-%d %H:%M")),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.model.replace(work.data, work.source, dirty=True)
            self.recovery.save(work.data, work.source)
        for item in left:
            item.file.unlink(missing_ok=True)

    def _remember_recent(self, path: Path) -> None:
        recent = [str(path)] + [p for p in self._recent() if p != str(path)]
        self.settings.setValue("recent", recent[:MAX_RECENT])
        self._rebuild_recent()

    def _recent(self) -> list[str]:
        value = self.settings.value("recent", [])
        if isinstance(value, str):
            return [value]
        return [str(item) for item in value] if isinstance(value, list) else []

    def _rebuild_recent(self) -> None:
        self.recent_menu.clear()
        for file in self._recent():
            action = self.recent_menu.addAction(file)
            action.triggered.connect(lambda _checked=False, f=file: self.open_file(Path(f)))
        self.recent_menu.setEnabled(bool(self._recent()))

    # ----- record
    def refresh_approvals(self) -> None:
        """How many drafts are approved as they stand. It renders all six drafts, so it
        runs when the Review step is shown, after approving, and after a pause in the
        typing while the Review step is open: never on a keystroke."""
        self.review.approvals.setText(self._approval_summary())

    def _review_pause(self) -> None:
        if self.stack.currentWidget() is self.review:
            self.refresh_approvals()

    def _approval_summary(self) -> str:
        _ = self.translator.gettext
        incident, _problems = self.model.validated()
        if incident is None or not incident.record.approvals:
            return _(N_("No draft is approved yet."))
        drafts = current_drafts(
            incident, self.renderer, ["en", "fr"], list(DocumentKind), self.preview.template_set
        )
        approved = [key for key, draft in drafts.items() if approval_for(incident, draft)]
        return _(N_("Approved as they stand: {count} of {total} drafts.")).format(
            count=len(approved), total=len(drafts)
        )

    def approve(self) -> None:
        _ = self.translator.gettext
        incident, _problems = self.model.validated()
        if incident is None or any(problem.blocking for problem in self.problems):
            QMessageBox.warning(
                self,
                _(N_("Approve drafts")),
                _(N_("Fix the problems listed under the preview first.")),
            )
            return
        dialog = ApproveDialog(self, _)
        if not dialog.exec():
            return
        request = ExportRequest(
            Path(),
            dialog.chosen_languages(),
            dialog.chosen_documents(),
            template_set=self.preview.template_set,
        )
        approved = approve_drafts(
            incident, self.renderer, request, dialog.approver(), datetime.now(UTC)
        )
        self.model.set_value("record", approved.record.model_dump(mode="json"))
        self.refresh_approvals()

    def open_record(self) -> RecordWindow | None:
        incident, _problems = self.model.validated()
        if incident is None:
            return None
        window = RecordWindow(self, incident, self.translator.gettext)
        window.show()
        return window

    # ----- templates
    def reload_library(self) -> TemplateLibrary:
        """Read the libraries again (after an edit, an import, new preferences)."""
        library = open_library(
            user=self.user_library,
            shared=Preferences.load().shared_libraries,
            cache_folder=template_cache_folder(),
        )
        self.renderer = DraftRenderer(library)
        self.preview.renderer = self.renderer
        self.preview.refresh()
        return library

    def open_template_library(self) -> TemplateWindow:
        if self.template_window is None or not self.template_window.isVisible():
            self.template_window = TemplateWindow(
                self,
                self.renderer.library,
                self.model,
                self.translator.gettext,
                self.user_library,
                self.reload_library,
                self.translator.language,
            )
            # Opens on the template the preview shows: the set the facts call for (or the
            # one chosen by hand), the document and the first language on view.
            self.template_window.select(
                f"{self.preview.template_set.value}.{self.preview.document.value}",
                self.preview.languages()[0],
            )
        self.template_window.show()
        self.template_window.raise_()
        return self.template_window

    def open_preferences(self) -> None:
        preferences = Preferences.load()
        dialog = PreferencesDialog(self, preferences, self.user_library, self.translator.gettext)
        if dialog.exec():
            try:
                preferences.save()
            except OSError as error:
                QMessageBox.critical(self, self.translator.gettext(N_("Cannot save")), str(error))
                return
            self.reload_library()

    # ----- export and clipboard
    def export(self) -> None:
        _ = self.translator.gettext
        incident, _problems = self.model.validated()
        if incident is None or any(problem.blocking for problem in self.problems):
            QMessageBox.warning(
                self, _(N_("Export")), _(N_("Fix the problems listed under the preview first."))
            )
            return
        folder = Path(str(self.settings.value("export_folder", str(Path.home() / "CrisisDraft"))))
        dialog = ExportDialog(
            self,
            incident,
            self.renderer,
            _,
            folder,
            self.model.path.name if self.model.path else "incident",
            self.preview.template_set,
        )
        if dialog.exec() and dialog.written:
            self.settings.setValue("export_folder", str(dialog.written[0].parent))
            if dialog.recorded is not None:  # a final export: the record must be kept
                self.model.set_value("record", dialog.recorded.record.model_dump(mode="json"))
                self.save()

    def copy_draft(self) -> None:
        """The visible draft on the clipboard, as rich text and as plain text."""
        language = self.preview.languages()[0]
        draft = self.preview.drafts.get(language)
        if draft is None:
            return
        mime = QMimeData()
        mime.setHtml(draft_to_html(draft))
        mime.setText(draft.plain_text())
        QGuiApplication.clipboard().setMimeData(mime)
        self.statusBar().showMessage(
            self.translator.gettext(N_("Draft copied to the clipboard.")), 4000
        )

    def about(self) -> None:
        _ = self.translator.gettext
        QMessageBox.about(
            self,
            _(N_("About CrisisDraft")),
            _(
                N_("CrisisDraft {version}: the first hours of a crisis, in English and French.")
            ).format(version=__version__),
        )

    # ----- window state
    def _restore_layout(self) -> None:
        geometry = self.settings.value("geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1500, 900)
        splitter = self.settings.value("splitter")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if not self.confirm_discard():
            event.ignore()
            return
        self.autosave_timer.stop()
        self.recovery.clear()
        self._release_held()
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("splitter", self.splitter.saveState())
        self.settings.sync()
        event.accept()
