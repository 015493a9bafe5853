"""The steps down the side of the window, each with its mark: a warning when the step
has problems, a tick when the user has been through it and it has none.

A tick says "done", so a step of a new, blank incident gets none until the user has
opened it: a blank incident has almost nothing to fix, and ticks on steps nobody has
read would say the facts were given. An incident opened from a file, the example or
recovered work holds facts someone gave: every step counts as seen.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QListWidget

from app.errors import Problem
from app.gui.step_outline import StepOutline
from app.gui.step_page import StepPage
from app.gui.texts import N_, Gettext

DONE, PROBLEMS, NOT_OPENED = "done", "problems", "not_opened"
MARK_ROLE = 0x0100  # Qt.ItemDataRole.UserRole, whose namespace loads after the first paint
MARK_TO_LINE = 1.7  # a mark's side, in lines of the list's text


class StepList(QListWidget):
    """One item per step of the outline, then one for the review step. The list shows
    the titles, unmarked, from the start; the marks follow once the pages are built
    (:meth:`set_pages`) and the facts checked."""

    def __init__(self, outline: Sequence[StepOutline]) -> None:
        super().__init__()
        self.outline = tuple(outline)
        self.pages: list[StepPage] = []
        self.setWordWrap(True)
        self.setMinimumWidth(150)
        # marks sized by the text (about the 24 px Fusion gives a 14 px line), set here
        # rather than asked of the style: QStyle's enums would load into the first
        # paint, which shows no marks yet
        side = round(self.fontMetrics().height() * MARK_TO_LINE)
        self.setIconSize(QSize(side, side))
        for _step in [*self.outline, None]:
            self.addItem("")
        self.seen: set[int] = set(range(len(self.outline)))

    def set_pages(self, pages: Sequence[StepPage]) -> None:
        """The built pages, one per step of the outline: what the marks are read from."""
        self.pages = list(pages)

    def start_blank(self) -> None:
        """A new blank incident: only the step on screen counts as seen."""
        self.seen = {self.currentRow()}

    def start_filled(self) -> None:
        """Facts from a file or the example: every step counts as seen."""
        self.seen = set(range(len(self.outline)))

    def visit(self, index: int) -> None:
        self.seen.add(index)

    def show_marks(self, problems: list[Problem], gettext: Gettext) -> None:
        """Each step's number, title, mark and tooltip, in the interface language; no
        mark yet (an empty one, the titles aligned as they will be) before the pages."""
        _ = gettext
        numbers = self.numbers()
        for index, step in enumerate(self.outline):
            item = self.item(index)
            item.setText(f"{numbers[index]}. {_(step.title)}")
            if not self.pages:
                item.setIcon(self._no_mark())
                continue
            from PySide6.QtWidgets import QStyle

            style = self.style()
            faults = self.pages[index].problems(problems)
            if faults:
                mark = PROBLEMS
                item.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning))
                item.setToolTip(_(N_("{count} problem(s) to fix")).format(count=len(faults)))
            elif index in self.seen:
                mark = DONE
                item.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton))
                item.setToolTip(_(N_("Complete")))
            else:
                mark = NOT_OPENED
                item.setIcon(self._no_mark())
                item.setToolTip(_(N_("Not opened yet")))
            item.setData(MARK_ROLE, mark)
        review = self.item(len(self.outline))
        review.setText(f"{numbers[len(self.outline)]}. {_(N_('Review and export'))}")
        if self.pages:  # its mark comes with the others'
            from PySide6.QtWidgets import QStyle

            save = QStyle.StandardPixmap.SP_DialogSaveButton
            review.setIcon(self.style().standardIcon(save))
        else:
            review.setIcon(self._no_mark())

    def show_needed(self, needed: Sequence[bool]) -> bool:
        """Hide the steps the incident does not need (the Q&A's when the Q&A is not
        among its documents); True if that changed which steps show."""
        changed = False
        for index, wanted in enumerate(needed):
            if self.isRowHidden(index) == wanted:
                self.setRowHidden(index, not wanted)
                changed = True
        return changed

    def numbers(self) -> list[int]:
        """Each step's number as the list shows it: steps hidden are not counted."""
        numbers: list[int] = []
        shown = 0
        for index in range(self.count()):
            if not self.isRowHidden(index):
                shown += 1
            numbers.append(shown)
        return numbers

    def shown_step(self, index: int, offset: int) -> int:
        """The step ``offset`` steps (1 or -1) from ``index`` that shows, skipping the
        hidden ones; ``-1`` when there is none that way."""
        index += offset
        while 0 <= index < self.count() and self.isRowHidden(index):
            index += offset
        return index if 0 <= index < self.count() else -1

    def mark(self, index: int) -> str:
        """The mark step ``index`` shows: ``DONE`` (a tick), ``PROBLEMS`` or ``NOT_OPENED``."""
        return str(self.item(index).data(MARK_ROLE))

    def _no_mark(self) -> QIcon:
        """An empty icon the size of the others, so the titles stay aligned."""
        size = self.iconSize().width()
        blank = QPixmap(size, size)
        blank.fill(QColor(0, 0, 0, 0))  # transparent
        return QIcon(blank)
