"""Spelling of the lead's texts as they are typed: a red wavy line under each word its
language does not know, and a right-click menu offering the likely words and "Add to
dictionary".

Every text of a :class:`~app.gui.fields.BilingualField` is checked in its field's
language (:mod:`app.facts.spelling` decides, Qt-free). The names the facts give (the
organisation, sites, contacts...) and the user's own words are accepted. The two
dictionaries load on a background thread of their own, once, a moment after the
window opens (about a second each: never on a keystroke); nothing is underlined until
then. Misspellings are not problems: a name or a term of the trade would fill the
problem list, so they stay under the words, where the lead is looking.

Multi-line texts use a :class:`QSyntaxHighlighter`. A one-line text (a role, a system's
name) is a :class:`QLineEdit`, which has no highlighter: its words are underlined with
the formats an input method uses to show text being composed, the only way Qt draws
formats in a line edit; they are applied after each change, once composing is done.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from functools import partial

from PySide6.QtCore import QEvent, QObject, QPoint, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QInputMethodEvent,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)

from app.facts.spelling import SpellingDictionary, misspellings, spelling_dictionary
from app.facts.text_words import Word, names_in
from app.facts.vocabulary import LANGUAGES, Language
from app.gui.background import BackgroundWork
from app.gui.fields import BilingualField
from app.gui.incident_model import IncidentModel
from app.gui.texts import N_
from app.interface_text.translator import Translator
from app.session.personal_words import accepted_keys, add_personal_word

logger = logging.getLogger(__name__)

#: The dictionaries start loading once the lead has stopped typing this long (and no
#: sooner after the window opens): loading holds Python's lock for a tenth of a second
#: at a time (pyspellchecker reads each list in one JSON call), which a keystroke would
#: wait for; a pause costs nobody anything. They take about a second each, on their thread.
LOAD_DELAY_MS = 1000
#: The names of the facts are read again after a pause in the typing, not on each key
#: (a name typed in full is then accepted in every text).
NAMES_PAUSE_MS = 300
UNDERLINE = QColor(220, 30, 30)  # red, as every spelling checker underlines


class SpellingChecks(QObject):
    """The window's spelling check: dictionaries, accepted words, and the editors it
    watches. Signals: ``changed()`` when what is flagged may change (a dictionary
    loaded, a word added, a name of the facts changed): every editor checks again."""

    changed = Signal()

    def __init__(
        self,
        model: IncidentModel,
        translator: Callable[[], Translator],
        parent: QObject,
        *,
        load_delay_ms: int = LOAD_DELAY_MS,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.translator = translator
        self._dictionaries: dict[Language, SpellingDictionary] = {}
        self._loading = BackgroundWork(wait_seconds=0.0)
        self._loading.setParent(self)
        self._loading.finished.connect(self._loaded)
        self._personal = accepted_keys()
        self._names: frozenset[str] = frozenset()
        self._accepted: frozenset[str] = self._personal
        self._roots: list[QWidget] = []
        self._update_names()
        self._names_pause = QTimer(self)
        self._names_pause.setSingleShot(True)
        self._names_pause.setInterval(NAMES_PAUSE_MS)
        self._names_pause.timeout.connect(self._update_names)
        model.changed.connect(self._facts_changed)
        self._load_pause = QTimer(self)
        self._load_pause.setSingleShot(True)
        self._load_pause.setInterval(load_delay_ms)
        self._load_pause.timeout.connect(self.load)
        self._load_pause.start()

    # ----- dictionaries
    def load(self) -> None:
        """Load the dictionaries not loaded yet, in the background."""
        for language in LANGUAGES:
            if language not in self._dictionaries:
                job = partial(spelling_dictionary, language)
                if self._loading.ask(_channel(language), language, job).done():
                    self._loaded(_channel(language))  # loaded before (by another window)

    def _loaded(self, channel: str) -> None:
        language = next((code for code in LANGUAGES if _channel(code) == channel), None)
        if language is None:
            return
        future = self._loading.ask(channel, language, partial(spelling_dictionary, language))
        if not future.done() or future.cancelled():
            return
        try:
            self._dictionaries[language] = future.result()
        except Exception:  # a damaged install: the app works on, without underlines
            logger.exception("the %s spelling dictionary cannot be loaded", language)
            return
        self.changed.emit()

    def ready(self, language: Language) -> bool:
        """Whether ``language``'s dictionary is loaded (until then nothing is flagged)."""
        return language in self._dictionaries

    def close(self) -> None:
        """The window closes: a dictionary still loading is no longer wanted."""
        self._loading.close()

    def ended(self) -> bool:
        """Whether, after :meth:`close`, a dictionary that was loading is loaded too."""
        return self._loading.ended()

    # ----- what is flagged
    def misspellings(self, text: str, language: Language) -> list[Word]:
        dictionary = self._dictionaries.get(language)
        if dictionary is None:
            return []
        return misspellings(text, dictionary, self._accepted)

    def suggestions(self, word: str, language: Language) -> list[str]:
        dictionary = self._dictionaries.get(language)
        return dictionary.suggestions(word) if dictionary is not None else []

    def add_word(self, word: str, parent: QWidget) -> None:
        """Add ``word`` to the user's own list; said in a message when it cannot be
        written (it is still accepted until the app closes)."""
        try:
            self._personal = add_personal_word(word)
        except OSError as error:
            gettext = self.translator().gettext
            QMessageBox.warning(
                parent,
                gettext(N_("Add to dictionary")),
                gettext(
                    N_(
                        "“{word}” could not be added to your dictionary ({reason}); it is "
                        "accepted until you close CrisisDraft."
                    )
                ).format(word=word, reason=error.strerror or error),
            )
            self._personal = self._personal | {Word(0, word).key}
        self._accepted = self._names | self._personal
        self.changed.emit()

    def _facts_changed(self, path: str) -> None:
        if self._load_pause.isActive():  # still typing: the dictionaries wait for a pause
            self._load_pause.start()
        self._names_pause.start()
        if path == "" or isinstance(self.model.value(path), list):
            self._watch_new_editors()  # a row was added: its texts are checked too

    def _update_names(self) -> None:
        incident, _problems = self.model.validated()
        names = names_in(incident) if incident is not None else self._names
        if names != self._names:
            self._names = names
            self._accepted = names | self._personal
            self.changed.emit()

    # ----- editors
    def watch(self, roots: Sequence[QWidget]) -> None:
        """Check every bilingual text under ``roots``, now and as rows are added."""
        self._roots = list(roots)
        self._watch_new_editors()

    def _watch_new_editors(self) -> None:
        for root in self._roots:
            for field in root.findChildren(BilingualField):
                for language, editor in field.editors.items():
                    if editor.findChild(EditorSpelling) is None:
                        EditorSpelling(editor, language, self)  # type: ignore[arg-type]


