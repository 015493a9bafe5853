"""Files as a user handles them: save, reopen, unsaved-changes prompt, export, recovery."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time

import docx
import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from app.files.resources import example_incident
from app.gui.export_dialog import ExportDialog


def test_save_then_reopen_gives_the_same_facts(
    make_main_window, qtbot, tmp_path, monkeypatch
) -> None:
    window = make_main_window()
    name = next(f for f in window.pages[0].fields if f.path == "organisation.city")
    name.edit.selectAll()
    qtbot.keyClicks(name.edit, "Birmingham")
    target = tmp_path / "saved.crisis.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    assert window.files.save()  # never saved before: asks where
    assert not window.isWindowModified()
    assert window.windowTitle() == "saved.crisis.json[*] — CrisisDraft"
    saved = json.loads(target.read_text(encoding="utf-8"))
    assert saved["organisation"]["city"] == "Birmingham"
    assert saved["incident"]["statement_at"] == "2025-09-02T09:00:00+01:00"

    reopened = make_main_window(incident=target, session="second")
    assert reopened.model.data() == window.model.data()
    city = next(f for f in reopened.pages[0].fields if f.path == "organisation.city")
    assert city.edit.text() == "Birmingham"
    assert "BIRMINGHAM, 2 September 2025" in reopened.preview.views["en"].toPlainText()


def test_closing_with_unsaved_work_asks_first(make_main_window, qtbot, monkeypatch) -> None:
    window = make_main_window()
    field = next(f for f in window.pages[0].fields if f.path == "title")
    qtbot.keyClicks(field.edit, " (draft)")
    asked: list[str] = []

    def answer(button):
        def question(parent, title, text, *args, **kwargs):
            asked.append(text)
            return button

        return question

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Cancel))
    window.close()
    assert window.isVisible() and asked and "not saved" in asked[0]
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Discard))
    window.close()
    assert not window.isVisible()


def test_opening_a_bad_file_shows_why_and_keeps_the_work(
    make_main_window, tmp_path, monkeypatch
) -> None:
    window = make_main_window()
    before = window.model.data()
    broken = tmp_path / "broken.crisis.json"
    broken.write_text('{"format": "crisisdraft.incident", "format_version": 9}', encoding="utf-8")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    assert not window.files.open_file(broken, confirmed=True)
    assert "newer CrisisDraft" in shown[0]
    assert window.model.data() == before


def test_the_french_interface_says_why_a_file_cannot_be_opened_in_french(
    make_main_window, tmp_path, monkeypatch
) -> None:
    window = make_main_window(language="fr")
    broken = tmp_path / "broken.crisis.json"
    broken.write_text('{"format": "crisisdraft.incident", "format_version": 9}', encoding="utf-8")
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "critical", lambda parent, title, text: shown.append((title, text))
    )
    assert not window.files.open_file(broken, confirmed=True)
    assert shown == [
        (
            "Impossible d’ouvrir l’incident",
            # the file, then its field as the app names it (not its key in the file)
            "broken.crisis.json › Version du format\u00a0: a été écrit par une version plus "
            "récente de "
            "CrisisDraft (version de format 9\u202f; celle-ci lit jusqu’à la 3)\u202f; mettez "
            "CrisisDraft à jour pour l’ouvrir",
        )
    ]


def test_export_from_the_dialog_writes_the_chosen_documents(
    make_main_window, tmp_path, monkeypatch
) -> None:
    window = make_main_window()
    incident, problems = window.model.validated()
    assert incident is not None and not problems
    dialog = ExportDialog(
        window, incident, window.renderer, window.translator.gettext, tmp_path / "out", "x"
    )
    dialog.languages["en"].setChecked(False)
    monkeypatch.setattr(
        QMessageBox, "information", lambda *a, **k: QMessageBox.StandardButton.Close
    )
    dialog.export()
    names = sorted(path.name for path in (tmp_path / "out").iterdir())
    assert names == [
        "northwind-motors_holding-1_2025-09-02-0900_dealer_notice_fr.docx",
        "northwind-motors_holding-1_2025-09-02-0900_press_release_fr.docx",
        "northwind-motors_holding-1_2025-09-02-0900_staff_message_fr.docx",
    ]
    text = "\n".join(p.text for p in docx.Document(tmp_path / "out" / names[1]).paragraphs)
    assert "COMMUNIQUÉ DE PRESSE" in text


def test_copy_puts_rich_and_plain_text_on_the_clipboard(make_main_window) -> None:
    window = make_main_window()
    window.exports.copy_draft()
    clipboard = QApplication.clipboard()
    data = clipboard.mimeData()
    assert "PRESS RELEASE" in data.text()
    assert "<h1>" in data.html()
    assert "COMMUNIQUÉ DE PRESSE" not in data.text()
    clipboard.clear()  # Qt's offscreen clipboard must not outlive the application


def test_copy_with_both_languages_shown_copies_both(make_main_window, qtbot) -> None:
    window = make_main_window()
    window.preview.set_language_mode("both")
    qtbot.waitUntil(lambda: "COMMUNIQUÉ" in window.preview.views["fr"].toPlainText())
    window.exports.copy_draft()
    clipboard = QApplication.clipboard()
    text = clipboard.mimeData().text()
    assert text.index("PRESS RELEASE") < text.index("COMMUNIQUÉ DE PRESSE")
    assert clipboard.mimeData().html().count("<h1>") == 2
    assert "Both drafts copied" in window.statusBar().currentMessage()
    clipboard.clear()


RUN_AND_TYPE = textwrap.dedent(
    """
    import os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from pathlib import Path
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from app.gui.launcher import GuiOptions, make_window
    from app.session.recovery import RecoveryStore

    folder = Path(sys.argv[1])
    app = QApplication([])
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    recovery = RecoveryStore(folder / "recovery", session="crashed")
    window = make_window(GuiOptions(), settings, recovery)
    window.show()
    field = next(f for f in window.pages[0].fields if f.path == "organisation.city")
    field.edit.selectAll()
    QTest.keyClicks(field.edit, "Typed before the crash")
    print("typed", flush=True)
    app.exec()
    """
)


def test_work_typed_before_a_kill_is_offered_at_the_next_start(
    make_main_window, tmp_path, monkeypatch
) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    process = subprocess.Popen(
        [sys.executable, "-c", RUN_AND_TYPE, str(tmp_path)],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "typed"
        recovery_file = tmp_path / "recovery" / "session-crashed.json"
        deadline = time.monotonic() + 20
        while not recovery_file.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert recovery_file.exists(), "no recovery file was written while the app ran"
    finally:
        process.kill()  # SIGKILL on POSIX, TerminateProcess on Windows: no clean-up runs
        process.wait(timeout=10)
        if process.stdout is not None:
            process.stdout.close()

    offered: list[str] = []

    def accept(parent, title, text, *args, **kwargs):
        offered.append(text)  # restore the work; later questions (closing) discard it
        return (
            QMessageBox.StandardButton.Yes
            if len(offered) == 1
            else QMessageBox.StandardButton.Discard
        )

    window = make_main_window()
    monkeypatch.setattr(QMessageBox, "question", accept)
    window.files.offer_recovery()
    assert offered and "Restore it?" in offered[0]
    assert window.model.value("organisation.city") == "Typed before the crash"
    assert window.isWindowModified()
    assert not recovery_file.exists()


@pytest.mark.skipif(sys.platform != "linux", reason="displays are a Linux/BSD matter")
def test_without_a_display_the_command_says_so_in_one_line() -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    result = subprocess.run(
        [sys.executable, "-m", "app", "gui"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "no display" in result.stderr and "crisisdraft export" in result.stderr


def test_the_screenshot_option_renders_the_window_to_a_png(tmp_path) -> None:
    shot = tmp_path / "window.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "app",
            "gui",
            str(example_incident()),
            "--lang",
            "fr",
            "--step",
            "3",
            "--screenshot",
            str(shot),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 20_000


def test_exporting_over_an_earlier_export_asks_replace_keep_both_or_cancel(
    make_main_window, tmp_path, monkeypatch
) -> None:
    window = make_main_window()
    incident, _problems = window.model.validated()
    out = tmp_path / "out"
    monkeypatch.setattr(
        QMessageBox, "information", lambda *a, **k: QMessageBox.StandardButton.Close
    )
    asked: list[str] = []

    def answer(label: str | None):
        def exec_(box: QMessageBox) -> int:
            asked.append(box.text())
            if label is None:
                box.button(QMessageBox.StandardButton.Cancel).click()
            else:
                next(b for b in box.buttons() if b.text() == label).click()
            return 0

        return exec_

    def export_once() -> ExportDialog:
        dialog = ExportDialog(
            window, incident, window.renderer, window.translator.gettext, out, "x"
        )
        dialog.export()
        return dialog

    export_once()
    assert asked == [] and len(list(out.iterdir())) == 6  # nothing there: nothing asked
    monkeypatch.setattr(QMessageBox, "exec", answer(None))
    cancelled = export_once()
    assert cancelled.written == [] and len(list(out.iterdir())) == 6
    assert asked[-1] == (
        f"{out} already holds 6 of these documents from an earlier export of this "
        "statement. Replace them, or keep them and write the new ones beside them?"
    )
    monkeypatch.setattr(QMessageBox, "exec", answer("Keep both"))
    kept = export_once()
    assert sorted(path.name for path in kept.written)[0].endswith("_dealer_notice_en (2).docx")
    assert len(list(out.iterdir())) == 12
    monkeypatch.setattr(QMessageBox, "exec", answer("Replace"))
    export_once()
    assert len(list(out.iterdir())) == 12
