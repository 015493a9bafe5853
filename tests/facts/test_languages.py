"""Which variant each draft language is written in: English follows the organisation
(``organisation.english``), French is French as written in France."""

from __future__ import annotations

import pytest

from app.errors import IncidentFileError
from app.facts.languages import VARIANTS, locale_of, variant_of
from app.facts.models import EnglishVariant


def test_american_english_is_written_proofed_and_spelt_american(make_incident) -> None:
    incident = make_incident(organisation__english="en_US")
    assert incident.organisation.english is EnglishVariant.AMERICAN
    variant = variant_of(incident, "en")
    assert (variant.language, variant.locale, variant.proofing_tag) == ("en", "en_US", "en-US")
    assert variant.spelling["organisation"] == "organization"
    assert variant.spelling["apologises"] == "apologizes"
    assert variant.spelling["cancelled"] == "canceled"


def test_british_english_is_the_default(make_incident, example_data) -> None:
    assert "english" not in example_data["organisation"]  # a v1 file: British
    incident = make_incident()
    assert incident.organisation.english is EnglishVariant.BRITISH
    variant = variant_of(incident, "en")
    assert (variant.locale, variant.proofing_tag) == ("en_GB", "en-GB")
    assert all(british == spelt for british, spelt in variant.spelling.items())
    assert variant_of(None, "en") == variant


@pytest.mark.parametrize("english", ["en_GB", "en_US"])
def test_french_is_french_of_france_whatever_the_english(make_incident, english: str) -> None:
    variant = variant_of(make_incident(organisation__english=english), "fr")
    assert (variant.language, variant.locale, variant.proofing_tag) == ("fr", "fr_FR", "fr-FR")
    assert variant_of(None, "fr") == variant


def test_both_english_variants_spell_the_same_words() -> None:
    # Templates read spell.<word>: a word one variant lacks would fail in the other.
    assert set(VARIANTS["en_GB"].spelling) == set(VARIANTS["en_US"].spelling)
    assert len(VARIANTS["en_GB"].spelling) > 0


@pytest.mark.parametrize(
    ("given", "locale"),
    [("en", "en_GB"), ("fr", "fr_FR"), ("en_US", "en_US"), ("en_GB", "en_GB"), ("fr_FR", "fr_FR")],
)
def test_a_language_or_a_locale_gives_babels_locale(given: str, locale: str) -> None:
    assert locale_of(given) == locale


def test_an_unknown_english_variant_is_refused(make_incident) -> None:
    with pytest.raises(IncidentFileError, match=r"organisation\.english: \"en_AU\""):
        make_incident(organisation__english="en_AU")
