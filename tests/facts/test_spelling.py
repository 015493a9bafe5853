"""Spelling of the lead's texts: what is flagged, what is accepted, what is suggested."""

from __future__ import annotations

import pytest

from app.facts.consistency import _bilingual_texts
from app.facts.loading import load_incident
from app.facts.models import LANGUAGES, Language
from app.facts.spelling import misspellings, spelling_dictionary
from app.facts.text_words import names_in, words_in_names
from app.files.resources import example_incidents


def flagged(text: str, language: Language, accepted: frozenset[str] = frozenset()) -> list[str]:
    return [word.text for word in misspellings(text, spelling_dictionary(language), accepted)]


def test_a_misspelt_english_word_is_flagged_and_the_right_one_suggested() -> None:
    assert flagged("We shut down our sytems as a precaution.", "en") == ["sytems"]
    assert spelling_dictionary("en").suggestions("sytems")[0] == "systems"


def test_french_accents_are_part_of_the_spelling() -> None:
    assert flagged("Nous avons arrêté nos systèmes par précaution.", "fr") == []
    assert flagged("Nous avons arrêté nos systemes par précaution.", "fr") == ["systemes"]
    # a word typed without its accents is offered with them first
    assert spelling_dictionary("fr").suggestions("systemes")[0] == "systèmes"
    assert spelling_dictionary("fr").suggestions("evenement")[:2] == ["événement", "évènement"]


def test_a_suggestion_keeps_the_capital_of_the_word_typed() -> None:
    assert spelling_dictionary("fr").suggestions("Systemes")[0] == "Systèmes"


def test_the_span_of_a_flagged_word_is_where_it_is_typed() -> None:
    text = "Les collaborateurs de l’usien doivent rester chez eux."
    (word,) = misspellings(text, spelling_dictionary("fr"), frozenset())
    assert (word.text, text[word.start : word.end]) == ("usien", "usien")


@pytest.mark.parametrize(
    "text",
    [
        "L’usine d’Halewood s’arrête : c’est-à-dire qu’il n’y a plus de production.",
        "L'usine s'arrête aujourd'hui, jusqu'à nouvel ordre ; peut-être demain.",
        "Le rançongiciel a chiffré nos serveurs ; la cybersécurité est renforcée.",
        "Écrivez à presse@northwind.example ou voyez https://www.northwind.example/aide-en-ligne",
        "Le RGPD, la CNIL et l’ANSSI ; la directive NIS2 ; le bâtiment A4 ; le 2 septembre 2025.",
    ],
)
def test_french_elisions_hyphens_acronyms_addresses_and_numbers_are_accepted(text: str) -> None:
    accepted = words_in_names(["Halewood"])
    assert flagged(text, "fr", accepted) == []


@pytest.mark.parametrize(
    "text",
    [
        "Our organisation's colour-coded centre prioritised the customers' hand-over.",
        "The ransomware attack on our IT systems: we're working around the clock; don't call.",
        "Write to press@northwind.example or see www.northwind.example for ICO and GDPR notes.",
    ],
)
def test_british_spelling_contractions_and_crisis_words_are_english(text: str) -> None:
    assert flagged(text, "en") == []


def test_a_hyphenated_word_flags_only_its_unknown_part() -> None:
    text = "Votre bien-etre compte."
    (word,) = misspellings(text, spelling_dictionary("fr"), frozenset())
    assert (word.text, word.start) == ("etre", text.index("etre"))


def test_names_the_facts_give_are_not_flagged(make_incident) -> None:
    incident = make_incident()
    text = "Production at Solihull and Halewood is stopped; Northwind Motors will call you."
    assert flagged(text, "en") == ["Halewood", "Northwind"]
    assert flagged(text, "en", names_in(incident)) == []


def test_a_word_the_user_added_is_accepted_in_any_case() -> None:
    assert flagged("Ask Gaydon's front desk.", "en", words_in_names(["gaydon"])) == []


@pytest.mark.parametrize("path", example_incidents(), ids=lambda path: path.name)
def test_no_text_of_the_examples_is_flagged(path) -> None:
    incident = load_incident(path)
    names = names_in(incident)
    found = {
        (field, language, word)
        for field, text in _bilingual_texts(incident, "")
        for language in LANGUAGES
        for word in flagged(text.get(language) or "", language, names)
    }
    assert found == set()
