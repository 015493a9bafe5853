"""Hostile templates are stopped with a message: endless loops, huge output, huge values."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.drafts.render import DraftRenderer
from app.errors import TemplateError
from app.files.resources import built_in_templates
from app.templates.documents import DocumentKind
from app.templates.library import TemplateLibrary
from app.templates.limits import (
    CLOCK_EVERY,
    RenderBudget,
    RenderLimitError,
    render_within_limits,
)


def render(tmp_path: Path, body: str, incident) -> str:
    folder = tmp_path / "mine" / "press_release"
    folder.mkdir(parents=True)
    (folder / "en.md.j2").write_text(body, encoding="utf-8")
    library = TemplateLibrary(built_in_templates(), [tmp_path / "mine"])
    draft = DraftRenderer(library).render(incident, DocumentKind.PRESS_RELEASE, "en")
    return draft.plain_text()


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
            "loops more than",
        ),
        ("{% for i in range(100000) %}{{ 'x' * 50 }}{% endfor %}", "writes more than"),
        ("{{ 'x' * 100000000 }}", "repeats a text or list"),
        ("{{ 9 ** 999999 }}", "raises a number to the power"),
        ("{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}", "stopped|calls itself without end"),
        (
            "{% for i in [1, 1] recursive %}{{ loop([1, 1]) }}{% endfor %}",
            "calls itself without end",
        ),
        (
            "{% for i in range(20) recursive %}{% if loop.depth < 20 %}{{ loop(range(20)) }}"
            "{% endif %}{% endfor %}",
            "loops more than",
        ),
    ],
)
def test_a_runaway_template_is_stopped_with_a_message(
    tmp_path, make_incident, body, message
) -> None:
    with pytest.raises(TemplateError, match=message) as error:
        render(tmp_path, body, make_incident())
    assert "press_release/en.md.j2" in str(error.value)


def test_ordinary_loops_are_not_limited(tmp_path, make_incident) -> None:
    text = render(tmp_path, "{% for i in range(3) %}- item {{ i }}\n{% endfor %}", make_incident())
    assert text == "- item 0\n- item 1\n- item 2\n"


def test_the_clock_is_read_every_few_steps_not_at_each() -> None:
    """Reading a thread's processor time is a system call: a render reads it once every
    CLOCK_EVERY steps, so a template out of time is stopped within that many steps."""
    budget = RenderBudget(seconds=-1.0)  # out of time from the start
    for _ in range(CLOCK_EVERY - 1):
        budget._spend()
    with pytest.raises(RenderLimitError, match="runs for more than"):
        budget._spend()


def test_a_render_stopped_between_two_pieces_is_closed_at_once() -> None:
    """A render stopped by a limit between two pieces of output is closed there, not
    left to the garbage collector: a template that includes itself, closed from deeper
    in the stack, went past Python's recursion limit ("Exception ignored in: <generator
    object Template.generate>", seen by CI's fuzzing)."""
    closed: list[bool] = []

    def pieces() -> Iterator[str]:
        try:
            while True:
                yield "x" * 300_000  # past the output limit after four pieces
        finally:
            closed.append(True)

    class Writing:
        def generate(self, _context: object) -> Iterator[str]:
            return kept

    kept = pieces()
    with pytest.raises(RenderLimitError, match="writes more than"):
        render_within_limits(Writing(), {})  # type: ignore[arg-type]
    assert closed == [True]
