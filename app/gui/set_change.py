"""The question asked before the user changes the template set: which approvals the
change withdraws.

An approval is of a draft's exact text (:mod:`app.record.approval`), and another set
writes other texts: the drafts approved in the set in use lose their approval in the
new one. The approvals stay in the record and apply again on coming back, but a lead
who approved at 2 a.m. must not find them gone without a word. So when any approval
would stop applying, the window names the drafts and asks; when none would, the set
changes at once.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget

from app.gui.readiness import wait_for_drafts
from app.gui.session_feed import SessionFeed
from app.gui.set_chooser import SET_LABELS
from app.gui.texts import N_, Gettext
from app.interface_text.names import document_name
from app.interface_text.translator import Translator
from app.templates.metadata import TemplateSet

TITLE = N_("Change the template set?")
#: A draft named by its document and language (a language's name is lower case in
#: French within parentheses: « Communiqué de presse (anglais) »).
DRAFT_NAMES = {"en": N_("{document} (English)"), "fr": N_("{document} (French)")}


class SetChangeQuestion:
    """A check for :meth:`~app.gui.set_chooser.TemplateSetChooser.check_changes_with`:
    asks in a dialog parented to ``parent``, in the language ``translator()`` gives,
    about the approvals of the drafts of ``sessions``."""

    def __init__(
        self, parent: QWidget, sessions: SessionFeed, translator: Callable[[], Translator]
    ) -> None:
        self.parent = parent
        self.sessions = sessions
        self.translator = translator

    def __call__(self, current: TemplateSet, picked: TemplateSet) -> bool:
        """Whether to go from ``current`` to ``picked``: yes when no approval is
        withdrawn, else as the user answers (waiting for the drafts of both sets, which
        the user may cancel: then the set stays)."""
        session = self.sessions.current()
        if session is None or not session.incident.record.approvals:
            return True
        _ = self.translator().gettext
        for template_set in (current, picked):
            if not wait_for_drafts(self.parent, self.sessions, template_set, _(TITLE), _):
                return False
        withdrawn = session.approvals_withdrawn(current, picked)
        if not withdrawn:
            return True
        drafts = [
            _(DRAFT_NAMES[draft.info.language]).format(
                document=document_name(draft.info.document.value, _)
            )
            for draft in withdrawn
        ]
        return self.ask(current, picked, drafts, _)

    def ask(self, current: TemplateSet, picked: TemplateSet, drafts: list[str], _: Gettext) -> bool:
        """The question itself: ``drafts`` names the drafts whose approval goes."""
        labels = dict(SET_LABELS)
        current_name, picked_name = _(labels[current.value]), _(labels[picked.value])
        box = QMessageBox(self.parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(_(TITLE))
        box.setText(
            _(
                N_(
                    "The drafts of “{picked}” are other texts: these drafts, approved as "
                    "“{current}” writes them, would no longer be approved:"
                )
            ).format(picked=picked_name, current=current_name)
        )
        box.setInformativeText(
            "\n".join(f"• {name}" for name in drafts)
            + "\n\n"
            + _(
                N_(
                    "Their approvals stay in the record and apply again if you come back "
                    "to “{current}”."
                )
            ).format(current=current_name)
        )
        change = box.addButton(_(N_("Change set")), QMessageBox.ButtonRole.AcceptRole)
        keep = box.addButton(
            _(N_("Keep “{set}”")).format(set=current_name), QMessageBox.ButtonRole.RejectRole
        )
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.exec()
        return box.clickedButton() is change
