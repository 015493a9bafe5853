"""The template library a front end opens: the user's folders, and --templates."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.errors import TemplateError
from app.session.library import LibrarySources, open_template_library
from app.session.preferences import Preferences
from app.templates.library import LibraryKind


def test_the_shared_folders_come_from_the_preferences(tmp_path: Path) -> None:
    shared = tmp_path / "team"
    sources = LibrarySources.of_this_user(preferences=Preferences(shared_libraries=[shared]))
    assert sources.shared == (shared,)
    assert sources.user is not None and sources.cache_folder is not None


def test_a_broken_template_asked_for_by_name_is_an_error(tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    broken = mine / "press_release" / "en.md.j2"
    broken.parent.mkdir(parents=True)
    broken.write_text("# {{ organisation.name \n", encoding="utf-8")
    with pytest.raises(TemplateError, match=r"en\.md\.j2"):
        open_template_library(LibrarySources(overrides=(mine,)))
    library = open_template_library(LibrarySources(shared=(mine,)))  # a team's: listed
    assert [t.library.kind for t in library.problems()] == [LibraryKind.SHARED]
