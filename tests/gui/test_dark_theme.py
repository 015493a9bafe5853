"""Text stays readable on the system's theme, light or dark (a dark palette forced as a
desktop would give it): the preview, the hints, "missing", a row marked in error, the
template editor's colours, and a theme switched while the app runs."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QTextBrowser, QWidget

from app.gui.fields import BilingualField
from app.gui.main_window import MainWindow
from app.gui.row_marks import marked_text
from app.gui.template_window import TemplateWindow
from app.gui.theme import contrast
from tests.gui.helpers import field, rows, settle
from tests.gui.test_accessibility import opened
from tests.gui.themes import dark_palette

READABLE = 4.5


@pytest.fixture
def dark_theme() -> Iterator[None]:
    """The application in a dark theme for one test, the theme before it afterwards."""
    before = QGuiApplication.palette()
    QApplication.setPalette(dark_palette())
    QApplication.processEvents()
    yield
    QApplication.setPalette(before)
    QApplication.processEvents()


def preview_colours(window: MainWindow) -> dict[str, QColor]:
    """The colour of each kind of text the preview draws, as drawn: by the block it is
    in (title, heading, quote, body text, the DRAFT mark)."""
    view = shown_view(window)
    default = view.palette().color(QPalette.ColorRole.Text)
    found: dict[str, QColor] = {}
    block = view.document().begin()
    while block.isValid():
        kind = f"heading {block.blockFormat().headingLevel()}"
        if block.blockFormat().headingLevel() == 0:
            kind = "quote" if block.blockFormat().leftMargin() > 0 else "text"
        if block.blockFormat().alignment() & Qt.AlignmentFlag.AlignHCenter:
            kind = "mark"
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            brush = fragment.charFormat().foreground()
            drawn = brush.color() if brush.style() != Qt.BrushStyle.NoBrush else default
            if fragment.text().strip():
                found[kind] = drawn
            fragments += 1
        block = block.next()
    return found


def shown_view(window: MainWindow) -> QTextBrowser:
    return window.preview.views[window.preview.languages()[0]]


def drawn_background(widget: QWidget) -> QColor:
    """The colour most of ``widget``'s picture is drawn in."""
    image = widget.grab().toImage()
    counts = Counter(
        image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)
    )
    return QColor.fromRgb(counts.most_common(1)[0][0])


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_text_reads_on_the_systems_theme(make_main_window, qtbot, request, theme) -> None:
    if theme == "dark":
        request.getfixturevalue("dark_theme")
    window = make_main_window(language="fr")
    window.go_to_step(2)
    settle(qtbot, window)
    view = shown_view(window)
    background = view.palette().color(QPalette.ColorRole.Base)
    colours = preview_colours(window)
    assert set(colours) >= {"text", "heading 1", "heading 2", "mark"}
    for part, colour in colours.items():
        assert contrast(colour, background) >= READABLE, f"preview {part} {colour.name()}"
    # the preview is drawn on the theme's background, not on a white page
    assert contrast(drawn_background(view.viewport()), background) < 1.1

    production = field(window, "impact.production")
    for hint in production.findChildren(QLabel):
        text = hint.palette().color(QPalette.ColorRole.WindowText)
        behind = drawn_background(hint)
        assert contrast(text, behind) >= READABLE, f"hint {text.name()} on {behind.name()}"
    window.go_to_step(5)
    staff = field(window, "guidance.staff")
    assert isinstance(staff, BilingualField)
    staff.editors["fr"].clear()
    missing = staff.missing["fr"]
    qtbot.waitUntil(missing.isVisible)
    red = missing.palette().color(QPalette.ColorRole.WindowText)
    assert contrast(red, drawn_background(window.pages[5].widget())) >= READABLE
    assert red.red() > red.green()  # still the red of a warning


def test_a_theme_changed_while_the_app_runs_is_followed(make_main_window, qtbot) -> None:
    window = make_main_window()
    light = preview_colours(window)
    before = QGuiApplication.palette()
    QApplication.setPalette(dark_palette())
    try:
        qtbot.waitUntil(lambda: preview_colours(window) != light)
        dark = preview_colours(window)
        base = shown_view(window).palette().color(QPalette.ColorRole.Base)
        assert base.lightness() < 60
        assert all(contrast(colour, base) >= READABLE for colour in dark.values())
    finally:
        QApplication.setPalette(before)


def test_a_row_marked_in_error_reads_on_a_dark_theme(make_main_window, qtbot, dark_theme):
    window = make_main_window()
    window.go_to_step(2)
    sites = rows(window, "sites")
    qtbot.mouseClick(sites.add_button, Qt.MouseButton.LeftButton)  # a site with no name yet
    name = QApplication.focusWidget()
    assert name is not None
    qtbot.waitUntil(lambda: marked_text(name) is not None)
    border = re.search(r"border: 2px solid (#[0-9a-f]{6})", name.styleSheet())
    assert border is not None
    base = name.palette().color(QPalette.ColorRole.Base)
    assert contrast(QColor(border.group(1)), base) >= 3  # WCAG: a part of the interface


def test_template_colours_read_on_a_dark_theme(make_main_window, monkeypatch, dark_theme):
    window = make_main_window()
    library = opened(monkeypatch, window.library.open_template_library)
    assert isinstance(library, TemplateWindow)
    library.editor.setPlainText("---\ntitle: x\n---\n# Heading\n{{ organisation.name }} {# note #}")
    base = library.editor.palette().color(QPalette.ColorRole.Base)
    block = library.editor.document().begin()
    coloured = []
    while block.isValid():
        coloured += [f.format.foreground().color() for f in block.layout().formats()]
        block = block.next()
    assert len(coloured) >= 4  # front matter, heading, expression, comment
    assert all(contrast(colour, base) >= READABLE for colour in coloured)
    library.deleteLater()
