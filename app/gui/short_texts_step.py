"""The short-texts step: the X post, LinkedIn post, website banner and the SMS to staff
and to dealers of the ``social`` document, in English and French, each with a counter
that counts as its channel does, an error past its limit, and Copy.

A step of the wizard, as the Q&A's is, rather than a panel of the preview: the lead
finds every document's wording of her own among the steps, beside the facts, where the
problems list leads (a text too long is a problem like a fact missing), where the
spelling is checked and Tab goes through the boxes in order; and the preview, beside
the step, shows the short-texts document as it will be approved and exported. The
texts are written from the facts until she types over one
(:class:`~app.gui.short_text_field.ShortTextField`).

The step is shown only when the incident's documents include the short texts
(:meth:`ShortTextsStep.needed`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import partial
from types import MappingProxyType
from typing import TYPE_CHECKING, Final

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel

from app.gui.fields import stacked
from app.gui.short_text_drafts import DraftedShortTexts
from app.gui.short_text_field import PATH, ShortTextField
from app.gui.step_outline import SHORT_TEXTS
from app.gui.step_page import StepPage
from app.gui.texts import N_, Gettext
from app.gui.theme import show_as_hint
from app.gui.wrapping_label import WrappingLabel
from app.templates.documents import DocumentKind, ShortTextSpec, documents_of, spec_of
from app.templates.text_lengths import Measure

#: What each kind of limit asks of a text, under its title.
RULES: Final[Mapping[Measure, str]] = MappingProxyType(
    {
        Measure.X_WEIGHTED: N_(
            "At most {limit} characters as X counts them: a link counts as 23, whatever "
            "its length. No hashtags."
        ),
        Measure.FIRST_SENTENCE: N_(
            "The first sentence, at most {limit} characters, is what shows before "
            "“…see more”: it names the organisation and what happened."
        ),
        Measure.CHARACTERS: N_("At most {limit} characters, the link included."),
        Measure.SMS: N_(
            "One text message: {limit} characters, or 70 when one character needs "
            "Unicode (ç, ê, œ, emoji…)."
        ),
    }
)

if TYPE_CHECKING:
    from app.facts.models import Incident


class ShortTextsStep(StepPage):
    """One group per short text of the registry's ``social`` entry, in its order; reads
    the drafts' texts through ``drafted`` (:class:`DraftedShortTexts`)."""

    document = DocumentKind.SOCIAL

    def __init__(self, drafted: DraftedShortTexts, interface_language: Callable[[], str]) -> None:
        super().__init__(
            drafted.model,
            SHORT_TEXTS.title,
            N_(
                "The posts, the website banner and the text messages for when e-mail is "
                "down, written from the facts. Type over a text to word it yourself; each "
                "counter counts as the text's channel does, and Copy takes the text as it "
                "will be sent."
            ),
            (PATH,),
        )
        self.drafted = drafted
        self._interface_language = interface_language
        self.short_texts: list[ShortTextField] = []
        for spec in spec_of(DocumentKind.SOCIAL).short_texts:
            self._add_text(spec)
        self.finish()
        drafted.changed.connect(self._drafts_read)
        self.model.changed.connect(self._facts_changed)

    def _add_text(self, spec: ShortTextSpec) -> None:
        """A group for the text: what its channel allows, then its boxes."""
        self.group(spec.name)
        assert self._form is not None
        rule = WrappingLabel()
        show_as_hint(rule)
        self.texts.add(partial(_set_rule, rule, spec.rule.limit), RULES[spec.rule.measure])
        field = ShortTextField(self.model, spec, self.drafted, self.texts)
        self._form.addRow(stacked(rule, field))  # one row: the wrapped rule keeps its height
        self.fields.append(field)
        self.short_texts.append(field)

    def field_of(self, key: str) -> ShortTextField:
        """The editor of the short text ``key`` (``x_post``, ``sms_staff``...)."""
        return next(field for field in self.short_texts if field.spec.key == key)

    def needed(self, incident: Incident | None) -> bool:
        return incident is not None and DocumentKind.SOCIAL in documents_of(incident)

    # ----- following the drafts
    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self.drafted.request()

    def _facts_changed(self, _path: str) -> None:
        self.follow_drafts()  # any fact may change a text

    def follow_drafts(self) -> None:
        """Read the drafts' texts again while the step shows (the facts or the set of
        templates the drafts are written with changed)."""
        if self.isVisible():
            self.drafted.request()

    def _drafts_read(self) -> None:
        for field in self.short_texts:
            field.refresh()

    def retranslate(self, gettext: Gettext, *, names: bool = True) -> None:
        super().retranslate(gettext, names=names)
        for field in self.short_texts:
            field.retranslate(gettext, self._interface_language())


def _set_rule(label: QLabel, limit: int, text: str) -> None:
    label.setText(text.format(limit=limit))


__all__ = ["RULES", "ShortTextsStep"]
