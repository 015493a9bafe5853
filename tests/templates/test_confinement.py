"""Templates read only files of their own folder: no links, no other letter case."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.drafts.render import DraftRenderer, open_library
from app.errors import TemplateError
from app.files.resources import built_in_templates, example_incident
from app.templates.documents import DocumentKind
from app.templates.library import TemplateLibrary

SECRET = "TOP SECRET: the board's private numbers"


def library_with(tmp_path: Path, body: str) -> Path:
    """A folder of one's own holding the English press release ``body`` and a secret
    file outside it, at ``tmp_path / "outside"``."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md.j2").write_text(SECRET + "\n", encoding="utf-8")
    mine = tmp_path / "mine"
    (mine / "press_release").mkdir(parents=True)
    (mine / "_partials").mkdir()
    (mine / "press_release" / "en.md.j2").write_text("# Our statement\n\n" + body, encoding="utf-8")
    return mine


def render_with(mine: Path, incident) -> str:
    library = TemplateLibrary(built_in_templates(), [mine])
    draft = DraftRenderer(library).render(incident, DocumentKind.PRESS_RELEASE, "en")
    return draft.plain_text()


USES = [
    "{% include '_partials/secret.md.j2' %}\n",
    "{% import '_partials/secret.md.j2' as secret %}{{ secret }}\n",
    "{% from '_partials/secret.md.j2' import nothing %}\n",
    "{% extends '_partials/secret.md.j2' %}\n",
]
LINK_FAULT = (
    "uses '_partials/secret.md.j2', which is a link; templates may only use files inside "
    "their own folder"
)


@pytest.mark.parametrize("body", USES)
def test_a_link_to_a_file_outside_the_folder_is_listed_and_never_used(
    tmp_path, make_incident, body
) -> None:
    mine = library_with(tmp_path, body)
    (mine / "_partials" / "secret.md.j2").symlink_to(tmp_path / "outside" / "secret.md.j2")
    library = TemplateLibrary(built_in_templates(), [mine])
    (broken,) = library.problems()
    assert str(broken.faults[0]) == f"line 3: {LINK_FAULT}"
    text = DraftRenderer(library).render(make_incident(), DocumentKind.PRESS_RELEASE, "en")
    assert SECRET not in text.plain_text()
    assert text.headline.startswith("Northwind Motors takes systems offline")  # built-in
    with pytest.raises(TemplateError) as error:  # and if it ever ran, the loader refuses
        library.environment.render(broken.loader_name, {"language": "en", "timezone": "UTC"})
    assert str(error.value) == f"{broken.path}:3: {LINK_FAULT}"


def test_a_link_named_at_run_time_is_refused_when_it_runs(tmp_path, make_incident) -> None:
    mine = library_with(
        tmp_path, "{% set name = '_partials/' ~ 'secret.md.j2' %}\n{% include name %}\n"
    )
    (mine / "_partials" / "secret.md.j2").symlink_to(tmp_path / "outside" / "secret.md.j2")
    with pytest.raises(TemplateError) as error:
        render_with(mine, make_incident())
    assert SECRET not in str(error.value)
    assert str(error.value) == f"{mine / 'press_release' / 'en.md.j2'}:4: {LINK_FAULT}"


def test_a_link_to_a_folder_outside_is_refused_and_listed(tmp_path, make_incident) -> None:
    mine = library_with(tmp_path, "{% include '_shared/secret.md.j2' %}\n")
    (mine / "_shared").symlink_to(tmp_path / "outside", target_is_directory=True)
    checked = open_library([mine])
    (broken,) = checked.problems()
    assert str(broken.faults[0]) == (
        "line 3: uses '_shared/secret.md.j2', which is a link; templates may only use files "
        "inside their own folder"
    )
    draft = DraftRenderer(checked).render(make_incident(), DocumentKind.PRESS_RELEASE, "en")
    assert SECRET not in draft.plain_text()  # the built-in press release is used instead
    assert draft.headline.startswith("Northwind Motors takes systems offline")


def test_a_name_in_other_letter_case_is_refused(tmp_path, make_incident) -> None:
    mine = library_with(tmp_path, "{% include '_PARTIALS/WORDS.md.j2' %}\n")
    (mine / "_partials" / "words.md.j2").write_text("shared words\n", encoding="utf-8")
    (broken,) = open_library([mine]).problems()
    assert str(broken.faults[0]) == (
        "line 3: uses '_PARTIALS/WORDS.md.j2', but the file there is written '_partials'; "
        "template names must match letter case exactly"
    )


def test_templates_in_a_linked_folder_are_not_listed(tmp_path) -> None:
    mine = library_with(tmp_path, "")
    (tmp_path / "outside" / "staff_message").mkdir()
    (tmp_path / "outside" / "staff_message" / "en.md.j2").write_text(SECRET, encoding="utf-8")
    (mine / "staff_message").symlink_to(tmp_path / "outside" / "staff_message")
    library = open_library([mine])
    assert [t.relative.as_posix() for t in library.templates if t.library.path == mine] == [
        "press_release/en.md.j2"
    ]


def test_an_export_with_a_linked_partial_is_refused_and_writes_nothing(tmp_path) -> None:
    mine = library_with(tmp_path, "{% include '_partials/secret.md.j2' %}\n")
    (mine / "_partials" / "secret.md.j2").symlink_to(tmp_path / "outside" / "secret.md.j2")
    out = tmp_path / "drafts"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "app",
            "export",
            str(example_incident()),
            "--templates",
            str(mine),
            "--out",
            str(out),
            "--lang",
            "en",
            "--doc",
            "press_release",
        ],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "LANGUAGE": "", "LC_ALL": "", "LANG": "en_GB.UTF-8"},
    )
    assert result.returncode == 2
    assert result.stderr == (
        f"crisisdraft: {mine / 'press_release' / 'en.md.j2'}:3: {LINK_FAULT}\n"
    )
    assert not out.exists() or list(out.iterdir()) == []  # nothing written
