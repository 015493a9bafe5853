"""The template library: built-in sets, override order, pairs, broken templates."""

from __future__ import annotations

from pathlib import Path

from app.drafts.render import DraftRenderer, open_library
from app.templates.documents import DocumentKind
from app.templates.library import LibraryKind
from app.templates.metadata import TemplateSet
from tests.drafts.drafted import drafted


def write(folder: Path, relative: str, text: str) -> Path:
    path = folder / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_every_built_in_template_is_usable_paired_and_in_force(library) -> None:
    assert library.problems() == []
    ids = {(t.meta.id, t.meta.language) for t in library.templates}
    for template_set in TemplateSet:
        for document in DocumentKind:
            for language in ("en", "fr"):
                assert (f"{template_set}.{document}", language) in ids
    assert all(not library.unpaired(t) for t in library.templates)
    # every document of the registry, in every set, in English and French
    assert len(library.templates) == len(DocumentKind) * len(TemplateSet) * 2


PRESS = """---
id: holding.press_release
language: en
document: press_release
version: "{version}"
---
# {{{{ organisation.name }}}} – {label}
"""


def test_override_order_command_line_then_user_then_shared_then_built_in(
    tmp_path: Path, make_incident
) -> None:
    shared_a, shared_b, user, extra = (
        tmp_path / n for n in ("shared_a", "shared_b", "user", "extra")
    )
    write(shared_b, "anything/pr.md.j2", PRESS.format(version="5", label="shared B"))
    library = open_library(shared=[shared_a, shared_b])
    renderer = DraftRenderer(library)
    incident = make_incident()
    assert renderer.render(incident, DocumentKind.PRESS_RELEASE, "en").headline.endswith("shared B")
    write(shared_a, "press_release/en.md.j2", PRESS.format(version="4", label="shared A"))
    library = open_library(shared=[shared_a, shared_b])
    in_force = library.in_force("holding.press_release", "en")
    assert in_force is not None and in_force.library.path == shared_a
    write(user, "press_release/en.md.j2", PRESS.format(version="3", label="mine"))
    library = open_library(user=user, shared=[shared_a, shared_b])
    assert library.in_force("holding.press_release", "en").library.kind is LibraryKind.USER
    write(extra, "press_release/en.md.j2", PRESS.format(version="2", label="command line"))
    library = open_library([extra], user=user, shared=[shared_a, shared_b])
    draft = DraftRenderer(library).render(incident, DocumentKind.PRESS_RELEASE, "en")
    assert draft.headline == "Northwind Motors – command line"
    built_in = next(
        t
        for t in library.templates
        if t.built_in and t.meta.id == "holding.press_release" and t.language == "en"
    )
    assert library.overridden_by(built_in).library.path == extra
    # The French built-in still serves: only the English one was overridden.
    french = DraftRenderer(library).render(incident, DocumentKind.PRESS_RELEASE, "fr")
    assert french.headline.startswith("Northwind Motors met ses systèmes")
    mine = next(t for t in library.templates if t.library.kind is LibraryKind.USER)
    assert library.unpaired(mine) == []  # the built-in French version pairs with it


def test_a_broken_template_in_a_shared_folder_is_listed_and_never_used(
    tmp_path: Path, make_incident
) -> None:
    shared = tmp_path / "team"
    write(shared, "press_release/en.md.j2", "# {{ organisation.name }\n")
    write(shared, "dealer_notice/en.md.j2", "---\ntitle: x\n---\n\n{{ organisation.adress }}\n")
    write(shared, "staff_message/fr.md.j2", "---\nlanguage: de\n---\nHallo\n")
    write(shared, "update/press_release/en.md.j2", "{{ cycler.__init__.__globals__ }}\n")
    library = open_library(shared=[shared])
    faults = {t.relative.as_posix(): str(t.faults[0]) for t in library.problems()}
    assert faults["press_release/en.md.j2"].startswith("line 1: syntax error")
    assert faults["dealer_notice/en.md.j2"] == (
        "line 5: 'organisation.adress' is not a fact of the incident"
    )
    assert "'language' must be one of en, fr" in faults["staff_message/fr.md.j2"]
    assert "private" in faults["update/press_release/en.md.j2"]
    renderer = DraftRenderer(library)
    incident = make_incident()
    for document, language in drafted(incident):  # the built-in ones serve instead
        for template_set in (TemplateSet.HOLDING, TemplateSet.UPDATE):
            draft = renderer.render(incident, document, language, template_set=template_set)
            assert "Northwind Motors" in draft.plain_text()


def test_a_template_without_its_pair_is_flagged(tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    write(
        mine,
        "short.md.j2",
        "---\nid: holding.short_press\ndocument: press_release\nlanguage: en\n---\n# Short\n",
    )
    library = open_library(user=mine)
    short = next(t for t in library.templates if t.meta.id == "holding.short_press")
    assert library.unpaired(short) == ["fr"]


def test_checks_are_remembered_and_redone_when_a_template_changes(tmp_path: Path) -> None:
    shared = tmp_path / "team"
    template = write(shared, "press_release/en.md.j2", "# {{ organisation.name }}\n")
    cache = tmp_path / "cache"
    assert open_library(shared=[shared], cache_folder=cache).problems() == []
    assert (cache / "checks.json").exists()
    write(shared, "press_release/en.md.j2", "# {{ organisation.nmae }}\n")
    (broken,) = open_library(shared=[shared], cache_folder=cache).problems()
    assert broken.path == template
    assert str(broken.faults[0]) == "line 1: 'organisation.nmae' is not a fact of the incident"
    (cache / "checks.json").write_text(
        "{ damaged", encoding="utf-8"
    )  # a damaged cache: check everything again
    (again,) = open_library(shared=[shared], cache_folder=cache).problems()
    assert again.faults == broken.faults


def test_a_template_fault_reads_in_french_also_when_it_comes_from_the_cache(
    tmp_path: Path,
) -> None:
    from app.interface_text.translator import Translator

    french = Translator("fr").gettext
    shared = tmp_path / "team"
    write(shared, "press_release/fr.md.j2", "# {{ organisation.nom }}\n")
    cache = tmp_path / "cache"
    (checked,) = open_library(shared=[shared], cache_folder=cache).problems()
    (remembered,) = open_library(shared=[shared], cache_folder=cache).problems()
    assert remembered.faults == checked.faults
    for template in (checked, remembered):
        assert template.faults[0].translated(french) == (
            "ligne 1\u00a0: «\u00a0organisation.nom\u00a0» n’est pas un fait de l’incident"
        )
