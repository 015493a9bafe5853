"""The lead's texts are spell-checked as they are typed, and a text in the wrong language
is a warning in the problems list."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QTextCharFormat
from PySide6.QtWidgets import QApplication, QLineEdit, QMenu, QMessageBox, QPlainTextEdit

from app.files.user_folders import personal_words_file
from app.gui.fields import BilingualField
from app.gui.main_window import MainWindow
from app.gui.spelling import EditorSpelling, SpellingChecks
from app.interface_text.field_names import field_name
from tests.gui.helpers import field, rows, type_text


def editor_of(window: MainWindow, path: str, language: str) -> QPlainTextEdit | QLineEdit:
    bilingual = field(window, path)
    assert isinstance(bilingual, BilingualField)
    return bilingual.editors[language]


def dictionaries_loaded(qtbot, window: MainWindow) -> None:
    window.spelling.load()  # the window loads them a moment after it opens; not waiting
    qtbot.waitUntil(
        lambda: window.spelling.ready("en") and window.spelling.ready("fr"), timeout=30_000
    )


def underlined(editor: QPlainTextEdit) -> list[str]:
    """The words drawn with the wavy underline, as laid out in the document's blocks."""
    words: list[str] = []
    block = editor.document().begin()
    while block.isValid():
        for span in block.layout().formats():
            style = span.format.underlineStyle()
            if style == QTextCharFormat.UnderlineStyle.WaveUnderline:
                words.append(block.text()[span.start : span.start + span.length])
        block = block.next()
    return words


def type_over(qtbot, editor: QPlainTextEdit | QLineEdit, text: str) -> None:
    """Select the editor's text and type ``text`` over it, key by key (QTest types ASCII
    only: é and ’ are sent as the text of a key, as a keyboard layout sends them)."""
    editor.setFocus()
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    type_text(qtbot, editor, text)


def word_position(editor: QPlainTextEdit, word: str) -> QPoint:
    """Where ``word`` is drawn in the editor's viewport (a right-click aims there)."""
    cursor = editor.textCursor()
    cursor.setPosition(editor.toPlainText().index(word) + 1)
    return editor.cursorRect(cursor).center()


def right_click_and_choose(qtbot, editor: QPlainTextEdit, word: str, choice: str) -> list[str]:
    """Right-click ``word`` and trigger the menu entry ``choice``; the menu's entries."""
    seen: list[str] = []

    def choose() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        seen.extend(action.text() for action in menu.actions())
        (action,) = [action for action in menu.actions() if action.text() == choice]
        menu.close()
        action.trigger()

    QTimer.singleShot(50, choose)
    position = word_position(editor, word)
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, position, editor.viewport().mapToGlobal(position)
    )
    QApplication.sendEvent(editor.viewport(), event)
    qtbot.waitUntil(lambda: bool(seen))
    return seen


def test_a_misspelt_word_typed_in_a_french_text_is_underlined(make_main_window, qtbot) -> None:
    window = make_main_window(language="fr")
    dictionaries_loaded(qtbot, window)
    editor = editor_of(window, "guidance.staff", "fr")
    assert isinstance(editor, QPlainTextEdit)
    type_over(qtbot, editor, "Les systemes de Solihull sont arrêtés aujourd’hui.")
    assert underlined(editor) == ["systemes"]  # Solihull is a site of the facts
    type_over(qtbot, editor, "Les systèmes de Solihull sont arrêtés aujourd’hui.")
    assert underlined(editor) == []
    type_over(qtbot, editor, "Les systemes de Solihull sont arrêtés jusqu’à nouvel ordre.")
    shots = os.environ.get("CRISISDRAFT_SCREENSHOTS")
    if shots:  # to look at: the wavy line under the word
        editor.grab().save(str(Path(shots) / "spelling-underlined-fr.png"))


def test_the_menu_offers_the_word_with_its_accents_and_replaces_it(make_main_window, qtbot) -> None:
    window = make_main_window(language="fr")
    dictionaries_loaded(qtbot, window)
    editor = editor_of(window, "guidance.staff", "fr")
    assert isinstance(editor, QPlainTextEdit)
    type_over(qtbot, editor, "Les systemes sont arrêtés.")
    entries = right_click_and_choose(qtbot, editor, "systemes", "systèmes")
    assert entries[0] == "systèmes"  # the likeliest first, above the editor's own entries
    assert "Ajouter «\u00a0systemes\u00a0» au dictionnaire" in entries
    assert editor.toPlainText() == "Les systèmes sont arrêtés."
    assert window.model.value("guidance.staff.fr") == "Les systèmes sont arrêtés."
    assert underlined(editor) == []


