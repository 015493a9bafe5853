"""The template library in the app: sets, editing with the draft following, duplicates."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.files.resources import bundled
from app.files.user_folders import user_template_library
from app.templates.documents import DocumentKind
from app.templates.library import LibraryKind
from app.templates.metadata import TemplateSet


def test_the_set_of_the_facts_is_proposed_and_another_can_be_chosen(
    make_main_window, qtbot
) -> None:
    window = make_main_window()
    preview = window.preview
    assert preview.template_set.value == "holding"  # the example: nothing issued yet
    assert "PRESS RELEASE" in preview.views["en"].toPlainText()
    preview.template_sets.setCurrentIndex(preview.template_sets.findData("update"))
    assert preview.template_set.value == "update"
    qtbot.waitUntil(lambda: "UPDATE" in preview.views["en"].toPlainText(), timeout=2000)
    window.go_to_step(4)  # Recovery
    phase = next(f for f in window.pages[4].fields if f.path == "recovery.phase")
    qtbot.mouseClick(phase.buttons["restored"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: preview.template_set.value == "update", timeout=2000)  # by hand


def test_the_library_opens_on_the_template_of_the_statement_in_force(
    make_main_window, qtbot
) -> None:
    paused = bundled("examples") / "data-affected-paused.crisis.json"  # statement_kind: update
    window = make_main_window(paused)
    assert window.preview.template_set is TemplateSet.UPDATE
    library_window = window.library.open_template_library()
    current = library_window.current
    assert current is not None
    assert (current.meta.id, current.meta.language) == ("update.press_release", "en")
    qtbot.waitUntil(
        lambda: "PRESS RELEASE – UPDATE" in library_window.preview.toPlainText(), timeout=2000
    )
    library_window.close()


def test_editing_a_duplicated_template_updates_its_draft_and_then_the_app(
    make_main_window, qtbot
) -> None:
    window = make_main_window()
    window.preview.chooser.choose(TemplateSet.UPDATE)
    library_window = window.library.open_template_library()
    library_window.select("update.press_release", "en", LibraryKind.BUILT_IN)
    assert library_window.editor.isReadOnly()
    assert not library_window.save_button.isEnabled()
    qtbot.mouseClick(library_window.duplicate_button, Qt.MouseButton.LeftButton)
    mine = user_template_library() / "update" / "press_release" / "en.md.j2"
    assert mine.exists()
    assert library_window.current is not None and library_window.current.path == mine
    assert not library_window.editor.isReadOnly()

    editor = library_window.editor
    text = editor.toPlainText().replace(
        "**PRESS RELEASE – UPDATE**", "**STATEMENT {{ organisation.nam }}**"
    )
    editor.setPlainText(text)
    qtbot.waitUntil(lambda: "nam" in library_window.errors.text(), timeout=2000)
    assert ":" in library_window.errors.text()  # names the file and line
    editor.setPlainText(text.replace("organisation.nam }}", "organisation.name }}"))
    qtbot.waitUntil(
        lambda: "STATEMENT NORTHWIND MOTORS" in library_window.preview.toPlainText().upper(),
        timeout=2000,
    )
    assert library_window.errors.text() == ""

    qtbot.mouseClick(library_window.save_button, Qt.MouseButton.LeftButton)
    assert "STATEMENT {{ organisation.name }}" in mine.read_text(encoding="utf-8")
    qtbot.waitUntil(
        lambda: "STATEMENT Northwind Motors" in window.preview.views["en"].toPlainText(),
        timeout=2000,
    )
    in_force = window.renderer.library.in_force("update.press_release", "en")
    assert in_force is not None and in_force.library.kind is LibraryKind.USER
    library_window.close()


def test_double_clicking_a_fact_inserts_it(make_main_window, qtbot) -> None:
    window = make_main_window()
    library_window = window.library.open_template_library()
    library_window.select("holding.staff_message", "fr", LibraryKind.BUILT_IN)
    library_window.duplicate()
    facts = library_window.facts
    item = facts.findItems("organisation.city", Qt.MatchFlag.MatchExactly)[0]
    library_window.editor.moveCursor(library_window.editor.textCursor().MoveOperation.End)
    facts.itemDoubleClicked.emit(item)
    assert library_window.editor.toPlainText().endswith("{{ organisation.city }}")
    library_window.close()


def test_importing_a_pack_shows_what_it_adds_first(make_main_window, tmp_path, monkeypatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    window = make_main_window()
    library_window = window.library.open_template_library()
    library_window.select("resolution.press_release", "fr", LibraryKind.BUILT_IN)
    pack = tmp_path / "resolution.zip"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(pack), ""))
    library_window.export_pack()
    assert pack.exists()
    shown: list[str] = []

    def answer(parent, title, text, *args, **kwargs):
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(pack), ""))
    monkeypatch.setattr(QMessageBox, "question", answer)
    library_window.import_pack()
    assert "+ adds  resolution/press_release/fr.md.j2" in shown[0]
    assert (user_template_library() / "resolution" / "press_release" / "fr.md.j2").exists()
    user_ids = {
        t.meta.id for t in window.renderer.library.templates if t.library.kind is LibraryKind.USER
    }
    # The whole resolution set: one template pair per document of the registry.
    assert user_ids == {f"resolution.{document.value}" for document in DocumentKind}
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    library_window.close()


def test_a_library_in_the_old_layout_is_used_and_noted_once_in_french(
    make_main_window, monkeypatch, qtbot
) -> None:
    window = make_main_window(language="fr")
    mine = user_template_library() / "press_release"
    mine.mkdir(parents=True)
    (mine / "en.md.j2").write_text("# {{ organisation.name }}: in our words\n", "utf-8")
    told: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "information", lambda parent, title, text: told.append((title, text))
    )
    window.library.reload_library()
    window.preview.set_language_mode("en")
    window.preview.refresh()
    qtbot.waitUntil(lambda: "in our words" in window.preview.views["en"].toPlainText().lower())
    ((title, text),) = told
    assert title == "Modèles"
    assert text.startswith(f"{user_template_library()}: ses modèles de première déclaration")
    window.library.reload_library()
    window.library.show_library_notes()
    assert len(told) == 1  # once


def test_a_broken_template_says_why_in_french(make_main_window, qtbot, monkeypatch) -> None:
    window = make_main_window(language="fr")
    mine = user_template_library() / "holding" / "staff_message"
    mine.mkdir(parents=True)
    (mine / "fr.md.j2").write_text("# {{ organisation.nom }}\n", "utf-8")
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: told.append(text))
    window.library.reload_library()
    assert told == [
        f"{mine / 'fr.md.j2'}: ce modèle ne peut pas être utilisé (ligne 1\u00a0: "
        "«\u00a0organisation.nom\u00a0» n’est pas un fait de l’incident), donc le suivant "
        "dans l’ordre rédige ce projet jusqu’à sa correction (voir Modèles › Bibliothèque de "
        "modèles)"
    ]  # a notice once: the next start does not repeat it
    window.library.show_library_notes()
    assert len(told) == 1
    library_window = window.library.open_template_library()
    library_window.select("holding.staff_message", "fr", LibraryKind.USER)
    assert (
        "Inutilisable\u00a0: ligne 1\u00a0: «\u00a0organisation.nom\u00a0» n’est pas un fait "
        "de l’incident"
    ) in library_window.details.text()
    library_window.close()
