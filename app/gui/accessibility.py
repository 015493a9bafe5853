"""What a screen reader says for each editor of a step, and the order Tab follows.

Names: every editor of a step is named as the field it edits is named everywhere else
(:func:`app.interface_text.field_names.field_name`, the table the captions and the
problems list read): "Dealer contact › Name", "Sites › row 2 › Status", "Guidance ›
Staff (French)". A choice adds its answer ("As a precaution: Yes"), so the buttons of
different questions never sound alike; a hint (a tooltip, the text shown in an empty
box) becomes the editor's description. Names are set again whenever the interface
language changes or the rows of a list are rebuilt, in the interface language.

Tab order: Qt's follows the order widgets were made in, which is not always the order
they are laid out in (a list's rows are made after its Add button, a row's second line
before the end of its first). :func:`follow_layout_order` chains a container's editors
in the order of its layouts: left to right along a row, then down.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise
from typing import Any

from PySide6.QtWidgets import (
    QAbstractButton,
    QBoxLayout,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QWidget,
)

from app.gui.choice_fields import OptionalGroup
from app.gui.fields import BilingualField, BoundField
from app.gui.mnemonics import assign_mnemonics, form_candidates, without_mnemonic
from app.gui.rows import RowsEditor, SystemField
from app.gui.texts import N_, Gettext
from app.interface_text.field_names import field_name

# A radio button or check box: its question, then its answer (French puts a space before
# the colon).
ANSWER = N_("{field}: {answer}")


# ----- names


def name_fields(root: QWidget, gettext: Gettext) -> None:
    """Name every editor of every field under ``root`` (a step, a list of rows)."""
    for field in root.findChildren(BoundField):
        if _current(field):
            name_field(field, gettext)
    rows_editors = [root] if isinstance(root, RowsEditor) else root.findChildren(RowsEditor)
    for rows in rows_editors:
        _name_row_buttons(rows, gettext)


def name_field(field: BoundField, gettext: Gettext) -> None:
    """Name the editors that belong to ``field`` itself (a field inside it, such as a
    system's own name, is named for its own path)."""
    name = field_name(field.path, gettext)
    hint = field.toolTip()
    if isinstance(field, BilingualField):
        for language, editor in field.editors.items():
            _name(editor, field_name(f"{field.path}.{language}", gettext), hint)
        return
    if isinstance(field, SystemField):  # the list's item: which system it is
        _name(field.combo, field_name(f"{field.path}.key", gettext), hint)
        return
    for widget in _own_editors(field):
        if isinstance(field, OptionalGroup) and widget is field.box:  # "Yes": the caption asks
            answer = _caption(field) or without_mnemonic(field.box.text())
            _name(widget, gettext(ANSWER).format(field=name, answer=answer), hint)
        elif isinstance(widget, QAbstractButton) and widget.text():
            answer = without_mnemonic(widget.text())
            _name(widget, gettext(ANSWER).format(field=name, answer=answer), hint)
        else:
            _name(widget, name, hint)


def _name_row_buttons(rows: RowsEditor, gettext: Gettext) -> None:
    """A row's remove button says which row it removes: "Sites › row 2: Remove this row"."""
    for index, row in enumerate(_row_widgets(rows)):
        row_name = field_name(f"{rows.path}[{index}]", gettext)
        for button in row.findChildren(QAbstractButton):
            if _owner(button) is None:  # not part of a field: the row's own button
                action = button.toolTip() or without_mnemonic(button.text())
                button.setAccessibleName(gettext(ANSWER).format(field=row_name, answer=action))


def _name(widget: QWidget, name: str, hint: str) -> None:
    widget.setAccessibleName(name)
    description = widget.toolTip() or hint
    if not description and isinstance(widget, QLineEdit):
        description = widget.placeholderText()
    widget.setAccessibleDescription(description)


def _own_editors(field: BoundField) -> Iterator[QWidget]:
    for widget in field.findChildren(QWidget):
        if _focusable(widget) and _owner(widget) is field:
            yield widget


def _owner(widget: QWidget) -> BoundField | None:
    """The innermost field ``widget`` belongs to."""
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, BoundField):
        parent = parent.parentWidget()
    return parent


