"""The main window: steps down the side, the step's form, the live preview, and the
interface language. The work behind its menus and buttons is done by the action objects
it builds: files (with locks and recovery), record, template library, export. A Word
document dropped on it is one brought back to issue (Record › Issue an edited document).

It is built in two parts so that it paints at once. The constructor builds what the
first paint shows, from the facts as read, without the models, the templates or the
export: the menu bar's titles, the step list, the first step's form and the preview's
frame, each where it will stay. :meth:`MainWindow.finish_loading` builds the rest (the
other steps, the drafts, the actions behind the menus) once the renderer has loaded."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMainWindow,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.gui.documents_field import PATH as DOCUMENTS_PATH
from app.gui.dropped_files import WordDocumentDrops
from app.gui.incident_model import IncidentModel
from app.gui.menus import add_menu_bar, fill_menus, show_about
from app.gui.mnemonics import assign_window_mnemonics
from app.gui.preview import PreviewPane
from app.gui.qt_language import QtLanguage
from app.gui.row_marks import show_row_problems
from app.gui.step_list import StepList
from app.gui.step_outline import STEPS, steps_needed
from app.gui.step_pages import STEP_BUILDERS, StepPage, first_step
from app.gui.texts import N_, TextRegistry
from app.gui.window_state import restore_layout, save_layout
from app.interface_text.translator import Translator
from app.session.problem_set import Problems
from app.templates.documents import DocumentKind

CLOSE_RETRY_MS = 100  # a close asked for while the window is still loading

if TYPE_CHECKING:
    from app.drafts.render import DraftRenderer
    from app.gui.background import BackgroundWork
    from app.gui.export_actions import ExportActions
    from app.gui.file_actions import FileActions
    from app.gui.help_window import HelpActions
    from app.gui.library_actions import LibraryActions
    from app.gui.qa_answers import DraftedAnswers
    from app.gui.record_actions import RecordActions
    from app.gui.review_page import ReviewPage
    from app.gui.session_feed import SessionFeed
    from app.gui.short_text_drafts import DraftedShortTexts
    from app.gui.spelling import SpellingChecks
    from app.session.edited_file import EditedFile


class MainWindow(QMainWindow):
    """The one window of an open incident: steps, form, preview, language. The work
    behind its menus and buttons is done by ``files``, ``record``, ``library`` and
    ``exports`` (callers and tests drive those directly), which exist once
    :meth:`finish_loading` has run (``loaded``)."""

    #: Emitted once :meth:`finish_loading` has built the rest of the window.
    finished_loading = Signal()

    background: BackgroundWork
    sessions: SessionFeed
    qa_answers: DraftedAnswers
    short_texts: DraftedShortTexts
    spelling: SpellingChecks
    review: ReviewPage
    files: FileActions
    record: RecordActions
    library: LibraryActions
    exports: ExportActions
    help: HelpActions

    def __init__(
        self,
        model: IncidentModel,
        translator: Translator,
        settings: QSettings,
        edited: EditedFile,
        example: Path,
        user_library: Path,
    ) -> None:
        super().__init__()
        self.model = model
        self.translator = translator
        self.settings = settings
        self.edited = edited
        self.example = example
        self.user_library = user_library
        self.loaded = False
        self.texts = TextRegistry()
        self.qt_language = QtLanguage(self)  # Qt's own buttons and dialogs
        self.problems = Problems()

        first_page = first_step(model)
        self.pages: list[StepPage] = [first_page]
        self.steps = StepList(STEPS)
        self.texts.add(self.steps.setAccessibleName, N_("Steps"))
        self.stack = QStackedWidget()
        self.stack.addWidget(first_page)
        for _later in range(len(STEPS)):  # the other steps and the review, built later
            self.stack.addWidget(QWidget())
        self.back_button = QPushButton()
        self.next_button = QPushButton()
        self.texts.add(self.back_button.setText, N_("‹ Back"))
        self.texts.add(self.next_button.setText, N_("Next ›"))
        navigation = QHBoxLayout()
        navigation.addWidget(self.back_button)
        navigation.addStretch(1)
        navigation.addWidget(self.next_button)
        centre = QWidget()
        centre_layout = QVBoxLayout(centre)
        centre_layout.addWidget(self.stack, 1)
        centre_layout.addLayout(navigation)
        self.preview = PreviewPane(model)
        self.splitter = QSplitter()  # side by side (Qt's namespace loads after the paint)
        self.splitter.addWidget(self.steps)
        self.splitter.addWidget(centre)
        self.splitter.addWidget(self.preview)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 3)
        self.splitter.setSizes([270, 700, 530])
        self.setCentralWidget(self.splitter)
        self.menus = add_menu_bar(self, self.texts)
        self.steps.show_needed(steps_needed(model.value(DOCUMENTS_PATH)))
        self.steps.setCurrentRow(0)
        self._update_navigation(0)
        model.state_changed.connect(self._update_title)
        self.retranslate()
        restore_layout(self, self.splitter, self.settings)

    def finish_loading(self, renderer: DraftRenderer) -> None:
        """Build what the first paint did not need, rendering with ``renderer``: the
        other steps, the drafts and their problems, the actions behind the menus."""
        # Loaded here, after the first paint: these bring the models, the templates and
        # the export with them.
        from app.gui.background import BackgroundWork
        from app.gui.export_actions import ExportActions
        from app.gui.file_actions import FileActions
        from app.gui.help_window import HelpActions
        from app.gui.library_actions import LibraryActions
        from app.gui.new_incident import NewIncidentDefaults
        from app.gui.qa_answers import DraftedAnswers
        from app.gui.qa_step import QaStep
        from app.gui.record_actions import RecordActions
        from app.gui.review_page import ReviewPage
        from app.gui.session_feed import SessionFeed
        from app.gui.set_change import SetChangeQuestion
        from app.gui.short_text_drafts import DraftedShortTexts
        from app.gui.short_texts_step import ShortTextsStep
        from app.gui.spelling import SpellingChecks

        model, settings, current = self.model, self.settings, self._current_translator
        self.background = BackgroundWork()  # renders, so that the window never waits
        self.background.setParent(self)
        # the one session of this incident
        self.sessions = SessionFeed(model, renderer, self.background)
        self.qa_answers = DraftedAnswers(model, self.sessions, lambda: self.preview.template_set)
        self.pages[0].make_keyboard_ready()
        self.pages += [build(model) for build in STEP_BUILDERS[1:]]
        qa_step = QaStep(self.qa_answers, lambda: self.translator.language)
        self.pages.append(qa_step)
        self.short_texts = DraftedShortTexts(
            model, self.sessions, lambda: self.preview.template_set
        )
        short_texts_step = ShortTextsStep(self.short_texts, lambda: self.translator.language)
        self.pages.append(short_texts_step)
        # the lead's texts underlined as they are typed (dictionaries load in the background)
        self.spelling = SpellingChecks(model, current, self)
        self.spelling.watch(self.pages)
        self.review = ReviewPage(self.texts)
        for index, widget in enumerate([*self.pages[1:], self.review], start=1):
            placeholder = self.stack.widget(index)
            if placeholder is not None:
                self.stack.removeWidget(placeholder)
                placeholder.deleteLater()
            self.stack.insertWidget(index, widget)
        self.steps.set_pages(self.pages)
        self.back_button.clicked.connect(lambda: self.step_by(-1))
        self.next_button.clicked.connect(lambda: self.step_by(1))
        self.preview.attach(self.sessions)

        defaults = NewIncidentDefaults(settings, model)
        self.files = FileActions(
            self, model, current, settings, self.edited, defaults, self.example
        )
        self.record = RecordActions(
            self,
            model,
            self.sessions,
            self.preview,
            current,
            self.review.approvals,
            self.files.save,
        )
        self.library = LibraryActions(
            self, model, self.sessions, self.preview, current, self.user_library
        )
        self.exports = ExportActions(
            self,
            model,
            self.sessions,
            self.preview,
            current,
            settings,
            self.record.keep_final_export,
        )
        self.help = HelpActions(self, current, self.stack.currentIndex)
        # changing the set by hand asks first when it withdraws approvals
        self.preview.chooser.check_changes_with(SetChangeQuestion(self, self.sessions, current))
        self.preview.chooser.chosen.connect(short_texts_step.follow_drafts)  # another set's texts
        self.preview.chooser.chosen.connect(qa_step.follow_drafts)  # and answers
        self.files.blank_started.connect(self._blank_started)
        self.steps.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.stack.currentChanged.connect(self._step_shown)
        self.preview.problems_changed.connect(self._problems_changed)
        self.preview.problem_activated.connect(self.go_to_field)
        self.preview.record_timer.timeout.connect(self._review_pause)
        self.review.export_button.clicked.connect(self.exports.export)
        self.review.copy_button.clicked.connect(self.exports.copy_draft)
        self.review.approve_button.clicked.connect(self.record.approve)
        self.review.record_button.clicked.connect(self.record.open_record)
        model.changed.connect(lambda _path: self._show_needed_steps())
        model.reset.connect(self.steps.start_filled)
        WordDocumentDrops(self, self.record.edited_issues.open)  # brought back, to issue

        fill_menus(
            self.menus,
            self,
            self.texts,
            self.files,
            self.exports,
            self.library,
            self.record,
            step_by=self.step_by,
            set_language=self.set_language,
            about=self.about,
            help_actions=self.help,
        )
        self.loaded = True
        self._show_needed_steps()
        self.retranslate()
        self.stack.setCurrentIndex(self.steps.currentRow())  # a step chosen meanwhile
        self._step_shown(self.stack.currentIndex())
        self._problems_changed(self.preview.shown_problems())
        self.finished_loading.emit()

    @property
    def renderer(self) -> DraftRenderer:
        """The renderer of the libraries as last read: the preview's, approvals', exports'."""
        return self.sessions.renderer

    def _current_translator(self) -> Translator:
        return self.translator

    # ----- language
    def set_language(self, code: str) -> None:
        self.translator = Translator(code)
        self.settings.setValue("language", code)
        self.retranslate()

    def retranslate(self) -> None:
        gettext = self.translator.gettext
        self.qt_language.use(self.translator.language, gettext)
        self.texts.apply(gettext)
        for page in self.pages:
            page.retranslate(gettext, names=self.loaded)  # names: not for the first paint
        self.preview.retranslate(gettext, self.translator.language)
        for action in self.menus.language.actions():
            action.setChecked(action.data() == self.translator.language)
        steps: list[QWidget] = [*self.pages]
        if self.loaded:
            steps.append(self.review)
            self.help.retranslate()
        # Alt+letter: menus, Back/Next, then each step's
        assign_window_mnemonics(self.menuBar(), [self.back_button, self.next_button], steps)
        self._refresh_step_list()
        self._update_title()

    # ----- steps
    def go_to_step(self, index: int) -> None:
        if 0 <= index < self.stack.count():
            self.steps.setCurrentRow(index)

    def step_by(self, offset: int) -> None:
        """The next (1) or previous (-1) step the incident needs."""
        self.go_to_step(self.steps.shown_step(self.stack.currentIndex(), offset))

    def _show_needed_steps(self) -> None:
        """Show the steps the incident needs (the Q&A step with the Q&A only)."""
        incident, _problems = self.model.validated()
        if incident is None:
            return  # keep the steps as they were until the facts can be read again
        if self.steps.show_needed([page.needed(incident) for page in self.pages]):
            self._step_shown(self.stack.currentIndex())

    def _step_shown(self, index: int) -> None:
        self._update_navigation(index)
        self.steps.visit(index)
        self._refresh_step_list()
        page = self.stack.widget(index)
        if isinstance(page, StepPage) and page.document is not None:
            self._preview_document(page.document)
        if self.stack.widget(index) is self.review:
            self.record.refresh_approvals()

    def _update_navigation(self, index: int) -> None:
        self.back_button.setEnabled(self.steps.shown_step(index, -1) >= 0)
        self.next_button.setEnabled(self.steps.shown_step(index, 1) >= 0)

    def _review_pause(self) -> None:
        if self.stack.currentWidget() is self.review:
            self.record.refresh_approvals()

    def _preview_document(self, document: DocumentKind) -> None:
        """Show ``document`` in the preview, if the preview lists it."""
        documents = self.preview.documents
        for row in range(documents.count()):
            if documents.itemData(row) == document:
                documents.setCurrentIndex(row)
                return

    def go_to_field(self, path: str) -> None:
        for index, page in enumerate(self.pages):
            if page.owns_field(path):
                self.go_to_step(index)
                page.focus_field(path)
                return

    def _problems_changed(self, problems: Problems) -> None:
        self.problems = problems
        self._refresh_step_list()

    def _refresh_step_list(self) -> None:
        gettext = self.translator.gettext
        self.steps.show_marks(list(self.problems.found), gettext)
        if not self.loaded:
            return
        self.review.show_problems(self.problems, gettext)
        for page in self.pages:
            for rows in page.rows:
                show_row_problems(rows, self.problems.found, gettext)

    def _blank_started(self) -> None:
        self.go_to_step(0)
        self.steps.start_blank()
        self._refresh_step_list()

    def _update_title(self) -> None:
        _ = self.translator.gettext
        name = self.model.path.name if self.model.path else _(N_("Untitled incident"))
        self.setWindowTitle(f"{name}[*] — CrisisDraft")
        self.setWindowModified(self.model.dirty)

    # ----- what the menus ask of the window itself
    def about(self) -> None:
        show_about(self, self.translator.gettext)

    # ----- closing
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if not self.loaded:  # closed within its first moment: nothing can be unsaved yet,
            if self.model.dirty:  # unless typed meanwhile: asked about once loaded
                event.ignore()
                QTimer.singleShot(CLOSE_RETRY_MS, self.close)
                return
            self.qt_language.release()
            event.accept()
            return
        if not self.files.confirm_discard():
            event.ignore()
            return
        self.files.closing()
        self.background.close()  # a render under way ends by itself, unwaited for
        self.spelling.close()
        self.help.close()
        self.qt_language.release()
        save_layout(self, self.splitter, self.settings)
        event.accept()
