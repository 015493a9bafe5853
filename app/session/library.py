"""The one place that opens and configures the template library for a front end.

The command line and the desktop app must see the same templates: the built-in ones,
then the team's shared folders (from the preferences), the user's own library, and on
the command line ``--templates`` above them all, with checks and compiled templates
cached in the per-user cache folder. Which folders those are is decided here, once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from app.drafts.render import DraftRenderer, open_library
from app.errors import TemplateError
from app.files.user_folders import template_cache_folder, user_template_library
from app.session.preferences import Preferences
from app.templates.library import LibraryKind, TemplateLibrary


@dataclass(frozen=True)
class LibrarySources:
    """Where templates come from, lowest precedence last: ``overrides`` (asked for by
    name, on the command line), ``user``, ``shared``, then the built-in templates."""

    overrides: tuple[Path, ...] = ()
    user: Path | None = None
    shared: tuple[Path, ...] = ()
    cache_folder: Path | None = None

    @classmethod
    def of_this_user(
        cls, overrides: Sequence[Path] = (), *, preferences: Preferences | None = None
    ) -> LibrarySources:
        """The folders this user works with: their library, the shared folders saved in
        their preferences, their cache; ``overrides`` above them all."""
        chosen = preferences if preferences is not None else Preferences.load()
        return cls(
            overrides=tuple(overrides),
            user=user_template_library(),
            shared=tuple(chosen.shared_libraries),
            cache_folder=template_cache_folder(),
        )


def open_template_library(sources: LibrarySources) -> TemplateLibrary:
    """The library read from ``sources``.

    A broken template in ``overrides`` raises :class:`TemplateError` (naming file and
    line): templates asked for by name must not be skipped quietly, whereas a broken
    template in a user or shared folder is listed by the library and passed over."""
    library = open_library(
        sources.overrides,
        user=sources.user,
        shared=sources.shared,
        cache_folder=sources.cache_folder,
    )
    broken = [t for t in library.problems() if t.library.kind is LibraryKind.COMMAND_LINE]
    if broken:
        first = broken[0]
        fault = first.faults[0]
        raise TemplateError(
            message_id=fault.message_id,
            params=fault.params,
            template=str(first.path),
            line=fault.line,
        )
    return library


def open_renderer(sources: LibrarySources) -> DraftRenderer:
    """A renderer over the library of ``sources``: what a session renders with."""
    return DraftRenderer(open_template_library(sources))
