"""Every window and dialog of the app speaks the language the user chose: a walk through
the steps, the menus and the dialogs in French fails on any English interface text,
and in English on any French (what the lead typed and the drafts are not interface)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from app.gui.main_window import MainWindow
from tests.gui.dialogs import DIALOGS, dialog_openers, opened_dialog
from tests.gui.helpers import settle
from tests.gui.visible_text import interface_texts, leaks


def menu_texts(window: MainWindow) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    menus = [action.menu() for action in window.menuBar().actions()]
    while menus:
        menu = menus.pop()
        if not isinstance(menu, QMenu):
            continue
        found.append(("menu", menu.title()))
        for action in menu.actions():
            found += [("menu item", action.text()), ("menu tip", action.toolTip())]
            if action.menu() is not None:
                menus.append(action.menu())
    return found


def walk_steps(window: MainWindow, qtbot) -> list[tuple[str, str]]:
    found = menu_texts(window)
    for index in range(len(window.pages)):
        window.steps.setCurrentRow(index)
        QApplication.processEvents()
        settle(qtbot, window)
        found += [(f"step {index + 1} {where}", text) for where, text in interface_texts(window)]
    return found


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_step_and_menu_speaks_the_chosen_language(make_main_window, qtbot, language):
    window = make_main_window(language=language)
    texts = walk_steps(window, qtbot)
    assert len(texts) > 300  # the walk reads the whole window, not a corner of it
    found = leaks(texts, language)
    assert not found, "\n".join(found)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_switching_language_leaves_nothing_in_the_old_one(make_main_window, qtbot, language):
    other = "en" if language == "fr" else "fr"
    window = make_main_window(language=other)
    window.set_language(language)
    found = leaks(walk_steps(window, qtbot), language)
    assert not found, "\n".join(found)


@pytest.mark.parametrize("name", DIALOGS)
@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_dialog_speaks_the_chosen_language(
    make_main_window, monkeypatch, language, name
) -> None:
    window = make_main_window(language=language)
    dialog = opened_dialog(monkeypatch, dialog_openers(window)[name])
    texts = list(interface_texts(dialog))
    for tabs in dialog.findChildren(QWidget):  # every tab of a tabbed window, not the first
        if hasattr(tabs, "setCurrentIndex") and hasattr(tabs, "widget") and hasattr(tabs, "count"):
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
                QApplication.processEvents()
                texts += interface_texts(dialog)
    found = leaks(texts, language)
    assert not found, "\n".join(found)
    dialog.close()
