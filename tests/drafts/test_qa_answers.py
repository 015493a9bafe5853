"""The reactive Q&A read through as the spokesperson reads it, and as a journalist hears
the answers one after the other: each fact told in the answer to its own question, a
bridge going back to something no other answer says, no "if pressed" line that an
answer already says, no question whose answer would only repeat the row above it, and
English and French asking and answering the same rows. (The Word table itself, the
lead's own questions and answers: test_qa.py.)"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest

from app.drafts.blocks import BlockKind
from app.drafts.render import DraftRenderer
from app.errors import CrisisDraftError
from app.facts.loading import load_incident, parse_incident
from app.facts.models import LANGUAGES, Incident, Language
from app.files.resources import bundled, example_incidents
from app.templates.documents import DocumentKind
from app.templates.metadata import TemplateSet
from tests.conftest import edited, example_document
from tests.drafts.test_branches import VARIANTS

SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-ÝÉ«“])")

#: Where recovery stands, as the northwind example's drafts say it.
RECOVERY = {
    "en": "We are now restarting our systems in a controlled, phased way.",
    "fr": "Nous redémarrons actuellement nos systèmes de manière progressive et contrôlée.",
}
SALES = {
    "en": "Sales through Northwind Motors retailers are disrupted: retailers cannot currently "
    "register new vehicles.",
    "fr": "Les ventes du réseau de concessionnaires de Northwind Motors sont perturbées\u00a0: "
    "les concessionnaires ne peuvent pas immatriculer de véhicules neufs pour le moment.",
}
SPECIALISTS = {
    "en": "We are working with cybersecurity specialists to investigate and to restore our "
    "systems safely.",
    "fr": "Nous travaillons avec des experts en cybersécurité pour mener l’enquête et "
    "rétablir nos systèmes en toute sécurité.",
}


def incident_of(name: str, changes: dict[str, Any] | None = None) -> Incident:
    data = edited(example_document(name), changes or {})
    return parse_incident(json.dumps(data), source=f"{name}.crisis.json")


def rows_of(
    renderer: DraftRenderer,
    incident: Incident,
    language: Language,
    template_set: TemplateSet | None = None,
) -> dict[str, list[str]]:
    """Each question's answer and "if pressed", by question, as the draft prints them."""
    draft = renderer.render(incident, DocumentKind.QA, language, template_set=template_set)
    table = next(block for block in draft.blocks if block.kind is BlockKind.TABLE)
    return {row.texts[0]: list(row.texts[1:]) for row in table.rows[1:]}


def sentences(text: str) -> list[str]:
    return [sentence for sentence in SENTENCE_END.split(text) if sentence]


def every_qa(renderer: DraftRenderer) -> Iterator[tuple[str, Language, dict[str, list[str]]]]:
    """The Q&A of every example, set and language the facts allow."""
    for path in example_incidents():
        incident = load_incident(path)
        for template_set in TemplateSet:
            for language in LANGUAGES:
                try:
                    rows = rows_of(renderer, incident, language, template_set)
                except (CrisisDraftError, StopIteration):
                    continue  # a set these facts refuse, or a Q&A with no table
                yield f"{path.name} {template_set.value}", language, rows


