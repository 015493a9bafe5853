"""The window paints first, then loads the rest: what its first paint shows (the facts,
the steps, the preview's frame, nothing claimed before the checks), that nothing moves
when the rest arrives, and what the first paint does not load."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QRect, QSettings
from PySide6.QtWidgets import QLineEdit, QMessageBox, QWidget

from app.gui.launcher import GuiOptions, finish_window, open_window
from app.gui.main_window import MainWindow
from app.gui.step_list import DONE
from app.session.recovery import RecoveryStore
from tests.gui.helpers import settle

ROOT = Path(__file__).resolve().parents[2]
# What the first paint must not wait for: the models, the templates, dates and
# numbers, Markdown, the Word export.
HEAVY = ("pydantic", "jinja2", "babel", "docx", "lxml", "markdown_it", "yaml", "nacl")
# Qt classes whose enums, built when the class is first touched, the first paint does not
# need (an enum of each): Qt's own namespace (93 enums), QStyle, QKeySequence, QMessageBox.
QT_ENUMS_LATER = ("AlignmentFlag", "PixelMetric", "StandardKey", "StandardButton")


class _AtFirstPaint(QObject):
    """What the window shows when it first paints: where its parts are, what they say."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.seen: dict[str, object] | None = None
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint and self.seen is None:
            self.seen = {"places": places(self.window), "texts": texts(self.window)}
        return False


def places(window: MainWindow) -> dict[str, QRect]:
    preview = window.preview
    parts: dict[str, QWidget] = {
        "steps": window.steps,
        "form": window.stack,
        "preview": preview,
        "documents": preview.documents,
        "language": preview.mode,
        "set": preview.template_sets,
        "english view": preview.views["en"],
        "problems line": preview.problems_title,
        "back": window.back_button,
        "next": window.next_button,
        "menu bar": window.menuBar(),
    }
    return {name: QRect(widget.geometry()) for name, widget in parts.items()}


def texts(window: MainWindow) -> dict[str, object]:
    steps = window.steps
    name = next(e for e in window.stack.widget(0).findChildren(QLineEdit) if e.text())
    return {
        "steps": [steps.item(i).text() for i in range(steps.count()) if not steps.isRowHidden(i)],
        "menus": [action.text() for action in window.menuBar().actions()],
        "first field": name.text(),
        "problems line": window.preview.problems_title.text(),
        "back enabled": window.back_button.isEnabled(),
        "title": window.windowTitle(),
    }


def test_the_first_paint_shows_the_facts_and_nothing_moves_when_the_rest_arrives(
    qtbot, tmp_path: Path, write_incident
) -> None:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    # the example with its next update still to come: a promise already past would be
    # listed by the record's checks a moment later (a problem found, not a jump)
    incident = write_incident("northwind.crisis.json", next_update_at="2099-09-03T12:00:00+01:00")
    options = GuiOptions(incident=incident, language="en")
    window = open_window(options, settings, RecoveryStore(tmp_path / "recovery"))
    qtbot.addWidget(window)
    first = _AtFirstPaint(window)
    window.show()
    qtbot.waitUntil(lambda: first.seen is not None, timeout=5_000)
    assert first.seen is not None
    shown = first.seen["texts"]
    assert not window.loaded
    assert shown == {
        "steps": [
            "1. Organisation and contacts",
            "2. What happened",
            "3. Systems and sites",
            "4. Customer data and authorities",
            "5. Recovery",
            "6. What each audience should do",
            "7. Review and export",  # the example has no Q&A, no short texts
        ],
        "menus": ["&File", "&Steps", "&Language", "&Templates", "&Record", "&Help"],
        "first field": "Cyber incident, September 2025",
        "problems line": "Checking the facts…",  # never "ready" before the checks ran
        "back enabled": False,
        "title": "northwind.crisis.json[*] — CrisisDraft",
    }
    assert window.preview.views["en"].placeholderText() == "Drafting…"
    assert not window.preview.views["fr"].isVisible()  # English only, from the start

    finish_window(window, options)
    settle(qtbot, window)
    assert window.loaded
    assert places(window) == first.seen["places"]
    assert texts(window)["steps"] == shown["steps"]
    assert window.steps.mark(0) == DONE
    assert "takes systems offline" in window.preview.views["en"].toPlainText()
    window.preview.check_record()  # the record's checks, due a moment later, find nothing
    settle(qtbot, window)
    assert places(window) == first.seen["places"]
    assert window.preview.problems_title.text() == "Ready to export"
    window.model.replace(window.model.data(), None)  # nothing to save
    window.close()


