"""The Templates menu's work: the template library window, the preferences (shared
libraries), and reading the libraries again after either changed them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from app.drafts.render import DraftRenderer
from app.gui.incident_model import IncidentModel
from app.gui.preferences_dialog import PreferencesDialog
from app.gui.preview import PreviewPane
from app.gui.session_feed import SessionFeed
from app.gui.template_window import TemplateWindow
from app.gui.texts import N_
from app.interface_text.error_text import error_text
from app.interface_text.translator import Translator
from app.session.library import LibrarySources, open_template_library
from app.session.library_notes import take_library_notes
from app.session.preferences import Preferences
from app.templates.library import TemplateLibrary


class LibraryActions:
    """Opens the library window and the preferences over ``user_library``, parented to
    ``parent`` and in the language ``translator()`` gives at the time; after a change,
    the window's session (``sessions``) renders with the libraries read again, for the
    preview, approvals and exports alike."""

    def __init__(
        self,
        parent: QWidget,
        model: IncidentModel,
        sessions: SessionFeed,
        preview: PreviewPane,
        translator: Callable[[], Translator],
        user_library: Path,
    ) -> None:
        self.parent = parent
        self.model = model
        self.sessions = sessions
        self.preview = preview
        self.translator = translator
        self.user_library = user_library
        self.template_window: TemplateWindow | None = None
        # A template stopped by a render limit in the background is disabled then and
        # there: told once, when the job that found it ends.
        self._limits_told = (id(sessions.renderer.library), 0)
        sessions.background.finished.connect(lambda _channel: self._tell_limits_hit())

    def _tell_limits_hit(self) -> None:
        library = self.sessions.renderer.library
        seen = (id(library), library.limits_hit)
        if seen[1] and seen != self._limits_told:
            self._limits_told = seen
            # Shown again: the session feed redrafts with the next template in rank.
            self.preview.refresh()
            self.preview.record_timer.start()
            self.show_library_notes()

    def reload_library(self) -> TemplateLibrary:
        """Read the libraries again (after an edit, an import, new preferences)."""
        # The folders are the session's choice (shared ones from the preferences just
        # saved); only the user's own library is the one this window was given.
        sources = replace(LibrarySources.of_this_user(), user=self.user_library)
        library = open_template_library(sources)
        self.sessions.use_renderer(DraftRenderer(library))
        self.preview.refresh()
        self.show_library_notes()
        return library

    def show_library_notes(self) -> None:
        """Tell, once, that a template folder is laid out the old way (its templates keep
        working) and that a user's or team's template is disabled (the next in rank is
        used); nothing when all of it has been told."""
        notes = take_library_notes(self.sessions.renderer.library)
        if notes:
            gettext = self.translator().gettext
            QMessageBox.information(
                self.parent,
                gettext(N_("Templates")),
                "\n\n".join(note.translated_line(gettext) for note in notes),
            )

    def open_template_library(self) -> TemplateWindow:
        if self.template_window is None or not self.template_window.isVisible():
            translator = self.translator()
            self.template_window = TemplateWindow(
                self.parent,
                self.sessions,
                translator.gettext,
                self.user_library,
                self.reload_library,
                translator.language,
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
        gettext = self.translator().gettext
        preferences = Preferences.load()
        dialog = PreferencesDialog(
            self.parent, preferences, self.user_library, gettext, self.model.data()
        )
        if dialog.exec():
            try:
                preferences.save()
            except OSError as error:
                QMessageBox.critical(
                    self.parent, gettext(N_("Cannot save")), error_text(error, gettext)
                )
                return
            self.reload_library()
