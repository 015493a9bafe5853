"""Colours that follow the system's theme, light or dark, and stay readable on it.

The app sets no palette of its own: Qt gives it the system's (a dark desktop gives a
dark palette). Where the interface wants a colour of its own (a hint in grey, "missing"
in red, the preview's navy headings), it takes it from here: the colour it prefers when
that reads on the palette's background (contrast of at least 4.5:1, WCAG AA for text),
else the same colour brought toward the palette's text until it does. On a light theme
the preferred colours show unchanged; on a dark one they turn lighter.

Widgets keep following a theme changed while the app runs: :func:`follow_palette`
recolours a widget whenever its palette changes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:
    from app.export.preview_html import PreviewColours

READABLE = 4.5  # WCAG AA contrast for body text
STANDS_OUT = 7.0  # headings: WCAG AAA, so on a dark theme they are no dimmer than the text
ALERT = QColor("#b01e1e")  # the red of "missing", errors, overdue
HINT_SHARE = 0.6  # a hint is drawn 60 % of the way from the background to the text

Role = QPalette.ColorRole


def luminance(colour: QColor) -> float:
    """Relative luminance (WCAG 2): 0 for black, 1 for white."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast(first: QColor, second: QColor) -> float:
    """The WCAG contrast ratio of two colours, from 1 (same) to 21 (black on white)."""
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def mix(start: QColor, end: QColor, share: float) -> QColor:
    """The colour ``share`` of the way from ``start`` to ``end`` (0 gives ``start``)."""
    return QColor.fromRgbF(
        start.redF() + (end.redF() - start.redF()) * share,
        start.greenF() + (end.greenF() - start.greenF()) * share,
        start.blueF() + (end.blueF() - start.blueF()) * share,
    )


def readable(
    preferred: QColor, background: QColor, text: QColor, minimum: float = READABLE
) -> QColor:
    """``preferred`` if it reads on ``background`` (contrast ``minimum``); else the first
    colour on the way from it to ``text`` (the theme's own text colour) that does,
    ``text`` at worst."""
    for step in range(21):
        candidate = mix(preferred, text, step / 20)
        if contrast(candidate, background) >= minimum:
            return candidate
    return QColor(text)


def is_dark(palette: QPalette) -> bool:
    """True when the theme draws light text on a dark window."""
    return luminance(palette.color(Role.Window)) < luminance(palette.color(Role.WindowText))


def hint_colour(palette: QPalette, background: Role = Role.Window) -> QColor:
    """A quieter colour than the text for an explanation beside a field, yet readable."""
    back = palette.color(background)
    text = palette.color(Role.WindowText if background == Role.Window else Role.Text)
    return readable(mix(back, text, HINT_SHARE), back, text)


def alert_colour(palette: QPalette, background: Role = Role.Window) -> QColor:
    """Red for what is missing or wrong, lighter on a dark theme."""
    text = palette.color(Role.WindowText if background == Role.Window else Role.Text)
    return readable(ALERT, palette.color(background), text)


def on_base(palette: QPalette, preferred: str, minimum: float = READABLE) -> str:
    """``preferred`` (a CSS colour) made readable on the palette's text background."""
    base, text = palette.color(Role.Base), palette.color(Role.Text)
    return str(readable(QColor(preferred), base, text, minimum).name())


def preview_colours(palette: QPalette) -> PreviewColours:
    """The preview's colours on this theme: the document's own where they read on the
    viewer's background, lighter ones on a dark theme (a table's header row: a shade
    of the background toward the text, as the document's light tint is on paper).
    (The preview's and the record's modules load after the window's first paint.)"""
    from app.export.preview_html import DOCUMENT_COLOURS, PreviewColours

    base, text = palette.color(Role.Base), palette.color(Role.Text)
    dark = luminance(base) < luminance(text)
    return PreviewColours(
        text=str(text.name()),
        heading=on_base(palette, DOCUMENT_COLOURS.heading, STANDS_OUT),
        quote=on_base(palette, DOCUMENT_COLOURS.quote),
        mark=on_base(palette, DOCUMENT_COLOURS.mark),
        rule=str(mix(base, text, 0.45).name()),
        header_fill=str(mix(base, text, 0.15).name()) if dark else DOCUMENT_COLOURS.header_fill,
    )


def diff_colours(palette: QPalette) -> dict[str, str]:
    """Keyword arguments of :func:`app.record.diff.diff_as_html` for this theme."""
    from app.record.diff import DELETED_COLOUR, INSERTED_COLOUR

    return {
        "deleted": on_base(palette, DELETED_COLOUR),
        "inserted": on_base(palette, INSERTED_COLOUR),
    }


class _PaletteFollower(QObject):
    """Calls ``recolour(widget, inherited palette)`` now and whenever the widget's
    palette may have changed (the theme switched, the widget moved to a new parent)."""

    WATCHED = (QEvent.Type.PaletteChange, QEvent.Type.ParentChange, QEvent.Type.StyleChange)

    def __init__(self, widget: QWidget, recolour: Callable[[QWidget, QPalette], None]) -> None:
        super().__init__(widget)
        self.widget = widget
        self.recolour = recolour
        self._busy = False
        widget.installEventFilter(self)
        self.apply()

    def apply(self) -> None:
        if self._busy:
            return  # our own setPalette's PaletteChange
        self._busy = True
        try:
            parent = self.widget.parentWidget()
            inherited = parent.palette() if parent is not None else QApplication.palette()
            self.recolour(self.widget, inherited)
        finally:
            self._busy = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.widget and event.type() in self.WATCHED:
            self.apply()
        return False


def follow_palette(widget: QWidget, recolour: Callable[[QWidget, QPalette], None]) -> None:
    """Keep ``widget`` coloured by ``recolour`` (given the palette it inherits) as the
    theme changes; the roles it sets are its own, the others still inherited."""
    _PaletteFollower(widget, recolour)


def _text_colour(colour_of: Callable[[QPalette], QColor]) -> Callable[[QWidget, QPalette], None]:
    def recolour(widget: QWidget, inherited: QPalette) -> None:
        own = QPalette()
        colour = colour_of(inherited)
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            own.setColor(group, Role.WindowText, colour)
        own.setColor(
            QPalette.ColorGroup.Disabled,
            Role.WindowText,
            inherited.color(QPalette.ColorGroup.Disabled, Role.WindowText),
        )
        widget.setPalette(own)

    return recolour


def show_as_hint(widget: QWidget) -> None:
    """Draw ``widget``'s text (a label) as a hint: quieter than the text, readable."""
    follow_palette(widget, _text_colour(hint_colour))


def show_as_alert(widget: QWidget) -> None:
    """Draw ``widget``'s text (a label) in the theme's readable red."""
    follow_palette(widget, _text_colour(alert_colour))


__all__ = [
    "alert_colour",
    "contrast",
    "diff_colours",
    "follow_palette",
    "hint_colour",
    "is_dark",
    "preview_colours",
    "readable",
    "show_as_alert",
    "show_as_hint",
]