def test_a_word_added_to_the_dictionary_is_no_longer_flagged(make_main_window, qtbot) -> None:
    window = make_main_window()
    dictionaries_loaded(qtbot, window)
    editor = editor_of(window, "guidance.dealers", "en")
    assert isinstance(editor, QPlainTextEdit)
    type_over(qtbot, editor, "Call the Wexcombe desk.")
    assert underlined(editor) == ["Wexcombe"]
    right_click_and_choose(qtbot, editor, "Wexcombe", "Add “Wexcombe” to the dictionary")
    assert underlined(editor) == []
    assert personal_words_file().read_text(encoding="utf-8") == "Wexcombe\n"
    other = editor_of(window, "guidance.staff", "fr")
    type_over(qtbot, other, "Appelez Wexcombe.")
    assert underlined(other) == []  # in every text, in both languages


def test_a_one_line_text_underlines_its_misspelt_words(make_main_window, qtbot) -> None:
    window = make_main_window(language="fr")
    dictionaries_loaded(qtbot, window)
    editor = editor_of(window, "spokesperson.role", "fr")
    assert isinstance(editor, QLineEdit)
    type_over(qtbot, editor, "Directeur generall")
    spelling = editor.findChild(EditorSpelling)
    assert spelling is not None
    qtbot.waitUntil(lambda: [word.text for word in spelling.underlined] == ["generall"])
    menu = spelling.menu_at(editor.cursorRect().center() - QPoint(8, 0))
    offered = [action.text() for action in menu.actions()]
    assert offered[:2] == ["général", "générale"]  # the likeliest first
    menu.actions()[1].trigger()
    assert window.model.value("spokesperson.role.fr") == "Directeur générale"
    qtbot.waitUntil(lambda: spelling.underlined == [])


def test_english_typed_in_the_french_guidance_is_a_warning_naming_the_field(
    make_main_window, qtbot
) -> None:
    window = make_main_window(language="fr")
    editor = editor_of(window, "guidance.staff", "fr")
    type_over(qtbot, editor, "Please stay at home until your manager calls you.")

    def listed() -> list[str]:
        problems = window.preview.problems
        return [problems.item(i).text() for i in range(problems.count())]

    qtbot.waitUntil(lambda: any("se lit comme de l’anglais" in line for line in listed()))
    (line,) = [line for line in listed() if "se lit comme de l’anglais" in line]
    named = field_name("guidance.staff.fr", window.translator.gettext)
    assert line.startswith(f"⚠ {named}")
    assert "(français)" in named


def test_a_word_list_that_cannot_be_written_is_said_and_the_word_still_accepted(
    make_main_window, qtbot, monkeypatch, tmp_path
) -> None:
    window = make_main_window()
    dictionaries_loaded(qtbot, window)
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocked))  # the data folder cannot be made
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: said.append(text))
    editor = editor_of(window, "guidance.dealers", "en")
    assert isinstance(editor, QPlainTextEdit)
    type_over(qtbot, editor, "Call the Wexcombe desk.")
    right_click_and_choose(qtbot, editor, "Wexcombe", "Add “Wexcombe” to the dictionary")
    (message,) = said
    assert message.startswith("“Wexcombe” could not be added to your dictionary (")
    assert message.endswith("it is accepted until you close CrisisDraft.")
    assert underlined(editor) == []


def test_a_restart_step_added_is_checked_too(make_main_window, qtbot) -> None:
    window = make_main_window(language="fr")
    dictionaries_loaded(qtbot, window)
    steps = rows(window, "recovery.steps")
    steps.add_item()
    index = len(window.model.value("recovery.steps")) - 1
    step = steps.field_for(f"recovery.steps[{index}].fr")
    assert isinstance(step, BilingualField)
    editor = step.editors["fr"]
    assert isinstance(editor, QPlainTextEdit)
    type_over(qtbot, editor, "Redémarer la production à Halewood")
    assert underlined(editor) == ["Redémarer"]


def test_the_dictionaries_wait_for_a_pause_in_the_typing(make_main_window, qtbot) -> None:
    """Loading a dictionary holds Python for a tenth of a second at a time: it waits
    until the lead stops typing, so no keystroke waits for it."""
    window = make_main_window()
    checks = SpellingChecks(window.model, lambda: window.translator, window, load_delay_ms=1000)
    for letter in "typing on for longer than the pause":  # a key every 50 ms, 1.7 s
        window.model.set_value("organisation.name", f"Northwind {letter}")
        qtbot.wait(50)
    assert not checks.ready("en") and not checks.ready("fr")
    qtbot.waitUntil(lambda: checks.ready("en") and checks.ready("fr"), timeout=30_000)
    checks.close()
