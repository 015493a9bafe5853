"""The customer notice as owners and buyers read it (issue 16, point 2): in the second
person, 200 to 350 words when the facts allow and short when they do not, the concrete
fraud line, the data status in the shared words, the notice to affected people of GDPR
art. 34 when data is affected, and only the contacts the facts give.

The five examples are exported with the command line and read back from Word, as a
reader gets them; the variants (a contact missing, categories and consequences given)
are built from the examples here and rendered, each in both languages."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import docx
import pytest
from docx.document import Document as WordDocument

from app.drafts.render import DraftRenderer
from app.facts.loading import load_incident
from app.facts.models import LANGUAGES, BilingualText, DataCategory, Incident, Language
from app.files.resources import bundled
from app.templates.documents import DocumentKind, spec_of
from app.templates.metadata import TemplateSet

EXAMPLES = (
    "northwind-cyberattack",
    "data-affected-paused",
    "it-failure",
    "supplier-outage",
    "blank",
)
#: The examples whose facts fill a notice of the guide's length.
FULL_EXAMPLES = ("northwind-cyberattack", "data-affected-paused")
FRAUD_LINE: dict[Language, str] = {
    "en": "We will never ask for your password or card details by phone, text or email.",
    "fr": "Nous ne vous demanderons jamais votre mot de passe ni les informations de votre "
    "carte bancaire par téléphone, SMS ou courriel.",
}
ATTACK_WORDS = re.compile(r"attack|cyber|malicious|attaqu|malveill|rançon", re.IGNORECASE)
CONTACT_HEADING: dict[Language, str] = {"en": "Whom to contact", "fr": "Qui contacter"}


def example(name: str) -> Incident:
    return load_incident(bundled("examples") / f"{name}.crisis.json")


def plain(text: str) -> str:
    """The text with its typographic apostrophes and no-break spaces made plain."""
    return text.replace("’", "'").replace("\u202f", " ").replace("\u00a0", " ")


def word_count(text: str) -> int:
    """Words as a reader counts them: anything with a letter or a digit."""
    return sum(1 for token in text.split() if re.search(r"\w", token))


def notice(
    renderer: DraftRenderer,
    incident: Incident,
    language: Language,
    template_set: TemplateSet | None = None,
) -> str:
    draft = renderer.render(
        incident, DocumentKind.CUSTOMER_NOTICE, language, template_set=template_set
    )
    return plain(draft.plain_text())


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], WordDocument]:
    """Each example's customer notice in both languages, exported by ``crisisdraft
    export`` (the set its facts call for) and opened with python-docx. The command runs
    with empty per-user folders of its own (the per-test ones come after this fixture),
    in English whatever the machine speaks."""
    home = tmp_path_factory.mktemp("user")
    environment = {
        **os.environ,
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "LANGUAGE": "",
        "LC_ALL": "",
        "LANG": "en_GB.UTF-8",
    }
    documents = {}
    for name in EXAMPLES:
        folder = tmp_path_factory.mktemp(name)
        incident = bundled("examples") / f"{name}.crisis.json"
        command = ("export", str(incident), "--doc", "customer_notice", "--out", str(folder))
        result = subprocess.run(
            [sys.executable, "-m", "app", *command],
            capture_output=True,
            text=True,
            check=False,
            env=environment,
        )
        assert result.returncode == 0, result.stderr
        for language in LANGUAGES:
            (path,) = folder.glob(f"*_customer_notice_{language}.docx")
            documents[name, language] = docx.Document(str(path))
    return documents


def docx_text(document: WordDocument) -> str:
    return plain("\n".join(paragraph.text for paragraph in document.paragraphs))


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", EXAMPLES)
def test_the_exported_notice_is_as_long_as_the_facts_allow(
    exported: dict[tuple[str, str], WordDocument], name: str, language: Language
) -> None:
    words = word_count(docx_text(exported[name, language]))
    length = spec_of(DocumentKind.CUSTOMER_NOTICE).words
    assert length is not None and words <= length.most, f"{name} ({language}): {words} words"
    if name in FULL_EXAMPLES:
        assert words >= length.fewest, f"{name} ({language}): {words} words"
    if name == "blank":  # unknown means silent: nothing to pad it with
        assert words < 100, f"blank ({language}): {words} words"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_exported_notice_speaks_to_the_reader_in_their_language(
    exported: dict[tuple[str, str], WordDocument], language: Language
) -> None:
    document = exported["data-affected-paused", language]
    text = docx_text(document)
    assert document.core_properties.language == {"en": "en-GB", "fr": "fr-FR"}[language]
    assert FRAUD_LINE[language] in text
    greeting = {"en": "Dear customer,", "fr": "Madame, Monsieur,"}[language]
    assert greeting in [plain(paragraph.text) for paragraph in document.paragraphs]
    affected = {
        "en": "We believe that some data has been affected; we are working to establish what.",
        "fr": "Nous pensons que certaines données ont été touchées ; nous travaillons à "
        "déterminer lesquelles.",
    }[language]
    assert affected in text
    assert "dpo@northwind-motors.example" in text
    assert "customer.relations@northwind-motors.example" in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_blank_incident_gets_a_short_notice_that_claims_nothing(
    renderer: DraftRenderer, language: Language
) -> None:
    for template_set in TemplateSet:
        text = notice(renderer, example("blank"), language, template_set)
        assert re.search(r"\bincident\b", text), text  # named as the glossary names it
        claims = re.search(
            r"\bdata\b|données|sorry|apolog|excus|precaution|préventi|shut down|hors service|"
            r"regulator|autorité|police|forces de l'ordre|specialist|spécialiste|expert",
            text,
            re.IGNORECASE,
        )
        assert claims is None, f"{template_set} ({language}) says {claims.group(0)!r}:\n{text}"
        assert not ATTACK_WORDS.search(text), text
        assert FRAUD_LINE[language] in text
        assert CONTACT_HEADING[language] not in text  # the blank example gives no contact


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", EXAMPLES)
def test_every_notice_gives_the_fraud_line_and_names_no_attack_the_facts_do_not_state(
    renderer: DraftRenderer, name: str, language: Language
) -> None:
    incident = example(name)
    for template_set in TemplateSet:
        text = notice(renderer, incident, language, template_set)
        assert FRAUD_LINE[language] in text, f"{name} {template_set} ({language})"
        if incident.incident.kind is None or incident.incident.kind.value.endswith("outage"):
            found = ATTACK_WORDS.search(text)
            assert found is None, f"{name} {template_set} ({language}): {found.group(0)!r}"


def test_an_apology_is_made_only_for_a_stated_disruption(renderer: DraftRenderer) -> None:
    for name, disrupted in (("northwind-cyberattack", True), ("blank", False)):
        english = notice(renderer, example(name), "en")
        french = notice(renderer, example(name), "fr")
        assert ("We are sorry for the disruption this is causing you." in english) is disrupted
        assert ("Nous vous prions de nous excuser pour la gêne occasionnée." in french) is disrupted


def affected_with_categories(incident: Incident) -> Incident:
    """The data-affected example once its scope is known: categories, likely
    consequences and the number of people given."""
    data = incident.data.model_copy(
        update={
            "categories": [DataCategory.CONTACT_DETAILS, DataCategory.VEHICLE_DATA],
            "people_affected": 12000,
            "likely_consequences": BilingualText(
                en="People concerned may receive phishing messages that use their name.",
                fr="Les personnes concernées pourraient recevoir des messages frauduleux "
                "reprenant leur nom.",
            ),
        }
    )
    return incident.model_copy(update={"data": data})


@pytest.mark.parametrize("template_set", list(TemplateSet))
def test_data_affected_makes_it_the_notice_to_affected_people(
    renderer: DraftRenderer, template_set: TemplateSet
) -> None:
    scope_unknown = example("data-affected-paused")
    english = notice(renderer, scope_unknown, "en", template_set)
    french = notice(renderer, scope_unknown, "fr", template_set)
    # What happened, and the scope still being established (no guessed categories).
    assert "cyberattack" in english and "cyberattaque" in french
    assert "some data has been affected; we are working to establish what" in english
    assert "certaines données ont été touchées ; nous travaillons à déterminer lesquelles" in french
    assert "Likely consequences" not in english and "Conséquences probables" not in french
    # What was done, what they can do, and the data protection officer.
    assert "We have informed the relevant regulator (ICO)" in english
    assert "Nous avons informé l'autorité de contrôle compétente (ICO)" in french
    assert "Be wary of unexpected messages that mention Northwind Motors" in english
    assert "Méfiez-vous des messages inattendus qui mentionnent Northwind Motors" in french
    assert "our data protection officer (dpo@northwind-motors.example)" in english
    assert "notre délégué à la protection des données (dpo@northwind-motors.example)" in french

    known = affected_with_categories(scope_unknown)
    english = notice(renderer, known, "en", template_set)
    french = notice(renderer, known, "fr", template_set)
    assert "- contact details (such as names" in english
    assert "- vehicle information (such as registration" in english
    assert "working to establish what" not in english
    assert "About 12,000 people may be concerned." in english
    assert (
        "Likely consequences. People concerned may receive phishing messages that use "
        "their name." in english
    )
    assert "- coordonnées (nom, adresse postale" in french
    assert "Environ 12 000 personnes pourraient être concernées." in french
    assert "Conséquences probables. Les personnes concernées pourraient recevoir" in french


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_contact_is_invented_when_the_facts_give_none(
    renderer: DraftRenderer, language: Language
) -> None:
    with_contact = example("it-failure")
    text = notice(renderer, with_contact, language)
    assert CONTACT_HEADING[language] in text and "care@pinecrest-usa.example" in text
    contacts = with_contact.contacts.model_copy(update={"customers": None})
    without = with_contact.model_copy(update={"contacts": contacts})
    for template_set in TemplateSet:
        text = notice(renderer, without, language, template_set)
        assert CONTACT_HEADING[language] not in text, template_set
        assert "Owner Care" not in text and "@" not in text, template_set
    # With data affected and neither customer relations nor a data protection officer
    # given, no one is named for questions about data either.
    affected = example("data-affected-paused")
    contacts = affected.contacts.model_copy(update={"customers": None, "data_protection": None})
    text = notice(renderer, affected.model_copy(update={"contacts": contacts}), language)
    assert CONTACT_HEADING[language] not in text
    assert not re.search(r"data protection officer|délégué à la protection", text)
    assert "Customer Relations" not in text and "@" not in text


def test_american_english_for_an_american_organisation(renderer: DraftRenderer) -> None:
    for template_set in TemplateSet:
        text = notice(renderer, example("it-failure"), "en", template_set)
        assert "February 9, 2026" in text, template_set
        assert "Pinecrest Motors USA dealers" in text, template_set
        british = re.search(
            r"retailer|organis|apologis|centre|behaviour|cancelled|catalogue|authorised",
            text,
            re.IGNORECASE,
        )
        assert british is None, f"{template_set}: {british.group(0)!r}"
    british = notice(renderer, example("northwind-cyberattack"), "en")
    assert "Northwind Motors retailers" in british and "2 September 2025" in british


@pytest.mark.parametrize("name", EXAMPLES)
def test_the_french_notice_follows_french_typography(renderer: DraftRenderer, name: str) -> None:
    for template_set in TemplateSet:
        draft = renderer.render(
            example(name), DocumentKind.CUSTOMER_NOTICE, "fr", template_set=template_set
        )
        text = draft.plain_text()
        where = f"{name} {template_set}"
        assert not re.search(r" [;:!?»]|« ", text), where  # a plain space: no-break ones only
        assert "'" not in text, where  # the typographic apostrophe
        assert re.search("\u202f[;!?]|\u00a0:", text), where
        assert "Madame, Monsieur," in text, where


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_update_does_not_repeat_where_things_stand(
    renderer: DraftRenderer, language: Language
) -> None:
    """An update opens with « here is where things stand »: what the facts mean for the
    reader comes under its own heading, not under the same words again."""
    lead, heading, again = {
        "en": ("Here is where things stand today", "What this means for you", "where things stand"),
        "fr": (
            "Voici un point de situation",
            "Ce que cela change pour vous",
            "la situation à ce jour",
        ),
    }[language]
    greeting = {"en": "Dear customer,\n\n", "fr": "Madame, Monsieur,\n\n"}[language]
    for name in ("northwind-cyberattack", "data-affected-paused", "it-failure"):
        text = notice(renderer, example(name), language, TemplateSet.UPDATE)
        assert text.split(greeting)[1].startswith(lead), f"{name} ({language}):\n{text}"
        assert heading in text.splitlines(), f"{name} ({language}):\n{text}"
        assert text.lower().count(again) == (1 if language == "en" else 0), text
