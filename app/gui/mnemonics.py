"""Alt shortcuts (mnemonics): the underlined letter of a menu, a button, a caption.

Menus carry theirs in the catalogs ("&File", « &Fichier »), placed by the translator.
The steps' captions and group titles are too many to place by hand in two languages
and change whenever a field is added, so they get theirs here, as KDE's accelerator
manager does: after every change of language, each caption takes the first free
letter of its text (the first letter of a word if one is free), skipping the letters
the window's menus and buttons already use, so Alt+letter never means two things on
the screen at once. A caption that finds no free letter gets none (Tab still reaches
its field). Group titles go first: every group of a step gets a letter.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QMenuBar, QWidget

from app.gui.fields import BoundField

LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


def mnemonic(text: str) -> str | None:
    """The letter after the single ``&`` of ``text`` (lower case), if any."""
    index = 0
    while index < len(text) - 1:
        if text[index] == "&":
            if text[index + 1] == "&":
                index += 2
                continue
            return text[index + 1].casefold()
        index += 1
    return None


def without_mnemonic(text: str) -> str:
    """``text`` as it reads: "&File" -> "File", "R&&D" -> "R&D"."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def literal(text: str) -> str:
    """``text`` for a button or caption that reads it as written: "Reactive Q&A" keeps
    its "&" instead of underlining the "A"."""
    return text.replace("&", "&&")


def with_mnemonic(text: str, taken: Iterable[str]) -> tuple[str, str | None]:
    """``text`` (plain) with a ``&`` before its first free letter, and that letter;
    unchanged and ``None`` when every letter of it is taken."""
    used = set(taken)
    starts = [i for i, char in enumerate(text) if i == 0 or not text[i - 1].isalnum()]
    others = [i for i in range(len(text)) if i not in starts]
    for index in starts + others:
        letter = text[index].casefold()
        if letter in LETTERS and letter not in used:
            escaped = text[:index].replace("&", "&&"), text[index:].replace("&", "&&")
            return f"{escaped[0]}&{escaped[1]}", letter
    return text.replace("&", "&&"), None


def text_of(widget: QWidget) -> str:
    if isinstance(widget, QGroupBox):
        return str(widget.title())
    if isinstance(widget, QLabel | QAbstractButton):
        return str(widget.text())
    return ""


def _set_text(widget: QWidget, text: str) -> None:
    if isinstance(widget, QGroupBox):
        widget.setTitle(text)
    elif isinstance(widget, QLabel | QAbstractButton):
        widget.setText(text)


def assign_mnemonics(widgets: Sequence[QWidget], taken: Iterable[str] = ()) -> set[str]:
    """Give each of ``widgets`` (in order of priority) a letter none of the others and
    none of ``taken`` has; a widget whose text has a mnemonic already keeps it. Returns
    the letters in use, ``taken`` included."""
    used = set(taken)
    for widget in widgets:
        letter = mnemonic(text_of(widget))
        if letter is not None:
            used.add(letter)
    for widget in widgets:
        text = text_of(widget)
        if not text or mnemonic(text) is not None:
            continue
        marked, letter = with_mnemonic(without_mnemonic(text), used)
        if letter is not None:
            _set_text(widget, marked)
            used.add(letter)
    return used


def form_candidates(root: QWidget, *, skip_inside: type[QWidget] | None = None) -> list[QWidget]:
    """What may take a letter under ``root``, the most useful first: group titles, then
    captions (labels that give the focus to a field), then buttons whose text is its
    own on the page (ten "Now" buttons could not share one letter). Buttons inside a
    ``skip_inside`` widget (a field's own check boxes and radio buttons) are left to
    Tab and the arrow keys: their caption's letter leads to them."""
    groups = [box for box in root.findChildren(QGroupBox) if box.title()]
    captions = [label for label in root.findChildren(QLabel) if label.buddy() is not None]
    buttons = [
        button
        for button in root.findChildren(QAbstractButton)
        if button.text() and not _inside(button, skip_inside, root)
    ]
    counts: dict[str, int] = {}
    for button in buttons:
        key = without_mnemonic(button.text())
        counts[key] = counts.get(key, 0) + 1
    unique = [button for button in buttons if counts[without_mnemonic(button.text())] == 1]
    return [*groups, *captions, *unique]


def _inside(widget: QWidget, kind: type[QWidget] | None, root: QWidget) -> bool:
    if kind is None:
        return False
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, kind):
            return True
        parent = parent.parentWidget()
    return False


def menu_bar_letters(menu_bar: QMenuBar) -> set[str]:
    """The letters of a window's menus (Alt+F opens File wherever the focus is)."""
    letters = (mnemonic(action.text()) for action in menu_bar.actions())
    return {letter for letter in letters if letter is not None}


def assign_window_mnemonics(
    menu_bar: QMenuBar, buttons: Sequence[QWidget], steps: Sequence[QWidget]
) -> None:
    """The main window's letters: the menus' (from the catalogs), then ``buttons``
    always on screen (Back, Next), then each step's own, which only need to differ
    from each other and from those: one step shows at a time."""
    window_letters = assign_mnemonics(buttons, menu_bar_letters(menu_bar))
    for step in steps:
        assign_mnemonics(form_candidates(step, skip_inside=BoundField), window_letters)


def dialog_mnemonics(dialog: QWidget) -> None:
    """Letters for a dialog's captions, check boxes and buttons (those with one from
    Qt's own catalog, such as "&Yes", keep it)."""
    assign_mnemonics(form_candidates(dialog))


__all__ = [
    "assign_mnemonics",
    "assign_window_mnemonics",
    "dialog_mnemonics",
    "form_candidates",
    "literal",
    "menu_bar_letters",
    "mnemonic",
    "with_mnemonic",
    "without_mnemonic",
]
