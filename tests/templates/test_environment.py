"""The sandbox, strictness and error messages of the one template environment."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.drafts.render import DraftRenderer, open_library
from app.errors import TemplateError
from app.files.resources import built_in_templates
from app.templates.documents import DocumentKind
from app.templates.library import TemplateLibrary


def custom_library(tmp_path: Path, body: str, *, front_matter: str = "") -> TemplateLibrary:
    folder = tmp_path / "mine"
    (folder / "press_release").mkdir(parents=True)
    (folder / "press_release" / "en.md.j2").write_text(front_matter + body, encoding="utf-8")
    return TemplateLibrary(built_in_templates(), [folder])


def render_with(library: TemplateLibrary, incident, language="en"):
    return DraftRenderer(library).render(incident, DocumentKind.PRESS_RELEASE, language)


def test_a_users_template_replaces_the_built_in_one_of_the_same_path(
    tmp_path, make_incident
) -> None:
    library = custom_library(tmp_path, "# {{ organisation.name }} holding line\n")
    draft = render_with(library, make_incident())
    assert draft.plain_text() == "NORTHWIND MOTORS HOLDING LINE\n"
    assert draft.info.document_title == "Press release"  # default from the path
    french = render_with(library, make_incident(), "fr")
    assert "Communiqué de presse" in french.info.document_title  # still the built-in one


def test_a_misspelt_fact_names_the_template_line(tmp_path, make_incident) -> None:
    front = "---\ntitle: Ours\n---\n"
    body = "Hello\n\n{{ organisation.nmae }}\n"
    library = custom_library(tmp_path, body, front_matter=front)
    with pytest.raises(TemplateError) as error:  # without the fact list: caught when run
        render_with(library, make_incident())
    assert error.value.line == 6
    assert "'nmae'" in str(error.value)
    assert "check the fact's name" in str(error.value)
    checked = open_library([tmp_path / "mine"])  # with it: caught when the library is read
    (broken,) = checked.problems()
    assert str(broken.faults[0]) == "line 6: 'organisation.nmae' is not a fact of the incident"
    assert "press_release/en.md.j2:6" in str(error.value)


def test_a_syntax_error_is_listed_with_its_line_and_the_built_in_is_used(
    tmp_path, make_incident
) -> None:
    library = custom_library(tmp_path, "line one\n{% if %}\n")
    (broken,) = library.problems()
    assert broken.path == tmp_path / "mine" / "press_release" / "en.md.j2"
    assert broken.faults[0].line == 2
    assert "syntax error" in str(broken.faults[0])
    draft = render_with(library, make_incident())
    assert draft.headline.startswith("Northwind Motors takes systems offline")


def test_templates_cannot_reach_python_internals(tmp_path, make_incident) -> None:
    library = custom_library(tmp_path, "{{ ''.__class__.__mro__[1].__subclasses__() }}\n")
    (broken,) = library.problems()  # refused when read...
    assert "'__subclasses__' is private" in str(broken.faults[0])
    environment = library.environment  # ...and the sandbox stops it if it ever ran
    with pytest.raises(TemplateError, match=r"not allowed|unsafe|attribute"):
        environment.render(broken.loader_name, {"language": "en", "timezone": "UTC"})


def test_templates_cannot_include_files_outside_the_template_folders(
    tmp_path, make_incident
) -> None:
    (tmp_path / "secret.txt").write_text("TOP SECRET", encoding="utf-8")
    library = custom_library(tmp_path, "{% include '../secret.txt' %}\n")
    with pytest.raises(TemplateError, match="does not exist"):
        render_with(library, make_incident())


def test_a_fact_cannot_inject_markdown(make_incident, renderer) -> None:
    incident = make_incident(
        organisation__name="# Evil **Corp**",
        sites__0__name="[link](http://x) <b>",
        spokesperson__quote={"en": "line one\n\n## not a heading", "fr": "*texte*"},
    )
    draft = renderer.render(incident, DocumentKind.PRESS_RELEASE, "en")
    text = draft.plain_text()
    assert draft.headline.startswith("# Evil **Corp** takes systems offline")
    assert "[link](http://x) <b>" in text
    assert "line one ## not a heading" in text
    assert all(
        not span.bold for block in draft.blocks for span in block.spans if "Corp" in span.text
    )
    headings = [block.text for block in draft.blocks if block.kind.value.startswith("heading")]
    assert "not a heading" not in " ".join(headings)


def test_an_unknown_templates_folder_is_refused() -> None:
    with pytest.raises(TemplateError, match="not a folder of templates"):
        TemplateLibrary(built_in_templates(), [Path("/no/such/folder")])
