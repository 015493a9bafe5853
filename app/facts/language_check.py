"""Whether a text reads as the language of its field: English pasted into the French
guidance (or the reverse) is a warning before it reaches a French statement.

A word reads as a language when it is used far more often in it (:data:`RATIO` times)
than in the other, by the frequencies of pyspellchecker's lists (its subtitle corpora:
everyday words); the most frequent 30,000 words of each are kept in ``dictionaries/``,
small enough to read at once in ``crisisdraft check`` and on every change in the app.
Words used alike in both (``production``, ``service``, ``normal``), unknown to both, or
names (the facts' names, a capital inside a sentence, acronyms) say nothing. A text
reads as the other language when at least half its words do and its own language's
words are few (see :func:`reads_as`); texts of fewer than :data:`MIN_WORDS` words are
never judged: a name or two shared words may read as either.
"""

from __future__ import annotations

import functools
import gzip
import json
from collections.abc import Set
from dataclasses import dataclass
from pathlib import Path

from app.facts.models import LANGUAGES, Language
from app.facts.text_words import Word, parts, words_of
from app.files.resources import bundled

MIN_WORDS = 4
RATIO = 10.0  # how much more frequent in one language a word must be to read as it


@dataclass(frozen=True)
class WordShares:
    """How often the frequent words of a language are used: ``counts`` of each in a
    corpus of ``total`` words; any other word counts ``floor`` (half the least frequent
    listed: it is rarer than all of them)."""

    counts: dict[str, int]
    total: int
    floor: float

    def share(self, key: str) -> float:
        return self.counts.get(key, self.floor) / self.total


def read_shares(path: Path) -> WordShares:
    """The list written by ``dictionaries/make_lists.py``: ``{"total": N, "counts":
    {word: count}}``, gzipped."""
    data = json.loads(gzip.decompress(path.read_bytes()))
    counts: dict[str, int] = data["counts"]
    return WordShares(counts, int(data["total"]), min(counts.values()) / 2)


@functools.cache
def word_shares(language: Language) -> WordShares:
    """The frequent words of ``language``, read once per process (a few hundredths of
    a second)."""
    return read_shares(bundled("dictionaries") / f"{language}-frequent.json.gz")


@functools.lru_cache(maxsize=1024)
def reads_as(text: str, language: Language, names: frozenset[str] = frozenset()) -> Language | None:
    """The other language ``text`` reads as though written for ``language``, or ``None``
    (it reads as its own, as neither, or is too short to tell).

    ``names`` are keys of words never judged (:func:`app.facts.text_words.names_in`).
    It reads as another when at least two of its words and half of them read as that
    language, and more than three times as many as read as its own. Answers are kept:
    the app asks about every text on every change, and only the one typed changes."""
    keys = judged_words(text, language, names)
    if len(keys) < MIN_WORDS:
        return None
    own = word_shares(language)
    for other in LANGUAGES:
        if other == language:
            continue
        theirs = word_shares(other)
        as_other = sum(1 for key in keys if theirs.share(key) >= RATIO * own.share(key))
        as_own = sum(1 for key in keys if own.share(key) >= RATIO * theirs.share(key))
        if as_other >= 2 and 2 * as_other >= len(keys) and as_other > 3 * as_own:
            return other
    return None


def judged_words(text: str, language: Language, names: Set[str] = frozenset()) -> list[str]:
    """The keys of the words of ``text`` that may tell its language: a word listed whole
    in either language (``aujourd'hui``), else its parts (``l'usine`` -> ``usine``);
    names, and words with a capital inside a sentence (names too), left out."""
    keys: list[str] = []
    for word_key, pieces in _candidate_words(text, language):
        if word_key not in names:
            keys += [piece for piece in pieces if piece not in names]
    return keys


@functools.lru_cache(maxsize=4096)
def _candidate_words(text: str, language: Language) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Each word of ``text`` that may tell its language, with the keys it is judged by
    (itself, or its parts), before the facts' names are taken out. Kept apart from the
    names: typing a name (the organisation's) changes the names on every keystroke, and
    every text would otherwise be split into words again each time."""
    listed = [word_shares(code).counts for code in LANGUAGES]
    found: list[tuple[str, tuple[str, ...]]] = []
    for word in words_of(text):
        if word.capitalised and not word.sentence_start:
            continue
        pieces: list[Word] = (
            [word] if any(word.key in counts for counts in listed) else parts(word, language)
        )
        found.append((word.key, tuple(piece.key for piece in pieces)))
    return tuple(found)
