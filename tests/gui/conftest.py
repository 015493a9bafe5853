"""GUI fixtures: a real main window on the example, with settings and recovery files
in the test's own folder, closed at the end of every test."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

# Without a display, Qt's offscreen screen is the laptop the app must fit: 1280 x 720
# (its own default is 800 x 800), also when CI asks for "offscreen" by name.
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = (
        f"offscreen:configfile={Path(__file__).with_name('laptop-screen.json')}"
    )

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from app.gui.launcher import GuiOptions, make_window
from app.gui.main_window import MainWindow
from app.session.recovery import RecoveryStore
from tests.gui.helpers import settle

WindowMaker = Callable[..., MainWindow]


@pytest.fixture
def make_main_window(qtbot, tmp_path: Path, monkeypatch) -> Iterator[WindowMaker]:
    windows: list[MainWindow] = []
    # Closing with unsaved work asks a question; unless a test answers it itself, discard.
    monkeypatch.setattr(
        QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Discard
    )

    def make(
        incident: Path | None = None, language: str = "en", session: str = "test", **options
    ) -> MainWindow:
        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        recovery = RecoveryStore(tmp_path / "recovery", session=session)
        window = make_window(
            GuiOptions(incident=incident, language=language, **options), settings, recovery
        )
        qtbot.addWidget(window)
        window.show()
        # as a user's window is: in front and taking the keys (a real X server with no
        # window manager leaves it inactive: shortcuts such as F1 and tooltips wait)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
        windows.append(window)
        settle(qtbot, window)  # the first drafts, rendered in the background, are shown
        return window

    yield make
    for window in windows:
        window.close()
    QApplication.processEvents()
    # What a window left running in the background (a slow template's render, stopped
    # by its time limit) ends here, not during the next test.
    qtbot.waitUntil(
        lambda: all(w.background.ended() and w.spelling.ended() for w in windows),
        timeout=60_000,
    )
    assert not [
        w for w in QApplication.topLevelWidgets() if w.isVisible() and isinstance(w, MainWindow)
    ]
