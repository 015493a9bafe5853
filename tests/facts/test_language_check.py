"""A text that reads as the other language than its field's is a warning naming it."""

from __future__ import annotations

import pytest

from app.facts.consistency import _bilingual_texts, incident_problems
from app.facts.language_check import MIN_WORDS, judged_words, reads_as
from app.facts.loading import load_incident
from app.facts.models import LANGUAGES
from app.facts.text_words import names_in
from app.files.resources import example_incidents

ENGLISH_GUIDANCE = (
    "Production colleagues should not report for their shifts until their line manager "
    "contacts them. Pay is not affected."
)


def test_french_guidance_typed_in_english_is_a_warning_naming_the_field(make_incident) -> None:
    incident = make_incident(guidance__staff={"en": ENGLISH_GUIDANCE, "fr": ENGLISH_GUIDANCE})
    (problem,) = incident_problems(incident, ["en", "fr"])
    assert problem.field == "guidance.staff.fr"
    assert problem.where == "incident: guidance.staff.fr"
    assert not problem.blocking and not problem.informational
    assert problem.message == (
        "this French text reads as English: write it in French (is the English text pasted here?)"
    )


def test_english_text_typed_in_french_is_a_warning_too(make_incident) -> None:
    french = "Nous avons agi rapidement pour protéger nos systèmes et nos clients."
    incident = make_incident(spokesperson__quote={"en": french, "fr": french})
    (problem,) = incident_problems(incident, ["en", "fr"])
    assert problem.field == "spokesperson.quote.en"
    assert "this English text reads as French" in problem.message


def test_only_the_languages_exported_are_judged(make_incident) -> None:
    incident = make_incident(guidance__staff={"en": ENGLISH_GUIDANCE, "fr": ENGLISH_GUIDANCE})
    assert incident_problems(incident, ["en"]) == []


@pytest.mark.parametrize(
    "french",
    [
        "Portail Dealer Connect en panne",  # under four words: never judged
        "Gardez votre showroom ouvert et prenez les commandes sur papier.",
        "Le portail Dealer Connect et le système SAP sont indisponibles.",
        "Solihull, Halewood et Gaydon : production arrêtée.",
    ],
)
def test_french_with_english_names_or_loanwords_reads_as_french(french: str) -> None:
    assert reads_as(french, "fr", frozenset()) is None


def test_a_short_text_is_never_judged() -> None:
    assert len(judged_words("Restart the systems", "fr")) < MIN_WORDS
    assert reads_as("Restart the systems", "fr") is None
    assert reads_as("Restart the dealer systems", "fr") == "en"


def test_names_of_the_facts_say_nothing_of_the_language(make_incident) -> None:
    names = names_in(make_incident())
    assert judged_words("Northwind Motors à Solihull et Halewood", "fr", names) == ["et"]


@pytest.mark.parametrize("path", example_incidents(), ids=lambda path: path.name)
def test_the_examples_texts_read_as_their_own_language_and_swapped_as_the_other(path) -> None:
    incident = load_incident(path)
    names = names_in(incident)
    wrong: list[str] = []
    missed: list[str] = []
    for field, text in _bilingual_texts(incident, ""):
        for language in LANGUAGES:
            own = text.get(language) or ""
            if reads_as(own, language, names) is not None:
                wrong.append(f"{field}.{language}: {own}")
            (other,) = (code for code in LANGUAGES if code != language)
            pasted = text.get(other) or ""
            if len(judged_words(pasted, language, names)) >= MIN_WORDS and (
                reads_as(pasted, language, names) != other
            ):
                missed.append(f"{field}.{language}: {pasted}")
    assert wrong == []
    assert missed == []


def test_check_prints_the_warning_naming_the_field_in_both_interface_languages(
    write_incident,
) -> None:
    from tests.test_cli import crisisdraft

    incident = write_incident(
        "pasted.crisis.json", guidance__staff={"en": ENGLISH_GUIDANCE, "fr": ENGLISH_GUIDANCE}
    )
    english = crisisdraft("check", str(incident))
    assert english.returncode == 0, english.stderr  # a warning: the export may go ahead
    assert (
        "warning: pasted.crisis.json: guidance.staff.fr: this French text reads as English: "
        "write it in French (is the English text pasted here?)"
    ) in english.stdout.splitlines()
    french = crisisdraft("check", str(incident), "--ui-language", "fr")
    (line,) = [line for line in french.stdout.splitlines() if "se lit comme" in line]
    assert "guidance.staff.fr" in line or "Collaborateurs (français)" in line
    assert line.endswith(
        "ce texte français se lit comme de l’anglais\u00a0: écrivez-le en français "
        "(le texte anglais a-t-il été collé ici\u202f?)"
    )
