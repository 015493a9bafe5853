"""The live preview: a list of the documents the incident needs (step 1's choice,
followed as it changes), English, French or both side by side, drawn from the same
Draft the Word export writes. Re-rendering waits for a short pause in the
typing (debounced) and only the visible document is rendered. Drafts and problems are
the window's session's (its cache and ``session.problems``); the pane only shows them.
Drafts are rendered in the background (:mod:`app.gui.background`): a template that
takes its time leaves the window answering, the pane saying it is drafting."""

from __future__ import annotations

import importlib
import time
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.errors import CrisisDraftError, Problem
from app.facts.languages import LANGUAGE_NAMES
from app.facts.vocabulary import LANGUAGES, Language
from app.gui.documents_field import PATH as DOCUMENTS_PATH, chosen_documents
from app.gui.draft_view import DraftView
from app.gui.incident_model import IncidentModel
from app.gui.problem_summary import problem_summary
from app.gui.refresh_pace import DEBOUNCE_MS, RefreshPace
from app.gui.session_feed import ALL_DRAFTS_CHANNEL, SessionFeed, this_minute
from app.gui.set_chooser import TemplateSetChooser
from app.gui.texts import N_, Gettext, TextRegistry
from app.gui.theme import preview_colours
from app.gui.wrapping_label import WrappingLabel
from app.interface_text.names import DOCUMENT_NAMES
from app.interface_text.problem_text import ProblemWording
from app.session.problem_set import Problems
from app.session.selection import Selection
from app.templates.documents import FIRST_DOCUMENTS, DocumentKind
from app.templates.metadata import TemplateSet

if TYPE_CHECKING:
    from app.drafts.blocks import Draft
    from app.drafts.render import DraftRenderer

RECORD_CHECK_MS = 600  # checks across all six drafts wait for a longer pause
DRAFTING_NOTICE_MS = 400  # "drafting..." shows only when the wait is noticeable
PREVIEW_CHANNEL = "preview"  # the background jobs of the visible drafts
LANGUAGE_MODES: list[tuple[str, str]] = [*LANGUAGE_NAMES.items(), ("both", N_("Both"))]
PREVIEW_NAMES: dict[Language, str] = {"en": N_("English preview"), "fr": N_("French preview")}
CHECKING = N_("Checking the facts…")  # the problems' line before the first check
# what drafts are drawn with: loaded when the pane is attached, after the first paint
DRAWN_WITH = ("app.export.marks", "app.export.preview_html")


