"""A new user at the main window, for the walk of issue 15's Done-when
(tests/gui/test_first_statement_walkthrough.py): types into the boxes key by key, ticks,
chooses in lists with the keyboard, adds rows, goes on with "Next", and looks at each
step from top to bottom (screenshots, nothing cut, no word of the other language).
It counts what a person does and notes what would surprise one: the preview showing
anything but a draft, or a draft of the interface's language with words of the other."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDateTimeEdit,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from app.errors import CrisisDraftError
from app.facts.models import LANGUAGES
from app.gui.choice_fields import ChoiceField
from app.gui.fields import BilingualField, LineField, ListTextField
from app.gui.main_window import MainWindow
from app.gui.time_fields import DateTimeField
from tests.gui.helpers import settle, type_text
from tests.gui.layout_checks import clipped_widgets, scrolls_sideways
from tests.gui.visible_text import interface_texts, leaks

Section = QDateTimeEdit.Section
CHARACTERS_PER_MINUTE = 200  # a fair typist's pace for a whole text, thinking included
SECONDS_PER_CHOICE = 5  # read the answers, choose one

#: The names a new incident starts without, which the app needs before it drafts at all
#: (app/facts: "names and contacts are required"): until they are typed the preview
#: says so ("The drafts appear here once the facts can be read") instead of drafting.
NAMES_FIRST = frozenset(
    {
        "organisation.name",
        "organisation.city",
        "contacts.media.name",
        "contacts.dealers.name",
        "contacts.staff.name",
        "organisation.timezone",  # empty in a new incident: a zone half typed is never written
    }
)


class Walk:
    """A user at the window: types, ticks, chooses, adds rows, goes to the next step,
    and looks (screenshots). Counts what a person would do; notes every surprise."""

    def __init__(self, window: MainWindow, qtbot, folder: Path, language: str, theme: str) -> None:
        self.window = window
        self.qtbot = qtbot
        self.folder = folder
        self.language = language
        self.theme = theme
        self.fields_typed = 0
        self.characters = 0
        self.choices = 0
        self.rows_added = 0
        self.shots: list[Path] = []
        self.surprises: list[str] = []
        self.waited_during: list[str] = []  # what the user did while the preview waited
        self.looked_at: list[int] = []  # the steps looked at, in order
        self.doing = "File › New"  # what the user is doing, to say where a surprise came
        window.preview.refreshed.connect(self._preview_refreshed)

    @property
    def edits(self) -> int:
        """Field edits: one per field filled, per choice made, per row added."""
        return self.fields_typed + self.choices + self.rows_added

    def seconds_for_a_person(self) -> float:
        return self.characters * 60 / CHARACTERS_PER_MINUTE + SECONDS_PER_CHOICE * (
            self.choices + self.rows_added
        )

    # ----- what the user does
    def _scroll_to(self, widget: QWidget) -> None:
        page = self.window.stack.currentWidget()
        if hasattr(page, "ensureWidgetVisible"):
            page.ensureWidgetVisible(widget)
        QApplication.processEvents()

    def type(self, editor: QLineEdit | QPlainTextEdit, text: str) -> None:
        """Click into an empty box and type ``text``, character by character."""
        assert editor.isEnabled() and editor.isVisibleTo(self.window), editor.accessibleName()
        self.doing = f"typing {text[:30]!r} into {editor.accessibleName()!r}"
        self._scroll_to(editor)
        self.qtbot.mouseClick(
            editor.viewport() if isinstance(editor, QPlainTextEdit) else editor,
            Qt.MouseButton.LeftButton,
            pos=QPoint(10, 10),
        )
        type_text(self.qtbot, editor, text)
        self.fields_typed += 1
        self.characters += len(text)
        self.settled()

    def type_line(self, bound: LineField | ListTextField, text: str) -> None:
        self.type(bound.edit, text)

    def type_both(self, bound: BilingualField, texts: dict[str, str]) -> None:
        for language in LANGUAGES:
            self.type(bound.editors[language], texts[language])

    def click(self, button: QAbstractButton) -> None:
        """Click a radio button, check box or push button where a user aims."""
        assert button.isEnabled() and button.isVisibleTo(self.window), button.text()
        self.doing = f"clicking {button.text() or button.accessibleName()!r}"
        self._scroll_to(button)
        if button.isCheckable():
            at = QPoint(button.height() // 2, button.height() // 2)  # on the indicator
        else:
            at = button.rect().center()
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=at)
        self.settled()

    def choose(self, bound: ChoiceField, value: Any) -> None:
        """Tick the answer that says ``value``: one choice."""
        button = bound.buttons[value]
        self.click(button)
        assert button.isChecked(), button.text()
        self.choices += 1

    def tick(self, box: QAbstractButton) -> None:
        self.click(box)
        assert box.isChecked(), box.text()
        self.choices += 1

    def pick(self, combo: QComboBox, key: str) -> None:
        """Choose the entry meaning ``key`` in a drop-down list, with the keyboard."""
        label = combo.itemText(combo.findData(key))
        if combo.currentData() == key:
            return  # already so: nothing to do
        self.doing = f"choosing {label!r} in {combo.accessibleName()!r}"
        self._scroll_to(combo)
        combo.setFocus(Qt.FocusReason.TabFocusReason)
        target = combo.findText(label)
        while combo.currentIndex() != target:
            step = Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up
            self.qtbot.keyClick(combo, step)
        self.choices += 1
        self.settled()

    def add_row(self, button: QAbstractButton) -> None:
        self.click(button)
        self.rows_added += 1

    def type_date_time(self, bound: DateTimeField, iso: str) -> None:
        """Double-click the first part of the date and time, then type each part."""
        shown = bound.edit
        assert shown.isEnabled(), shown.accessibleName()
        self.doing = f"typing {iso} into {shown.accessibleName()!r}"
        self._scroll_to(shown)
        self.characters += type_date_time(self.qtbot, shown, datetime.fromisoformat(iso))
        self.fields_typed += 1
        self.settled()
        assert bound.model.value(bound.path) == iso, (shown.text(), iso)

    def choose_time_zone(self, bound: LineField, typed: str, zone: str) -> None:
        """Type part of a city's name and pick the zone the list offers."""
        edit = bound.edit
        self.doing = f"typing {typed!r} into {edit.accessibleName()!r} and picking {zone}"
        self._scroll_to(edit)
        self.qtbot.mouseClick(edit, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
        self.qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        self.qtbot.keyClick(edit, Qt.Key.Key_Delete)
        type_text(self.qtbot, edit, typed)
        completer = edit.completer()
        popup = completer.popup()
        self.qtbot.waitUntil(popup.isVisible, timeout=2000)
        offered = [
            completer.completionModel().index(row, 0).data()
            for row in range(completer.completionModel().rowCount())
        ]
        assert zone in offered, offered
        while popup.currentIndex().data() != zone:
            self.qtbot.keyClick(popup, Qt.Key.Key_Down)
        self.qtbot.keyClick(popup, Qt.Key.Key_Return)
        self.fields_typed += 1
        self.characters += len(typed)
        self.settled()
        assert bound.model.value(bound.path) == zone

    def next_step(self) -> None:
        before = self.window.stack.currentIndex()
        self.qtbot.mouseClick(self.window.next_button, Qt.MouseButton.LeftButton)
        self.settled()
        # the next step the incident needs: steps of documents it does not need (the
        # Q&A, the short texts) are hidden in the list and skipped
        shown = [
            row
            for row in range(self.window.steps.count())
            if not self.window.steps.isRowHidden(row)
        ]
        following = next(row for row in shown if row > before)
        assert self.window.stack.currentIndex() == following
        assert self.window.steps.currentRow() == following

    # ----- what the user sees
    def settled(self) -> None:
        QApplication.processEvents()  # rows just added are shown, the preview asked
        settle(self.qtbot, self.window)
        for leak in preview_leaks(self.window):
            if f"{self.doing}: {leak}" not in self.surprises:
                self.surprises.append(f"{self.doing}: {leak}")

    def _preview_refreshed(self) -> None:
        found = preview_surprise(self.window)
        if found is None:
            return
        kind, what = found
        if kind == "waiting":
            if self.doing not in self.waited_during:
                self.waited_during.append(self.doing)
        elif f"{self.doing}: {what}" not in self.surprises:
            self.surprises.append(f"{self.doing}: {what}")

    def look(self, what: str) -> None:
        """Look at the step on screen from top to bottom: screenshots, nothing cut, no
        text of the other language, no page scrolling sideways."""
        self.settled()
        index = self.window.stack.currentIndex()
        page = self.window.stack.currentWidget()
        bar = page.verticalScrollBar() if hasattr(page, "verticalScrollBar") else None
        if bar is not None:
            bar.setValue(0)  # from the top, as one reads a page
        part = 0
        while True:
            QApplication.processEvents()
            self.shoot(
                f"step-{index + 1}-{what}" + (f"-{part + 1}" if bar and bar.maximum() else "")
            )
            if bar is None or bar.value() >= bar.maximum():
                break
            bar.setValue(bar.value() + bar.pageStep())
            part += 1
        if bar is not None:
            bar.setValue(0)
        cut = clipped_widgets(self.window)
        assert cut == [], f"step {index + 1} ({self.language}, {what}): {cut}"
        assert scrolls_sideways(page) == [], f"step {index + 1} scrolls sideways"
        found = leaks(list(interface_texts(self.window)), self.language)
        assert not found, f"step {index + 1} ({self.language}):\n" + "\n".join(found)
        if index not in self.looked_at:
            self.looked_at.append(index)

    def shoot(self, what: str) -> None:
        path = self.folder / f"walk-{self.language}-{self.theme}-{len(self.shots):02d}-{what}.png"
        self.window.grab().save(str(path))
        self.shots.append(path)


def preview_surprise(window: MainWindow) -> tuple[str, str] | None:
    """What the preview shows instead of a draft, if anything, as (kind, description):
    ``waiting`` while only names the app needs first are empty; else ``surprise`` (facts
    it cannot read for another reason, a template's error)."""
    preview = window.preview
    session = window.sessions.current()
    if session is None:
        shown = preview.views[preview.languages()[0]].toPlainText()
        _incident, problems = window.model.validated()
        fields = sorted({problem.field or "?" for problem in problems})
        waiting = all(field in NAMES_FIRST and not window.model.value(field) for field in fields)
        return ("waiting" if waiting else "surprise"), f"no draft ({', '.join(fields)}): {shown!r}"
    for language in preview.languages():
        try:
            session.draft(preview.document, language, preview.template_set, mark_missing=True)
        except CrisisDraftError as error:
            return "surprise", f"an error instead of the {language} draft: {error}"
    return None


def preview_leaks(window: MainWindow) -> list[str]:
    """Words of the other language than the interface's in the draft of the interface's
    language (the lead's own texts are in the language of their box)."""
    language = window.translator.language
    if language not in window.preview.languages():
        return []
    shown = window.preview.views[language].toPlainText()
    return leaks([(f"{language} preview", line) for line in shown.splitlines()], language)


def preview_text(draft_html: str) -> str:
    document = QTextDocument()
    document.setHtml(draft_html)
    return document.toPlainText()


def type_date_time(qtbot, shown: QDateTimeEdit, moment: datetime) -> int:
    """Double-click the first part of ``shown`` (the day, or the month in American
    English) and type each part: the editor moves on by itself once a part is complete
    (a day of 4 to 9, a four-digit year), else Tab takes the user to the next part.
    Returns the keys pressed."""
    line = shown.findChild(QLineEdit)
    assert line is not None
    qtbot.mouseDClick(line, Qt.MouseButton.LeftButton, pos=QPoint(6, line.height() // 2))
    assert line.selectedText() == shown.sectionText(shown.sectionAt(0)), line.selectedText()
    layout = shown.displayFormat()
    twelve_hours = "ap" in layout.lower()
    hour = (moment.hour % 12 or 12) if twelve_hours else moment.hour

    def digits(value: int, letter: str) -> str:  # "dd" shows 02, "d" shows 2
        return f"{value:02d}" if letter * 2 in layout else str(value)

    noon = shown.locale().pmText() if moment.hour >= 12 else shown.locale().amText()
    parts = {
        Section.DaySection: digits(moment.day, "d"),
        Section.MonthSection: digits(moment.month, "M"),
        Section.YearSection: str(moment.year),
        Section.HourSection: digits(hour, "h" if "hh" in layout else "H"),
        Section.MinuteSection: digits(moment.minute, "m"),
        Section.AmPmSection: noon,
    }
    keys = 0
    count = shown.sectionCount()
    for index in range(count):
        section = shown.sectionAt(index)
        assert shown.currentSection() == section, (shown.currentSection(), section)
        type_text(qtbot, shown, parts[section])
        keys += len(parts[section])
        if index + 1 < count and shown.currentSection() == section:
            qtbot.keyClick(shown, Qt.Key.Key_Tab)
            keys += 1
    return keys
