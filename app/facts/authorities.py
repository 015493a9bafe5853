"""The authorities CrisisDraft knows by name: in which language each is written to, its
full name, and the law a notification to it follows.

A regulator is named in the facts as the lead gives it (``"ICO"``, ``"CNIL"``); a
notification goes to it in its own language (GDPR art. 33 notifications are made in the
language the supervisory authority works in: the ICO's form is in English, the CNIL's in
French). An authority not listed here is written to in every language the drafts are
written in (:func:`languages_of`), rather than guessed, and the draft tells the lead why.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final

from app.facts.vocabulary import LANGUAGES, Language


@dataclass(frozen=True)
class KnownAuthority:
    """One authority: the short names it goes by (matched without regard to case),
    its full name per language, the languages it is written to in, and the article a
    notification to it follows, per language."""

    names: tuple[str, ...]
    full_names: Mapping[Language, str]
    languages: tuple[Language, ...]
    law: Mapping[Language, str]


def _texts(en: str, fr: str) -> Mapping[Language, str]:
    return MappingProxyType({"en": en, "fr": fr})


#: The law of a notification to an authority the project does not know, by its kind.
GDPR_33: Final = _texts(
    "Article 33 of the General Data Protection Regulation (GDPR)",
    "article 33 du règlement (UE) 2016/679 (RGPD)",
)
NIS2_23: Final = _texts(
    "Article 23 of Directive (EU) 2022/2555 (NIS2)",
    "article 23 de la directive (UE) 2022/2555 (NIS 2)",
)

KNOWN_AUTHORITIES: Final[tuple[KnownAuthority, ...]] = (
    KnownAuthority(
        ("ICO", "Information Commissioner's Office", "Information Commissioner’s Office"),
        _texts(
            "Information Commissioner's Office (ICO)", "Information Commissioner's Office (ICO)"
        ),
        ("en",),
        _texts(
            "Article 33 of the UK General Data Protection Regulation (UK GDPR)",
            "article 33 du RGPD britannique (UK GDPR)",
        ),
    ),
    KnownAuthority(
        ("CNIL", "Commission nationale de l'informatique et des libertés"),
        _texts(
            "Commission nationale de l'informatique et des libertés (CNIL)",
            "Commission nationale de l'informatique et des libertés (CNIL)",
        ),
        ("fr",),
        GDPR_33,
    ),
    KnownAuthority(
        ("DPC", "Data Protection Commission"),
        _texts("Data Protection Commission (DPC)", "Data Protection Commission (DPC)"),
        ("en",),
        GDPR_33,
    ),
    KnownAuthority(
        ("ANSSI", "CERT-FR"),
        _texts(
            "Agence nationale de la sécurité des systèmes d'information (ANSSI)",
            "Agence nationale de la sécurité des systèmes d'information (ANSSI)",
        ),
        ("fr",),
        NIS2_23,
    ),
    KnownAuthority(
        ("NCSC-IE", "CSIRT-IE"),
        _texts(
            "National Cyber Security Centre (NCSC-IE)", "National Cyber Security Centre (NCSC-IE)"
        ),
        ("en",),
        NIS2_23,
    ),
)


def known_authority(name: str) -> KnownAuthority | None:
    """The authority ``name`` stands for, or None when the project does not know it."""
    wanted = name.strip().casefold()
    for authority in KNOWN_AUTHORITIES:
        if any(wanted == known.casefold() for known in authority.names):
            return authority
    return None


def law_of(name: str, language: Language, default: Mapping[Language, str]) -> str:
    """The article a notification to ``name`` follows ("Article 33 of the UK GDPR"), or
    ``default``'s when the project does not know ``name``."""
    authority = known_authority(name)
    return (authority.law if authority is not None else default)[language]


def languages_of(name: str) -> tuple[Language, ...]:
    """The languages ``name`` is written to in: its own, or every language when the
    project does not know it."""
    authority = known_authority(name)
    return authority.languages if authority is not None else LANGUAGES


def full_name(name: str, language: Language) -> str:
    """ "Information Commissioner's Office (ICO)" for ``"ICO"``; an unknown name as given."""
    authority = known_authority(name)
    return authority.full_names[language] if authority is not None else name


def authority_key(name: str) -> str:
    """What two names of one authority share ("ICO", "ico", "Information Commissioner's
    Office"): every comparison of authorities' names goes through it."""
    authority = known_authority(name)
    return (authority.names[0] if authority is not None else name.strip()).casefold()


def same_authority(one: str, other: str) -> bool:
    return authority_key(one) == authority_key(other)


def by_language(names: Iterable[str]) -> Mapping[Language, tuple[str, ...]]:
    """The authorities ``names`` grouped by the language each is written to in, every
    language present (an empty tuple: none is written to in it); an authority named
    twice (in two spellings) counts once, as first named."""
    first: dict[str, str] = {}
    for name in names:
        first.setdefault(authority_key(name), name)
    named = tuple(first.values())
    return MappingProxyType(
        {
            language: tuple(name for name in named if language in languages_of(name))
            for language in LANGUAGES
        }
    )


def file_tag(name: str) -> str:
    """What a file written for ``name`` alone carries in its name: the authority's
    short name in ASCII ("ico" for "Information Commissioner's Office"), an unknown
    name folded to ASCII letters, digits and hyphens; "" when nothing of it is ASCII."""
    authority = known_authority(name)
    short = authority.names[0] if authority is not None else name
    folded = unicodedata.normalize("NFKD", short).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", folded.casefold()).strip("-")
