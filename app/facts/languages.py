"""Which languages the drafts are written in, and the variants of each.

One place answers "which locale, which proofing tag, which spelling" for a draft: the
English drafts follow the organisation's variant (``organisation.english``), the French
drafts are French as written in France. Everything that formats dates, sets Word's
proofing language or spells a word asks :func:`variant_of` instead of keeping its own
table.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Final

from app.errors import N_
from app.facts.vocabulary import EnglishVariant, Language

if TYPE_CHECKING:
    from app.facts.models import Incident


@dataclass(frozen=True)
class LanguageVariant:
    """A language as one draft writes it: Babel's locale, Word's proofing tag, spelling.

    ``spelling`` maps the words the templates write in British spelling to this
    variant's spelling (empty where nothing changes).
    """

    language: Language
    locale: str
    proofing_tag: str
    spelling: MappingProxyType[str, str] = field(default_factory=lambda: MappingProxyType({}))


# The words whose spelling (or usage) the built-in templates depend on, British first.
# Templates read them as ``spell.<word>``, so a template never hard-codes one variant.
_AMERICAN_SPELLING: Final = {
    "organisation": "organization",
    "organisations": "organizations",
    "apologise": "apologize",
    "apologises": "apologizes",
    "prioritise": "prioritize",
    "prioritising": "prioritizing",
    "centre": "center",
    "programme": "program",
    "recognise": "recognize",
    "minimise": "minimize",
    "authorised": "authorized",
    "behaviour": "behavior",
    "cancelled": "canceled",
    "catalogue": "catalog",
    # Not spelling but usage: a British car maker's "retailers" are "dealers" in the US.
    "retailer": "dealer",
    "retailers": "dealers",
    "retail partner": "dealer partner",
    "line manager": "manager",
}

VARIANTS: Final[MappingProxyType[str, LanguageVariant]] = MappingProxyType(
    {
        EnglishVariant.BRITISH.value: LanguageVariant(
            "en", "en_GB", "en-GB", MappingProxyType({word: word for word in _AMERICAN_SPELLING})
        ),
        EnglishVariant.AMERICAN.value: LanguageVariant(
            "en", "en_US", "en-US", MappingProxyType(_AMERICAN_SPELLING)
        ),
        "fr_FR": LanguageVariant("fr", "fr_FR", "fr-FR"),
    }
)
DEFAULT_VARIANTS: Final[MappingProxyType[Language, LanguageVariant]] = MappingProxyType(
    {"en": VARIANTS["en_GB"], "fr": VARIANTS["fr_FR"]}
)
#: Each language's name as a message id, translated where it is shown.
LANGUAGE_NAMES: Final[MappingProxyType[Language, str]] = MappingProxyType(
    {"en": N_("English"), "fr": N_("French")}
)
#: Each language's name in itself, where a user looks for their own (the Language menu).
NATIVE_NAMES: Final[MappingProxyType[Language, str]] = MappingProxyType(
    {"en": "English", "fr": "Français"}
)


def variant_of(incident: Incident | None, language: Language) -> LanguageVariant:
    """The variant ``language`` is written in for ``incident``'s organisation."""
    if language == "en" and incident is not None:
        return VARIANTS[incident.organisation.english.value]
    return DEFAULT_VARIANTS[language]


def locale_of(language_or_locale: str) -> str:
    """Babel's locale for a language code (``"en"``) or a locale already (``"en_US"``)."""
    if language_or_locale in VARIANTS:
        return VARIANTS[language_or_locale].locale
    for language, variant in DEFAULT_VARIANTS.items():
        if language == language_or_locale:
            return variant.locale
    raise ValueError(f"no language or locale {language_or_locale!r}")
