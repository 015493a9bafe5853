"""The main window's menu bar: File, Steps, Language, Templates, Record, Help. Each
entry calls the action object that does the work; its text is registered for
retranslation. The bar and its titles are there at the window's first paint (so nothing
moves when the rest arrives); the entries are added once their actions are built."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

from app import __version__
from app.facts.languages import NATIVE_NAMES
from app.gui.texts import N_, Gettext, TextRegistry
from app.interface_text.translator import UI_LANGUAGES

if TYPE_CHECKING:
    from PySide6.QtGui import QKeySequence

    from app.gui.export_actions import ExportActions
    from app.gui.file_actions import FileActions
    from app.gui.help_window import HelpActions
    from app.gui.library_actions import LibraryActions
    from app.gui.record_actions import RecordActions

    Shortcut = QKeySequence | QKeySequence.StandardKey | str | None


@dataclass(frozen=True)
class WindowMenus:
    """The menus of the bar, in its order. ``language``'s checkable actions carry the
    language code as data."""

    file: QMenu
    steps: QMenu
    language: QMenu
    templates: QMenu
    record: QMenu
    help: QMenu


def add_menu_bar(window: QMainWindow, texts: TextRegistry) -> WindowMenus:
    """``window``'s menu bar with its six menus, still empty (see :func:`fill_menus`)."""

    def titled(text: str) -> QMenu:
        menu = window.menuBar().addMenu("")
        texts.add(menu.setTitle, text)
        return menu

    return WindowMenus(
        file=titled(N_("&File")),
        steps=titled(N_("&Steps")),
        language=titled(N_("&Language")),
        templates=titled(N_("&Templates")),
        record=titled(N_("&Record")),
        help=titled(N_("&Help")),
    )


def fill_menus(
    menus: WindowMenus,
    window: QMainWindow,
    texts: TextRegistry,
    files: FileActions,
    exports: ExportActions,
    library: LibraryActions,
    record: RecordActions,
    *,
    step_by: Callable[[int], None],
    set_language: Callable[[str], None],
    about: Callable[[], None],
    help_actions: HelpActions,
) -> None:
    """Every entry of the menus, each calling the action object that does its work."""
    from PySide6.QtGui import QAction, QKeySequence  # filled after the first paint

    from app.gui.crash_dialog import SHOW_LOGS

    def add(menu: QMenu, text: str, slot: Callable[[], object], shortcut: Shortcut = None) -> None:
        action = QAction(window)
        texts.add(action.setText, text)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)

    keys = QKeySequence.StandardKey
    file_menu = menus.file
    add(file_menu, N_("&New blank incident"), files.new_blank, keys.New)
    add(file_menu, N_("New from the e&xample"), files.new_from_example)
    add(file_menu, N_("&Open…"), files.open_dialog, keys.Open)
    file_menu.addMenu(files.recent_menu)
    texts.add(files.recent_menu.setTitle, N_("Open &recent"))
    add(file_menu, N_("&Save"), files.save, keys.Save)
    add(file_menu, N_("Save &as…"), files.save_as, keys.SaveAs)
    file_menu.addSeparator()
    add(file_menu, N_("&Export Word documents…"), exports.export, "Ctrl+E")
    add(file_menu, N_("Export as P&DF…"), exports.export_pdf, "Ctrl+Shift+E")
    add(file_menu, N_("&Copy the visible draft"), exports.copy_draft, "Ctrl+Shift+C")
    add(file_menu, N_("&Print…"), exports.print_draft, keys.Print)
    file_menu.addSeparator()
    add(file_menu, N_("&Quit"), window.close, keys.Quit)
    steps = menus.steps
    add(steps, N_("&Next step"), lambda: step_by(1), "Ctrl+PgDown")
    add(steps, N_("&Previous step"), lambda: step_by(-1), "Ctrl+PgUp")
    language = menus.language
    for code in UI_LANGUAGES:
        name = NATIVE_NAMES[code]
        action = QAction(name, window)
        action.setCheckable(True)
        action.setData(code)
        action.triggered.connect(lambda _checked=False, c=code: set_language(c))
        language.addAction(action)
    templates = menus.templates
    add(templates, N_("Template &library…"), library.open_template_library, "Ctrl+T")
    add(templates, N_("&Preferences…"), library.open_preferences)
    record_menu = menus.record
    add(record_menu, N_("&Approve drafts…"), record.approve, "Ctrl+Shift+A")
    add(record_menu, N_("Record and &timeline…"), record.open_record, "Ctrl+R")
    record_menu.addSeparator()
    add(record_menu, N_("&Issue an edited document…"), record.edited_issues.choose_file)
    help_menu = menus.help
    add(help_menu, N_("&Help for this step"), help_actions.for_step, keys.HelpContents)
    add(help_menu, N_("&First incident guide"), help_actions.first_incident)
    add(help_menu, N_("What's &This?"), help_actions.whats_this, keys.WhatsThis)
    add(help_menu, SHOW_LOGS, help_actions.show_logs)  # crash reports and the log file
    help_menu.addSeparator()
    add(help_menu, N_("&About CrisisDraft"), about)


def show_about(parent: QWidget, _: Gettext) -> None:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.about(
        parent,
        _(N_("About CrisisDraft")),
        _(N_("CrisisDraft {version}: the first hours of a crisis, in English and French.")).format(
            version=__version__
        ),
    )
