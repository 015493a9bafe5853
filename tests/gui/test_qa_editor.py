"""The Q&A step as the communications lead uses it: questions added, moved, removed and
answered for this incident only, written into the incident file and shown in the
preview's Q&A at once, in English and in French."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication

from app.facts.models import QaQuestion
from app.facts.qa_questions import qa_question
from app.gui.main_window import MainWindow
from app.gui.qa_step import QaStep
from app.templates.documents import DocumentKind
from tests.conftest import example_document
from tests.gui.helpers import settle, type_text
from tests.gui.layout_checks import clipped_widgets, scrolls_sideways
from tests.gui.test_small_screen import screenshots

DOCUMENTS = ["press_release", "dealer_notice", "staff_message", "qa"]


def incident_with_qa(tmp_path: Path, example: str = "data-affected-paused") -> Path:
    data = example_document(example)
    data.setdefault("drafting", {})["documents"] = DOCUMENTS
    path = tmp_path / "incident.crisis.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def open_qa_step(make_main_window, qtbot, tmp_path: Path, language: str = "en"):
    window = make_main_window(incident=incident_with_qa(tmp_path), language=language)
    step = qa_step(window)
    window.go_to_step(window.pages.index(step))
    show_qa_preview(window, qtbot)
    return window, step


def qa_step(window: MainWindow) -> QaStep:
    return next(page for page in window.pages if isinstance(page, QaStep))


def show_qa_preview(window: MainWindow, qtbot) -> None:
    documents = window.preview.documents
    documents.setCurrentIndex(documents.findData(DocumentKind.QA))
    window.preview.set_language_mode("both")
    settle(qtbot, window)
    drafts = window.preview.drafts
    qtbot.waitUntil(  # the Q&A drawn in both languages, not the document shown before
        lambda: all(
            language in drafts and drafts[language].info.document is DocumentKind.QA
            for language in ("en", "fr")
        )
    )


def preview_text(window: MainWindow, language: str) -> str:
    return window.preview.views[language].toPlainText()


def listed(step: QaStep) -> list[str]:
    return [step.questions.item(row).text() for row in range(step.questions.count())]


def saved_qa(window: MainWindow) -> list[dict]:
    assert window.files.save()
    path = window.model.path
    assert path is not None
    data = json.loads(path.read_text(encoding="utf-8"))
    qa = data["drafting"]["qa"]
    assert isinstance(qa, list)
    return qa


def choose(qtbot, step: QaStep, row: int) -> None:
    item = step.questions.item(row)
    rect = step.questions.visualItemRect(item)
    qtbot.mouseClick(step.questions.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert step.questions.currentRow() == row


def click(qtbot, button) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def replace_text(qtbot, editor, text: str) -> None:
    editor.setFocus()
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    type_text(qtbot, editor, text)


def test_the_step_shows_only_when_the_incident_has_the_qa(
    make_main_window, qtbot, tmp_path
) -> None:
    window = make_main_window()  # the example: the first three documents
    index = window.pages.index(qa_step(window))
    assert window.steps.isRowHidden(index)
    review = window.steps.item(len(window.pages))
    shown = [row for row in range(window.steps.count()) if not window.steps.isRowHidden(row)]
    assert review.text() == f"{len(shown)}. Review and export"  # hidden steps not counted
    window.go_to_step(index - 1)
    window.step_by(1)
    assert window.stack.currentWidget() is window.review  # Next skips the hidden step

    window.model.set_value("drafting.documents", DOCUMENTS)
    assert not window.steps.isRowHidden(index)
    assert window.steps.item(index).text() == f"{index + 1}. Questions and answers"


def test_a_question_added_with_its_answer_is_saved_and_previewed(
    make_main_window, qtbot, tmp_path
) -> None:
    window, step = open_qa_step(make_main_window, qtbot, tmp_path)
    choose(qtbot, step, 12)  # the last: "When will you say more?"
    click(qtbot, step.add_button)
    assert step.questions.currentRow() == 13
    assert QApplication.focusWidget() is step.question_field.editors["en"]
    type_text(qtbot, step.question_field.editors["en"], "Is the mobile app safe to use?")
    type_text(qtbot, step.question_field.editors["fr"], "L’application est-elle sûre ?")
    type_text(qtbot, step.answer_field.editors["en"], "Yes: it was never connected.")
    type_text(qtbot, step.answer_field.editors["fr"], "Oui : elle n’a jamais été reliée.")
    assert listed(step)[13] == "14. Is the mobile app safe to use?"
    settle(qtbot, window)

    own = saved_qa(window)[13]
    assert own["question"] == {
        "en": "Is the mobile app safe to use?",
        "fr": "L’application est-elle sûre ?",
    }
    assert own["answer"]["en"] == "Yes: it was never connected."
    assert "Is the mobile app safe to use?" in preview_text(window, "en")
    assert "Yes: it was never connected." in preview_text(window, "en")
    assert "L’application est-elle sûre" in preview_text(window, "fr")


def test_moving_a_question_down_changes_the_order_in_the_file(
    make_main_window, qtbot, tmp_path
) -> None:
    window, step = open_qa_step(make_main_window, qtbot, tmp_path)
    choose(qtbot, step, 0)
    click(qtbot, step.down_button)
    assert step.questions.currentRow() == 1  # the question moved stays chosen
    assert listed(step)[:2] == ["1. Was it a cyberattack?", "2. What has happened?"]
    keys = [entry.get("key") for entry in saved_qa(window)]
    assert keys[:2] == ["cyberattack", "what_happened"]
    settle(qtbot, window)
    english = preview_text(window, "en")
    assert english.index("Was it a cyberattack?") < english.index("What has happened?")

    click(qtbot, step.up_button)
    assert [entry.get("key") for entry in saved_qa(window)][:2] == ["what_happened", "cyberattack"]


def test_removing_a_built_in_question_drops_it_and_it_can_come_back(
    make_main_window, qtbot, tmp_path
) -> None:
    window, step = open_qa_step(make_main_window, qtbot, tmp_path)
    ransom = qa_question(QaQuestion.RANSOM, "en")
    assert ransom in preview_text(window, "en")
    choose(qtbot, step, list(QaQuestion).index(QaQuestion.RANSOM))
    click(qtbot, step.remove_button)
    settle(qtbot, window)

    assert "ransom" not in [entry.get("key") for entry in saved_qa(window)]
    assert len(saved_qa(window)) == len(QaQuestion) - 1
    assert ransom not in preview_text(window, "en")
    assert qa_question(QaQuestion.RANSOM, "fr") not in preview_text(window, "fr")
    assert not any(ransom in text for text in listed(step))
    assert step.left_out.isVisible() and step.left_out.currentText() == ransom

    click(qtbot, step.bring_back_button)
    settle(qtbot, window)
    assert listed(step)[4] == f"5. {ransom}"
    assert not step.left_out.isVisible()
    assert [entry.get("key") for entry in saved_qa(window)] == [key.value for key in QaQuestion]
    assert ransom in preview_text(window, "en")


def test_a_generated_answer_edited_replaces_it_and_the_facts_answer_comes_back(
    make_main_window, qtbot, tmp_path
) -> None:
    window, step = open_qa_step(make_main_window, qtbot, tmp_path)
    row = list(QaQuestion).index(QaQuestion.CUSTOMER_DATA)
    choose(qtbot, step, row)
    settle(qtbot, window)
    english = step.answer_field.editors["en"]
    french = step.answer_field.editors["fr"]
    # the answer the draft gives, to start from (read once the draft is written)
    qtbot.waitUntil(lambda: bool(english.toPlainText() and french.toPlainText()))
    generated_en, generated_fr = english.toPlainText(), french.toPlainText()
    assert generated_en in " ".join(preview_text(window, "en").split())
    assert step.status.text().startswith("Answered from the facts")
    assert not step.generated_button.isEnabled()

    english.setFocus()
    english.moveCursor(english.textCursor().MoveOperation.End)
    type_text(qtbot, english, " We will write to every customer concerned.")
    settle(qtbot, window)

    entry = saved_qa(window)[row]
    assert entry["key"] == "customer_data"
    assert entry["answer"]["en"] == generated_en + " We will write to every customer concerned."
    assert entry["answer"]["fr"] == generated_fr  # the other language kept as the draft had it
    assert "We will write to every customer concerned." in preview_text(window, "en")
    assert listed(step)[row].endswith("(your answer)")
    assert step.status.text().startswith("Your own answer")

    click(qtbot, step.generated_button)
    settle(qtbot, window)
    assert "answer" not in saved_qa(window)[row]
    assert "We will write to every customer concerned." not in preview_text(window, "en")
    qtbot.waitUntil(lambda: english.toPlainText() == generated_en)
    assert not step.generated_button.isEnabled()


@pytest.mark.parametrize("language", ["fr"])
def test_the_french_window_shows_the_questions_in_french(
    make_main_window, qtbot, tmp_path, language
) -> None:
    window, step = open_qa_step(make_main_window, qtbot, tmp_path, language=language)
    assert listed(step)[0] == "1. Que s’est-il passé\u202f?"  # with French typography
    assert window.steps.item(window.pages.index(step)).text().endswith("Questions-réponses")
    choose(qtbot, step, 4)
    click(qtbot, step.remove_button)
    assert step.left_out.currentText() == "Avez-vous payé une rançon\u202f?"
    assert step.bring_back_button.text().replace("&", "") == "Rétablir"
    window.set_language("en")
    assert listed(step)[0] == "1. What has happened?"
    assert step.left_out.currentText() == "Did you pay a ransom?"


def test_a_question_dragged_lands_where_it_was_dropped(make_main_window, qtbot, tmp_path) -> None:
    window, step = open_qa_step(make_main_window, qtbot, tmp_path)
    choose(qtbot, step, 4)  # "Did you pay a ransom?"
    # what the list does on a drop inside itself (QListWidget moves the row)
    assert step.questions.model().moveRow(QModelIndex(), 4, QModelIndex(), 0)
    assert listed(step)[0] == "1. Did you pay a ransom?"
    assert listed(step)[1] == "2. What has happened?"
    assert step.questions.currentRow() == 0
    keys = [entry.get("key") for entry in saved_qa(window)]
    assert keys[:2] == ["ransom", "what_happened"]
    assert len(keys) == len(QaQuestion)


def test_a_question_the_facts_leave_out_is_asked_once_answered(
    make_main_window, qtbot, tmp_path
) -> None:
    path = incident_with_qa(tmp_path, "it-failure")  # no attack: no attack questions
    window = make_main_window(incident=path)
    step = qa_step(window)
    window.go_to_step(window.pages.index(step))
    show_qa_preview(window, qtbot)
    row = list(QaQuestion).index(QaQuestion.CYBERATTACK)
    qtbot.waitUntil(lambda: listed(step)[row].endswith("(not in the draft)"))
    assert "Was it a cyberattack?" not in preview_text(window, "en")
    choose(qtbot, step, row)
    assert step.status.text().startswith("Not in the draft")
    type_text(qtbot, step.answer_field.editors["en"], "No. A software update failed.")
    type_text(qtbot, step.answer_field.editors["fr"], "Non. Une mise à jour a échoué.")
    settle(qtbot, window)
    assert "Was it a cyberattack?" in preview_text(window, "en")
    assert "No. A software update failed." in preview_text(window, "en")
    assert "Une mise à jour a échoué." in preview_text(window, "fr")
    assert listed(step)[row] == "2. Was it a cyberattack? (your answer)"


def test_a_missing_french_answer_is_a_problem_that_leads_to_its_box(
    make_main_window, qtbot, tmp_path
) -> None:
    window, step = open_qa_step(make_main_window, qtbot, tmp_path)
    click(qtbot, step.add_button)
    type_text(qtbot, step.question_field.editors["en"], "Is the mobile app safe?")
    type_text(qtbot, step.question_field.editors["fr"], "L’application est-elle sûre ?")
    type_text(qtbot, step.answer_field.editors["en"], "Yes.")
    settle(qtbot, window)
    problems = window.preview.problems
    wanted = "Questions and answers › question 2 › Answer (French)"
    rows = [problems.item(row).text() for row in range(problems.count())]
    row = next(index for index, text in enumerate(rows) if wanted in text)
    choose(qtbot, step, 0)  # elsewhere in the list, as a user may be
    window.go_to_step(0)
    problems.itemClicked.emit(problems.item(row))
    assert window.stack.currentWidget() is step
    assert step.questions.currentRow() == 1
    assert QApplication.focusWidget() is step.answer_field.editors["fr"]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_step_fits_a_laptop_screen(make_main_window, qtbot, tmp_path, language) -> None:
    window, step = open_qa_step(make_main_window, qtbot, tmp_path, language=language)
    window.resize(1280, 720)
    QApplication.processEvents()
    choose(qtbot, step, 5)  # a question on two lines in French
    click(qtbot, step.remove_button)  # the list of questions left out shows
    click(qtbot, step.add_button)  # and the editors of an own question
    settle(qtbot, window)
    folder = screenshots(tmp_path)
    for position in ("top", "bottom"):
        bar = step.verticalScrollBar()
        bar.setValue(bar.minimum() if position == "top" else bar.maximum())
        QApplication.processEvents()
        window.grab().save(str(folder / f"qa-step-{language}-{position}.png"))
        assert scrolls_sideways(step) == []
        assert clipped_widgets(step) == [], f"{language}, {position}"
