"""Help inside the app: F1 opens the page of the step on screen, the Help menu opens the
first-incident guide and What's This, the help follows the interface language, links
and back/forward work, and every field says what it does to the drafts."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QTextDocument
from PySide6.QtWidgets import QApplication, QLineEdit, QWhatsThis

from app.gui.fields import BoundField
from app.gui.help_window import HelpWindow
from app.gui.main_window import MainWindow
from app.interface_text.help_pages import CONTENTS, STEP_PAGES, HelpBook
from app.interface_text.translator import Translator
from tests.gui.helpers import field

# Words of the English help and interface that must not be met in the French help.
ENGLISH = re.compile(
    r"\b(the|and|drafts?|statements?|update|Not known yet|Press release|Back|Forward|"
    r"Search|Help|step|approval|What's This)\b"
)


def press_f1(qtbot, window: MainWindow) -> HelpWindow:
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: window.help.window is not None and window.help.window.isVisible())
    assert window.help.window is not None
    return window.help.window


def menu_action(window: MainWindow, text: str) -> QAction:
    for menu_action in window.menuBar().actions():
        for action in menu_action.menu().actions():
            if action.text() == text:
                return action
    raise AssertionError(f"no menu entry {text!r}")


def shown(help_window: HelpWindow) -> str:
    """The page's text as shown, no-break spaces kept (toPlainText makes them spaces)."""
    return help_window.browser.document().toRawText().replace("\u2029", "\n")


def heading(help_window: HelpWindow) -> str:
    return shown(help_window).splitlines()[0]


def test_f1_on_step_3_opens_its_help_in_english(qtbot, make_main_window) -> None:
    window = make_main_window()
    window.go_to_step(2)
    help_window = press_f1(qtbot, window)
    assert heading(help_window) == "Systems and sites"
    assert help_window.windowTitle() == "Systems and sites — CrisisDraft Help"
    assert help_window.contents.currentItem().text() == "3. Systems and sites"
    assert "“Production is paused and activity has stopped at the Solihull and Halewood" in (
        shown(help_window)
    )


def test_f1_on_step_3_opens_its_help_in_french(qtbot, make_main_window) -> None:
    window = make_main_window(language="fr")
    window.go_to_step(2)
    help_window = press_f1(qtbot, window)
    assert heading(help_window) == "Systèmes et sites"
    assert help_window.windowTitle() == "Systèmes et sites — Aide de CrisisDraft"
    assert "«\u00a0La production est suspendue\u00a0: l’activité est à l’arrêt" in (
        shown(help_window)
    )


def test_the_help_page_of_every_step_bears_the_step_title(qtbot, make_main_window) -> None:
    window = make_main_window()
    for language in ("en", "fr"):
        _ = Translator(language).gettext
        titles = [_(page.title) for page in window.pages] + [_("Review and export")]
        book = HelpBook(language, _)
        assert [book.page(name).title for name in STEP_PAGES] == titles


def test_the_help_menu_opens_the_first_incident_guide(qtbot, make_main_window) -> None:
    window = make_main_window()
    menu_action(window, "&First incident guide").trigger()
    help_window = window.help.window
    assert help_window is not None and help_window.isVisible()
    assert heading(help_window) == "Your first incident"
    assert menu_action(window, "&Help for this step").shortcut() == QKeySequence(
        QKeySequence.StandardKey.HelpContents
    )


def test_switching_the_language_shows_the_open_help_in_french(qtbot, make_main_window) -> None:
    window = make_main_window()
    window.go_to_step(4)
    help_window = press_f1(qtbot, window)
    assert heading(help_window) == "Recovery"
    window.set_language("fr")
    assert heading(help_window) == "Rétablissement"
    assert help_window.back_button.text() == "Précédent"
    assert help_window.contents.item(0).text() == "Votre premier incident"


def test_the_french_help_has_no_english(qtbot, make_main_window) -> None:
    window = make_main_window(language="fr")
    help_window = press_f1(qtbot, window)
    chrome = [
        help_window.windowTitle(),
        help_window.search.placeholderText(),
        *(button.text() for button in (help_window.back_button, help_window.forward_button)),
        help_window.guide_button.text(),
        *(help_window.contents.item(row).text() for row in range(help_window.contents.count())),
    ]
    for text in chrome:
        assert not ENGLISH.search(text), text
    for name in CONTENTS:
        help_window.show_page(name)
        text = shown(help_window)
        assert text.startswith(help_window.book.page(name).title)
        english = ENGLISH.search(text)
        assert english is None, f"{name}: {english and text[english.start() - 60 :][:120]}"


