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


def old_layout_folder(tmp_path: Path) -> Path:
    """A team folder from before every set had a folder: the press release's first
    statement at the top, an update in its own folder."""
    team = tmp_path / "team"
    (team / "press_release").mkdir(parents=True)
    (team / "press_release" / "en.md.j2").write_text(
        "# {{ organisation.name }}: our own words\n", encoding="utf-8"
    )
    (team / "update" / "press_release").mkdir(parents=True)
    (team / "update" / "press_release" / "en.md.j2").write_text(
        "# {{ organisation.name }}: an update\n", encoding="utf-8"
    )
    return team


def test_a_folder_in_the_old_layout_keeps_working_and_is_noted_once(
    tmp_path: Path, make_incident
) -> None:
    from app.drafts.render import DraftRenderer
    from app.session.library_notes import take_layout_notes
    from app.templates.documents import DocumentKind
    from app.templates.metadata import TemplateSet

    team = old_layout_folder(tmp_path)
    library = open_template_library(LibrarySources(shared=(team,)))
    draft = DraftRenderer(library).render(
        make_incident(), DocumentKind.PRESS_RELEASE, "en", template_set=TemplateSet.HOLDING
    )
    assert "our own words" in draft.plain_text().lower()
    preferences = tmp_path / "preferences.json"
    (note,) = take_layout_notes(library, preferences)
    assert note.where == str(team) and note.informational
    assert "move them into a folder named 'holding'" in note.message
    assert take_layout_notes(library, preferences) == []  # once, whoever asks next
    assert Preferences.load(preferences).layout_noted == [team]
    # A folder laid out as the built-in one is never noted.
    (team / "holding").mkdir()
    (team / "press_release").rename(team / "holding" / "press_release")
    assert open_template_library(LibrarySources(shared=(team,))).old_layout_folders() == []


def test_a_broken_team_template_is_told_once_and_again_when_broken_anew(
    tmp_path: Path, make_incident
) -> None:
    from app.drafts.render import DraftRenderer
    from app.session.library_notes import take_fault_notes
    from app.templates.documents import DocumentKind
    from app.templates.metadata import TemplateSet

    team = tmp_path / "team" / "holding" / "press_release"
    team.mkdir(parents=True)
    (team / "en.md.j2").write_text("# {{ organisation.nmae }}\n", encoding="utf-8")
    library = open_template_library(LibrarySources(shared=(tmp_path / "team",)))
    preferences = tmp_path / "preferences.json"
    (note,) = take_fault_notes(library, preferences)
    assert note.where == str(team / "en.md.j2") and note.informational
    assert note.message == (
        "this template cannot be used (line 1: 'organisation.nmae' is not a fact of the "
        "incident), so the next one in rank writes this draft until it is fixed (see "
        "Templates › Template library)"
    )
    draft = DraftRenderer(library).render(
        make_incident(), DocumentKind.PRESS_RELEASE, "en", template_set=TemplateSet.HOLDING
    )
    assert "PRESS RELEASE" in draft.plain_text()  # the built-in one writes it meanwhile
    assert take_fault_notes(library, preferences) == []  # told once
    (team / "en.md.j2").write_text("# {{ organisation.nom }}\n", encoding="utf-8")
    again = open_template_library(LibrarySources(shared=(tmp_path / "team",)))
    assert len(take_fault_notes(again, preferences)) == 1  # broken anew: told again
