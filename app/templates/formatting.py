"""Dates, times and lists as each language writes them, from Babel's CLDR data.

English follows the organisation's variant: UK style ("2 September 2025, 09:00 BST")
or US style ("September 2, 2025, 9:00 AM CST"); French follows French typography
(« 1er septembre 2025 à 9 h 00 », with non-breaking spaces inside the time). Times are
always shown in the organisation's time zone; the reader is told which zone unless it
is the one French readers assume (Paris).

Every function takes ``language``: a language code (``"en"``, ``"fr"``: the default
variant) or a locale of :mod:`app.facts.languages` (``"en_US"``).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from datetime import date, datetime
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import format_date, format_time, get_timezone_location, get_timezone_name
from babel.lists import format_list

from app.facts.catalogue import SITE_KIND_FORMS
from app.facts.languages import locale_of
from app.facts.models import SiteKind

NBSP = "\u00a0"
NARROW_NBSP = "\u202f"
_ZONES_FRENCH_READERS_ASSUME = frozenset({"Europe/Paris"})
_US = "en_US"


@functools.cache
def babel_locale(locale: str) -> Locale:
    """Babel's locale object for ``locale`` (``"fr_FR"``), made once: given a string,
    every Babel call parses it again (a pack of drafts formats a few thousand dates,
    times and lists). Locale objects are not changed by Babel's formatting calls."""
    return Locale.parse(locale)


def long_date(value: date, language: str) -> str:
    """ "2 September 2025" / "September 2, 2025" (US) / « 2 septembre 2025 », « 1er
    septembre 2025 » for the first."""
    locale = locale_of(language)
    babel = babel_locale(locale)
    if locale.startswith("fr") and value.day == 1:
        return "1er" + NBSP + format_date(value, "MMMM y", locale=babel)
    if locale == _US:
        return format_date(value, "MMMM d, y", locale=babel)
    text = format_date(value, "d MMMM y", locale=babel)
    return text.replace(" ", NBSP, 1) if locale.startswith("fr") else text


def weekday_date(value: date, language: str) -> str:
    """ "Wednesday 3 September 2025" / "Wednesday, September 3, 2025" (US) /
    « mercredi 3 septembre 2025 »."""
    locale = locale_of(language)
    weekday = format_date(value, "EEEE", locale=babel_locale(locale))
    separator = ", " if locale == _US else " "
    return f"{weekday}{separator}{long_date(value, language)}"


def clock_time(value: datetime, zone: ZoneInfo, language: str) -> str:
    """ "09:00 BST" / "9:00 AM CST" (US) / « 9 h 00 (heure de Londres) », in the
    organisation's zone."""
    locale = locale_of(language)
    babel = babel_locale(locale)
    local = value.astimezone(zone)
    if locale.startswith("fr"):
        text = f"{local.hour}{NBSP}h{NBSP}{local.minute:02d}"
        if zone.key not in _ZONES_FRENCH_READERS_ASSUME:
            city = get_timezone_location(zone, locale=babel, return_city=True)
            text += f" (heure de {city})"
        return text
    if locale == _US:
        text = format_time(local, "h:mm a", locale=babel).replace(NARROW_NBSP, " ")
    else:
        text = format_time(local, "HH:mm", locale=babel)
    abbreviation = get_timezone_name(local, width="short", locale=babel)
    if abbreviation.isalpha() and abbreviation.isupper() and len(abbreviation) <= 5:
        return f"{text} {abbreviation}"
    city = get_timezone_location(zone, locale=babel, return_city=True)
    return f"{text} ({city} time)"


def date_and_time(value: datetime, zone: ZoneInfo, language: str) -> str:
    """ "2 September 2025, 09:00 BST" / "September 2, 2025, 9:00 AM CDT" /
    « 2 septembre 2025 à 9 h 00 (heure de Londres) »."""
    local = value.astimezone(zone)
    separator = " à " if locale_of(language).startswith("fr") else ", "
    return long_date(local.date(), language) + separator + clock_time(local, zone, language)


def weekday_date_and_time(value: datetime, zone: ZoneInfo, language: str) -> str:
    """ "Wednesday 3 September 2025 at 12:00 BST" / « mercredi 3 septembre 2025 à 12 h 00 »."""
    local = value.astimezone(zone)
    separator = " à " if locale_of(language).startswith("fr") else " at "
    return weekday_date(local.date(), language) + separator + clock_time(local, zone, language)


def join_words(items: Iterable[str], language: str, *, style: str = "standard") -> str:
    """« Solihull et Halewood », "Solihull and Halewood"; ``style="or"`` for "ou"/"or"."""
    words = [str(item) for item in items]
    if not words:
        return ""
    return format_list(words, style=style, locale=babel_locale(locale_of(language)))  # type: ignore[arg-type]


def name_sites(sites: Iterable[tuple[str, SiteKind]], language: str) -> str:
    """Name sites grouped by kind, in order of first mention.

    "the Solihull and Halewood plants and the Gaydon office";
    « les usines de Solihull et de Halewood et les bureaux de Gaydon ».
    """
    groups: dict[SiteKind, list[str]] = {}
    for name, kind in sites:
        groups.setdefault(kind, []).append(name)
    french = locale_of(language).startswith("fr")
    phrases = [
        _french_site_group(kind, names) if french else _english_site_group(kind, names)
        for kind, names in groups.items()
    ]
    return join_words(phrases, language)


def _english_site_group(kind: SiteKind, names: list[str]) -> str:
    forms = SITE_KIND_FORMS["en"][kind]
    noun = forms.plural if len(names) > 1 else forms.singular
    return f"the {join_words(names, 'en')} {noun}"


def _french_site_group(kind: SiteKind, names: list[str]) -> str:
    forms = SITE_KIND_FORMS["fr"][kind]
    places = join_words([french_of(name) for name in names], "fr")
    if len(names) > 1 or forms.plural_only:
        return f"les {forms.plural} {places}"
    article = "l'" if starts_with_vowel(forms.singular) else ("la " if forms.feminine else "le ")
    return f"{article}{forms.singular} {places}"


def starts_with_vowel(word: str) -> bool:
    """True when French elides before ``word`` (names with h are treated as aspirated)."""
    return word[:1].lower() in "aeiouyàâäéèêëîïôöûüœ"


def french_of(name: str) -> str:
    """« de Solihull », « d'Ellesmere Port »."""
    return f"d'{name}" if starts_with_vowel(name) else f"de {name}"
