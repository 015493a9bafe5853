"""Fixed labels for the contract's catalogue keys, as documents print them.

The labels are part of the contract (an incident file says ``"production"``; every
document calls it the same thing), so they live with the facts and not in templates.
English labels carry no article (templates write "its ..." or "our ..."); French
labels carry their article, as French lists need one per item. Site kinds have the
forms a sentence needs to name a group of sites ("the Solihull and Halewood plants",
« les usines de Solihull et de Halewood »).
"""

from __future__ import annotations

from dataclasses import dataclass

from app.facts.models import DataCategory, IncidentKind, Language, SiteKind, SystemKey

SYSTEM_LABELS: dict[Language, dict[SystemKey, str]] = {
    "en": {
        SystemKey.CORPORATE_IT: "corporate IT systems",
        SystemKey.PRODUCTION: "production systems",
        SystemKey.LOGISTICS: "logistics systems",
        SystemKey.DEALER_SYSTEMS: "dealer systems",
        SystemKey.ONLINE_ORDERS: "online ordering",
        SystemKey.PAYMENTS: "payment systems",
        SystemKey.EMAIL: "email",
        SystemKey.WEBSITE: "website",
        SystemKey.CUSTOMER_SERVICES: "customer service systems",
    },
    "fr": {
        SystemKey.CORPORATE_IT: "les systèmes informatiques de gestion",
        SystemKey.PRODUCTION: "les systèmes de production",
        SystemKey.LOGISTICS: "les systèmes logistiques",
        SystemKey.DEALER_SYSTEMS: "les systèmes du réseau de concessionnaires",
        SystemKey.ONLINE_ORDERS: "la commande en ligne",
        SystemKey.PAYMENTS: "les systèmes de paiement",
        SystemKey.EMAIL: "la messagerie électronique",
        SystemKey.WEBSITE: "le site internet",
        SystemKey.CUSTOMER_SERVICES: "les outils du service client",
    },
}

# English labels that are one thing ("email is unavailable"); the others are plural.
# French labels say their number through their article.
SINGULAR_SYSTEMS_EN: frozenset[SystemKey] = frozenset(
    {SystemKey.ONLINE_ORDERS, SystemKey.EMAIL, SystemKey.WEBSITE}
)


@dataclass(frozen=True)
class IncidentName:
    """The one name of a kind of incident, in the forms a sentence needs.

    English: ``a`` "a cyberattack", ``the`` "the cyberattack", ``headline``
    "cyberattack". French adds ``of_the`` « de la cyberattaque » and ``of_a``
    « d'une cyberattaque »; ``this`` is « cette cyberattaque » / « cet incident ».
    ``{party}`` stands for the third party in a third-party outage.
    """

    a: str
    the: str
    of_the: str
    of_a: str
    this: str
    headline: str


INCIDENT_NAMES: dict[Language, dict[IncidentKind | None, IncidentName]] = {
    "en": {
        IncidentKind.CYBERATTACK: IncidentName(
            "a cyberattack",
            "the cyberattack",
            "of the cyberattack",
            "of a cyberattack",
            "this cyberattack",
            "cyberattack",
        ),
        IncidentKind.RANSOMWARE: IncidentName(
            "a ransomware attack",
            "the ransomware attack",
            "of the ransomware attack",
            "of a ransomware attack",
            "this ransomware attack",
            "ransomware attack",
        ),
        IncidentKind.IT_OUTAGE: IncidentName(
            "an IT outage",
            "the IT outage",
            "of the IT outage",
            "of an IT outage",
            "this IT outage",
            "IT outage",
        ),
        IncidentKind.THIRD_PARTY_OUTAGE: IncidentName(
            "an outage at {party}",
            "the outage at {party}",
            "of the outage at {party}",
            "of an outage at {party}",
            "this outage",
            "supplier outage",
        ),
        None: IncidentName(
            "an incident",
            "the incident",
            "of the incident",
            "of an incident",
            "this incident",
            "an incident",
        ),
    },
    "fr": {
        IncidentKind.CYBERATTACK: IncidentName(
            "une cyberattaque",
            "la cyberattaque",
            "de la cyberattaque",
            "d'une cyberattaque",
            "cette cyberattaque",
            "cyberattaque",
        ),
        IncidentKind.RANSOMWARE: IncidentName(
            "une attaque par rançongiciel",
            "l'attaque par rançongiciel",
            "de l'attaque par rançongiciel",
            "d'une attaque par rançongiciel",
            "cette attaque par rançongiciel",
            "attaque par rançongiciel",
        ),
        IncidentKind.IT_OUTAGE: IncidentName(
            "une panne informatique",
            "la panne informatique",
            "de la panne informatique",
            "d'une panne informatique",
            "cette panne informatique",
            "panne informatique",
        ),
        IncidentKind.THIRD_PARTY_OUTAGE: IncidentName(
            "une panne chez {party}",
            "la panne chez {party}",
            "de la panne chez {party}",
            "d'une panne chez {party}",
            "cette panne",
            "panne chez un fournisseur",
        ),
        None: IncidentName(
            "un incident",
            "l'incident",
            "de l'incident",
            "d'un incident",
            "cet incident",
            "un incident",
        ),
    },
}
# The third party when neither its name nor its description is given (a check refuses
# such an export; the preview still reads).
UNNAMED_PARTY: dict[Language, str] = {"en": "a supplier", "fr": "un fournisseur"}