def _channel(language: Language) -> str:
    return f"dictionary {language}"


def underline_format() -> QTextCharFormat:
    underline = QTextCharFormat()
    underline.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
    underline.setUnderlineColor(UNDERLINE)
    return underline


class SpellingHighlighter(QSyntaxHighlighter):
    """Underlines the misspelt words of a multi-line text, block by block."""

    def __init__(self, document: QTextDocument, language: Language, checks: SpellingChecks):
        super().__init__(document)
        self.language = language
        self.checks = checks
        self._underline = underline_format()

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt's name
        for word in self.checks.misspellings(text, self.language):
            self.setFormat(word.start, len(word.text), self._underline)


class EditorSpelling(QObject):
    """The spelling of one text editor: its underlines and its right-click menu. A child
    of the editor, so it goes with it (rows are made again as they are added)."""

    def __init__(
        self, editor: QPlainTextEdit | QLineEdit, language: Language, checks: SpellingChecks
    ) -> None:
        super().__init__(editor)
        self.editor = editor
        self.language = language
        self.checks = checks
        self.underlined: list[Word] = []  # a line edit's underlined words, as drawn
        self.highlighter: SpellingHighlighter | None = None
        if isinstance(editor, QPlainTextEdit):
            self.highlighter = SpellingHighlighter(editor.document(), language, checks)
            checks.changed.connect(self.highlighter.rehighlight)
            editor.viewport().installEventFilter(self)
        else:
            self._pending = QTimer(self)
            self._pending.setSingleShot(True)
            self._pending.setInterval(0)  # after the change is done, once per burst
            self._pending.timeout.connect(self._underline_line)
            editor.textChanged.connect(self._pending.start)
            checks.changed.connect(self._pending.start)
            editor.installEventFilter(self)
            self._pending.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.ContextMenu and isinstance(event, QContextMenuEvent):
            keyboard = event.reason() == QContextMenuEvent.Reason.Keyboard
            menu = self.menu_at(None if keyboard else event.pos())
            menu.exec(event.globalPos())
            menu.deleteLater()
            return True
        return super().eventFilter(watched, event)

    # ----- what is under the pointer
    def word_at(self, position: QPoint | None) -> tuple[Word, int] | None:
        """The misspelt word at ``position`` (the editor's, or its viewport's for a
        multi-line text; ``None``: at the text cursor) and where its line starts."""
        editor = self.editor
        if isinstance(editor, QPlainTextEdit):
            cursor = editor.textCursor() if position is None else editor.cursorForPosition(position)
            block = cursor.block()
            text, offset, base = block.text(), cursor.positionInBlock(), block.position()
        else:
            offset = (
                editor.cursorPosition() if position is None else editor.cursorPositionAt(position)
            )
            text, base = editor.text(), 0
        for word in self.checks.misspellings(text, self.language):
            if word.start <= offset <= word.end:
                return word, base
        return None

    def menu_at(self, position: QPoint | None) -> QMenu:
        """The editor's own menu (undo, cut, paste...), with the likely words for a
        misspelt word under ``position`` first, and "Add to dictionary"."""
        menu = self.editor.createStandardContextMenu()
        found = self.word_at(position)
        if found is None:
            return menu
        word, base = found
        gettext = self.checks.translator().gettext
        first = menu.actions()[0] if menu.actions() else None
        actions = []
        for suggestion in self.checks.suggestions(word.text, self.language):
            action = menu.addAction(suggestion)
            bold = action.font()
            bold.setBold(True)  # the words offered stand out from the editor's own entries
            action.setFont(bold)
            action.triggered.connect(partial(self.replace, word, base, suggestion))
            actions.append(action)
        if not actions:
            none = menu.addAction(gettext(N_("No suggestions")))
            none.setEnabled(False)
            actions.append(none)
        add = menu.addAction(gettext(N_("Add “{word}” to the dictionary")).format(word=word.text))
        add.triggered.connect(partial(self.checks.add_word, word.text, self.editor))
        actions.append(add)
        for action in actions:
            menu.removeAction(action)
            menu.insertAction(first, action)  # type: ignore[arg-type]
        menu.insertSeparator(first)  # type: ignore[arg-type]
        return menu

    def replace(self, word: Word, base: int, suggestion: str) -> None:
        """Put ``suggestion`` in place of ``word``, as typing it would (undoable)."""
        editor = self.editor
        if isinstance(editor, QPlainTextEdit):
            cursor = QTextCursor(editor.document())
            cursor.setPosition(base + word.start)
            cursor.setPosition(base + word.end, QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(suggestion)
        else:
            editor.setSelection(word.start, len(word.text))
            editor.insert(suggestion)

    # ----- a line edit's underlines
    def _underline_line(self) -> None:
        editor = self.editor
        if not isinstance(editor, QLineEdit):
            return
        words = self.checks.misspellings(editor.text(), self.language)
        if not words and not self.underlined:
            return  # nothing drawn, nothing to draw
        self.underlined = words
        underline = underline_format()
        cursor = editor.cursorPosition()  # the formats' starts count from the cursor
        formats = [
            QInputMethodEvent.Attribute(
                QInputMethodEvent.AttributeType.TextFormat,
                word.start - cursor,
                len(word.text),
                underline,
            )
            for word in words
        ]
        QApplication.sendEvent(editor, QInputMethodEvent("", formats))


__all__ = ["EditorSpelling", "SpellingChecks", "SpellingHighlighter", "underline_format"]
