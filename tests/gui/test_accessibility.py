"""The wizard for someone who uses a screen reader or the keyboard alone: every editor
is named as its field is named everywhere else, Tab goes as the form reads, and
Alt+letter never means two things, in English and in French (the dark theme:
test_dark_theme.py)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from itertools import pairwise

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QButtonGroup,
    QDialog,
    QGroupBox,
    QLabel,
    QMenu,
    QTabBar,
    QWidget,
)

from app.gui.accessibility import layout_order
from app.gui.choice_fields import ChoiceField
from app.gui.fields import BilingualField, BoundField
from app.gui.main_window import MainWindow
from app.gui.mnemonics import form_candidates, mnemonic, text_of
from tests.gui.helpers import field, rows

READABLE = 4.5


# ----- what the tests look at


def stops(root: QWidget) -> list[QWidget]:
    """Every widget Tab may stop at under ``root`` (not a field that hands its focus on,
    nor the list a drop-down list opens, a window of its own)."""
    return [
        widget
        for widget in root.findChildren(QWidget)
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        and widget.focusProxy() is None
        and widget.window() is root.window()
    ]


def heard_name(widget: QWidget) -> str:
    """The name a screen reader says: the widget's own, else a button's text, else for
    tabs the names of the tabs."""
    if widget.accessibleName():
        return widget.accessibleName()
    if isinstance(widget, QTabBar):
        return ", ".join(widget.tabText(index) for index in range(widget.count()))
    return text_of(widget).replace("&", "") if isinstance(widget, QAbstractButton) else ""


# ----- names


@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_editor_of_every_step_has_a_name_of_its_own(make_main_window, language) -> None:
    window = make_main_window(language=language)
    for page in window.pages:
        names = [heard_name(widget) for widget in stops(page.widget())]
        assert all(names), f"{page.title}: an editor without a name"
        repeated = [name for name, count in Counter(names).items() if count > 1]
        assert not repeated, f"{page.title}: two editors sound alike: {repeated}"


def test_editors_are_named_as_their_fields_are_everywhere(make_main_window, qtbot) -> None:
    window = make_main_window(language="fr")
    assert field(window, "contacts.dealers.name").focusProxy().accessibleName() == (
        "Contact concessionnaires › Nom"
    )
    staff = field(window, "guidance.staff")
    assert isinstance(staff, BilingualField)
    assert staff.editors["fr"].accessibleName() == "Consignes › Collaborateurs (français)"
    precaution = field(window, "containment.proactive")
    assert isinstance(precaution, ChoiceField)
    yes = precaution.buttons[True]
    assert yes.accessibleName() == "À titre préventif\u00a0: Oui"  # the colon as French writes it
    assert yes.accessibleDescription() == yes.toolTip() != ""  # what the answer does
    regulators = field(window, "authorities.regulators").focusProxy()
    assert "CNIL" in regulators.accessibleDescription()  # the hint under the name

    window.set_language("en")
    assert yes.accessibleName() == "As a precaution: Yes"
    assert staff.editors["fr"].accessibleName() == "Guidance › Staff (French)"


def test_a_row_added_is_named_with_its_number(make_main_window, qtbot) -> None:
    window = make_main_window(language="en")
    window.go_to_step(2)
    sites = rows(window, "sites")
    count = len(sites.items())
    qtbot.mouseClick(sites.add_button, Qt.MouseButton.LeftButton)
    names = [widget.accessibleName() for widget in stops(sites)]
    assert f"Sites › row {count + 1} › Name" in names
    assert f"Sites › row {count + 1}: Remove this row" in names
    window.set_language("fr")
    names = [widget.accessibleName() for widget in stops(sites)]
    assert f"Sites › ligne {count + 1} › Nom" in names


def test_the_window_around_the_steps_is_named(make_main_window) -> None:
    window = make_main_window(language="fr")
    for widget in [window.steps, *stops(window.preview), *stops(window.review)]:
        if widget.isVisibleTo(window):
            assert heard_name(widget), f"{type(widget).__name__} has no name"
    assert window.preview.problems.accessibleName() == "Problèmes"


# ----- the keyboard


def on_screen(widget: QWidget, page: QWidget) -> tuple[int, int, int, int]:
    top_left = widget.mapTo(page, QPoint(0, 0))
    return top_left.x(), top_left.y(), widget.width(), widget.height()


def reads_after(previous: tuple[int, int, int, int], current: tuple[int, int, int, int]) -> bool:
    """True when ``current`` comes after ``previous`` as a form is read: to its right on
    the same line, or on a line below."""
    px, py, pw, ph = previous
    x, y, _w, h = current
    same_line = y < py + ph and py < y + h
    return x >= px + pw - 2 if same_line else y >= py + ph - 2


def tab_through(qtbot, page: QWidget) -> list[QWidget]:
    """Press Tab from the page's first stop until the focus leaves it; the widgets met.
    A date and time takes one Tab per part (day, month...) before it lets go."""
    page.window().activateWindow()
    qtbot.waitUntil(page.window().isActiveWindow)
    first = next(w for w in layout_order(page) if w.focusProxy() is None and w.isVisible())
    first.setFocus(Qt.FocusReason.TabFocusReason)
    met: list[QWidget] = []
    while (focus := QApplication.focusWidget()) is not None and page.isAncestorOf(focus):
        if focus in met:
            break
        met.append(focus)
        for _part in range(8):
            qtbot.keyClick(focus, Qt.Key.Key_Tab)
            if QApplication.focusWidget() is not focus:
                break
    return met


def expected_stops(page: QWidget) -> list[QWidget]:
    """The widgets Tab should meet: visible, enabled, one answer per group of answers."""
    found = []
    for widget in stops(page):
        if not widget.isVisible() or not widget.isEnabled():
            continue
        group = widget.group() if isinstance(widget, QAbstractButton) else None
        if isinstance(group, QButtonGroup) and group.exclusive():
            entry = group.checkedButton() or group.buttons()[0]
            if widget is not entry:
                continue
        found.append(widget)
    return found


@pytest.mark.parametrize("language", ["en", "fr"])
def test_tab_goes_through_every_step_as_it_reads(make_main_window, qtbot, language) -> None:
    window = make_main_window(language=language)
    window.resize(1280, 720)
    window.activateWindow()
    for index, page in enumerate(window.pages):
        window.go_to_step(index)
        QApplication.processEvents()  # the step laid out at this size
        body = page.widget()
        met = tab_through(qtbot, body)
        places = [(widget, on_screen(widget, body)) for widget in met]
        for (before, previous), (widget, current) in pairwise(places):
            assert reads_after(previous, current), (
                f"step {index + 1}: Tab goes back from {heard_name(before)!r} {previous} "
                f"to {heard_name(widget)!r} {current}"
            )
        missed = [heard_name(w) for w in expected_stops(body) if w not in met]
        assert not missed, f"step {index + 1}: Tab never reaches {missed}"


def test_tab_enters_a_question_at_its_answer(make_main_window, qtbot) -> None:
    window = make_main_window()
    window.go_to_step(2)
    window.activateWindow()
    production = field(window, "impact.production")
    assert isinstance(production, ChoiceField)
    answer = production.buttons["stopped"]  # the example's answer, third of four
    assert answer.isChecked()
    met = tab_through(qtbot, window.pages[2].widget())
    assert answer in met
    assert not [b for b in production.buttons.values() if b in met and b is not answer]


def test_rows_added_or_removed_keep_the_tab_order(make_main_window, qtbot) -> None:
    window = make_main_window()
    window.go_to_step(2)
    window.activateWindow()
    sites = rows(window, "sites")
    qtbot.mouseClick(sites.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(QApplication.focusWidget(), "Oxford")  # the new row's name has the focus
    assert sites.items()[-1]["name"] == "Oxford"
    systems = rows(window, "containment.systems")
    systems.remove_item(0)
    QApplication.processEvents()
    body = window.pages[2].widget()
    met = tab_through(qtbot, body)
    assert met.index(systems.add_button) < met.index(sites.field_for("sites[0].name").focusProxy())
    oxford = sites.field_for(f"sites[{len(sites.items()) - 1}].name")
    assert oxford is not None
    assert met.index(oxford.focusProxy()) < met.index(sites.add_button)


def test_steps_change_from_the_keyboard_and_the_focus_follows(make_main_window, qtbot) -> None:
    window = make_main_window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    name = field(window, "organisation.name").focusProxy()
    name.setFocus()
    qtbot.keyClick(name, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentIndex() == 1
    focus = QApplication.focusWidget()
    assert focus is not None and window.pages[1].isAncestorOf(focus)  # typing goes on there
    qtbot.keyClick(focus, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentIndex() == 0
    window.steps.setFocus()
    qtbot.keyClick(window.steps, Qt.Key.Key_Down)
    assert window.stack.currentIndex() == 1


def press_alt(qtbot, window: QWidget, text: str) -> None:
    letter = mnemonic(text)
    assert letter is not None, f"{text!r} has no Alt letter"
    qtbot.keyClick(window, letter, Qt.KeyboardModifier.AltModifier)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_alt_and_a_captions_letter_goes_to_its_field(make_main_window, qtbot, language) -> None:
    window = make_main_window(language=language)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    timezone = field(window, "organisation.timezone")
    caption = next(
        label
        for label in window.pages[0].findChildren(QLabel)
        if label.buddy() is timezone and mnemonic(label.text())
    )
    press_alt(qtbot, window, caption.text())
    assert QApplication.focusWidget() is timezone.focusProxy()
    press_alt(qtbot, window, window.next_button.text())  # a button clicks as it shows it
    qtbot.waitUntil(lambda: window.stack.currentIndex() == 1)


def menus(window: MainWindow) -> Iterator[tuple[str, list[str]]]:
    """(menu title, the texts of its entries) for the menu bar and every menu in it."""
    yield "menu bar", [action.text() for action in window.menuBar().actions()]
    pending = [action.menu() for action in window.menuBar().actions()]
    while pending:
        menu = pending.pop()
        if not isinstance(menu, QMenu):
            continue
        yield menu.title(), [action.text() for action in menu.actions() if action.text()]
        pending += [action.menu() for action in menu.actions() if action.menu() is not None]


def clashes(texts: list[str]) -> list[str]:
    letters = Counter(letter for text in texts if (letter := mnemonic(text)) is not None)
    return [text for text in texts if letters.get(mnemonic(text) or "", 0) > 1]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_no_two_things_share_an_alt_letter(make_main_window, language) -> None:
    window = make_main_window(language=language)
    for title, texts in menus(window):
        assert not clashes(texts), f"{title}: {clashes(texts)}"
        if title != "menu bar" and title != window.files.recent_menu.title():
            untyped = [text for text in texts if mnemonic(text) is None]
            assert len(untyped) <= 2, f"{title}: entries without a letter: {untyped}"
    always = [action.text() for action in window.menuBar().actions()]
    always += [window.back_button.text(), window.next_button.text()]
    for page in [*window.pages, window.review]:
        own = [text_of(widget) for widget in form_candidates(page, skip_inside=BoundField)]
        found = clashes(always + own)
        assert not found, f"{getattr(page, 'title', 'review')}: {found}"
        groups = [box for box in page.findChildren(QGroupBox) if box.title()]
        assert all(mnemonic(box.title()) for box in groups)  # every group can be reached


def opened(monkeypatch, open_it: Callable[[], object]) -> QDialog:
    """The dialog or window ``open_it`` shows, left open to be read."""
    shown: list[QDialog] = []

    def look(dialog: QDialog) -> int:
        shown.append(dialog)
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(QDialog, "exec", look)
    monkeypatch.setattr(QDialog, "show", lambda dialog: shown.append(dialog))
    window = open_it()
    return window if isinstance(window, QDialog) else shown[0]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_dialogs_fields_are_named_and_letters_unique(make_main_window, monkeypatch, language):
    window = make_main_window(language=language)
    small = (window.record.approve, window.exports.export)  # every caption has a letter
    large = (window.library.open_preferences, window.record.open_record)
    for open_it in (*small, *large, window.library.open_template_library):
        dialog = opened(monkeypatch, open_it)
        texts = [text_of(widget) for widget in form_candidates(dialog)]
        assert not clashes(texts), f"{dialog.windowTitle()}: {clashes(texts)}"
        for label in dialog.findChildren(QLabel):
            buddy = label.buddy()
            if buddy is None:
                continue
            assert buddy.focusPolicy() != Qt.FocusPolicy.NoFocus  # its letter leads there
            if open_it in small:
                assert mnemonic(label.text()), f"{dialog.windowTitle()}: {label.text()!r}"
        for widget in stops(dialog):
            assert heard_name(widget), f"{dialog.windowTitle()}: {type(widget).__name__}"
        dialog.deleteLater()
