"""The supplier notice (issue 16, point 3) as a parts supplier reads it: each site with
its stated status, what to do only as guidance.suppliers says (nothing of deliveries or
payments otherwise), the bank-detail fraud warning always, whom to call only when the
facts name someone, and nothing at all claimed for an incident nobody has described."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import docx
import pytest

from app.drafts.render import DraftRenderer
from app.facts.loading import parse_incident
from app.facts.models import LANGUAGES, Incident, Language
from app.templates.documents import DocumentKind
from app.templates.metadata import TemplateSet
from tests.conftest import edited, example_document
from tests.test_cli import crisisdraft

SUPPLIER = DocumentKind.SUPPLIER_NOTICE
EXAMPLES = (
    "northwind-cyberattack",
    "data-affected-paused",
    "supplier-outage",
    "it-failure",
    "blank",
)
BANK_WARNING: dict[Language, str] = {
    "en": "We will never change our bank details by email alone.",
    "fr": "Nous ne vous annoncerons jamais un changement de nos références bancaires "
    "par un simple courriel.",
}
ASK_HEADING: dict[Language, str] = {"en": "What we ask of you", "fr": "Ce que nous vous demandons"}
CALL_HEADING: dict[Language, str] = {"en": "Whom to call", "fr": "Qui contacter"}
# What a notice may not say of deliveries, orders and payments unless the lead wrote it
# (the fraud warnings' "payment details" / « informations bancaires » are not a claim).
LOGISTICS_CLAIMS = re.compile(
    r"deliver|ship|call-off|(?<!this )\border|portal|\bEDI\b|invoice|\bpaid\b|\bpay\b|"
    r"payments?\b(?! details)|livr|expédi|appels? de livraison|commande|portail|"
    r"factur|réglé|paiement",
    re.IGNORECASE,
)
ATTACK_WORDS = re.compile(r"cyber|attack|malicious|malveill|attaqu|rançon", re.IGNORECASE)


def example(name: str, changes: dict[str, Any] | None = None) -> Incident:
    data = edited(example_document(name), changes or {})
    return parse_incident(json.dumps(data), source=f"{name}.crisis.json")


def notice(
    renderer: DraftRenderer,
    incident: Incident,
    language: Language,
    template_set: TemplateSet = TemplateSet.HOLDING,
) -> str:
    """The notice as a reader sees it, with plain apostrophes and spaces to search in."""
    text = renderer.render(incident, SUPPLIER, language, template_set=template_set).plain_text()
    return text.replace("’", "'").replace("\u202f", " ").replace("\u00a0", " ")


def without_supplier_guidance(incident: Incident) -> Incident:
    guidance = incident.guidance.model_copy(update={"suppliers": None})
    return incident.model_copy(update={"guidance": guidance})


def without_supplier_contact(incident: Incident) -> Incident:
    contacts = incident.contacts.model_copy(update={"suppliers": None})
    return incident.model_copy(update={"contacts": contacts})


SITE_LINES: dict[Language, list[str]] = {
    "en": [
        "- The Solihull plant: stopped",
        "- The Halewood plant: stopped",
        "- The Gaydon office: working at reduced capacity",
    ],
    "fr": [
        "- L'usine de Solihull : à l'arrêt",
        "- L'usine de Halewood : à l'arrêt",
        "- Les bureaux de Gaydon : activité réduite",
    ],
}


@pytest.mark.parametrize("template_set", list(TemplateSet))
@pytest.mark.parametrize("language", LANGUAGES)
def test_each_site_is_named_with_its_stated_status(
    language: Language, template_set: TemplateSet, renderer: DraftRenderer
) -> None:
    incident = example("northwind-cyberattack")
    text = notice(renderer, incident, language, template_set)
    for line in SITE_LINES[language]:
        assert line in text.splitlines(), f"{line!r} missing from\n{text}"
    production = {"en": "- Production: paused.", "fr": "- Production : suspendue."}[language]
    assert production in text.splitlines()
    # The sites are those the dealers and staff are told, named the same way.
    dealer = renderer.render(incident, DocumentKind.DEALER_NOTICE, language).plain_text()
    for line in SITE_LINES[language]:
        assert line in dealer.replace("’", "'").replace("\u00a0", " ")


def test_a_site_back_in_operation_is_said_so(renderer: DraftRenderer) -> None:
    incident = example(
        "northwind-cyberattack",
        {"sites": [{"name": "Solihull", "kind": "plant", "status": "operating"}]},
    )
    assert "- The Solihull plant: operating normally" in notice(renderer, incident, "en")
    french = notice(renderer, incident, "fr")
    assert "- L'usine de Solihull : activité normale" in french
    assert "Gaydon" not in french
    assert not [line for line in french.splitlines() if line.startswith("- L'usine de Halewood")]


@pytest.mark.parametrize("template_set", list(TemplateSet))
@pytest.mark.parametrize("name", EXAMPLES)
def test_every_notice_warns_of_bank_detail_fraud_without_inventing_an_attack(
    name: str, template_set: TemplateSet, renderer: DraftRenderer
) -> None:
    incident = example(name)
    for language in LANGUAGES:
        text = notice(renderer, incident, language, template_set)
        assert BANK_WARNING[language].replace("’", "'") in text, f"{name} {language}:\n{text}"
        if not incident.incident.kind or not incident.incident.kind.value.endswith(
            ("cyberattack", "ransomware")
        ):
            found = ATTACK_WORDS.search(text)
            assert found is None, f"{name} {language} says {found.group(0)!r}"


@pytest.mark.parametrize("template_set", list(TemplateSet))
@pytest.mark.parametrize("language", LANGUAGES)
def test_supplier_guidance_is_given_as_the_lead_wrote_it(
    language: Language, template_set: TemplateSet, renderer: DraftRenderer
) -> None:
    incident = example("data-affected-paused")
    text = notice(renderer, incident, language, template_set)
    guidance = incident.guidance.suppliers
    assert guidance is not None
    written = (guidance.get(language) or "").replace("’", "'")
    assert f"{ASK_HEADING[language]}\n\n{written}" in text


@pytest.mark.parametrize("template_set", list(TemplateSet))
@pytest.mark.parametrize("name", ["data-affected-paused", "supplier-outage"])
def test_without_supplier_guidance_nothing_is_said_of_deliveries_or_payments(
    name: str, template_set: TemplateSet, renderer: DraftRenderer
) -> None:
    incident = without_supplier_guidance(example(name))
    for language in LANGUAGES:
        text = notice(renderer, incident, language, template_set)
        for step in incident.recovery.steps:  # the lead's own words may speak of orders
            text = text.replace((step.get(language) or "").replace("’", "'"), "")
        found = LOGISTICS_CLAIMS.search(text)
        assert found is None, f"{name} {language} says {found.group(0)!r}:\n{text}"
        assert ASK_HEADING[language] not in text
        assert not re.search(r"what we ask of you|consignes qui vous concernent", text)


def test_a_stated_logistics_outage_is_told_in_the_shared_words(renderer: DraftRenderer) -> None:
    incident = without_supplier_guidance(example("supplier-outage"))
    assert "Our logistics systems are unavailable." in notice(renderer, incident, "en")
    assert "Les systèmes logistiques sont indisponibles." in notice(renderer, incident, "fr")


@pytest.mark.parametrize("template_set", list(TemplateSet))
def test_whom_to_call_only_when_the_facts_name_a_supplier_contact(
    template_set: TemplateSet, renderer: DraftRenderer
) -> None:
    given = example("supplier-outage")
    for language, email, phone in (
        ("en", "Email: ", "Phone: "),
        ("fr", "Courriel : ", "Téléphone : "),
    ):
        text = notice(renderer, given, language, template_set)
        assert (
            f"{CALL_HEADING[language]}\n\nSupply Chain Desk\n{email}supply@kestrel-auto.example\n"
            f"{phone}+33 4 72 00 10 30"
        ) in text
    for incident in (example("northwind-cyberattack"), without_supplier_contact(given)):
        for language in LANGUAGES:
            text = notice(renderer, incident, language, template_set)
            assert CALL_HEADING[language] not in text
            assert "@" not in text and "+33" not in text and "+44" not in text, text
            # ... nor another audience's contact in its place.
            assert "Retailer Support Desk" not in text and "Retail Network Desk" not in text


@pytest.mark.parametrize("template_set", [TemplateSet.HOLDING, TemplateSet.UPDATE])
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_blank_incident_notice_claims_nothing(
    language: Language, template_set: TemplateSet, renderer: DraftRenderer
) -> None:
    text = notice(renderer, example("blank"), language, template_set)
    claims = re.compile(
        r"site|plant|office|stopped|reduced|production|precaution|shut down|offline|data|"
        r"regulator|police|specialist|restart|restor|sorry|apolog|"
        r"usine|bureaux|arrêt|réduite|préventi|hors service|données|autorité|spécialiste|"
        r"redémarr|rétabli|excus|gêne",
        re.IGNORECASE,
    )
    found = claims.search(text)
    assert found is None, f"says {found.group(0)!r}:\n{text}"
    assert LOGISTICS_CLAIMS.search(text) is None
    assert ATTACK_WORDS.search(text) is None
    assert re.search(r"(an|the) incident|un incident|l'incident", text)
    assert BANK_WARNING[language] in text
    assert CALL_HEADING[language] not in text


def test_an_update_says_first_what_changed(renderer: DraftRenderer) -> None:
    earlier = example(
        "data-affected-paused",
        {"data.status": "no_evidence", "recovery.paused_until": "2025-09-17"},
    )
    statement = {
        "issued_at": "2025-09-10T09:00:00+01:00",
        "document": "supplier_notice",
        "language": "en",
        "template_id": "holding.supplier_notice",
        "template_version": "1",
        "approver": {"name": "Sam Lee", "role": "Head of Communications"},
        "file_name": "supplier_notice_en.docx",
        "facts": earlier.facts_snapshot(),
        "text": "First notice.",
    }
    incident = example("data-affected-paused", {"record": {"issued": [statement]}})
    english = notice(renderer, incident, "en", TemplateSet.UPDATE)
    opening = english.split("What this means for you")[0]
    assert opening != english  # the heading is there
    assert "Our previous statement was issued on 10 September 2025, 09:00 BST." in opening
    assert "The pause announced earlier has been extended." in opening
    assert "We now believe that some data has been affected" in english
    french = notice(renderer, incident, "fr", TemplateSet.UPDATE)
    opening = french.split("Ce que cela change pour vous")[0]
    assert opening != french
    assert "L'arrêt annoncé précédemment a été prolongé." in opening
    assert "Nous pensons désormais que certaines données ont été touchées" in french


SORRY_TO_SUPPLIERS: dict[Language, str] = {
    "en": "We are sorry for the disruption this is causing you and your teams.",
    "fr": "Nous vous prions de nous excuser pour la gêne que cette situation occasionne, "
    "pour vous comme pour vos équipes.",
}
SORRY: dict[Language, str] = {
    "en": "We are sorry for the disruption this is causing.",
    "fr": "Nous vous prions de nous excuser pour la gêne que cette situation occasionne.",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_suppliers_are_told_they_suffer_a_disruption_only_when_the_facts_say_so(
    language: Language, renderer: DraftRenderer
) -> None:
    """The IT failure stops dealer systems and the owners' app while production goes on
    and no site is named: an apology is owed, but not one telling suppliers that "you
    and your teams" are disrupted."""
    for name in ("it-failure", "northwind-cyberattack", "supplier-outage", "blank"):
        for template_set in (TemplateSet.HOLDING, TemplateSet.UPDATE):
            text = notice(renderer, example(name), language, template_set)
            where = f"{name} {template_set} ({language}):\n{text}"
            touched = name in ("northwind-cyberattack", "supplier-outage")
            assert (SORRY_TO_SUPPLIERS[language] in text) is touched, where
            assert (SORRY[language] in text) is (name == "it-failure"), where
            assert len(re.findall(r"sorry|excuser", text)) == (0 if name == "blank" else 1)
    # A pause alone reaches suppliers too; a closing notice says it in the past.
    paused = example("it-failure", {"recovery.paused_until": "2026-02-12"})
    assert SORRY_TO_SUPPLIERS[language] in notice(renderer, paused, language)
    closed = example(
        "it-failure",
        {"recovery.phase": "restored", "containment.systems.0.status": "restored"},
    )
    text = notice(renderer, closed, language, TemplateSet.RESOLUTION)
    past = {
        "en": "We are sorry for the disruption this has caused. Thank you",
        "fr": "Nous vous prions de nous excuser pour la gêne occasionnée. Merci",
    }[language]
    assert past in text and "vos équipes" not in text and "your teams" not in text, text


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_notice_with_nothing_to_tell_suppliers_promises_nothing(
    language: Language, renderer: DraftRenderer
) -> None:
    """The title and the opening announce "what it means for you" and "where things
    stand" only when the notice goes on to say it."""
    title = {
        "en": ("Where things stand", "What the incident means for you"),
        "fr": ("Point sur la situation", "Ce que l’incident change pour vous"),
    }[language]
    promise = {"en": "We are writing to you directly", "fr": "Nous tenions à vous informer"}
    blank = renderer.render(example("blank"), SUPPLIER, language)
    assert blank.headline == title[0]
    assert promise[language] not in blank.plain_text()
    named = example(
        "blank", {"sites": [{"name": "Avonmouth", "kind": "plant", "status": "stopped"}]}
    )
    said = renderer.render(named, SUPPLIER, language)
    assert said.headline == title[1]
    assert promise[language] in said.plain_text()


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_update_does_not_repeat_where_things_stand(
    language: Language, renderer: DraftRenderer
) -> None:
    """An update opens with « here is where things stand »: its section on the sites is
    headed by what they mean for the supplier, not by the same words again."""
    lead, heading, again = {
        "en": ("Here is where things stand today", "What this means for you", "where things stand"),
        "fr": (
            "Voici un point de situation",
            "Ce que cela change pour vous",
            "la situation à ce jour",
        ),
    }[language]
    for name in ("northwind-cyberattack", "data-affected-paused", "supplier-outage"):
        text = notice(renderer, example(name), language, TemplateSet.UPDATE)
        greeting = {"en": "Dear supplier,\n\n", "fr": "Madame, Monsieur,\n\n"}[language]
        opening = text.split(greeting)[1]
        assert opening.startswith(lead), f"{name} ({language}):\n{text}"
        assert heading in text.splitlines(), f"{name} ({language}):\n{text}"
        assert text.lower().count(again) == (1 if language == "en" else 0), text


