"""What was changed in Word, after the app's draft, before a statement went out: shown
beside its issued text in the record window, with who approved the draft (whose
approval did not cover these edits) and the problems it was issued despite.

A statement the app wrote itself has no such edits: the view hides. The edits are the
session's (:func:`app.session.record_view.edits_in_word`); this view only shows them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from app.gui.diff_view import show_diff
from app.gui.texts import N_, Gettext
from app.gui.wrapping_label import WrappingLabel
from app.session.record_view import edits_in_word

if TYPE_CHECKING:
    from app.facts.models import IssuedStatement

EDITED_IN_WORD = N_("Yes")
EDITED_AFTER_APPROVAL = N_("Yes, after {name} ({role}) approved the draft")


def edited_mark(statement: IssuedStatement, gettext: Gettext) -> str:
    """The record's "Edited in Word" column for ``statement``: empty for the app's own
    text."""
    edited = statement.edited
    if edited is None:
        return ""
    if edited.draft_approver is None:
        return gettext(EDITED_IN_WORD)
    return gettext(EDITED_AFTER_APPROVAL).format(
        name=edited.draft_approver.name, role=edited.draft_approver.role
    )


class WordEditsView(QWidget):
    """The edits made in Word to one issued statement (:meth:`show_statement`)."""

    def __init__(self, gettext: Gettext) -> None:
        super().__init__()
        _ = self.gettext = gettext
        self.title = WrappingLabel()
        self.edits = QTextBrowser()
        self.edits.setAccessibleName(_(N_("Edits made in Word")))
        self.despite = WrappingLabel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.edits, 1)
        layout.addWidget(self.despite)
        self.hide()

    def show_statement(self, statement: IssuedStatement) -> None:
        """Show the edits of ``statement``, or hide when it went out as the app wrote it."""
        _ = self.gettext
        edits = edits_in_word(statement)
        edited = statement.edited
        self.setVisible(edits is not None)
        if edits is None or edited is None:
            self.edits.clear()
            return
        approver = edited.draft_approver
        if approver is not None:
            title = _(
                N_(
                    "Edits made in Word after {name} ({role}) approved the app's draft; the "
                    "edited text approved by {approver} ({approver_role})"
                )
            ).format(
                name=approver.name,
                role=approver.role,
                approver=statement.approver.name,
                approver_role=statement.approver.role,
            )
        else:
            title = _(
                N_("Edits made in Word to the app's draft; approved by {name} ({role})")
            ).format(name=statement.approver.name, role=statement.approver.role)
        self.title.setText(title)
        show_diff(self.edits, edits)
        self.despite.setVisible(bool(edited.problems))
        lines = "\n".join(f"• {problem}" for problem in edited.problems)
        self.despite.setText(_(N_("Issued despite these problems:")) + "\n" + lines)
