"""The words of a text the lead typed, as a spelling or language check reads them.

One reading for both checks, so that what the spelling check accepts (a name, an
acronym, an e-mail address) is also left out of the judgement of a text's language.
What is not a word to check: e-mail and web addresses, anything with a digit or an
underscore (``NIS2``, ``A4``, ``2025``), acronyms in capitals (``ICO``, ``RGPD``), single
letters, and the words of the names the facts already give (the organisation, its
sites, contacts...: :func:`names_in`). A word may hold apostrophes (``aujourd’hui``,
``don't``; typographic or straight) and hyphens (``c’est-à-dire``): the checks look it up
whole first, then in :func:`parts` (an elided article taken off, each side of a hyphen).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from app.facts.models import Incident, Language

# Letters, combining accents, digits and underscore (to refuse them), apostrophes, hyphens.
_TOKEN = re.compile(r"[\w\u0300-\u036f'’ʼ\-\u2010\u2011]+")
_ADDRESS = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.IGNORECASE)
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "\u2010": "-", "\u2011": "-"})
_EDGES = "'’ʼ-\u2010\u2011"
# French elisions: the article, pronoun or conjunction before a vowel (l’usine, qu’il).
_ELISION = re.compile(r"^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu)'(?=\w)", re.IGNORECASE)
_SENTENCE_END = '.!?:;«»"“”(\n'


@dataclass(frozen=True)
class Word:
    """A word of a text: where it starts (an index into the text) and how it is written.

    ``sentence_start`` is true for the first word of the text, of a line or after a full
    stop: a capital there says nothing, elsewhere it marks a name."""

    start: int
    text: str
    sentence_start: bool = False

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def key(self) -> str:
        """How the word is looked up: lower case, straight apostrophes, plain hyphens,
        accents composed (é typed as e + ◌́ is é)."""
        return unicodedata.normalize("NFC", self.text.translate(_APOSTROPHES).lower())

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


def words_of(text: str) -> list[Word]:
    """The words of ``text`` to check, in order (see the module for what is left out)."""
    addresses = [found.span() for found in _ADDRESS.finditer(text)]
    found: list[Word] = []
    for token in _TOKEN.finditer(text):
        start, end = token.span()
        if any(a_start < end and start < a_end for a_start, a_end in addresses):
            continue
        raw = token.group()
        stripped = raw.strip(_EDGES)
        if not stripped:
            continue
        start += raw.index(stripped)
        if not _checkable(stripped):
            continue
        before = text[:start].rstrip(" \t\u00a0\u202f")
        found.append(Word(start, stripped, not before or before[-1] in _SENTENCE_END))
    return found


def _checkable(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    if any(c.isdigit() or c == "_" for c in word) or len(letters) < 2:
        return False
    return not all(c.isupper() for c in letters)  # an acronym: ICO, RGPD, IT


def parts(word: Word, language: Language) -> list[Word]:
    """The pieces of ``word`` to look up when the whole is not known: without a French
    elided article (``l’usine`` -> ``usine``) or an English possessive (``customers’``,
    ``organisation's``), and each side of a hyphen (``hand-over`` -> ``hand``, ``over``);
    pieces of one letter are left out."""
    text, start = word.text, word.start
    key = word.key
    if language == "fr":
        elided = _ELISION.match(key)
        if elided:
            text, start = text[elided.end() :], start + elided.end()
    elif key.endswith("'s") or key.endswith("s'"):
        text = text[: -2 if key.endswith("'s") else -1]
    pieces: list[Word] = []
    offset = 0
    for piece in re.split(r"[-\u2010\u2011]", text):
        stripped = piece.strip(_EDGES)
        if _checkable(stripped):
            at = start + offset + piece.index(stripped)
            pieces.append(Word(at, stripped, word.sentence_start and not pieces))
        offset += len(piece) + 1
    return pieces


def names_in(incident: Incident) -> frozenset[str]:
    """The words of the proper names the facts give (as :attr:`Word.key`): the
    organisation, its city and website, sites, contacts, spokesperson, supplier,
    regulators, agencies and markets. A text's own words are never taken for names:
    a system named by the lead, for one, is a description checked like any text."""
    organisation = incident.organisation
    contacts = incident.contacts
    people = [
        contact.name
        for contact in (
            contacts.media,
            contacts.dealers,
            contacts.staff,
            contacts.customers,
            contacts.suppliers,
            contacts.data_protection,
        )
        if contact is not None
    ]
    names: list[str | None] = [
        organisation.name,
        organisation.city,
        organisation.website,
        incident.incident.third_party,
        incident.spokesperson.name if incident.spokesperson else None,
        *organisation.listed_on,
        *(site.name for site in incident.sites),
        *incident.authorities.regulators,
        *incident.authorities.agencies,
        *people,
    ]
    return words_in_names(name for name in names if name)


def words_in_names(names: Iterable[str]) -> frozenset[str]:
    """The keys of the words of ``names``, whole and in parts (``Saint-Étienne`` gives
    ``saint-étienne``, ``saint`` and ``étienne``; ``l’Isle`` gives ``isle`` too)."""
    return frozenset().union(*(_name_keys(name) for name in names))


@functools.lru_cache(maxsize=1024)
def _name_keys(name: str) -> frozenset[str]:
    """One name's keys, kept: the facts' names are read again on every change."""
    keys: set[str] = set()
    for token in _TOKEN.finditer(name):
        raw = token.group().strip(_EDGES)
        if not raw:
            continue
        word = Word(0, raw)
        keys.add(word.key)
        for language in ("en", "fr"):
            keys.update(piece.key for piece in parts(word, language))
    return frozenset(keys)
