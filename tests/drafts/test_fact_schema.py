"""The fact schema every start reads is the one the code and the examples give now: a
stored schema gone stale would let a misspelt fact through, or refuse a real one."""

from __future__ import annotations

from pathlib import Path

from app.drafts.fact_schema import computed_fact_schema, fact_schema
from app.drafts.render import open_library
from app.templates.documents import DocumentKind
from app.templates.library import LibraryKind


def test_the_stored_schema_is_the_computed_one() -> None:
    assert fact_schema() == computed_fact_schema(), (
        "app/drafts/stored_fact_schema.py is out of date: run `uv run python -m "
        "app.drafts.fact_schema` and commit it"
    )


def test_each_call_gives_a_copy_of_its_own() -> None:
    first = fact_schema()
    first["organisation"]["name"] = {"changed": None}
    first.pop("language")
    assert fact_schema() == computed_fact_schema()


def test_a_template_reading_a_misspelt_fact_is_refused_and_a_real_one_is_used(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "mine" / "holding" / "press_release"
    folder.mkdir(parents=True)
    (folder / "en.md.j2").write_text("# {{ organisation.nmae }}\n", encoding="utf-8")
    (folder / "fr.md.j2").write_text("# {{ organisation.name }}\n", encoding="utf-8")
    library = open_library(user=tmp_path / "mine")
    mine = [t for t in library.templates if t.library.kind is LibraryKind.USER]
    faults = {t.language: [str(fault) for fault in t.faults] for t in mine}
    assert faults == {"en": ["line 1: 'organisation.nmae' is not a fact of the incident"], "fr": []}
    assert library.find(DocumentKind.PRESS_RELEASE, "fr").library.kind is LibraryKind.USER
    assert library.find(DocumentKind.PRESS_RELEASE, "en").built_in
