"""The interface text a user reads in a window (captions, buttons, titles, choices,
menus, tips, placeholders), without what the user typed or the drafts themselves, and
the test of whether one of them is in the other language."""

from __future__ import annotations

import re
from collections.abc import Iterator

from babel.messages.pofile import read_po
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTableWidget,
    QTabWidget,
    QTextEdit,
    QTreeWidget,
    QWidget,
)

from app.interface_text.translator import catalog_path

#: Words that are English and never French: one of them in a French window is a leak.
ENGLISH_ONLY = frozenset(
    """
    the and of to is are with this that your you for from will which has have its
    was were been being not no yes none all any open save close cancel help edit
    remove add now fit copy print back next previous search find show view file
    files new draft drafts approve approved export exported issued statement
    statements step steps template templates library settings preferences language
    languages english french warning warnings error errors problem problems ready
    missing unknown known yet when what who why how where here there then than into
    onto about after before while during until since please choose chosen select
    selected time times today tomorrow yesterday week weeks day days hour hours
    minute minutes left ago overdue due
    """.split()  # noqa: SIM905 (a word list reads best as words)
)
#: Words that are French and never English: one of them in an English window is a leak.
FRENCH_ONLY = frozenset(
    """
    le la les des du une aux au est sont avec pour dans sur par qui que quoi où
    étape étapes projet projets fichier fichiers enregistrer ouvrir fermer annuler
    aide modifier supprimer ajouter maintenant copier imprimer suivant précédent
    rechercher afficher nouveau nouvelle approuver exporter déclaration modèle
    modèles préférences langue anglais français avertissement erreur problème prêt
    manquant inconnu encore jour jours heure heures semaine
    """.split()  # noqa: SIM905 (a word list reads best as words)
)
WORD = re.compile(r"[A-Za-zÀ-ÿœŒ’']+")
PATH = re.compile(r"\S*[/\\]\S*")  # a file or folder name: not words of a language
#: Each language named in its own language, as the Language menu offers them.
AUTONYMS = frozenset({"English", "Français"})


def interface_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every piece of interface text under ``root`` a user can read."""
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        name = type(widget).__name__
        if widget.isWindow() and widget.windowTitle():
            yield f"{name} title", widget.windowTitle()
        if widget.toolTip():
            yield f"{name} tooltip", widget.toolTip()
        if widget.whatsThis():
            yield f"{name} What's This", widget.whatsThis()
        if widget.accessibleName():
            yield f"{name} accessible name", widget.accessibleName()
        yield from ((f"{name}", text) for text in _own_texts(widget))


def _own_texts(widget: QWidget) -> list[str]:
    if widget.property("sampleLanguage"):  # shows the other language on purpose
        return []
    if isinstance(widget, QLabel):
        return [widget.text()]
    if isinstance(widget, QAbstractButton):
        return [widget.text()]
    if isinstance(widget, QGroupBox):
        return [widget.title()]
    if isinstance(widget, QLineEdit | QPlainTextEdit):
        return [widget.placeholderText()]  # what is typed is the lead's, in any language
    if isinstance(widget, QComboBox) and not widget.isEditable():
        return [widget.itemText(i) for i in range(widget.count())]
    if isinstance(widget, QTabBar):
        return [widget.tabText(i) for i in range(widget.count())]
    if isinstance(widget, QTabWidget):
        return [widget.tabText(i) for i in range(widget.count())]
    if isinstance(widget, QTableWidget):
        return [
            item.text()
            for column in range(widget.columnCount())
            if (item := widget.horizontalHeaderItem(column)) is not None
        ]
    if isinstance(widget, QTreeWidget):
        header = widget.headerItem()
        return [header.text(column) for column in range(header.columnCount())]
    if isinstance(widget, QMenu):
        return [action.text() for action in widget.actions()]
    if isinstance(widget, QListWidget | QTextEdit):
        return []  # problems and drafts: checked by their own tests
    return []


def leaks(texts: list[tuple[str, str]], language: str) -> list[str]:
    """The texts that read as the other language: a message of the catalog shown
    untranslated, or a word only the other language has."""
    untranslated = untranslated_messages() if language == "fr" else set()
    other = ENGLISH_ONLY if language == "fr" else FRENCH_ONLY
    found = []
    for where, text in texts:
        plain = text.replace("&", "").strip()
        if not plain or plain in AUTONYMS:
            continue
        words = {word.lower().strip("’'") for word in WORD.findall(PATH.sub(" ", plain))}
        if plain in untranslated or words & other:
            found.append(f"{where}: {plain!r}")
    return sorted(set(found))


def untranslated_messages() -> set[str]:
    """The English messages the French catalog translates differently: shown as they
    are in the French interface, they were not passed through the translation."""
    with catalog_path("fr").open("rb") as stream:
        catalog = read_po(stream)
    found = set()
    for message in catalog:
        if message.id and isinstance(message.id, str) and message.string:
            english = message.id.replace("&", "")
            if english != str(message.string).replace("&", "") and len(english) > 3:
                found.add(english)
    return found
