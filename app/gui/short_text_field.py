"""One short text of the ``social`` document (an X post, an SMS...) in English and
French side by side: under each box a counter that counts as the text's channel does,
and a Copy button; under both, whether the text follows the facts and "Use the generated
text".

The boxes show the lead's own wording when she has written one
(``drafting.short_texts.<key>``), else the text the draft gives from the facts
(:class:`~app.gui.short_text_drafts.DraftedShortTexts`). Typing starts from the text
shown: the first keystroke writes both languages as the boxes hold them, since a text of
her own in one language only would leave the other missing from the drafts. The counts
come from :mod:`app.drafts.short_texts`; this widget only shows them: as she types
(her text measured as the draft will send it), and as the draft gives them otherwise.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from app.drafts.short_texts import as_sent_text, length_message, measure_short_text
from app.errors import Gettext, format_message
from app.facts.vocabulary import LANGUAGES, Language
from app.gui.accessibility import ANSWER
from app.gui.fields import BilingualField
from app.gui.incident_model import IncidentModel
from app.gui.row_marks import mark, marked_text, unmark
from app.gui.short_text_drafts import DraftedShortTexts
from app.gui.texts import N_, TextRegistry
from app.gui.theme import show_as_alert, show_as_hint
from app.gui.wrapping_label import WrappingLabel
from app.interface_text.field_names import field_name
from app.templates.documents import ShortTextSpec
from app.templates.text_lengths import Length

NBSP = "\u00a0"
PATH = "drafting.short_texts"  # the lead's own wording, by key
COPY = N_("Copy")
USE_GENERATED = N_("Use the generated text")
TOO_LONG = N_("Too long: {length}")
#: Why an SMS holds 70 characters, not 160 (under the counter, on its tooltip).
NOT_GSM7 = N_(
    "“{character}” is outside the SMS alphabet (GSM-7), which leaves room for 70 "
    "characters instead of 160"
)
FOLLOWS_FACTS = N_("Written from the facts, as the draft says it now. Type to change it.")
WAITING = N_("Written from the facts; the text shows here once the drafts are written.")
OWN_WORDING = N_("Your own wording: it stays as you wrote it when the facts change.")


class ShortTextField(BilingualField):
    """The short text ``spec`` of the lead, or of the drafts (see the module).

    ``lengths[language]`` is the length the counter shows (``None``: nothing to count
    yet); ``counters`` (or, past the limit, ``errors``), ``copy_buttons`` and
    ``generated_button`` are what a user reads and clicks."""

    def __init__(
        self,
        model: IncidentModel,
        spec: ShortTextSpec,
        drafted: DraftedShortTexts,
        texts: TextRegistry,
    ) -> None:
        self.spec = spec
        self.drafted = drafted
        self.lengths: dict[Language, Length | None] = dict.fromkeys(LANGUAGES)
        self.counters: dict[Language, QLabel] = {}
        self.errors: dict[Language, QLabel] = {}
        self.copy_buttons: dict[Language, QPushButton] = {}
        self._gettext: Gettext = lambda message: message
        self._language = "en"
        self._built = False  # BilingualField fills the boxes before the counters exist
        self._shown: dict[str, str] = {}  # what refresh() put in each box
        super().__init__(model, f"{PATH}.{spec.key}", texts, accessible_name=spec.name, short=False)
        grid = self.layout()
        assert isinstance(grid, QGridLayout)  # BilingualField's: a column per language
        for column, language in enumerate(LANGUAGES):
            editor = self.editors[language]
            editor.setMinimumHeight(80)
            editor.setMaximumHeight(140)
            counter = WrappingLabel()  # "148 / 160 GSM-7 characters, 1 segment" in a narrow box
            show_as_hint(counter)
            error = WrappingLabel()  # in the counter's place when the text is too long
            error.setVisible(False)
            show_as_alert(error)
            copy = QPushButton()
            texts.add(copy.setText, COPY)
            texts.add(copy.setToolTip, N_("Copy the text as it will be sent"))
            copy.clicked.connect(lambda _checked=False, lang=language: self.copy(lang))
            footer = QHBoxLayout()
            footer.addWidget(counter, 1)
            footer.addWidget(error, 1)
            footer.addWidget(copy, 0, Qt.AlignmentFlag.AlignTop)
            grid.addLayout(footer, 2, column)
            self.counters[language] = counter
            self.errors[language] = error
            self.copy_buttons[language] = copy
        self.status = WrappingLabel()
        self.generated_button = QPushButton()
        texts.add(self.generated_button.setText, USE_GENERATED)
        texts.add(
            self.generated_button.setToolTip,
            N_("Drop your wording of this text, in both languages: it follows the facts again"),
        )
        self.generated_button.clicked.connect(lambda _checked=False: self.use_generated())
        status = QWidget()
        row = QHBoxLayout(status)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.status, 1)
        row.addWidget(self.generated_button, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(status, 3, 0, 1, len(LANGUAGES))
        self._built = True
        self.show_counts()

    # ----- what the facts hold
    def own(self) -> dict[str, str] | None:
        """The lead's wording of this text, ``None`` when the text follows the facts."""
        value = self.model.value(self.path)
        if not isinstance(value, dict):
            return None
        return {language: str(value.get(language) or "") for language in LANGUAGES}

    def use_generated(self) -> None:
        """Drop the lead's wording (the key goes from the file): the facts' text again."""
        wording = self.model.value(PATH)
        if not isinstance(wording, dict) or self.spec.key.value not in wording:
            return
        kept = {key: text for key, text in wording.items() if key != self.spec.key.value}
        drafting = dict(self.model.value("drafting") or {})
        if kept:
            drafting["short_texts"] = kept
        else:
            drafting.pop("short_texts", None)
        self.model.set_value("drafting", drafting)

    def copy(self, language: Language) -> None:
        """Put the text on the clipboard as it will be sent."""
        QGuiApplication.clipboard().setText(self.sent_text(language))

    def sent_text(self, language: Language) -> str:
        """The text in ``language`` as the draft sends it: the draft's own while the text
        follows the facts, the lead's wording as the draft will send it otherwise."""
        drafted = self.drafted.drafted(self.spec.key, language)
        if self.own() is None and drafted is not None:
            return drafted.text
        return as_sent_text(self.spec, self._text(language), language)

    # ----- showing
    def refresh(self) -> None:
        own = self.own()
        self._refreshing = True
        try:
            for language in LANGUAGES:
                editor = self.editors[language]
                if own is not None:
                    text = own[language]
                else:
                    drafted = self.drafted.drafted(self.spec.key, language)
                    text = drafted.text if drafted is not None else ""
                self._shown[language] = text
                if not _same(self._text(language), text):
                    assert isinstance(editor, QPlainTextEdit)
                    editor.setPlainText(text)
        finally:
            self._refreshing = False
        self._mark_missing()
        if self._built:
            self.show_counts()

    def _edited(self, language: str) -> None:  # the box's language
        if self._refreshing or self.retired:
            return
        if _same(self._text(language), self._shown.get(language, "")):
            return  # a box redrawn (spelling marks) fires textChanged too: not an edit
        # her wording starts from what both boxes show: the other language's text too
        self.model.set_value(self.path, {code: self._text(code) for code in LANGUAGES})
        self._mark_missing()
        self.show_counts()

    def show_counts(self) -> None:
        """Each language's counter, and the error mark of a text past its limit."""
        _ = self._gettext
        own = self.own() is not None
        for language, counter in self.counters.items():
            length = self._length(language, own=own)
            self.lengths[language] = length
            editor, error = self.editors[language], self.errors[language]
            words = self._words(length) if length is not None else ""
            character = length.unicode_character if length is not None else None
            why = _(NOT_GSM7).format(character=character) if character is not None else ""
            counter.setText(words)
            counter.setToolTip(why)
            over = length is not None and length.over
            if over:
                message = "\n".join(filter(None, [_(TOO_LONG).format(length=words), why]))
                error.setText(message)
                mark(editor, message)
            elif marked_text(editor) is not None:
                unmark(editor)
            counter.setVisible(not over)
            error.setVisible(over)
        self.generated_button.setEnabled(own)
        if own:
            status = OWN_WORDING
        elif all(self.drafted.drafted(self.spec.key, code) is None for code in LANGUAGES):
            status = WAITING
        else:
            status = FOLLOWS_FACTS
        self.status.setText(_(status))

    def _length(self, language: Language, *, own: bool) -> Length | None:
        if own:
            return measure_short_text(self.spec.key, self._text(language), language)
        drafted = self.drafted.drafted(self.spec.key, language)
        return drafted.length if drafted is not None else None

    def _words(self, length: Length) -> str:
        message = length_message(length)
        return format_message(message.message_id, message.params, self._gettext, self._language)

    def retranslate(self, gettext: Gettext, language: str) -> None:
        self._gettext = gettext
        self._language = language
        self.show_counts()
        # each button heard with its text's name: "X post (English): Copy"
        said = gettext(ANSWER)
        for code, button in self.copy_buttons.items():
            place = field_name(f"{self.path}.{code}", gettext)
            button.setAccessibleName(said.format(field=place, answer=gettext(COPY)))
        self.generated_button.setAccessibleName(
            said.format(field=field_name(self.path, gettext), answer=gettext(USE_GENERATED))
        )


def _same(shown: str, text: str) -> bool:
    """Whether a box showing ``shown`` holds ``text``: a text box gives its no-break
    spaces back as plain ones (French typography puts them before « : » and inside
    « »), which is no edit of the lead's."""
    return shown.replace(NBSP, " ") == text.replace(NBSP, " ")


__all__ = ["PATH", "ShortTextField"]
