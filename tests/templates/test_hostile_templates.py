"""Templates that would freeze the app or fill its memory are refused with a message,
before the text they ask for is built (also when Jinja could fold it at compile time)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.drafts.render import DraftRenderer, open_library
from app.errors import TemplateError
from app.files.resources import built_in_templates
from app.templates.documents import DocumentKind
from app.templates.library import TemplateLibrary
from tests.templates.test_limits import render

BIG = "1000000000"  # a literal: Jinja's constant folding would have built it when compiling


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("{% for a in [1]*50000 %}{% for b in [1]*50000 %}{% endfor %}{% endfor %}", "loops"),
        ("{% for a in range(50000) %}{% for b in range(50000) %}{% endfor %}{% endfor %}", "loops"),
        ("{{ lipsum(n=10**9) }}", "words of filler text"),
        ("{{ lipsum(n=" + BIG + ") }}", "words of filler text"),
        ("{{ 'x'.center(10**10) }}", "builds a text of 10,000,000,000 characters"),
        ("{{ 'x'|center(" + BIG + ") }}", "builds a text of 1,000,000,000 characters"),
        ("{{ 'x'|indent(" + BIG + ", true) }}", "builds a text of"),
        ("{{ [1]|batch(" + BIG + ", 'x')|list }}", "builds a text of"),
        ("{{ ('a'*100000).replace('a', 'a'*100000) }}", "builds a text of"),
        ("{{ 'ab'|replace('a', 'a'*99999)|replace('a', 'a'*99999) }}", "builds a text of"),
        ("{{ '{:>" + BIG + "}'.format(1) }}", "builds a text of"),
        ("{{ '{:.{}f}'.format(1.0, " + BIG + ") }}", "builds a text of"),
        ("{{ '%" + BIG + "d' % 1 }}", "builds a text of"),
        ("{{ '%" + BIG + "d'|format(1) }}", "builds a text of"),
        ("{{ '\t'.expandtabs(" + BIG + ") }}", "builds a text of"),
        ("{{ ('x'*90000).join(['a']*90000) }}", "repeats a text or list|builds a text of"),
        ("{% set a = 'x'*100000 %}{{ a ~ a ~ a ~ a ~ a ~ a ~ a ~ a ~ a ~ a ~ a }}", "builds"),
        ("{% set a = 'x'*99999 %}" + "{% set a = a + a %}" * 5 + "{{ a }}", "builds a text"),
        ("{{ ['x'*50000]*50 }}", "repeats a text or list"),
        (
            "{% set a %}{% for i in range(100000) %}" + "x" * 200 + "{% endfor %}{% endset %}",
            "writes more than 10,000,000 characters",
        ),
        (
            "{% macro m() %}" + "y" * 300 + "{% endmacro %}{% set l = [] %}"
            "{% for i in range(60000) %}{% set _ = l.append(m()) %}{% endfor %}",
            "writes more than 10,000,000 characters|builds a text of",
        ),
        (
            "{% set l = [] %}{% set s = 'x'*90000 %}"
            "{% for i in range(50000) %}{% set _ = l.append(s) %}{% endfor %}{{ l|string }}",
            "builds a text of",
        ),
        (
            "{% set d = {} %}{% for i in range(50000) %}"
            "{% set _ = d.update({i: 'x'*90000}) %}{% endfor %}{{ d|tojson }}",
            "builds a text of",
        ),
    ],
)
def test_a_template_asking_for_a_huge_text_is_refused_before_building_it(
    tmp_path, make_incident, body, message
) -> None:
    with pytest.raises(TemplateError, match=message) as error:
        render(tmp_path, body, make_incident())
    assert "press_release/en.md.j2:1: stopped: the template " in str(error.value)


def test_an_imported_macro_spends_from_the_same_budget(tmp_path, make_incident) -> None:
    partials = tmp_path / "mine" / "_partials"
    partials.mkdir(parents=True)
    (partials / "spin.md.j2").write_text(
        "{% macro spin() %}{% for a in [1]*50000 %}{% for b in [1]*50000 %}"
        "{% endfor %}{% endfor %}{% endmacro %}",
        encoding="utf-8",
    )
    body = "{% import '_partials/spin.md.j2' as s %}{{ s.spin() }}"
    with pytest.raises(TemplateError, match="loops more than 200,000 times") as error:
        render(tmp_path, body, make_incident())
    assert "_partials/spin.md.j2:1: stopped" in str(error.value)


ALIAS_BOMB = "".join(
    f"{name}: &{name} [{', '.join(['*' + previous] * 9)}]\n"
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True)
)


@pytest.mark.parametrize(
    ("front", "fault"),
    [
        (
            "a: &a [x, x, x, x, x, x, x, x, x]\n" + ALIAS_BOMB,
            "line 2: front matter may not use YAML anchors or aliases ('&', '*')",
        ),
        (
            "description: " + "x" * 20_000 + "\n",
            "line 2: the front matter is 20,014 characters long; it may have at most 16,384",
        ),
        ("title: " + "[" * 5000 + "]" * 5000 + "\n", "line 2: front matter is"),
    ],
)
def test_hostile_front_matter_is_listed_and_never_used(tmp_path: Path, front, fault) -> None:
    folder = tmp_path / "mine" / "press_release"
    folder.mkdir(parents=True)
    (folder / "en.md.j2").write_text(f"---\n{front}---\n# Hello\n", encoding="utf-8")
    library = open_library([tmp_path / "mine"])
    (broken,) = library.problems()
    assert str(broken.faults[0]).startswith(fault)
    assert library.in_force("holding.press_release", "en").built_in


def test_a_template_stopped_by_a_limit_is_remembered_and_not_run_again(
    tmp_path: Path, make_incident
) -> None:
    folder = tmp_path / "shared" / "holding" / "press_release"
    folder.mkdir(parents=True)
    spin = "{% for a in [1]*50000 %}{% for b in [1]*50000 %}{% endfor %}{% endfor %}\n"
    (folder / "en.md.j2").write_text("# Hello\n\n" + spin, encoding="utf-8")
    cache = tmp_path / "cache"
    library = TemplateLibrary(
        built_in_templates(), shared=[tmp_path / "shared"], cache_folder=cache
    )
    assert library.problems() == []  # nothing static is wrong with it
    renderer = DraftRenderer(library)
    with pytest.raises(TemplateError, match="loops more than 200,000 times"):
        renderer.render(make_incident(), DocumentKind.PRESS_RELEASE, "en")
    draft = renderer.render(make_incident(), DocumentKind.PRESS_RELEASE, "en")
    assert draft.headline.startswith("Northwind Motors takes systems offline")  # built-in
    next_start = TemplateLibrary(
        built_in_templates(), shared=[tmp_path / "shared"], cache_folder=cache
    )
    (broken,) = next_start.problems()
    assert str(broken.faults[0]) == (
        "line 3: loops more than 200,000 times; a statement never needs that"
    )
    draft = DraftRenderer(next_start).render(make_incident(), DocumentKind.PRESS_RELEASE, "en")
    assert draft.headline.startswith("Northwind Motors takes systems offline")
    (folder / "en.md.j2").write_text("# Hello, fixed\n", encoding="utf-8")
    edited = TemplateLibrary(built_in_templates(), shared=[tmp_path / "shared"], cache_folder=cache)
    assert edited.problems() == []  # an edited template is tried again


def test_a_loop_over_a_range_spends_each_item_once(tmp_path: Path, make_incident) -> None:
    body = "{% for i in range(150000) %}{% endfor %}# Done\n"
    assert render(tmp_path, body, make_incident()) == "DONE\n"


class _StallingClock:
    """A thread's processor time that jumps by an hour once it has been read once: the
    render that set its deadline at the first reading runs out of time, the next ones
    (their deadlines set after the jump) do not, as after a pause of the whole machine."""

    def __init__(self) -> None:
        self.readings = 0

    def __call__(self) -> float:
        self.readings += 1
        return 0.0 if self.readings == 1 else 3600.0


def test_running_out_of_time_sets_a_template_aside_for_this_session_only(
    tmp_path: Path, make_incident, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "shared" / "holding" / "press_release"
    folder.mkdir(parents=True)
    body = "# Shared release\n\n{% for i in range(100) %}{% endfor %}Text.\n"
    (folder / "en.md.j2").write_text(body, encoding="utf-8")
    cache = tmp_path / "cache"
    shared = [tmp_path / "shared"]
    library = TemplateLibrary(built_in_templates(), shared=shared, cache_folder=cache)
    renderer = DraftRenderer(library)
    monkeypatch.setattr("app.templates.limits.time.thread_time", _StallingClock())
    with pytest.raises(TemplateError, match="runs for more than 2 seconds"):
        renderer.render(make_incident(), DocumentKind.PRESS_RELEASE, "en")
    draft = renderer.render(make_incident(), DocumentKind.PRESS_RELEASE, "en")
    assert draft.headline.startswith("Northwind Motors takes systems offline")  # built-in
    next_start = TemplateLibrary(
        built_in_templates(), shared=[tmp_path / "shared"], cache_folder=cache
    )
    assert next_start.problems() == []  # the machine may have been slow: tried again
    draft = DraftRenderer(next_start).render(make_incident(), DocumentKind.PRESS_RELEASE, "en")
    assert draft.headline == "Shared release"


def test_a_built_in_template_out_of_time_is_never_set_aside(
    tmp_path: Path, make_incident, monkeypatch: pytest.MonkeyPatch
) -> None:
    built_in = tmp_path / "built_in"
    folder = built_in / "holding" / "press_release"
    folder.mkdir(parents=True)
    body = "# Built-in release\n\n{% for i in range(100) %}{% endfor %}Text.\n"
    (folder / "en.md.j2").write_text(body, encoding="utf-8")
    cache = tmp_path / "cache"
    renderer = DraftRenderer(TemplateLibrary(built_in, cache_folder=cache))
    monkeypatch.setattr("app.templates.limits.time.thread_time", _StallingClock())
    with pytest.raises(TemplateError, match="runs for more than 2 seconds"):
        renderer.render(make_incident(), DocumentKind.PRESS_RELEASE, "en")
    assert renderer.library.problems() == []  # it ships with the app: never set aside
    draft = renderer.render(make_incident(), DocumentKind.PRESS_RELEASE, "en")
    assert draft.headline == "Built-in release"
    assert TemplateLibrary(built_in, cache_folder=cache).problems() == []
