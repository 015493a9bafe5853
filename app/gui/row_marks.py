"""Problems shown on the row they are about: the editor of a row that has an error (a
site without its name, a step without its text, a stopped site in a restored incident)
gets a red frame, a warning icon when it is a line, and the problem as its tooltip, in
the interface language. The list under the preview names the same problems; the marks
only point at them, they decide nothing (:mod:`app.session.problems` does)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLineEdit, QWidget

from app.errors import Problem
from app.facts.vocabulary import LANGUAGES
from app.gui.fields import BilingualField, BoundField
from app.gui.rows import RowsEditor
from app.gui.texts import Gettext
from app.gui.theme import alert_colour

MARKED = "problemMark"  # property: the problem told while the editor is marked
OWN_TOOLTIP = "problemMarkOwnTooltip"  # property: the editor's tooltip, given back after
ICON_NAME = "problem-mark"  # the warning icon's action in a marked line


def show_row_problems(rows: RowsEditor, problems: Iterable[Problem], gettext: Gettext) -> None:
    """Mark every editor of ``rows`` that an error of ``problems`` is about, and clear
    the marks of editors no error is about any more."""
    wanted: dict[QWidget, list[str]] = {}
    for problem in problems:
        field_path = problem.field
        if not problem.blocking or field_path is None:
            continue
        if not field_path.startswith(rows.path + "["):
            continue
        field = rows.field_for(field_path)
        if field is None:
            continue
        for editor in editors_of(field, field_path):
            wanted.setdefault(editor, []).append(problem.translated(gettext))
    for field in rows.findChildren(BoundField):  # the editors of fields, nothing else
        for editor in editors_of(field, field.path):
            if editor.property(MARKED) is not None and editor not in wanted:
                unmark(editor)
    for editor, texts in wanted.items():
        mark(editor, "\n".join(dict.fromkeys(texts)))


def editors_of(field: BoundField, path: str) -> list[QWidget]:
    """The widgets of ``field`` the user types ``path`` into: one language's box of a
    bilingual text (both when the path names neither), else the field's own editor."""
    if isinstance(field, BilingualField):
        language = path.rsplit(".", 1)[-1]
        if language in LANGUAGES:
            return [field.editors[language]]
        return list(field.editors.values())
    return [field.focusProxy() or field]


def mark(editor: QWidget, text: str) -> None:
    from PySide6.QtGui import QAction  # marks come with the checks, after the first paint
    from PySide6.QtWidgets import QStyle

    if editor.property(MARKED) == text:
        return
    if editor.property(MARKED) is None:
        editor.setProperty(OWN_TOOLTIP, editor.toolTip())
    editor.setProperty(MARKED, text)
    editor.setToolTip(text)
    editor.setAccessibleDescription(text)
    red = alert_colour(editor.palette(), QPalette.ColorRole.Base).name()  # as "missing"
    editor.setStyleSheet(
        f"{type(editor).__name__} {{ border: 2px solid {red}; border-radius: 3px; }}"
    )
    if isinstance(editor, QLineEdit):
        icon = editor.findChild(QAction, ICON_NAME)
        if icon is None:
            warning = editor.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
            icon = editor.addAction(warning, QLineEdit.ActionPosition.TrailingPosition)
            icon.setObjectName(ICON_NAME)
        icon.setToolTip(text)


def unmark(editor: QWidget) -> None:
    from PySide6.QtGui import QAction

    editor.setToolTip(str(editor.property(OWN_TOOLTIP) or ""))
    editor.setAccessibleDescription("")
    editor.setStyleSheet("")
    editor.setProperty(MARKED, None)
    if isinstance(editor, QLineEdit):
        icon = editor.findChild(QAction, ICON_NAME)
        if icon is not None:
            editor.removeAction(icon)
            icon.setParent(None)  # gone at once, not at the next turn of the event loop
            icon.deleteLater()


def marked_text(editor: QWidget) -> str | None:
    """The problem ``editor`` is marked with, or ``None`` (what a test reads)."""
    value = editor.property(MARKED)
    return str(value) if value is not None else None