class PreviewPane(QWidget):
    """Signals: ``problem_activated(field_path)`` when the user clicks a problem;
    ``problems_changed(Problems)`` when the problems listed change; ``refreshed()`` once the preview
    shows the facts' current revision."""

    problem_activated = Signal(str)
    problems_changed = Signal(object)
    refreshed = Signal()

    def __init__(self, model: IncidentModel) -> None:
        """The pane as the window's first paint shows it: its lists and views, empty
        until :meth:`attach` gives it the session to draw from."""
        super().__init__()
        self.model = model
        self.sessions: SessionFeed | None = None
        self.texts = TextRegistry()
        # a list, not tabs: every document's name reads in full on a 1280-pixel screen,
        # whatever the language and however many documents a set has
        self.documents = QComboBox()
        self.documents.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.texts.add(self.documents.setAccessibleName, N_("Document"))
        self._gettext: Gettext = lambda message: message
        self._follow_documents()
        self.chooser = TemplateSetChooser(self)
        self.template_sets = self.chooser.combo
        self.mode = QComboBox()
        self.texts.add(self.mode.setAccessibleName, N_("Preview language"))
        for index, (key, label) in enumerate(LANGUAGE_MODES):
            self.mode.addItem(label, key)
            self.texts.add(partial(self.mode.setItemText, index), label)
        self.views: dict[Language, QTextBrowser] = {code: QTextBrowser() for code in LANGUAGES}
        self.shown: dict[Language, DraftView] = {
            code: DraftView(v) for code, v in self.views.items()
        }
        pages = QSplitter()  # side by side
        for language, view in self.views.items():
            view.setOpenLinks(False)
            self.texts.add(view.setAccessibleName, PREVIEW_NAMES[language])
            self.texts.add(view.setPlaceholderText, N_("Drafting…"))  # until the first draft
            pages.addWidget(view)
        self.drafting = QLabel()  # shown while a template takes its time
        self.drafting.setVisible(False)
        self.texts.add(self.drafting.setText, N_("Drafting… a template is taking its time."))
        self.drafting_timer = QTimer(self)
        self.drafting_timer.setSingleShot(True)
        self.drafting_timer.setInterval(DRAFTING_NOTICE_MS)
        self.drafting_timer.timeout.connect(lambda: self.drafting.setVisible(True))
        # "À corriger avant l’exportation : 1 · Avertissements : 1 · Remarques : 1" is
        # wider than the pane at 1280 x 720: it goes on two lines rather than being cut
        self.problems_title = WrappingLabel()
        self.problems = QListWidget()
        self.problems.setWordWrap(True)  # a long problem reads in full, never sideways
        self.texts.add(self.problems.setAccessibleName, N_("Problems"))
        self.problems.itemActivated.connect(self._activated)
        self.problems.itemClicked.connect(self._activated)
        self.problems.setVisible(False)  # until there are problems to list
        self.mode.currentIndexChanged.connect(lambda _i: self._show_views())
        header = QHBoxLayout()
        header.addWidget(self.documents)  # as wide as its longest name, from the first
        header.addStretch(1)  # paint on (a stretch of its own: its width never jumps)
        header.addWidget(self.mode)
        statement = QHBoxLayout()
        statement.addWidget(self.template_sets)
        statement.addWidget(self.chooser.reason, 1)  # wraps: set_chooser makes it so
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addLayout(statement)
        layout.addWidget(self.drafting)
        layout.addWidget(pages, 4)
        layout.addWidget(self.problems_title)
        layout.addWidget(self.problems, 1)
        self._language = "en"  # of the interface: how the problems write dates and times
        self._shown: tuple[int, int, str] | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.refresh)
        self.record_timer = QTimer(self)
        self.record_timer.setSingleShot(True)
        self.record_timer.setInterval(RECORD_CHECK_MS)
        self.record_timer.timeout.connect(self.check_record)
        self._record_problems: list[Problem] = []
        self._fact_problems: list[Problem] = []
        # how long the last refreshes took (those that found their drafts within the
        # background's short wait); _waiting_since: when the background was found behind
        self.pace = RefreshPace()
        self._waiting_since: float | None = None
        self._listed: Problems | None = None  # the problems last listed and announced
        self.shown_revision = -1  # the model revision the preview shows
        self.drafts: dict[Language, Draft] = {}
        self._problems = Problems()

    def attach(self, sessions: SessionFeed) -> None:
        """Draw from ``sessions`` from now on (the drafts, their problems) and follow the
        facts: once the renderer has loaded, after the window's first paint."""
        from PySide6.QtCore import Qt  # its namespace of enums loads after the first paint

        # a long problem reads in full, never sideways (the list shows after the checks)
        self.problems.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        model = self.model
        self.sessions = sessions
        for module in DRAWN_WITH:  # now, not within the first keystroke's refresh
            importlib.import_module(module)
        model.changed.connect(self._facts_changed)
        model.changed.connect(lambda _path: self.record_timer.start())
        self.documents.currentIndexChanged.connect(lambda _i: self.refresh())
        self.mode.currentIndexChanged.connect(lambda _i: self.refresh())
        self.chooser.chosen.connect(self.refresh)
        self.chooser.chosen.connect(self.record_timer.start)
        sessions.background.finished.connect(self._background_done)
        model.reset.connect(self.propose_set)
        self.propose_set()
        self.refresh()
        self.record_timer.start()  # off the start-up path

    @property
    def renderer(self) -> DraftRenderer:
        """The renderer of the session's drafts (the libraries as last read)."""
        if self.sessions is None:
            raise RuntimeError("the preview draws nothing before attach()")
        return self.sessions.renderer

    @property
    def template_set(self) -> TemplateSet:
        """The set the preview, approvals and export use: the facts', or one chosen by
        hand in the chooser (which never changes the facts)."""
        return self.chooser.template_set

    def propose_set(self) -> None:
        """Choose the set of the statement newly opened facts are for, dropping any set
        chosen by hand for the facts before (the render follows)."""
        self._follow_facts(again=True)

    def _follow_facts(self, *, again: bool = False) -> None:
        incident, _problems = self.model.validated()
        self.chooser.blockSignals(True)  # the caller renders: once, not twice
        try:
            self.chooser.follow(incident, again=again)
        finally:
            self.chooser.blockSignals(False)

    @property
    def document(self) -> DocumentKind:
        return DocumentKind(self.documents.currentData())

    def shown_documents(self) -> tuple[DocumentKind, ...]:
        """The documents the list offers, in its order."""
        return tuple(
            DocumentKind(self.documents.itemData(index)) for index in range(self.documents.count())
        )

    def _follow_documents(self) -> None:
        """List the documents the incident needs as the facts being edited name them
        (even while another fact cannot be read), keeping the one shown if it stays;
        the caller renders."""
        wanted = chosen_documents(self.model.value(DOCUMENTS_PATH)) or FIRST_DOCUMENTS
        if wanted == self.shown_documents():
            return
        current = self.documents.currentData()
        self.documents.blockSignals(True)
        try:
            self.documents.clear()
            for document in wanted:
                self.documents.addItem(self._gettext(DOCUMENT_NAMES[document]), document)
            self.documents.setCurrentIndex(max(self.documents.findData(current), 0))
        finally:
            self.documents.blockSignals(False)

    def languages(self) -> list[Language]:
        key = self.mode.currentData()
        return list(LANGUAGES) if key == "both" else [key]

    def set_language_mode(self, key: str) -> None:
        self.mode.setCurrentIndex(self.mode.findData(key))
        self._show_views()

    def _show_views(self) -> None:
        """The views of the languages shown (the same before the first draft arrives)."""
        languages = self.languages()
        for language, view in self.views.items():
            view.setVisible(language in languages)

    def _facts_changed(self, _path: str) -> None:
        """Redraw at once while redrawing is quick (app.gui.refresh_pace); wait for a
        pause in the typing when it is not, or while the background is still drafting."""
        if self._waiting_since is None and self.pace.quick():
            self.refresh()
        else:
            self.timer.start()

    def _background_done(self, channel: str) -> None:
        if channel == PREVIEW_CHANNEL:
            self.refresh()
        elif channel == ALL_DRAFTS_CHANNEL:
            self.check_record()

    def refresh(self) -> None:
        """Validate the facts and show the visible drafts: now when they render quickly,
        else once the background has rendered them (the pane says it is drafting)."""
        if self.sessions is None:
            return  # not attached yet: the window is still loading the renderer
        started = time.perf_counter()
        self.timer.stop()
        self._follow_facts()
        self._follow_documents()
        _incident, problems = self.model.validated()
        session = self.sessions.current()
        languages = self.languages()
        if session is not None:
            # The facts' problems only (no document chosen): nothing rendered here beyond
            # the visible drafts below, so a keystroke costs what it did.
            facts_only = Selection(LANGUAGES, (), self.template_set)
            problems = list(session.problems(facts_only).found)
            visible = Selection(tuple(languages), (self.document,), self.template_set)
            if not self.sessions.prepare(PREVIEW_CHANNEL, session, visible, mark_missing=True):
                if self._waiting_since is None:  # wait for pauses meanwhile
                    self._waiting_since = started
                if not self.drafting_timer.isActive() and not self.drafting.isVisible():
                    self.drafting_timer.start()
                return  # shown when the background is done (_background_done)
        self.drafting_timer.stop()
        self.drafting.setVisible(False)
        self._show_views()
        if session is None:
            self.drafts.clear()
            waiting = self._gettext(
                N_("The drafts appear here once the facts can be read: fix the problems below.")
            )
            for language in languages:
                self.shown[language].show_text(waiting)
        else:
            colours = preview_colours(self.palette())  # the theme's, dark or light
            for language in languages:
                try:
                    draft = session.draft(
                        self.document, language, self.template_set, mark_missing=True
                    )
                except CrisisDraftError as error:  # no draft here: none to print or copy
                    self.drafts.pop(language, None)
                    self.shown[language].show_text(self.wording().error(error))
                    fault = getattr(error, "problem", None) or Problem("template", str(error))
                    problems = [*problems, fault]
                    continue
                self.drafts[language] = draft
                self.shown[language].show_draft(draft, colours)  # what changed, only
        self._show_problems(problems)
        self.shown_revision = self.model.revision
        if self._waiting_since is None:
            self.pace.took((time.perf_counter() - started) * 1000)
        self._waiting_since = None  # (a wait is not a refresh's time: a first render, cold)
        self.refreshed.emit()

    def shown_problems(self) -> Problems:
        """The problems listed: the facts', the visible drafts', the record checks'."""
        return self._problems

    def problems_list(self) -> list[Problem]:
        return list(self._problems.found)

    def check_record(self) -> None:
        """Consistency checks of all the drafts against the record and each other."""
        self.record_timer.stop()
        if self.sessions is None:
            return
        session = self.sessions.current()
        found: list[Problem] = []
        if session is not None:
            every_draft = Selection(template_set=self.template_set)
            if not self.sessions.prepare(ALL_DRAFTS_CHANNEL, session, every_draft):
                return  # checked when the background is done (_background_done)
            checked = session.problems(every_draft, clock=this_minute)
            if not checked.template_faults:  # template faults are shown by refresh()
                facts = session.problems(Selection(LANGUAGES, (), self.template_set)).found
                found = [problem for problem in checked.found if problem not in facts]
        self._record_problems = found
        self._show_problems(self._fact_problems)

    def _show_problems(self, problems: list[Problem]) -> None:
        self._fact_problems = problems
        listed = sorted(
            problems + self._record_problems, key=lambda p: (not p.blocking, p.informational)
        )
        found = Problems(tuple(listed))
        if found == self._listed:
            return  # listed and announced already (most keystrokes change no problem)
        self._problems = self._listed = found
        self._fill_problem_list()
        self._update_problem_title()
        self.problems.setVisible(bool(self._problems.found))  # no empty box under "Ready"
        self.problems_changed.emit(self._problems)

    def wording(self) -> ProblemWording:
        """How the problems read here: fields named as the steps name them, in the
        interface language, without the open incident's name on every line."""
        source = self.model.path.name if self.model.path else "incident"  # as validated
        return ProblemWording(self._gettext, self._language, source)

    def _fill_problem_list(self) -> None:
        """The problems in the interface language (the lower layers give message ids)."""
        self.problems.clear()
        wording = self.wording()
        for problem in self._problems.found:  # none before the first checks
            from PySide6.QtCore import Qt  # loaded at the first problem, after the paint

            mark = "ℹ " if problem.informational else "⚠ " if not problem.blocking else ""
            item = QListWidgetItem(mark + wording.line(problem))
            item.setData(Qt.ItemDataRole.UserRole, problem.field or "")
            self.problems.addItem(item)

    def _update_problem_title(self) -> None:
        if self.sessions is None:  # not checked yet: never "ready" before the checks
            self.problems_title.setText(self._gettext(CHECKING))
            return
        self.problems_title.setText(problem_summary(self._problems, self._gettext))

    def _activated(self, item: QListWidgetItem) -> None:
        from PySide6.QtCore import Qt

        if field := item.data(Qt.ItemDataRole.UserRole):
            self.problem_activated.emit(field)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        """The theme changed (light to dark): draw the drafts again in its colours."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.refresh()

    def retranslate(self, gettext: Gettext, language: str = "en") -> None:
        self._gettext = gettext
        self._language = language
        self.texts.apply(gettext)
        for index, document in enumerate(self.shown_documents()):
            self.documents.setItemText(index, gettext(DOCUMENT_NAMES[document]))
        self.chooser.retranslate(gettext)
        self._fill_problem_list()
        self._update_problem_title()
