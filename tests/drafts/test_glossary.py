"""One event, one name: every draft of every statement calls the incident by the
glossary's name for its kind (``INCIDENT_NAMES``: "a cyberattack" / « une
cyberattaque », "an IT outage" / « une panne informatique »...), in English and in
French, and never by another kind's name or a synonym of its own (the press release
once said "cyber incident" in English and « cyberattaque » in French). An unknown kind
names no kind at all: "an incident" / « un incident »."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from app.drafts.render import DraftRenderer
from app.facts.catalogue import INCIDENT_NAMES
from app.facts.loading import load_incident
from app.facts.models import LANGUAGES, Incident, IncidentKind, Language
from app.files.resources import bundled
from app.templates.metadata import TemplateSet
from tests.drafts.claims import claims_of
from tests.drafts.drafted import drafted

EXAMPLES = sorted(bundled("examples").glob("*.crisis.json"))
KINDS: list[IncidentKind | None] = [*IncidentKind, None]

#: What names each kind, and nothing else, in each language.
KIND_WORDS: dict[Language, dict[IncidentKind, re.Pattern[str]]] = {
    "en": {
        IncidentKind.CYBERATTACK: re.compile(r"cyber-?attack", re.IGNORECASE),
        IncidentKind.RANSOMWARE: re.compile(r"ransomware", re.IGNORECASE),
        IncidentKind.IT_OUTAGE: re.compile(r"\bIT outage", re.IGNORECASE),
        IncidentKind.THIRD_PARTY_OUTAGE: re.compile(
            r"(?<!IT )outage at|supplier outage", re.IGNORECASE
        ),
    },
    "fr": {
        IncidentKind.CYBERATTACK: re.compile(r"cyber-?attaque", re.IGNORECASE),
        IncidentKind.RANSOMWARE: re.compile(r"rançongiciel", re.IGNORECASE),
        IncidentKind.IT_OUTAGE: re.compile(r"panne informatique", re.IGNORECASE),
        IncidentKind.THIRD_PARTY_OUTAGE: re.compile(r"panne chez", re.IGNORECASE),
    },
}
#: Names of an event no kind has: a template that writes one has left the glossary.
SYNONYMS = re.compile(
    r"cyber[- ]incident|cyber attack|security incident|IT failure|system failure|"
    r"incident de cybersécurité|cyber-incident|attaque informatique|"
    r"défaillance informatique|incident informatique|incident de sécurité",
    re.IGNORECASE,
)


def with_kind(incident: Incident, kind: IncidentKind | None) -> Incident:
    """``incident`` with another kind of event; a supplier's outage names its supplier
    (the check refuses one without), as the file would."""
    summary = incident.incident.model_copy(update={"kind": kind})
    if kind is IncidentKind.THIRD_PARTY_OUTAGE and not (
        summary.third_party or summary.third_party_role
    ):
        summary = summary.model_copy(update={"third_party": "Meridian Logistics"})
    return incident.model_copy(update={"incident": summary})


def text_of(text: str) -> str:
    return text.replace("’", "'").replace("\u202f", " ").replace("\u00a0", " ")


def glossary_forms(kind: IncidentKind | None, language: Language) -> list[str]:
    """The glossary's forms of the kind's name, up to the third party's name."""
    name = INCIDENT_NAMES[language][kind]
    forms = (name.a, name.the, name.of_the, name.of_a, name.this, name.headline)
    return [form.split("{party}")[0].strip().replace("’", "'").lower() for form in forms]


def drafts(renderer: DraftRenderer, incident: Incident) -> Iterator[tuple[str, Language, str]]:
    for template_set in TemplateSet:
        for document, language in drafted(incident):
            draft = renderer.render(incident, document, language, template_set=template_set)
            where = f"{template_set.value}/{document.value}/{language}"
            yield where, language, text_of(claims_of(draft))  # not the Q&A's questions


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda path: path.name.split(".")[0])
@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.value if kind else "unknown")
def test_every_draft_names_the_event_as_the_glossary_does(
    renderer: DraftRenderer, path, kind: IncidentKind | None
) -> None:
    incident = with_kind(load_incident(path), kind)
    for where, language, text in drafts(renderer, incident):
        lowered = text.lower()
        assert any(form in lowered for form in glossary_forms(kind, language)), (
            f"{where} never names the {kind or 'unknown'} event as the glossary does:\n{text}"
        )
        for other, words in KIND_WORDS[language].items():
            if other is not kind:
                found = words.search(text)
                assert found is None, f"{where} ({kind}) calls it {found.group(0)!r}:\n{text}"
        synonym = SYNONYMS.search(text)
        assert synonym is None, f"{where} names the event {synonym.group(0)!r}:\n{text}"


def test_the_glossary_pairs_each_kind_with_one_name_per_language() -> None:
    """Every kind and the unknown one has its name in every language, and no two kinds
    share one (else the drafts could not tell them apart)."""
    for language in LANGUAGES:
        headlines = [INCIDENT_NAMES[language][kind].headline for kind in KINDS]
        assert len(set(headlines)) == len(KINDS), headlines
    assert INCIDENT_NAMES["en"][IncidentKind.CYBERATTACK].a == "a cyberattack"
    assert INCIDENT_NAMES["fr"][IncidentKind.CYBERATTACK].a == "une cyberattaque"
    assert INCIDENT_NAMES["en"][None].a == "an incident"
    assert INCIDENT_NAMES["fr"][None].a == "un incident"
