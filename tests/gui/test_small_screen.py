"""The app on a 1280 x 720 laptop screen, in French and in English: every step and
dialog shows its texts in full, no page scrolls sideways, no window is larger than
the screen. Screenshots go to $CRISISDRAFT_SCREENSHOTS when set (to look at them),
else to the test's own folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication

from app.gui.main_window import MainWindow
from tests.gui.dialogs import DIALOGS, dialog_openers, opened_dialog
from tests.gui.helpers import settle
from tests.gui.layout_checks import clipped_widgets, outside_screen, scrolls_sideways

SCREEN = QRect(0, 0, 1280, 720)


def screenshots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("CRISISDRAFT_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def laptop_window(make_main_window, qtbot, language: str, size=(1280, 720)) -> MainWindow:
    window = make_main_window(language=language)
    window.resize(*size)
    QApplication.processEvents()
    settle(qtbot, window)
    assert (window.width(), window.height()) == size, "the window cannot be that small"
    return window


@pytest.mark.parametrize("size", [(1280, 720), (1500, 900)], ids=["laptop", "first-start"])
@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_step_fits_a_laptop_screen(make_main_window, qtbot, tmp_path, language, size) -> None:
    window = laptop_window(make_main_window, qtbot, language, size)
    folder = screenshots(tmp_path)
    for index, page in enumerate(window.pages):
        window.steps.setCurrentRow(index)
        QApplication.processEvents()
        settle(qtbot, window)
        name = f"step-{index + 1}-{language}-{size[0]}x{size[1]}.png"
        window.grab().save(str(folder / name))
        assert scrolls_sideways(page) == [], f"step {index + 1} scrolls sideways"
        assert page.widget().minimumSizeHint().width() <= page.viewport().width()
        assert clipped_widgets(window) == [], f"step {index + 1} ({language})"


@pytest.mark.parametrize("name", DIALOGS)
@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_dialog_fits_and_shows_its_texts_in_full(
    make_main_window, qtbot, tmp_path, monkeypatch, language, name
) -> None:
    window = laptop_window(make_main_window, qtbot, language)
    dialog = opened_dialog(monkeypatch, dialog_openers(window)[name])
    dialog.grab().save(str(screenshots(tmp_path) / f"dialog-{name}-{language}.png"))
    assert not outside_screen(dialog, SCREEN), f"{name}: {dialog.size()} is larger than 1280x720"
    hint = dialog.sizeHint()
    assert dialog.width() >= min(hint.width(), SCREEN.width()), (
        f"{name} is narrower than its content"
    )
    assert dialog.height() >= min(hint.height(), SCREEN.height()), (
        f"{name} is shorter than its content"
    )
    assert scrolls_sideways(dialog) == []
    assert clipped_widgets(dialog) == [], f"{name} ({language})"
    dialog.close()