def _caption(field: QWidget) -> str:
    """The text of the form's caption of ``field`` (empty without one)."""
    parent = field.parentWidget()
    form = parent.layout() if parent is not None else None
    if isinstance(form, QFormLayout):
        label = form.labelForField(field)
        text = getattr(label, "text", None)
        if callable(text):
            return without_mnemonic(str(text()))
    return ""


def _current(field: BoundField) -> bool:
    """False for the field of a row that is being replaced (removed from its layout)."""
    widget: QWidget = field
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, RowsEditor):
            return widget in _row_widgets(parent)
        widget, parent = parent, parent.parentWidget()
    return True


def _row_widgets(rows: RowsEditor) -> list[QWidget]:
    """The rows ``rows`` shows now, top to bottom (not those waiting to be deleted)."""
    layout = rows.layout()
    found: list[QWidget] = []
    if layout is None:
        return found
    for index in range(layout.count()):
        item = layout.itemAt(index)
        inner = item.layout() if item is not None else None
        if inner is None:
            continue
        for row in range(inner.count()):
            row_item = inner.itemAt(row)
            widget = row_item.widget() if row_item is not None else None
            if widget is not None:
                found.append(widget)
    return found


# ----- tab order


def _focusable(widget: QWidget) -> bool:
    """A widget Tab stops at itself (not one that hands the focus to another)."""
    from PySide6.QtCore import Qt  # the keyboard is made ready after the first paint

    return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus) and widget.focusProxy() is None


def _compound(widget: QWidget) -> bool:
    """A widget that hands the focus to one of its parts (a field and its editor)."""
    return widget.focusProxy() is not None


def layout_order(widget: QWidget) -> list[QWidget]:
    """The widgets Tab may stop at inside ``widget``, in the order of its layouts.

    A compound widget (a field that hands the focus to one of its parts) is a stop of
    its own, before its parts: Qt gives the part the focus when Tab reaches it, so
    that part must be the first one laid out ("Known" before its date), or the answer
    of a group of radio buttons (Tab enters a question at its answer and leaves it
    at the next question)."""
    layout = widget.layout()
    parts = _in_layout(layout) if layout is not None else []
    return [widget, *parts] if _focusable(widget) or _compound(widget) else parts


def _in_layout(layout: QLayout) -> list[QWidget]:
    found: list[QWidget] = []
    for item_index in _visual_items(layout):
        item = layout.itemAt(item_index)
        widget = item.widget() if item is not None else None
        inner = item.layout() if item is not None else None
        if widget is not None:
            found += layout_order(widget)
        elif inner is not None:
            found += _in_layout(inner)
    return found


def _visual_items(layout: QLayout) -> list[int]:
    """The indexes of ``layout``'s items as they read: by line, then left to right."""
    indexes = list(range(layout.count()))
    if isinstance(layout, QGridLayout):
        grid = layout

        def cell(index: int) -> tuple[int, int]:
            position: Any = grid.getItemPosition(index)  # (row, column, row span, column span)
            return int(position[0]), int(position[1])

        return sorted(indexes, key=cell)
    if isinstance(layout, QFormLayout):
        form = layout

        def place(index: int) -> tuple[int, int]:
            position: Any = form.getItemPosition(index)  # (row, role)
            label = position[1] == QFormLayout.ItemRole.LabelRole
            return int(position[0]), 0 if label else 1

        return sorted(indexes, key=place)
    if isinstance(layout, QBoxLayout) and layout.direction() in (
        QBoxLayout.Direction.RightToLeft,
        QBoxLayout.Direction.BottomToTop,
    ):
        return indexes[::-1]
    return indexes


def follow_layout_order(container: QWidget) -> None:
    """Chain everything inside ``container`` in the order of its layouts.

    Qt keeps one chain per window, in the order widgets were made, and
    ``QWidget.setTabOrder(a, b)`` puts ``b`` right after ``a`` only when both take
    the focus and neither hands it on. So every widget laid out in ``container``,
    captions included, takes it for the moment and is placed after the one before
    it, a widget before its parts. Giving a field back its editor as focus proxy
    puts the field right before its first part again, where it already is; Qt then
    stops at the field and hands the focus to that editor."""
    from PySide6.QtCore import Qt

    chain = _everything(container)
    held = {widget: (widget.focusProxy(), widget.focusPolicy()) for widget in chain}
    for widget in chain:
        widget.setFocusProxy(None)  # type: ignore[arg-type]  # Qt takes None: no proxy
        widget.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    try:
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
    finally:
        for widget, (_proxy, policy) in held.items():
            widget.setFocusPolicy(policy)  # first: Qt passes a policy on to a proxy
        for widget, (proxy, _policy) in held.items():
            if proxy is not None:
                widget.setFocusProxy(proxy)


