"""The question when someone else changed an incident's facts while this window had it
open: keep mine, take theirs, or cancel; "Show Details…" compares them field by field.
Record entries (approvals, issued statements) are never in question: both are kept."""

from __future__ import annotations

from enum import Enum

from PySide6.QtWidgets import QMessageBox, QWidget

from app.gui.texts import N_, Gettext
from app.session.file_writes import FactsChangedOnDiskError


class Choice(Enum):
    MINE = "mine"
    THEIRS = "theirs"
    CANCEL = "cancel"


def ask_about_their_changes(
    parent: QWidget, gettext: Gettext, changed: FactsChangedOnDiskError
) -> Choice:
    """Ask which facts to keep; the details list each fact as on screen and in the file."""
    _ = gettext
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_(N_("Changed by someone else")))
    box.setText(
        _(
            N_(
                "{file} was changed by someone else since you opened it, and its facts now "
                "differ from yours in {count} place(s). Approvals and issued statements from "
                "both are kept either way."
            )
        ).format(file=changed.path.name, count=len(changed.changes))
    )
    box.setInformativeText(_(N_("Keep your facts, or take theirs?")))
    box.setDetailedText(
        "\n".join(
            _(N_("{field}: yours {mine}, theirs {theirs}")).format(
                field=change.path, mine=_shown(change.before), theirs=_shown(change.after)
            )
            for change in changed.changes
        )
    )
    mine = box.addButton(_(N_("Keep mine")), QMessageBox.ButtonRole.AcceptRole)
    theirs = box.addButton(_(N_("Take theirs")), QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(mine)
    box.exec()
    clicked = box.clickedButton()
    if clicked is mine:
        return Choice.MINE
    if clicked is theirs:
        return Choice.THEIRS
    return Choice.CANCEL


def _shown(value: object) -> str:
    text = "—" if value is None else repr(value)
    return text if len(text) <= 80 else text[:77] + "…"
