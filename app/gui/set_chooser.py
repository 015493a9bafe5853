"""The preview's choice of template set (first statement, update, resolution), with the
reason for it in words: "Update: a statement has already been issued".

The facts decide (:func:`app.facts.statement.statement_choice`): the lead's own choice
in the facts, else the recovery phase and the statements already issued. The chooser
follows that decision as the facts change. A set picked by hand in the chooser applies
to the preview, approvals and export of this window only, never to the facts; it holds
until the user picks the set the facts call for again or opens other facts. Before a
set picked by hand is used, the check given to :meth:`TemplateSetChooser.check_changes_with`
may refuse it (the window asks whether to withdraw the approvals of the drafts shown).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QComboBox, QLabel

from app.facts.statement import (
    REASON_FIRST,
    REASON_GIVEN,
    REASON_ISSUED,
    REASON_RESTORED,
    StatementChoice,
    statement_choice,
)
from app.facts.vocabulary import StatementKind
from app.gui.texts import N_, Gettext, TextRegistry
from app.templates.metadata import TemplateSet

if TYPE_CHECKING:
    from app.facts.models import Incident

SET_LABELS: list[tuple[str, str]] = [
    ("holding", N_("First statement")),
    ("update", N_("Progress update")),
    ("resolution", N_("Resolution")),
]
# Why the facts call for a set: one whole sentence per case, for natural translations.
REASONS: dict[tuple[StatementKind, str], str] = {
    (StatementKind.HOLDING, REASON_FIRST): N_("First statement: nothing issued yet"),
    (StatementKind.UPDATE, REASON_ISSUED): N_("Update: a statement has already been issued"),
    (StatementKind.RESOLUTION, REASON_RESTORED): N_("Resolution: recovery is restored"),
    (StatementKind.HOLDING, REASON_GIVEN): N_("First statement: chosen in the facts"),
    (StatementKind.UPDATE, REASON_GIVEN): N_("Update: chosen in the facts"),
    (StatementKind.RESOLUTION, REASON_GIVEN): N_("Resolution: chosen in the facts"),
}
BY_HAND = N_("Chosen by hand for this preview and export; the facts call for: {reason}")
NO_FACTS = N_("Proposed from the facts once they can be read")

#: Says whether the user may go from the set in use (first) to the one picked (second).
ChangeCheck = Callable[[TemplateSet, TemplateSet], bool]


def reason_text(choice: StatementChoice, gettext: Gettext) -> str:
    """The facts' choice of set and its reason, in the interface language."""
    message = REASONS.get((choice.kind, choice.reason))
    if message is None:  # a reason this version does not know: name the set at least
        message = dict(SET_LABELS)[choice.kind.value]
    return gettext(message)


class TemplateSetChooser(QObject):
    """A drop-down list of sets (``combo``) and a label that says why the set in use is
    the one (``reason``), for the owner to place.

    Signals: ``chosen()`` when the set in use changed (by the facts or by hand)."""

    chosen = Signal()

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.texts = TextRegistry()
        self.combo = QComboBox()
        self.texts.add(self.combo.setAccessibleName, N_("Template set"))
        for index, (key, label) in enumerate(SET_LABELS):
            self.combo.addItem(label, key)
            self.texts.add(partial(self.combo.setItemText, index), label)
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        self.reason.setStyleSheet("font-style: italic;")
        self.texts.add(self.reason.setAccessibleName, N_("Why this template set"))
        self._gettext: Gettext = lambda message: message
        self._facts_choice: StatementChoice | None = None
        self._in_use = TemplateSet(self.combo.currentData())
        self._check: ChangeCheck | None = None
        self._following = False  # the facts choose: nothing to ask
        self._followed = False  # whether the facts were ever followed (checked)
        self.combo.currentIndexChanged.connect(self._index_changed)

    @property
    def template_set(self) -> TemplateSet:
        """The set in use (while the user is asked about another, still the old one)."""
        return self._in_use

    def check_changes_with(self, check: ChangeCheck) -> None:
        """Ask ``check`` before using a set the user picks; a refused set is not used
        and the list shows the set in use again. Sets the facts call for are used
        without asking."""
        self._check = check

    @property
    def by_hand(self) -> bool:
        """True while the set in use is not the one the facts call for."""
        wanted = self._facts_choice
        return wanted is not None and wanted.kind is not self.template_set

    def follow(self, incident: Incident | None, *, again: bool = False) -> None:
        """Take the set the facts call for, unless one was picked by hand (``again``:
        new facts were opened, so a hand choice no longer holds). Facts that cannot be
        read for now (a field being typed) change nothing; new facts that cannot be read
        yet (a new incident) start from the first statement, like any new incident."""
        self._followed = True
        if incident is None:
            if again:
                self._facts_choice = None
                self._set(TemplateSet.HOLDING)
            self._show_reason()
            return
        keep_hand_choice = self.by_hand and not again
        self._facts_choice = statement_choice(incident)
        if not keep_hand_choice:
            self._set(self._facts_choice.kind)
        self._show_reason()

    def choose(self, template_set: TemplateSet) -> None:
        """Pick a set as the user does in the list (the check may refuse it)."""
        self._show(template_set)

    def _set(self, template_set: TemplateSet) -> None:
        self._following = True
        try:
            self._show(template_set)
        finally:
            self._following = False

    def _show(self, template_set: TemplateSet) -> None:
        index = self.combo.findData(template_set.value)
        if index != self.combo.currentIndex():
            self.combo.setCurrentIndex(index)

    def _index_changed(self, _index: int) -> None:
        picked = TemplateSet(self.combo.currentData())
        if picked is self._in_use:
            return
        refused = (
            not self._following
            and self._check is not None
            and not self._check(self._in_use, picked)
        )
        if refused:
            self.combo.blockSignals(True)
            try:
                self._show(self._in_use)  # the list shows the set still in use
            finally:
                self.combo.blockSignals(False)
            return
        self._in_use = picked
        self._show_reason()
        self.chosen.emit()

    def _show_reason(self) -> None:
        _ = self._gettext
        wanted = self._facts_choice
        if not self._followed:
            text = ""  # the facts are not checked yet (the window's first moment)
        elif wanted is None:
            text = _(NO_FACTS)
        elif self.by_hand:
            text = _(BY_HAND).format(reason=reason_text(wanted, _))
        else:
            text = reason_text(wanted, _)
        self.reason.setText(text)

    def retranslate(self, gettext: Gettext) -> None:
        self._gettext = gettext
        self.texts.apply(gettext)
        self._show_reason()