def _everything(widget: QWidget) -> list[QWidget]:
    """``widget`` and every widget laid out in it, as a reader meets them."""
    layout = widget.layout()
    inside = _laid_out(layout) if layout is not None else []
    return [widget, *(part for child in inside for part in _everything(child))]


def _laid_out(layout: QLayout) -> list[QWidget]:
    found: list[QWidget] = []
    for index in _visual_items(layout):
        item = layout.itemAt(index)
        widget = item.widget() if item is not None else None
        inner = item.layout() if item is not None else None
        if widget is not None:
            found.append(widget)
        elif inner is not None:
            found += _laid_out(inner)
    return found


# ----- Alt+letter


def captions_lead_to_fields(root: QWidget) -> None:
    """Make Alt and a caption's letter bring the focus to its field. Qt's caption
    hands the focus only to a widget that takes it (a field hands it to a part) and
    would click a button it leads to straight (it must not answer a question), so a
    caption leads to its field, which takes the focus for its first part."""
    from PySide6.QtCore import Qt

    for rows in root.findChildren(RowsEditor):
        _lead_to_first_row(rows)
    for label in root.findChildren(QLabel):
        buddy = label.buddy()
        if buddy is None or isinstance(buddy, RowsEditor):
            continue
        if buddy.focusPolicy() != Qt.FocusPolicy.NoFocus:
            continue
        proxy = buddy.focusProxy() or next((w for w in layout_order(buddy) if _focusable(w)), None)
        if proxy is not None:
            _take_focus_for(buddy, proxy)


def _lead_to_first_row(rows: RowsEditor) -> None:
    """A list's caption leads to the first editor of its first row (a list is no
    field of its own to hand the focus on: Qt would chain it before its Add button,
    its first part); to nothing while the list is empty (Add has its own letter)."""
    parent = rows.parentWidget()
    form = parent.layout() if parent is not None else None
    caption = form.labelForField(rows) if isinstance(form, QFormLayout) else None
    if not isinstance(caption, QLabel):
        return
    current = _row_widgets(rows)
    first = next((w for w in layout_order(current[0]) if _focusable(w)), None) if current else None
    caption.setBuddy(rows if first is None or isinstance(first, QAbstractButton) else first)


def _take_focus_for(widget: QWidget, part: QWidget) -> None:
    """``widget`` takes the focus (for a caption's letter) and gives it to ``part``.
    The policy is set while ``widget`` has no proxy: Qt would pass it on to the proxy,
    and an editor given "click only" would drop out of the Tab order."""
    from PySide6.QtCore import Qt

    widget.setFocusProxy(None)  # type: ignore[arg-type]  # Qt takes None: no proxy
    widget.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
    widget.setFocusProxy(part)


def keyboard_ready(root: QWidget) -> None:
    """A step or a dialog built: its captions lead to their fields, Tab goes as it reads."""
    captions_lead_to_fields(root)
    follow_layout_order(root)


def dialog_ready(dialog: QWidget) -> None:
    """A dialog built: Alt+letters for its captions and buttons (those Qt's catalog
    gives, such as "&Yes", kept), captions that lead to their fields."""
    captions_lead_to_fields(dialog)
    assign_mnemonics(form_candidates(dialog))


def rows_rebuilt(rows: RowsEditor, gettext: Gettext) -> None:
    """After a list's rows are made again (``RowsEditor.rebuilt``): their names, the
    caption that leads to the first row, and Tab through them in order, before the
    Add button."""
    name_fields(rows, gettext)
    _lead_to_first_row(rows)
    follow_layout_order(rows)


__all__ = [
    "captions_lead_to_fields",
    "dialog_ready",
    "follow_layout_order",
    "keyboard_ready",
    "layout_order",
    "name_field",
    "name_fields",
    "rows_rebuilt",
]