def test_a_closing_notice_without_a_recovery_phase_still_says_what_happened(
    renderer: DraftRenderer,
) -> None:
    for language, said in (
        ("en", "We have been affected by an incident."),
        ("fr", "Nous faisons face à un incident."),
    ):
        text = notice(renderer, example("blank"), language, TemplateSet.RESOLUTION)
        greeting = {"en": "Dear supplier,", "fr": "Madame, Monsieur,"}[language]
        assert f"{greeting}\n\n{said}\n" in text, text


def test_the_closing_notice_says_operations_are_back_only_once_restored(
    renderer: DraftRenderer,
) -> None:
    restored = example(
        "northwind-cyberattack",
        {
            "recovery.phase": "restored",
            "sites": [{"name": "Solihull", "kind": "plant", "status": "operating"}],
            "impact.production": "normal",
        },
    )
    english = notice(renderer, restored, "en", TemplateSet.RESOLUTION)
    assert "OUR OPERATIONS HAVE RESUMED" in english  # the title
    assert "Our systems have been restored and operations have resumed." in english
    assert "- Production: back to normal." in english
    assert "- The Solihull plant: operating normally" in english
    french = notice(renderer, restored, "fr", TemplateSet.RESOLUTION)
    assert "Nos systèmes ont été rétablis et les activités ont repris." in french
    under_way = notice(renderer, example("northwind-cyberattack"), "en", TemplateSet.RESOLUTION)
    assert "WHERE OUR RECOVERY STANDS" in under_way
    assert "have been restored" not in under_way and "resumed" not in under_way


