"""Interface text that can be switched between English and French while the app runs.

Widgets register each visible text once with the English message id; ``retranslate``
sets them all again in the chosen language. ``N_`` marks a message for extraction by
``pybabel extract`` without translating it yet.
"""

from __future__ import annotations

from collections.abc import Callable

from app.errors import N_ as N_, Gettext as Gettext  # the fronts' texts mark alike


class TextRegistry:
    """The texts of one widget tree: (setter, message id) pairs, applied on demand."""

    def __init__(self) -> None:
        self._entries: list[tuple[Callable[[str], object], str]] = []

    def add(self, setter: Callable[[str], object], message: str) -> None:
        self._entries.append((setter, message))

    def apply(self, gettext: Gettext) -> None:
        for setter, message in self._entries:
            setter(gettext(message))