def test_a_french_first_paint_speaks_french(qtbot, tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = open_window(GuiOptions(language="fr"), settings, RecoveryStore(tmp_path / "r"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.steps.item(0).text() == "1. Organisation et contacts"
    assert window.preview.problems_title.text() == "Vérification des faits…"
    assert window.preview.views["fr"].placeholderText() == "Rédaction…"
    window.close()


def test_a_window_closed_while_loading_closes_unless_typed_into(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    options = GuiOptions(language="en")
    asked: list[str] = []

    def question(_parent: object, title: str, *_args: object) -> QMessageBox.StandardButton:
        asked.append(title)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", question)
    window = open_window(options, settings, RecoveryStore(tmp_path / "recovery"))
    qtbot.addWidget(window)
    window.show()
    window.model.set_value("organisation.name", "Typed before the rest loaded")
    assert not window.close()  # typed work is asked about once the window is whole
    assert window.isVisible() and not asked
    finish_window(window, options)
    qtbot.waitUntil(lambda: asked == ["Unsaved changes"], timeout=5_000)
    assert window.isVisible()  # the user chose Cancel: the window and the typing stay
    assert window.model.value("organisation.name") == "Typed before the rest loaded"
    window.model.replace(window.model.data(), None)
    assert window.close()

    quiet = open_window(options, settings, RecoveryStore(tmp_path / "recovery"))
    qtbot.addWidget(quiet)
    quiet.show()
    assert quiet.close()  # nothing typed: it closes at once


def test_work_typed_while_loading_is_kept_for_a_crash(qtbot, tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    options = GuiOptions(language="en")
    window = open_window(options, settings, RecoveryStore(tmp_path / "recovery"))
    qtbot.addWidget(window)
    window.show()
    window.model.set_value("organisation.name", "Typed before the rest loaded")
    finish_window(window, options)
    # in the recovery folder after the usual pause, as any typing is
    recovery = RecoveryStore(tmp_path / "recovery", session="another start")
    qtbot.waitUntil(lambda: bool(recovery.left_over()), timeout=10_000)
    assert recovery.left_over()[0].data["organisation"]["name"] == "Typed before the rest loaded"
    window.model.replace(window.model.data(), None)
    assert window.close()


def test_the_first_paint_loads_no_models_templates_export_or_idle_qt_enums(
    tmp_path: Path,
) -> None:
    script = f"""
import enum, sys, json
from pathlib import Path
built = []
create = enum.EnumType.__dict__["_create_"]
def watch(cls, name, *args, **kwargs):
    built.append(name)
    return create(cls, name, *args, **kwargs)
enum.EnumType._create_ = watch
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
application = QApplication(sys.argv[:1])
from app.gui.launcher import GuiOptions, open_window
from app.session.recovery import RecoveryStore
scratch = Path({str(tmp_path)!r})
settings = QSettings(str(scratch / "settings.ini"), QSettings.Format.IniFormat)
window = open_window(GuiOptions(language="fr"), settings, RecoveryStore(scratch / "r"))
window.show()
application.processEvents()
loaded = sorted({{name.split(".")[0] for name in sys.modules}} & set({HEAVY!r}))
enums = sorted(set(built) & set({QT_ENUMS_LATER!r}))
name = window.pages[0].fields[1].edit.text()
print(json.dumps({{"loaded": loaded, "enums": enums, "name": name}}))
window.close()
"""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CACHE_HOME=str(tmp_path / "cache"))
    for _start in ("the catalogs compiled if the .po changed", "the start measured"):
        run = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, env=env, cwd=ROOT
        )
        assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout.strip().splitlines()[-1])
    assert report == {"loaded": [], "enums": [], "name": "Northwind Motors"}


def test_a_file_found_faulty_only_when_read_in_full_ends_the_app_naming_the_fault(
    tmp_path: Path,
) -> None:
    example = json.loads((ROOT / "examples" / "northwind-cyberattack.crisis.json").read_text())
    example["organisation"]["kind"] = "spaceship"  # looks like an incident at first sight
    incident = tmp_path / "faulty.crisis.json"
    incident.write_text(json.dumps(example), encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LANGUAGE="en")
    for variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        env[variable] = str(tmp_path / variable.lower())
    run = subprocess.run(
        [sys.executable, "-m", "app", "gui", str(incident)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    assert run.returncode == 2
    assert "faulty.crisis.json" in run.stderr
    assert "organisation.kind" in run.stderr
    assert "Traceback" not in run.stderr