def test_no_sentence_is_said_in_three_answers_and_if_pressed_adds_something(
    renderer: DraftRenderer,
) -> None:
    """What happened, in its one sentence, may open several answers ("Yes. We have been
    affected by a cyberattack."); anything else is said in one answer, at most two (a
    bridge that has nothing left to go back to repeats what its own question says)."""
    seen = 0
    for where, language, rows in every_qa(renderer):
        seen += 1
        answers = [answer for answer, _ in rows.values()]
        assert len(set(answers)) == len(answers), (where, language, answers)
        first = sentences(answers[0])[0]  # "What has happened?": what happened
        counts = Counter(s for answer in answers for s in set(sentences(answer)))
        repeated = {s: n for s, n in counts.items() if n > 2 and s not in (first, "Yes.", "Oui.")}
        assert not repeated, (where, language, repeated)
        said = " ".join(answers)
        for question, (_, pressed) in rows.items():
            for sentence in sentences(pressed):
                assert sentence not in said, (where, language, question, sentence)
    assert seen >= 20


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_fact_is_told_in_the_answer_to_its_own_question(
    renderer: DraftRenderer, language: Language
) -> None:
    rows = list(rows_of(renderer, incident_of("northwind-cyberattack"), language).values())
    (happened, _), _, (ransomware, _), (behind, _), (ransom, _) = rows[:5]
    (restart, steps), (cost, _), _, (dealers, _), (collect, _) = rows[6:11]
    # Where recovery stands: the restart's answer, not also what happened and the ransom.
    assert restart.startswith(RECOVERY[language])
    assert RECOVERY[language] not in happened + ransom
    assert steps.startswith(("The restart is taking", "Le redémarrage se déroule"))
    # Sales and registration: the dealers' answer, and collecting a car (registration
    # is what holds a car back), not the cost's, which keeps production and the sites.
    assert dealers == SALES[language]
    assert SALES[language] in collect and SALES[language] not in cost
    assert re.search(r"Solihull and Halewood plants|usines de Solihull et de Halewood", cost)
    assert not re.search(r"Roadside|L’assistance routière", cost)  # collecting a car says it
    # Each bridge goes back to something of its own.
    assert behind.endswith(SPECIALISTS[language])
    assert SPECIALISTS[language] not in ransom
    assert ransomware.startswith(("We will not go into technical detail", "Nous n’entrerons pas"))
    # Without the restart question, "What has happened?" says where recovery stands.
    asked = [{"key": key} for key in ("what_happened", "ransom", "next_update")]
    fewer = incident_of("northwind-cyberattack", {"drafting": {"qa": asked}})
    happened, _ = next(iter(rows_of(renderer, fewer, language).values()))
    assert RECOVERY[language] in happened


def test_payment_data_is_asked_once_data_is_affected_and_said_in_its_own_row(
    renderer: DraftRenderer,
) -> None:
    # No evidence of data taken: the payment question would repeat the row above it.
    for language in LANGUAGES:
        rows = rows_of(renderer, incident_of("northwind-cyberattack"), language)
        assert not any(re.search(r"payment data|données de paiement", q) for q in rows)
    affected = rows_of(renderer, incident_of("data-affected-paused"), "en")
    assert affected["Was payment data taken?"] == [
        "We will not speculate while the investigation continues. We believe that some data "
        "has been affected; we are working to establish what.",
        "",
    ]
    said = " ".join(answer for answer, _ in affected.values())
    assert said.count("data protection officer") == 1  # the whole statement said once
    variant = VARIANTS["ransomware_affected_card_data"]
    changes = {key.replace("__", "."): value for key, value in variant.items()}
    card = rows_of(renderer, incident_of("northwind-cyberattack", changes), "fr")
    payment = "Des données de paiement figurent parmi les données touchées."
    assert card["Des données de paiement ont-elles été dérobées\u202f?"][0].startswith(payment)
    assert payment not in card["Des données de clients ont-elles été dérobées\u202f?"][0]


def test_english_and_french_ask_and_answer_the_same_rows(
    make_incident, renderer: DraftRenderer
) -> None:
    """Which answer goes back to what depends on the answers around it: both languages
    must make the same choices, or the two Q&As would tell different facts."""
    for variant, changes in VARIANTS.items():
        incident = make_incident(**changes)
        for template_set in TemplateSet:
            english, french = (
                list(rows_of(renderer, incident, language, template_set).values())
                for language in LANGUAGES
            )
            assert len(english) == len(french), (variant, template_set)
            for row_en, row_fr in zip(english, french, strict=True):
                where = (variant, template_set, row_en, row_fr)
                assert len(sentences(row_en[0])) == len(sentences(row_fr[0])), where
                assert bool(row_en[1]) == bool(row_fr[1]), where
                digits = [re.findall(r"\d+", row[0].replace(":", " ")) for row in (row_en, row_fr)]
                assert sorted(digits[0]) == sorted(digits[1]), where


def test_a_date_not_given_is_said_in_written_french(renderer: DraftRenderer) -> None:
    rows = rows_of(renderer, load_incident(bundled("examples") / "it-failure.crisis.json"), "fr")
    collect, pressed = rows["Puis-je récupérer mon véhicule\u202f?"]
    assert collect.startswith(
        "Nous ne donnerons pas de date tant que nous ne pourrons pas la confirmer. "
    )
    assert pressed.startswith("Les clients peuvent contacter Owner Care")