DATA_CATEGORY_LABELS: dict[Language, dict[DataCategory, str]] = {
    "en": {
        DataCategory.CONTACT_DETAILS: "contact details (such as names, postal and email "
        "addresses, phone numbers)",
        DataCategory.IDENTITY: "identity information (such as dates of birth or "
        "identity document numbers)",
        DataCategory.FINANCIAL: "financial information (such as bank details or "
        "finance agreements)",
        DataCategory.ACCOUNT_CREDENTIALS: "account log-in details",
        DataCategory.EMPLOYEE_DATA: "employee information",
        DataCategory.VEHICLE_DATA: "vehicle information (such as registration and "
        "vehicle identification numbers)",
    },
    "fr": {
        DataCategory.CONTACT_DETAILS: "coordonnées (nom, adresse postale et électronique, "
        "téléphone)",
        DataCategory.IDENTITY: "données d'identité (date de naissance, numéro de pièce "
        "d'identité, par exemple)",
        DataCategory.FINANCIAL: "données financières (coordonnées bancaires ou contrats "
        "de financement, par exemple)",
        DataCategory.ACCOUNT_CREDENTIALS: "identifiants de connexion aux comptes",
        DataCategory.EMPLOYEE_DATA: "données relatives aux collaborateurs",
        DataCategory.VEHICLE_DATA: "données des véhicules (immatriculation et numéro "
        "d'identification, par exemple)",
    },
}


@dataclass(frozen=True)
class SiteKindForms:
    """The words a language needs to name one site, or a group, of a kind."""

    singular: str
    plural: str
    feminine: bool = False
    plural_only: bool = False


SITE_KIND_FORMS: dict[Language, dict[SiteKind, SiteKindForms]] = {
    "en": {
        SiteKind.PLANT: SiteKindForms("plant", "plants"),
        SiteKind.OFFICE: SiteKindForms("office", "offices"),
        SiteKind.WAREHOUSE: SiteKindForms("warehouse", "warehouses"),
        SiteKind.STORE: SiteKindForms("store", "stores"),
    },
    "fr": {
        SiteKind.PLANT: SiteKindForms("usine", "usines", feminine=True),
        SiteKind.OFFICE: SiteKindForms("bureaux", "bureaux", plural_only=True),
        SiteKind.WAREHOUSE: SiteKindForms("entrepôt", "entrepôts"),
        SiteKind.STORE: SiteKindForms("magasin", "magasins"),
    },
}


def system_label(key: SystemKey, language: Language) -> str:
    return SYSTEM_LABELS[language][key]


def system_is_plural(key: SystemKey, language: Language) -> bool:
    if language == "fr":
        return SYSTEM_LABELS["fr"][key].startswith("les ")
    return key not in SINGULAR_SYSTEMS_EN


def data_category_label(key: DataCategory, language: Language) -> str:
    return DATA_CATEGORY_LABELS[language][key]


def site_kind_label(kind: SiteKind, language: Language, *, plural: bool = False) -> str:
    forms = SITE_KIND_FORMS[language][kind]
    return forms.plural if plural else forms.singular
