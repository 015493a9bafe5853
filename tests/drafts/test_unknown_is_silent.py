"""Unknown means silent (format v3, issue 12): a fact that is not stated reaches the
templates as ``None``, and no draft says anything of it, neither yes nor no.

Two levels, one table of the contract's nullable facts, each made unknown on a full
example (the data-affected example, with payment data stated too):

- **context level** (``template_context``): the render context carries ``None`` for the
  fact, in both languages. These pass now.
- **draft level** (every document of every template set, in both languages): a phrase
  tied to the fact does not appear once the fact is unknown, and does appear somewhere
  while it is known (so that the phrase really belongs to the fact). Facts whose words also come
  from the lead's own texts in this example (production and registration are in the
  restart steps, the phase has no word of its own) are checked at context level only.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import pytest

from app.drafts.context import template_context
from app.drafts.render import DraftRenderer
from app.facts.loading import parse_incident
from app.facts.models import LANGUAGES, Incident, Language
from app.templates.formatting import long_date
from app.templates.metadata import TemplateSet
from tests.conftest import edited, example_document
from tests.drafts.claims import claims_of
from tests.drafts.drafted import drafted


def full_incident(changes: dict[str, Any] | None = None) -> Incident:
    """The data-affected example with payment data stated: every nullable fact is known."""
    data = edited(example_document("data-affected-paused"), {"data.payment_data_affected": False})
    return parse_incident(json.dumps(edited(data, changes or {})), source="full.crisis.json")


# fact path in the file -> (its path in the render context, further edits that go with it)
NULLABLE_FACTS: dict[str, tuple[str, dict[str, Any]]] = {
    "incident.kind": ("incident.kind", {}),
    "incident.detected_at": ("incident.detected_at", {}),
    "containment.shutdown": ("containment.shutdown", {}),
    "containment.proactive": ("containment.proactive", {}),
    "impact.production": ("impact.production", {}),
    "impact.retail": ("impact.retail", {}),
    "impact.dealers_can_register_vehicles": ("impact.dealers_can_register_vehicles", {}),
    "impact.customer_services": ("impact.customer_services", {}),
    "data.status": ("data.status", {}),
    "data.payment_data_affected": ("data.payment_data_affected", {}),
    "authorities.law_enforcement": ("authorities.law_enforcement", {}),
    "authorities.specialists_engaged": ("authorities.specialists_engaged", {}),
    "recovery.phase": ("recovery.phase", {}),
}


def in_context(context: dict[str, Any], path: str) -> Any:
    value: Any = context
    for part in path.split("."):
        value = value[part]
    return value


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_full_example_states_every_nullable_fact(language: Language) -> None:
    context = template_context(full_incident(), language)
    for fact, (path, _more) in NULLABLE_FACTS.items():
        assert in_context(context, path) is not None, fact


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("fact", NULLABLE_FACTS)
def test_an_unknown_fact_reaches_the_templates_as_none(fact: str, language: Language) -> None:
    path, more = NULLABLE_FACTS[fact]
    context = template_context(full_incident({fact: None, **more}), language)
    assert in_context(context, path) is None
    known = template_context(full_incident(), language)
    # Only that fact went silent (payment data is told only of data affected, so it
    # goes silent with the data status).
    silenced_with = {"data.status": {"data.payment_data_affected"}}.get(fact, set())
    unchanged = {other for other in NULLABLE_FACTS if other != fact and other not in silenced_with}
    for other in silenced_with:
        assert in_context(context, NULLABLE_FACTS[other][0]) is None, other
    for other in unchanged:
        where = NULLABLE_FACTS[other][0]
        assert in_context(context, where) == in_context(known, where), other


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_unknown_kind_of_incident_is_no_attack(language: Language) -> None:
    context = template_context(full_incident({"incident.kind": None}), language)
    assert context["incident"]["is_attack"] is False
    assert context["incident"]["name"]["a"] == {"en": "an incident", "fr": "un incident"}[language]


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_new_blank_incident_reaches_the_templates_with_every_claim_none(
    language: Language,
) -> None:
    blank = parse_incident(json.dumps(example_document("blank")), source="blank.crisis.json")
    context = template_context(blank, language)
    for fact, (path, _more) in NULLABLE_FACTS.items():
        assert in_context(context, path) is None, fact
    assert context["data"]["categories"] == [] and context["sites"] == []
    assert context["recovery"]["steps"] == []


# Draft level: every set, document and language.
def every_draft(renderer: DraftRenderer, incident: Incident) -> Iterator[tuple[str, str]]:
    """Every document of every set in both languages: (where, plain text, spaces plain),
    the Q&A without its questions (a journalist's question claims nothing)."""
    for template_set in TemplateSet:
        for document, language in drafted(incident):
            draft = renderer.render(incident, document, language, template_set=template_set)
            text = claims_of(draft).replace("’", "'")
            text = text.replace("\u202f", " ").replace("\u00a0", " ")
            yield f"{template_set.value}/{document.value} ({language})", text


def detection_date(language: Language) -> str:
    detected = full_incident().incident.detected_at
    assert isinstance(detected, datetime)
    return long_date(full_incident().local(detected).date(), language).replace("\u00a0", " ")


@dataclass(frozen=True)
class Silence:
    changes: dict[str, Any]  # the fact made unknown, and what goes with it
    english: str  # a regular expression of what may not be said in English
    french: str  # ... and in French


SILENCES: dict[str, Silence] = {
    "authorities.law_enforcement": Silence(
        {"authorities.law_enforcement": None},
        r"law enforcement|police",
        r"forces de l'ordre|police|gendarmerie",
    ),
    "authorities.specialists_engaged": Silence(
        {"authorities.specialists_engaged": None}, r"specialist", r"spécialistes?|experts?"
    ),
    # The data protection officer's contact would name data itself: it goes too.
    "data.status": Silence(
        {"data.status": None, "data.payment_data_affected": None, "data.aware_at": None},
        r"\bdata\b",
        r"\bdonnées\b",
    ),
    "data.payment_data_affected": Silence(
        {"data.payment_data_affected": None}, r"payment data", r"données de paiement"
    ),
    "incident.detected_at": Silence(
        {"incident.detected_at": None},
        re.escape(detection_date("en")) + r"|31 August|23:40",
        re.escape(detection_date("fr")) + r"|31 août|23 h 40",
    ),
    # The example's statement address names the kind (".../cyber-update-16-september"):
    # the lead's own text, which goes with the kind it names.
    "incident.kind": Silence(
        {"incident.kind": None, "incident.statement_url": None},
        r"cyber|attack|ransomware",
        r"cyber|attaqu|rançon",
    ),
    "containment.proactive": Silence(
        {"containment.proactive": None}, r"precaution", r"précaution|préventi"
    ),
    # Systems said to be shut down are told whatever the shutdown says: none here.
    "containment.shutdown": Silence(
        {
            "containment.shutdown": None,
            "containment.proactive": None,
            "containment.systems": [],
        },
        r"shut down|shutdown|offline|precaution",
        r"hors service|hors ligne|mis à l'arrêt|précaution|préventi",
    ),
    "impact.retail": Silence({"impact.retail": None}, r"\bsales\b", r"\bventes?\b"),
    "impact.customer_services": Silence(
        {"impact.customer_services": None}, r"customer services?", r"service clients?"
    ),
}
SILENCE_CASES = pytest.mark.parametrize("silence", SILENCES.values(), ids=SILENCES.keys())


def said(silence: Silence, where: str, text: str) -> list[str]:
    pattern = silence.french if where.endswith("(fr)") else silence.english
    return [match.group(0) for match in re.finditer(pattern, text, re.IGNORECASE)]


@SILENCE_CASES
def test_a_known_fact_is_said_somewhere_in_each_language(
    silence: Silence, renderer: DraftRenderer
) -> None:
    # The phrase belongs to the fact: while the fact is known, some draft says it.
    saying = {
        where[-3:-1]
        for where, text in every_draft(renderer, full_incident())
        if said(silence, where, text)
    }
    assert saying == {"en", "fr"}


@SILENCE_CASES
def test_no_draft_says_anything_of_an_unknown_fact(
    silence: Silence, renderer: DraftRenderer
) -> None:
    unknown = full_incident(silence.changes)
    if "data.status" in silence.changes:
        unknown = unknown.model_copy(
            update={"contacts": unknown.contacts.model_copy(update={"data_protection": None})}
        )
    spoken = {
        where: found
        for where, text in every_draft(renderer, unknown)
        if (found := said(silence, where, text))
    }
    assert spoken == {}
