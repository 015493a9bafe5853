"""Languages are data: every table whose wording differs by language covers exactly the
languages the app writes in, so adding one is a list of failing tables, not a hunt."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest

from app.drafts import context
from app.export import marks, word_document, word_writer
from app.facts import catalogue, consistency, languages
from app.facts.models import LANGUAGES
from app.record import checks
from app.templates import documents, metadata

PER_LANGUAGE: dict[str, Mapping[Any, Any]] = {
    "catalogue.SYSTEM_LABELS": catalogue.SYSTEM_LABELS,
    "catalogue.INCIDENT_NAMES": catalogue.INCIDENT_NAMES,
    "catalogue.UNNAMED_PARTY": catalogue.UNNAMED_PARTY,
    "catalogue.DATA_CATEGORY_LABELS": catalogue.DATA_CATEGORY_LABELS,
    "catalogue.SITE_KIND_FORMS": catalogue.SITE_KIND_FORMS,
    "languages.DEFAULT_VARIANTS": languages.DEFAULT_VARIANTS,
    "languages.LANGUAGE_NAMES": languages.LANGUAGE_NAMES,
    "languages.NATIVE_NAMES": languages.NATIVE_NAMES,
    "context._FIRST_PERSON": context._FIRST_PERSON,
    "consistency.MISSING_TEXT": consistency.MISSING_TEXT,
    "marks.DRAFT_MARKS": marks.DRAFT_MARKS,
    "word_document.APPROVED_MARKS": word_document.APPROVED_MARKS,
    "word_writer.PAGE_WORDS": word_writer.PAGE_WORDS,
    "checks.ACKNOWLEDGES_CHANGE": checks.ACKNOWLEDGES_CHANGE,
    "checks.ABSOLUTE_CLAIMS": checks.ABSOLUTE_CLAIMS,
    **{f"documents.DOCUMENT_TITLES[{k}]": v for k, v in documents.DOCUMENT_TITLES.items()},
    **{f"documents.DOCUMENT_AUDIENCES[{k}]": v for k, v in documents.DOCUMENT_AUDIENCES.items()},
    **{f"metadata.SET_NAMES[{k}]": v for k, v in metadata.SET_NAMES.items()},
}


@pytest.mark.parametrize("table", list(PER_LANGUAGE))
def test_every_per_language_table_covers_every_language(table: str) -> None:
    assert set(PER_LANGUAGE[table]) == set(LANGUAGES), table


def test_every_language_has_a_variant_with_a_locale_and_a_proofing_tag() -> None:
    for language in LANGUAGES:
        variant = languages.variant_of(None, language)
        assert variant.language == language
        assert variant.locale.startswith(language) and variant.proofing_tag.startswith(language)
    assert {v.language for v in languages.VARIANTS.values()} == set(LANGUAGES)


def test_the_apps_own_per_language_tables_cover_every_language() -> None:
    from app.gui import preview
    from app.interface_text.translator import UI_LANGUAGES, catalog_path

    assert set(preview.PREVIEW_NAMES) == set(LANGUAGES)
    assert [key for key, _label in preview.LANGUAGE_MODES] == [*LANGUAGES, "both"]
    for language in UI_LANGUAGES:
        assert catalog_path(language).exists(), language
