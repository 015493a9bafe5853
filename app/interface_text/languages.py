"""The languages the app's own words (menus, dialogs, command-line messages) exist in.

Kept apart from the translator, which loads Babel's catalog reader, so that the command
line's parser can offer ``--ui-language`` without loading it."""

from __future__ import annotations

from app.facts.vocabulary import LANGUAGES, Language

#: The app speaks every language it writes documents in (a catalog per language).
UI_LANGUAGES: tuple[Language, ...] = LANGUAGES
