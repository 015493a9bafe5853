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

from app.facts.models import DataCategory, Language, SiteKind, SystemKey

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


def data_category_label(key: DataCategory, language: Language) -> str:
    return DATA_CATEGORY_LABELS[language][key]


def site_kind_label(kind: SiteKind, language: Language, *, plural: bool = False) -> str:
    forms = SITE_KIND_FORMS[language][kind]
    return forms.plural if plural else forms.singular