def test_american_english_follows_the_organisation(renderer: DraftRenderer) -> None:
    text = notice(renderer, example("it-failure"), "en")
    assert "February 9, 2026" in text and "9 February 2026" not in text


def test_french_notice_has_french_typography(renderer: DraftRenderer) -> None:
    for name in ("northwind-cyberattack", "supplier-outage"):
        raw = renderer.render(example(name), SUPPLIER, "fr").plain_text()
        assert "'" not in raw and "’" in raw
        assert "Date\u00a0:" in raw and "De\u00a0:" in raw
        # Before « : ; ! ? » a no-break space (narrow before ; ! ?), never a plain one.
        assert not re.search(r"[^\u00a0\u202f][:;!?]", raw), re.findall(r".{20}[:;!?]", raw)
        assert not re.search(r"[^\u202f][;!?]", raw)
    guided = renderer.render(example("supplier-outage"), SUPPLIER, "fr").plain_text()
    assert "Respectez le calendrier de livraison en cours\u202f; n’expédiez rien" in guided


def export(incident_file: Path, out: Path) -> list[Path]:
    """``crisisdraft export FILE --doc supplier_notice --out OUT``, as a user runs it."""
    result = crisisdraft(
        "export", str(incident_file), "--doc", "supplier_notice", "--out", str(out)
    )
    assert result.returncode == 0, result.stderr
    return [Path(line) for line in result.stdout.splitlines()]


