"""The main window's size, place and splitter, kept in the settings between sessions."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect, QSettings, QSize
from PySide6.QtWidgets import QMainWindow, QSplitter, QWidget


def restore_layout(window: QMainWindow, splitter: QSplitter, settings: QSettings) -> None:
    """As the user left them; a first start gets 1500 × 900, or the whole screen where
    that is smaller (a 1280 × 720 laptop), so that nothing starts off-screen."""
    geometry = settings.value("geometry")
    if isinstance(geometry, QByteArray):
        window.restoreGeometry(geometry)
        return _restore_splitter(splitter, settings)
    screen = window.screen().availableGeometry() if window.screen() else None
    if screen is not None and (screen.width() < 1500 or screen.height() < 900):
        window.setGeometry(screen.intersected(QRect(screen.topLeft(), QSize(1500, 900))))
    else:
        window.resize(1500, 900)
    _restore_splitter(splitter, settings)


def _restore_splitter(splitter: QSplitter, settings: QSettings) -> None:
    state = settings.value("splitter")
    if isinstance(state, QByteArray):
        splitter.restoreState(state)


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """``width`` x ``height``, or as much of the screen as is free when that is smaller
    (a record or template window on a 1280 x 720 laptop stays whole on screen)."""
    screen = window.screen().availableGeometry() if window.screen() else None
    if screen is not None:
        width, height = min(width, screen.width()), min(height, screen.height())
    window.resize(width, height)


def save_layout(window: QMainWindow, splitter: QSplitter, settings: QSettings) -> None:
    settings.setValue("geometry", window.saveGeometry())
    settings.setValue("splitter", splitter.saveState())
    settings.sync()