def test_a_link_opens_its_page_and_back_and_forward_return(qtbot, make_main_window) -> None:
    window = make_main_window()
    window.go_to_step(1)
    help_window = press_f1(qtbot, window)
    browser = help_window.browser
    link = browser.document().find("Not known yet", 0, QTextDocument.FindFlag.FindCaseSensitively)
    while link.charFormat().anchorHref() == "":
        link = browser.document().find("Not known yet", link)
    assert not link.isNull()
    browser.setTextCursor(link)
    browser.ensureCursorVisible()
    where = browser.cursorRect(link).center()
    where.setX(where.x() - 10)
    qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.waitUntil(lambda: heading(help_window) == "Not known yet")
    assert help_window.back_button.isEnabled()
    qtbot.mouseClick(help_window.back_button, Qt.MouseButton.LeftButton)
    assert heading(help_window) == "What happened"
    qtbot.mouseClick(help_window.forward_button, Qt.MouseButton.LeftButton)
    assert heading(help_window) == "Not known yet"


def test_a_search_keeps_the_pages_that_hold_the_words(qtbot, make_main_window) -> None:
    window = make_main_window(language="fr")
    help_window = press_f1(qtbot, window)
    qtbot.waitUntil(help_window.isActiveWindow)
    qtbot.keyClick(help_window.browser, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert help_window.search.hasFocus()
    qtbot.keyClicks(help_window.search, "rancongiciel")
    listed = [
        help_window.contents.item(row).text()
        for row in range(help_window.contents.count())
        if not help_window.contents.item(row).isHidden()
    ]
    assert listed == ["2. Ce qui s’est passé", "Pas encore connu"]
    qtbot.keyClick(help_window.search, Qt.Key.Key_Return)
    assert heading(help_window) == "Ce qui s’est passé"
    qtbot.keyClicks(help_window.search, " introuvable")
    assert help_window.no_match.isVisible()


def bound_editors(window: MainWindow) -> list[BoundField]:
    """Every bound editor of every step: the fields, and the parts of the rows of lists."""
    editors: list[BoundField] = []
    for page in window.pages:
        for editor in page.fields:
            editors += [editor, *editor.findChildren(BoundField)]
        for rows in page.rows:
            editors += rows.findChildren(BoundField)
    return editors


def test_every_field_says_what_it_does_to_the_drafts(qtbot, make_main_window) -> None:
    window = make_main_window()
    editors = bound_editors(window)
    assert {"sites[0].status", "containment.systems[0].name", "recovery.steps[0]"} <= {
        editor.path for editor in editors
    }
    for editor in editors:
        assert editor.whatsThis().strip(), f"no What's This for {editor.path}"
    for page in window.pages:
        for rows in page.rows:
            assert rows.whatsThis().strip(), f"no What's This for {rows.path}"
    assert "“a cyberattack”" in field(window, "incident.kind").whatsThis()
    for path in ("recovery.paused_until", "contacts.customers"):  # a tooltip says the same
        assert field(window, path).toolTip() == field(window, path).whatsThis()
    window.set_language("fr")
    assert "«\u00a0une cyberattaque\u00a0»" in field(window, "incident.kind").whatsThis()
    for editor in bound_editors(window):
        assert not ENGLISH.search(editor.whatsThis()), editor.whatsThis()


def test_whats_this_then_a_click_on_a_field_explains_it(qtbot, make_main_window) -> None:
    window = make_main_window()
    action = menu_action(window, "What's &This?")
    assert action.shortcut() == QKeySequence(QKeySequence.StandardKey.WhatsThis)
    action.trigger()
    assert QWhatsThis.inWhatsThisMode()
    city = field(window, "organisation.city").findChild(QLineEdit)
    qtbot.mouseClick(city, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: any(
            widget.metaObject().className() == "QWhatsThat" and widget.isVisible()
            for widget in QApplication.topLevelWidgets()
        )
    )
    assert not QWhatsThis.inWhatsThisMode()
    QWhatsThis.hideText()
