"""The dark theme the GUI tests force, as a desktop gives it."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette


def dark_palette() -> QPalette:
    """A dark theme as a desktop gives it: light text on dark grey, the bevels and
    frames Qt works out from the button and window colours."""
    palette = QPalette(QColor("#3c3c3c"), QColor("#2b2b2b"))  # button, window
    roles = QPalette.ColorRole
    colours = {
        roles.WindowText: "#e8e8e8",
        roles.Base: "#1e1e1e",
        roles.AlternateBase: "#262626",
        roles.Text: "#e8e8e8",
        roles.ButtonText: "#e8e8e8",
        roles.BrightText: "#ffffff",
        roles.Highlight: "#2f6fb3",
        roles.HighlightedText: "#ffffff",
        roles.Link: "#7ab8ff",
        roles.ToolTipBase: "#3a3a3a",
        roles.ToolTipText: "#e8e8e8",
        roles.PlaceholderText: "#9a9a9a",
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#808080"))
    return palette
