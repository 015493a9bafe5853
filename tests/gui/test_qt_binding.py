"""The Qt binding keeps Python's own objects alive: PySide6 6.12.0 on Python 3.11 gave
back None from every Qt method that returns nothing without taking a reference to it,
so None's count fell with each call until the app died ("Fatal Python error:
none_dealloc") a few hundred keystrokes into a new incident. pyproject.toml keeps
PySide6 below 6.12 for that; this says whether a release still does it."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QLineEdit

CALLS = 2000


def test_qt_calls_that_return_nothing_leave_none_alive(qtbot) -> None:
    edit = QLineEdit()
    qtbot.addWidget(edit)
    edit.setText("warm up")
    QApplication.processEvents()
    before = sys.getrefcount(None)
    for index in range(CALLS):
        edit.setText(str(index))  # a method returning nothing, as most setters do
        QApplication.processEvents()
    lost = before - sys.getrefcount(None)
    # other code may drop a few references meanwhile; the broken binding drops 2 a loop
    assert lost < CALLS // 10, f"None lost {lost} references in {CALLS} Qt calls"
