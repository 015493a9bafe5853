"""The one line that sums up the problems, over the preview's list and on the Review
step: what blocks the export, then the warnings and notes that do not, counted apart,
so "ready to export" never sits above a list of warnings without saying so."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.gui.texts import N_, Gettext

if TYPE_CHECKING:
    from app.session.problems import Problems


def problem_summary(problems: Problems, gettext: Gettext) -> str:
    """E.g. "To fix before export: 2 · Warnings: 1 · Notes: 1", "Ready to export"."""
    parts = [
        gettext(N_("To fix before export: {count}")).format(count=len(problems.errors))
        if problems.blocks_export
        else gettext(N_("Ready to export"))
    ]
    if problems.warnings:
        parts.append(gettext(N_("Warnings: {count}")).format(count=len(problems.warnings)))
    if problems.notes:
        parts.append(gettext(N_("Notes: {count}")).format(count=len(problems.notes)))
    return " · ".join(parts)
