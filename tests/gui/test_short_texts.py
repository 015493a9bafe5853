"""The short-texts step: the lead reads and words the X post, LinkedIn post, banner and
SMS, each with a counter that counts as its channel does, an error past the limit, and
Copy; her wording goes into the incident file, and "Use the generated text" takes it
out again."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from app.facts.models import Language, ShortText
from app.gui.main_window import MainWindow
from app.gui.row_marks import marked_text
from app.gui.short_text_field import ShortTextField
from app.gui.short_texts_step import ShortTextsStep
from app.gui.step_list import PROBLEMS
from tests.conftest import example_document
from tests.gui.helpers import field, settle, type_text
from tests.gui.layout_checks import clipped_widgets, scrolls_sideways
from tests.gui.test_small_screen import laptop_window, screenshots

WITH_SHORT_TEXTS = ["press_release", "dealer_notice", "staff_message", "social"]


def incident_with_short_texts(tmp_path: Path, example: str = "it-failure") -> Path:
    """The example, its lead having asked for the short texts too."""
    data = example_document(example)  # the bundled copy: CI has no ../shared
    data.setdefault("drafting", {})["documents"] = WITH_SHORT_TEXTS
    path = tmp_path / f"{example}.crisis.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def short_texts_step(window: MainWindow) -> ShortTextsStep:
    return next(page for page in window.pages if isinstance(page, ShortTextsStep))


def open_step(qtbot, window: MainWindow) -> ShortTextsStep:
    """Go to the short-texts step as a user does (its row in the step list), and wait
    for the texts the drafts give."""
    step = short_texts_step(window)
    row = window.pages.index(step)
    assert not window.steps.isRowHidden(row), "the step is not offered"
    window.steps.setCurrentRow(row)
    settle(qtbot, window)
    qtbot.waitUntil(lambda: all(text.lengths["en"] is not None for text in step.short_texts))
    return step


def clear(qtbot, editor: QPlainTextEdit) -> None:
    """Select everything in the box and delete it, with the keyboard."""
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor, Qt.Key.Key_Delete)


def retype(qtbot, text_field: ShortTextField, language: str, text: str) -> QPlainTextEdit:
    editor = text_field.editors[language]
    assert isinstance(editor, QPlainTextEdit)
    clear(qtbot, editor)
    type_text(qtbot, editor, text)
    return editor


def sent(window: MainWindow, key: str, language: Language) -> str | None:
    """The text ``key`` as the draft in ``language`` holds it now."""
    drafted = window.short_texts.drafted(ShortText(key), language)
    return drafted.text if drafted is not None else None


def saved(window: MainWindow) -> dict:
    assert window.files.save()
    assert window.model.path is not None
    return json.loads(window.model.path.read_text(encoding="utf-8"))


@pytest.fixture
def window(make_main_window, tmp_path) -> MainWindow:
    return make_main_window(incident_with_short_texts(tmp_path))


def test_the_step_shows_every_text_from_the_facts_with_its_count(qtbot, window) -> None:
    step = open_step(qtbot, window)
    names = [text.spec.key for text in step.short_texts]
    assert names == ["x_post", "linkedin", "banner", "sms_staff", "sms_dealers"]
    sms = step.field_of("sms_staff")
    assert sms.editors["en"].toPlainText().startswith("Pinecrest Motors USA")
    assert sms.counters["en"].text().endswith("/ 160 GSM-7 characters, 1 segment")
    assert not sms.generated_button.isEnabled()  # nothing of hers to drop
    assert "from the facts" in sms.status.text()
    # a screen reader says which text a button is for
    assert sms.copy_buttons["fr"].accessibleName() == "Short texts › SMS to staff (French): Copy"
    assert sms.editors["fr"].accessibleName() == "Short texts › SMS to staff (French)"


def test_typing_in_the_x_post_updates_its_counter(qtbot, window) -> None:
    x_post = open_step(qtbot, window).field_of("x_post")
    retype(qtbot, x_post, "en", "Our dealer systems are down.")
    # counted as she types, before any redraft
    assert x_post.counters["en"].text() == "28 / 280 characters (a link counts as 23)"
    type_text(qtbot, x_post.editors["en"], " Sorry.")
    assert x_post.counters["en"].text() == "35 / 280 characters (a link counts as 23)"


def test_a_link_counts_as_23_characters(qtbot, window) -> None:
    x_post = open_step(qtbot, window).field_of("x_post")
    link = "https://www.pinecrest-usa.example/news/dealer-systems-outage-update-two"
    retype(qtbot, x_post, "en", f"Update: {link}")
    assert x_post.counters["en"].text() == f"{8 + 23} / 280 characters (a link counts as 23)"


def test_a_post_past_280_is_marked_and_named_in_the_problems(qtbot, window) -> None:
    x_post = open_step(qtbot, window).field_of("x_post")
    editor = retype(qtbot, x_post, "en", "Our systems are down. ")
    editor.insertPlainText("Dealers should record every sale on paper. " * 6)  # pasted
    type_text(qtbot, editor, "Thanks.")
    count = len("Our systems are down. ") + 6 * len("Dealers should record every sale on paper. ")
    count += len("Thanks.")
    assert count > 280
    message = f"Too long: {count} / 280 characters (a link counts as 23)"
    assert x_post.errors["en"].isVisibleTo(window)
    assert x_post.errors["en"].text().startswith(message)
    assert not x_post.counters["en"].isVisibleTo(window)
    assert (marked_text(editor) or "").startswith(message)  # the red frame's tooltip
    assert marked_text(x_post.editors["fr"]) is None
    # the problem list names it once the typing pauses, and leads back to the text
    problems = window.preview.problems
    named = "Short texts › X post (English): X post is too long"

    def listed() -> int:
        rows = [row for row in range(problems.count()) if named in problems.item(row).text()]
        assert rows, [problems.item(row).text() for row in range(problems.count())]
        return rows[0]

    qtbot.waitUntil(lambda: listed() >= 0)
    step_row = window.pages.index(short_texts_step(window))
    assert window.steps.mark(step_row) == PROBLEMS
    window.steps.setCurrentRow(0)
    item = problems.item(listed())
    qtbot.mouseClick(
        problems.viewport(), Qt.MouseButton.LeftButton, pos=problems.visualItemRect(item).center()
    )
    assert window.stack.currentWidget() is short_texts_step(window)
    assert editor.hasFocus()
    # shortened again: the mark goes
    clear(qtbot, editor)
    type_text(qtbot, editor, "Our systems are down.")
    assert marked_text(editor) is None
    assert not x_post.errors["en"].isVisibleTo(window)


def test_a_character_beyond_gsm7_takes_an_sms_to_70(qtbot, window) -> None:
    sms = open_step(qtbot, window).field_of("sms_staff")
    retype(qtbot, sms, "fr", "Systèmes en panne. Travail sur papier.")
    assert sms.counters["fr"].text() == "38 / 160 GSM-7 characters, 1 segment"
    type_text(qtbot, sms.editors["fr"], " Merci de votre aide et de votre compréhension, ça ira.")
    length = sms.lengths["fr"]
    assert length is not None and length.limit == 70 and length.unicode_character == "ç"
    assert sms.errors["fr"].text().startswith(f"Too long: {length.count} / 70 Unicode characters")
    assert marked_text(sms.editors["fr"]) is not None


def test_copy_puts_the_text_as_sent_on_the_clipboard(qtbot, window) -> None:
    step = open_step(qtbot, window)
    sms = step.field_of("sms_dealers")
    qtbot.mouseClick(sms.copy_buttons["fr"], Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == sms.editors["fr"].toPlainText()
    # her French, as French typography sends it on X: the apostrophe curled
    x_post = step.field_of("x_post")
    retype(qtbot, x_post, "fr", "L'usine est à l'arrêt.")
    qtbot.mouseClick(x_post.copy_buttons["fr"], Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == "L\u2019usine est à l\u2019arrêt."
    # what the French draft, approved and exported, holds: the same text
    qtbot.waitUntil(lambda: sent(window, "x_post", "fr") == "L\u2019usine est à l\u2019arrêt.")
    # and an SMS goes without it, so that it stays in GSM-7
    retype(qtbot, sms, "fr", "L'usine est à l'arrêt.")
    qtbot.mouseClick(sms.copy_buttons["fr"], Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == "L'usine est à l'arrêt."
    qtbot.waitUntil(lambda: sent(window, "sms_dealers", "fr") == "L'usine est à l'arrêt.")


def test_her_wording_is_saved_and_use_the_generated_text_removes_it(qtbot, window) -> None:
    x_post = open_step(qtbot, window).field_of("x_post")
    generated = {code: x_post.editors[code].toPlainText() for code in ("en", "fr")}
    retype(qtbot, x_post, "en", "Our dealer systems are down; we are on it.")
    assert x_post.generated_button.isEnabled()
    assert "Your own wording" in x_post.status.text()
    wording = saved(window)["drafting"]["short_texts"]["x_post"]
    # her English, and the French she started from (the draft's)
    assert wording == {"en": "Our dealer systems are down; we are on it.", "fr": generated["fr"]}
    settle(qtbot, window)
    window.preview.documents.setCurrentIndex(window.preview.documents.findData("social"))
    settle(qtbot, window)
    assert "we are on it." in window.preview.views["en"].toPlainText()

    sms = short_texts_step(window).field_of("sms_staff")
    retype(qtbot, sms, "en", "Systems down: work on paper. Helpline +1 615 555 0120")

    qtbot.mouseClick(x_post.generated_button, Qt.MouseButton.LeftButton)
    kept = saved(window)["drafting"]["short_texts"]
    assert "x_post" not in kept and kept["sms_staff"]["en"].startswith("Systems down")
    settle(qtbot, window)
    qtbot.waitUntil(lambda: x_post.editors["en"].toPlainText() == generated["en"])
    assert not x_post.generated_button.isEnabled()
    assert "from the facts" in x_post.status.text()
    qtbot.mouseClick(sms.generated_button, Qt.MouseButton.LeftButton)
    assert not saved(window)["drafting"].get("short_texts")  # her last wording: gone


def test_counts_follow_the_facts(qtbot, window) -> None:
    step = open_step(qtbot, window)
    banner = step.field_of("banner")
    before = banner.lengths["en"]
    assert before is not None
    name = field(window, "organisation.name")
    window.steps.setCurrentRow(0)
    retyped = name.edit
    retyped.selectAll()
    type_text(qtbot, retyped, "Pinecrest Motors of North America")
    settle(qtbot, window)
    open_step(qtbot, window)
    grown = len("Pinecrest Motors of North America") - len("Pinecrest Motors USA")
    renamed = "Pinecrest Motors of North America"
    qtbot.waitUntil(lambda: renamed in banner.editors["en"].toPlainText())
    after = banner.lengths["en"]
    assert after is not None and after.count >= before.count + grown
    assert banner.counters["en"].text() == f"{after.count} / 200 characters"
    # the texts still follow the facts: nothing of hers was written (the French, with
    # its no-break spaces, reads back from its box as plain spaces: that is no edit)
    assert renamed in banner.editors["fr"].toPlainText()
    assert not saved(window)["drafting"].get("short_texts")
    assert not banner.generated_button.isEnabled()


def test_the_step_is_offered_only_with_the_short_texts(make_main_window, qtbot) -> None:
    window = make_main_window()  # the example: the first three documents
    step = short_texts_step(window)
    assert window.steps.isRowHidden(window.pages.index(step))


def test_the_step_in_french(make_main_window, qtbot, tmp_path) -> None:
    window = make_main_window(incident_with_short_texts(tmp_path), language="fr")
    sms = open_step(qtbot, window).field_of("sms_staff")
    assert sms.counters["fr"].text().endswith("/ 160 caractères GSM-7, 1 segment")
    assert sms.copy_buttons["fr"].text().replace("&", "") == "Copier"
    assert sms.generated_button.text().replace("&", "") == "Reprendre le texte généré"


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_step_fits_a_laptop_screen(make_main_window, qtbot, tmp_path, language) -> None:
    path = incident_with_short_texts(tmp_path)
    window = laptop_window(lambda **kw: make_main_window(path, **kw), qtbot, language)
    step = open_step(qtbot, window)
    x_post = step.field_of("x_post")
    retype(qtbot, x_post, "en", "Too long. " * 30)  # the error shows, in full
    settle(qtbot, window)
    # the problem list's title changes when the checks come back (a timer): the
    # window is judged once it has laid that out, as the user sees it a moment later
    qtbot.waitUntil(lambda: window.preview.problems.count() > 0)
    qtbot.waitUntil(lambda: clipped_widgets(window) == [], timeout=3000)
    window.grab().save(str(screenshots(tmp_path) / f"short-texts-{language}.png"))
    assert scrolls_sideways(step) == []
    assert step.widget().minimumSizeHint().width() <= step.viewport().width()
    assert clipped_widgets(window) == [], language


def test_another_set_of_templates_gives_its_own_texts(qtbot, window) -> None:
    x_post = open_step(qtbot, window).field_of("x_post")
    assert not x_post.editors["en"].toPlainText().startswith("Pinecrest Motors USA update")
    sets = window.preview.template_sets
    sets.setCurrentIndex(sets.findData("update"))  # chosen by hand in the preview
    settle(qtbot, window)
    qtbot.waitUntil(
        lambda: x_post.editors["en"].toPlainText().startswith("Pinecrest Motors USA update")
    )
    drafted = window.short_texts.drafted(x_post.spec.key, "en")
    assert drafted is not None
    assert x_post.counters["en"].text().startswith(f"{drafted.length.count} / 280")
