"""The wizard as a user drives it: typing, stepping, problems, language."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QSyntaxHighlighter, QTextCharFormat
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from app.gui.fields import BilingualField, LineField
from app.interface_text.translator import Translator


def field(window, path: str):
    for page in window.pages:
        for candidate in page.fields:
            if candidate.path == path:
                return candidate
    raise AssertionError(f"no field for {path}")


def test_typing_a_name_rewrites_the_preview(make_main_window, qtbot) -> None:
    window = make_main_window()
    name = field(window, "organisation.name")
    assert isinstance(name, LineField)
    name.edit.selectAll()
    qtbot.keyClicks(name.edit, "Southwind Cars")
    qtbot.waitUntil(
        lambda: "Southwind Cars" in window.preview.views["en"].toPlainText(), timeout=2000
    )
    assert window.model.value("organisation.name") == "Southwind Cars"
    assert window.isWindowModified()


def test_typing_french_guidance_shows_in_the_french_preview(make_main_window, qtbot) -> None:
    window = make_main_window(step=6, preview="fr")
    guidance = field(window, "guidance.dealers")
    assert isinstance(guidance, BilingualField)
    editor = guidance.editors["fr"]
    assert isinstance(editor, QPlainTextEdit)
    editor.clear()
    qtbot.keyClicks(editor, "Fermez le showroom le soir.")
    window.preview.documents.setCurrentIndex(1)  # dealer notice
    qtbot.waitUntil(
        lambda: "Fermez le showroom le soir." in window.preview.views["fr"].toPlainText(),
        timeout=2000,
    )


def test_a_missing_french_text_is_marked_listed_and_leads_to_its_field(
    make_main_window, qtbot
) -> None:
    window = make_main_window()
    staff = field(window, "guidance.staff")
    assert isinstance(staff, BilingualField)
    assert staff.missing["fr"].isHidden()
    staff.editors["fr"].clear()
    assert not staff.missing["fr"].isHidden()
    problems = window.preview.problems
    qtbot.waitUntil(
        lambda: problems.count() and "Guidance › Staff (French)" in problems.item(0).text(),
        timeout=2000,
    )
    item = problems.item(0)  # blocking problems come first, warnings ("⚠") after
    assert all(problems.item(i).text()[0] in "⚠ℹ" for i in range(1, problems.count()))
    assert not window.review.export_button.isEnabled()
    window.go_to_step(0)
    window.preview.problems.itemClicked.emit(item)
    assert window.stack.currentIndex() == 5  # "What each audience should do"
    assert window.focusWidget() is staff.editors["fr"]


def test_back_and_next_step_through_and_steps_can_be_reopened(make_main_window, qtbot) -> None:
    window = make_main_window()
    assert not window.back_button.isEnabled()
    # the steps the example needs: not the Q&A's, as it has no Q&A
    shown = [i for i in range(1, window.stack.count()) if not window.steps.isRowHidden(i)]
    assert len(shown) == 6 and shown[-1] == window.stack.indexOf(window.review)
    for expected in shown:
        qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)
        assert window.stack.currentIndex() == expected
    assert not window.next_button.isEnabled()
    window.steps.setCurrentRow(2)
    assert window.stack.currentIndex() == 2


def test_choosing_affected_data_changes_every_draft(make_main_window, qtbot) -> None:
    window = make_main_window(step=4)
    status = next(f for f in window.pages[3].fields if f.path == "data.status")
    qtbot.mouseClick(status.buttons["affected"], Qt.MouseButton.LeftButton)
    categories = next(f for f in window.pages[3].fields if f.path == "data.categories")
    qtbot.mouseClick(categories.boxes["contact_details"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: "some data has been affected" in window.preview.views["en"].toPlainText(),
        timeout=2000,
    )
    assert "no evidence" not in window.preview.views["en"].toPlainText()
    assert window.model.value("data.categories") == ["contact_details"]


def test_switching_the_interface_to_french_redraws_the_labels(make_main_window) -> None:
    window = make_main_window()
    french = Translator("fr").gettext
    assert french("Organisation and contacts") != "Organisation and contacts"
    window.set_language("fr")
    assert window.steps.item(0).text() == "1. " + french("Organisation and contacts")
    assert window.menuBar().actions()[0].text() == french("&File")
    assert window.back_button.text().replace("&", "") == french("‹ Back")  # "&": its Alt letter
    name = field(window, "organisation.name")
    assert isinstance(name.edit, QLineEdit)
    assert name.edit.accessibleName() == "Organisation › Nom"  # as the problems name it
    window.set_language("en")
    assert window.steps.item(0).text() == "1. Organisation and contacts"


def test_a_new_blank_incident_lists_what_to_fill_in_and_shows_no_stale_draft(
    make_main_window, qtbot
) -> None:
    window = make_main_window()
    window.files.new_blank()
    window.preview.refresh()
    assert "fix the problems below" in window.preview.views["en"].toPlainText()
    problems = [
        window.preview.problems.item(i).text() for i in range(window.preview.problems.count())
    ]
    assert any(text.startswith("Organisation › Name: is empty") for text in problems)
    assert window.windowTitle() == "Untitled incident[*] — CrisisDraft"
    assert not window.review.export_button.isEnabled()


def test_window_size_and_splitter_are_remembered(make_main_window) -> None:
    window = make_main_window()
    window.resize(700, 600)  # the offscreen screen is 800 pixels wide: Qt may widen it a bit
    width = window.width()
    window.splitter.setSizes([150, 250, 200])
    sizes = window.splitter.sizes()
    window.close()
    again = make_main_window(session="again")
    assert again.height() == 600
    assert abs(again.width() - width) <= 10  # Qt keeps the window on the small screen
    assert again.splitter.sizes() == sizes


def test_the_about_box_shows_the_version_from_the_project(make_main_window, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from app import __version__

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: shown.append(text))
    window = make_main_window()
    window.about()
    assert __version__ != "0.0.0+source"
    assert f"CrisisDraft {__version__}" in shown[0]


class SpellingMarks(QSyntaxHighlighter):
    """Marks nothing, but redraws the box as a spelling checker does."""

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt's name
        self.setFormat(0, len(text), QTextCharFormat())


def test_a_box_redrawn_without_an_edit_gives_no_text(make_main_window, qtbot) -> None:
    """Redrawing a text box (spelling marks) fires textChanged without an edit: a text not
    given (no spokesperson quoted) stays not given, so the preview keeps its drafts."""
    window = make_main_window()
    window.files.new_blank()
    quote = field(window, "spokesperson.quote")
    assert isinstance(quote, BilingualField)
    redrawn = []
    editor = quote.editors["fr"]
    editor.textChanged.connect(lambda: redrawn.append(True))
    marks = SpellingMarks(editor.document())
    marks.rehighlight()
    assert redrawn, "the redraw was not seen"
    assert window.model.value("spokesperson") is None


def test_a_spokesperson_not_quoted_has_nothing_missing(make_main_window, qtbot) -> None:
    """An unticked spokesperson is not asked for: its role and quote are not "missing"
    (issue 15 saw « manquant » beside the greyed boxes); ticked, they are."""
    window = make_main_window()
    window.files.new_blank()
    role, quote = field(window, "spokesperson.role"), field(window, "spokesperson.quote")
    assert isinstance(role, BilingualField) and isinstance(quote, BilingualField)
    missing = [*role.missing.values(), *quote.missing.values()]
    assert not any(label.isVisibleTo(window) for label in missing)
    toggle = field(window, "spokesperson")
    qtbot.mouseClick(
        toggle.box,
        Qt.MouseButton.LeftButton,
        pos=QPoint(toggle.box.height() // 2, toggle.box.height() // 2),
    )
    assert window.model.value("spokesperson") is not None
    assert all(label.isVisibleTo(window) for label in missing)