def test_the_exported_word_documents_say_it(tmp_path: Path) -> None:
    incident_file = tmp_path / "northwind.crisis.json"
    incident_file.write_text(json.dumps(example_document("northwind-cyberattack")), "utf-8")
    files = export(incident_file, tmp_path / "out")
    assert sorted(path.name for path in files) == [
        "northwind-motors_holding-1_2025-09-02-0900_supplier_notice_en.docx",
        "northwind-motors_holding-1_2025-09-02-0900_supplier_notice_fr.docx",
    ]
    for path in files:
        language: Language = "fr" if path.name.endswith("_fr.docx") else "en"
        document = docx.Document(str(path))
        paragraphs = [(p.style.name, p.text.replace("’", "'")) for p in document.paragraphs]
        texts = [text.replace("\u202f", " ").replace("\u00a0", " ") for _, text in paragraphs]
        assert (
            texts[0]
            == {
                "en": "NOTICE TO ALL NORTHWIND MOTORS SUPPLIERS",
                "fr": "NOTE À L'ENSEMBLE DES FOURNISSEURS DE NORTHWIND MOTORS",
            }[language]
        )
        bullets = [
            text.replace("\u00a0", " ") for style, text in paragraphs if style == "List Bullet"
        ]
        for line in SITE_LINES[language]:
            assert line.removeprefix("- ") in bullets
        assert any(text.startswith(BANK_WARNING[language]) for text in texts)
        assert CALL_HEADING[language] not in texts
        header = document.sections[0].header.paragraphs[0].text
        assert header.startswith({"en": "DRAFT", "fr": "PROJET"}[language]), header
        lang = document.styles.element.find(".//{*}docDefaults//{*}lang")
        assert lang is not None
        assert lang.get(docx.oxml.ns.qn("w:val")) == {"en": "en-GB", "fr": "fr-FR"}[language]
