"""What a user sees as cut short on a small screen, found from the widgets themselves:
a caption, button or check box narrower than its text needs, a drop-down list whose
choice does not fit, a date field whose date is cut, a tab behind scroll arrows, a
wrapped label shorter than its lines, a page that scrolls sideways, a window larger
than the screen."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QTabBar,
    QWidget,
)

COMBO_CHROME = 28  # pixels a drop-down list spends on its frame and arrow besides the text
SPIN_MARGINS = 4  # pixels a date field's text box keeps free around its text


def clipped_widgets(root: QWidget) -> list[str]:
    """Every visible widget under ``root`` whose text is cut, described for a reader."""
    found: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) or widget.width() <= 0:
            continue
        problem = _cut(widget)
        if problem:
            found.append(f"{type(widget).__name__} {problem}")
    return found


def _cut(widget: QWidget) -> str | None:
    if isinstance(widget, QLabel) and widget.text() and widget.pixmap().isNull():
        if widget.wordWrap():
            needed = widget.heightForWidth(widget.width())
            if needed > widget.height() + 1:
                return f"{widget.text()[:50]!r}: {widget.height()} px high, needs {needed}"
        elif widget.width() < widget.sizeHint().width():
            return _too_narrow(widget, widget.text())
    elif isinstance(widget, QAbstractButton) and widget.text():
        if widget.width() < widget.sizeHint().width():
            return _too_narrow(widget, widget.text())
        if widget.height() < widget.minimumSizeHint().height():
            return f"{widget.text()[:50]!r}: {widget.height()} px high, overlapped"
    elif isinstance(widget, QComboBox) and not widget.isEditable():
        text = widget.currentText()
        needed = widget.fontMetrics().horizontalAdvance(text) + COMBO_CHROME
        if text and widget.width() < needed:
            return f"{text[:50]!r}: {widget.width()} px wide, needs {needed}"
    elif isinstance(widget, QAbstractSpinBox) and (line := widget.findChild(QLineEdit)):
        text = line.text()  # a date and time as the locale writes it
        needed = line.fontMetrics().horizontalAdvance(text) + SPIN_MARGINS
        if text and line.width() < needed:
            return f"{text[:50]!r}: {line.width()} px wide, needs {needed}"
    elif isinstance(widget, QTabBar):
        for index in range(widget.count()):
            if not widget.rect().contains(widget.tabRect(index)):
                return f"tab {widget.tabText(index)!r} is behind scroll arrows"
    return None


def _too_narrow(widget: QWidget, text: str) -> str:
    return f"{text[:50]!r}: {widget.width()} px wide, needs {widget.sizeHint().width()}"


def scrolls_sideways(root: QWidget) -> list[str]:
    """The scroll areas under ``root`` (step pages, dialogs) that show a horizontal bar."""
    return [
        f"{type(area).__name__} {area.accessibleName() or area.objectName()}"
        for area in root.findChildren(QScrollArea)
        if area.isVisibleTo(root)
        and isinstance(area, QAbstractScrollArea)
        and area.horizontalScrollBar().isVisible()
    ]


def outside_screen(window: QWidget, screen: QRect) -> bool:
    return window.width() > screen.width() or window.height() > screen.height()
