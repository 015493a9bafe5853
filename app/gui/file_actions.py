"""The File menu of the open incident: new, open, save, save as, recent files, and the
questions they ask (discard unsaved work? open a file someone else holds? restore work
left by a crash?). Reading, locking, saving and recovery files are the session's
:class:`~app.session.edited_file.EditedFile`; this module only asks and reports."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from app.errors import CrisisDraftError
from app.gui.conflict_dialog import Choice, ask_about_their_changes
from app.gui.incident_model import IncidentModel
from app.gui.new_incident import NewIncidentDefaults
from app.gui.texts import N_
from app.interface_text.error_text import error_text
from app.interface_text.names import moment
from app.interface_text.problem_text import ProblemWording
from app.interface_text.translator import Translator
from app.session.edited_file import EditedFile
from app.session.file_writes import FactsChangedOnDiskError, facts_of

AUTOSAVE_IDLE_MS = 2000
MAX_RECENT = 8
FILE_FILTER = N_("Incident files (*.crisis.json *.json)")


class FileActions(QObject):
    """Loads and saves ``model``, asking in dialogs parented to ``parent``; texts in the
    language ``translator()`` gives at the time. ``recent_menu`` lists the recent files
    (the menu bar shows it). Signals: ``blank_started()`` after a new blank incident
    replaced the facts."""

    blank_started = Signal()

    def __init__(
        self,
        parent: QWidget,
        model: IncidentModel,
        translator: Callable[[], Translator],
        settings: QSettings,
        edited: EditedFile,
        defaults: NewIncidentDefaults,
        example: Path,
    ) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.model = model
        self.translator = translator
        self.settings = settings
        self.edited = edited
        self.defaults = defaults
        self.example = example
        self.recent_menu = QMenu(parent)
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setSingleShot(True)
        self.autosave_timer.setInterval(AUTOSAVE_IDLE_MS)
        self.autosave_timer.timeout.connect(self.autosave)
        model.changed.connect(lambda _path: self.autosave_timer.start())
        if model.dirty:  # typed while the window was still loading
            self.autosave_timer.start()
        self._rebuild_recent()

    def confirm_discard(self) -> bool:
        """True when there is no unsaved work, or the user saved or chose to discard it."""
        if not self.model.dirty:
            return True
        _ = self.translator().gettext
        answer = QMessageBox.question(
            self.parent_widget,
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
            self.release()
            self.model.replace(self.defaults.blank(), None)
            self.blank_started.emit()

    def new_from_example(self) -> None:
        if self.confirm_discard():
            self.release()
            self.model.replace(self.edited.read_example(self.example), None, dirty=True)

    def release(self) -> None:
        """Let go of the incident file this window holds, if any."""
        self.edited.release()

    def open_dialog(self) -> None:
        _ = self.translator().gettext
        if not self.confirm_discard():
            return
        file, _filter = QFileDialog.getOpenFileName(
            self.parent_widget, _(N_("Open incident")), "", _(FILE_FILTER)
        )
        if file:
            self.open_file(Path(file), confirmed=True)

    def open_file(self, path: Path, *, confirmed: bool = False) -> bool:
        if not confirmed and not self.confirm_discard():
            return False
        try:
            data = self.edited.read(path)
        except CrisisDraftError as error:
            translator = self.translator()
            _ = translator.gettext
            # the file's faults named as the form names its fields, after the file's name
            said = ProblemWording(_, translator.language).error(error)
            QMessageBox.critical(self.parent_widget, _(N_("Cannot open the incident")), said)
            return False
        if not self.claim(path):
            return False
        self.model.replace(data, path)
        self._remember_recent(path)
        return True

    def claim(self, path: Path) -> bool:
        """Hold ``path`` for this window; if another window or person holds it, ask."""
        other = self.edited.held_elsewhere(path)
        if other is not None:
            _ = self.translator().gettext
            answer = QMessageBox.question(
                self.parent_widget,
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
        self.edited.hold(path)
        return True

    def save(self) -> bool:
        if self.model.path is None:
            return self.save_as()
        return self._write(self.model.path)

    def save_as(self) -> bool:
        _ = self.translator().gettext
        suggested = str(self.model.path or Path.home() / "incident.crisis.json")
        file, _filter = QFileDialog.getSaveFileName(
            self.parent_widget, _(N_("Save incident")), suggested, _(FILE_FILTER)
        )
        if not file:
            return False
        path = Path(file)
        if not path.name.endswith(".json"):
            path = path.with_name(path.name + ".crisis.json")
        return self._write(path)

    def _write(self, path: Path) -> bool:
        """Save into ``path``: asking first about a file someone else holds (Save As
        asks before touching it), and about facts someone else changed meanwhile."""
        if path != self.edited.held and not self.claim(path):
            return False
        _ = self.translator().gettext
        data, keep_mine = self.model.data(), False
        while True:
            try:
                written = self.edited.save(path, data, keep_mine=keep_mine)
                break
            except FactsChangedOnDiskError as changed:
                choice = ask_about_their_changes(self.parent_widget, _, changed)
                if choice is Choice.CANCEL:
                    return False
                data, keep_mine = (data if choice is Choice.MINE else changed.theirs), True
            except OSError as error:
                reason = error.strerror or str(error)
                message = _(
                    N_(
                        "{file} cannot be written ({reason}). Your work is kept in the app; "
                        "save it somewhere else."
                    )
                ).format(file=path, reason=reason)
                QMessageBox.critical(self.parent_widget, _(N_("Cannot save")), message)
                return False
            except CrisisDraftError as error:  # another writer held the file too long
                QMessageBox.critical(self.parent_widget, _(N_("Cannot save")), error_text(error, _))
                return False
        if facts_of(written) != facts_of(self.model.data()):  # their facts taken
            self.model.replace(written, path)
        else:  # the approvals and statements recorded elsewhere meanwhile join ours
            self.model.set_value("record", written.get("record"))
        self.model.mark_saved(path)
        self._remember_recent(path)
        return True

    def autosave(self) -> None:
        if self.model.dirty:
            self.edited.keep_unsaved(self.model.data(), self.model.path)

    def offer_recovery(self) -> None:
        """At start-up: bring back unsaved work left by a session that crashed."""
        left = self.edited.left_over()
        if not left:
            return
        work = left[0]
        translator = self.translator()
        _ = translator.gettext
        name = work.source.name if work.source else _(N_("an untitled incident"))
        answer = QMessageBox.question(
            self.parent_widget,
            _(N_("Recover unsaved work?")),
            _(
                N_("CrisisDraft was closed without saving work on {name} ({time}). Restore it?")
            ).format(name=name, time=moment(work.saved_at.astimezone(), translator.language)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.model.replace(work.data, work.source, dirty=True)
            self.edited.adopt(work.source)
            self.edited.keep_unsaved(work.data, work.source)
        self.edited.forget(left)

    def closing(self) -> None:
        """The window closes with the user's consent: no recovery file, no lock left."""
        self.autosave_timer.stop()
        self.edited.close()

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
