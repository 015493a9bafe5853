"""A user's template that takes its time does not freeze the window: drafts are
rendered in the background, the typing goes on, the pane says it is drafting, and the
template, once stopped by its time limit, is told once and replaced by the next in
rank."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox, QProgressDialog

from app.files.user_folders import user_template_library
from app.gui.approve_dialog import ApproveDialog
from app.templates.library import LibraryKind
from tests.gui.helpers import field

# Each turn builds and upper-cases a 90,000-character text: the 2-second limit stops it
# well before its 190,000 turns (under the 200,000-turn limit) are done.
SLOW_TEMPLATE = "{% for i in range(190000) %}{% set s = ('a' * 90000).upper() %}{% endfor %}Done"


def slow_template(document: str, language: str) -> Path:
    """The user's own holding template of ``document`` in ``language``, made slow."""
    path = user_template_library() / "holding" / document / f"{language}.md.j2"
    path.parent.mkdir(parents=True)
    path.write_text(SLOW_TEMPLATE, encoding="utf-8")
    return path


def test_a_slow_template_renders_while_the_user_types(make_main_window, qtbot, monkeypatch) -> None:
    window = make_main_window()
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text: told.append(text))
    slow = slow_template("press_release", "en")

    window.library.reload_library()  # returns at once: the draft is written in the background
    assert window.background.busy("preview")
    qtbot.waitUntil(window.preview.drafting.isVisible, timeout=3000)
    assert "Drafting" in window.preview.drafting.text()

    name = field(window, "organisation.name")
    before = window.model.value("organisation.name")
    qtbot.keyClicks(name.edit, " (typed meanwhile)")
    assert window.model.value("organisation.name") == before + " (typed meanwhile)"
    assert window.background.busy("preview")  # the typing did not wait for the template

    qtbot.waitUntil(lambda: bool(told), timeout=60_000)
    assert len(told) == 1
    assert str(slow) in told[0]
    assert "runs for more than 2 seconds" in told[0]
    # The built-in template writes the press release now, with what was typed.
    qtbot.waitUntil(
        lambda: "(typed meanwhile)" in window.preview.views["en"].toPlainText(), timeout=30_000
    )
    assert not window.preview.drafting.isVisible()
    assert "PRESS RELEASE" in window.preview.views["en"].toPlainText()


def test_approving_waits_for_a_slow_template_then_goes_on(
    make_main_window, qtbot, monkeypatch, tmp_path
) -> None:
    window = make_main_window()
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text: told.append(text))
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: pytest.fail(f"warned: {args}"))
    slow_template("staff_message", "fr")  # not on view
    window.library.reload_library()
    incident_file = tmp_path / "nw.crisis.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(incident_file), ""))
    assert window.files.save()
    waiting: list[str] = []

    def look_at_the_wait() -> None:
        waiting.extend(
            w.labelText()
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QProgressDialog) and w.isVisible()
        )
        window.grab().save(str(tmp_path / "waiting.png"))

    def accept(dialog: ApproveDialog) -> int:
        dialog.name.setText("Sam Patel")
        dialog.role.setText("General Counsel")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ApproveDialog, "exec", accept)
    QTimer.singleShot(1000, look_at_the_wait)
    window.record.approve()  # waits for the drafts, the window drawing meanwhile
    assert waiting == ["Writing the drafts (a template is taking its time)…"]
    qtbot.waitUntil(lambda: bool(told), timeout=60_000)  # told when the background's next job ends
    assert len(told) == 1 and "runs for more than 2 seconds" in told[0]
    # Approved as the built-in staff message reads: the slow one is disabled.
    assert len(window.model.value("record.approvals")) == 6


def test_the_template_editor_answers_while_a_slow_template_renders(
    make_main_window, qtbot, monkeypatch
) -> None:
    window = make_main_window()
    monkeypatch.setattr(QMessageBox, "information", lambda *args: None)
    slow_template("dealer_notice", "en")
    window.library.reload_library()
    library_window = window.library.open_template_library()
    library_window.select("holding.dealer_notice", "en", LibraryKind.USER)
    assert "Drafting" in library_window.errors.text()
    qtbot.keyClicks(library_window.editor, "typed while it renders ")
    assert library_window.editor.toPlainText().startswith("typed while it renders ")
    qtbot.waitUntil(lambda: "Drafting" not in library_window.errors.text(), timeout=60_000)
    assert "runs for more than 2 seconds" in library_window.errors.text()
    library_window.close()
