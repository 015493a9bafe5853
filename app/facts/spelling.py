"""Spelling of the lead's own texts, in the language of each text, offline.

The words are pyspellchecker's English and French lists (bundled in its wheel, with
how often each word is used, which orders the suggestions), and ours beside them in
``dictionaries/``: the British spellings pyspellchecker's American English lacks, and
the words of crisis communication it lacks (``ransomware``, ``rançongiciel``...).
Loading one language takes about a second and 30 MB (measured in
``dictionaries/README.md``): :func:`spelling_dictionary` loads each once per process,
and the desktop app asks for it on a background thread, never on a keystroke.

Suggestions are the known words one edit away, and, first, the words that differ only
by their accents (``evenement`` -> ``événement``, the usual slip on a keyboard without
them). Two edits away is left out: pyspellchecker takes seconds for a long word there.
"""

from __future__ import annotations

import functools
import string
import unicodedata
from collections.abc import Iterator, Set
from pathlib import Path

from spellchecker import SpellChecker

from app.facts.models import Language
from app.facts.text_words import Word, parts, words_of
from app.files.resources import bundled

#: The lists of ``dictionaries/`` each language adds to pyspellchecker's own.
EXTRA_LISTS: dict[Language, tuple[str, ...]] = {
    "en": ("en-british.txt", "en-extra.txt"),
    "fr": ("fr-extra.txt",),
}
MAX_SUGGESTIONS = 6
_EDIT_LETTERS = string.ascii_lowercase + "'"


class SpellingDictionary:
    """The words of one language, and suggestions for a word that is not one of them.

    Immutable once made, so one instance serves every thread; words the user accepts
    (names, their own list) are passed to :func:`misspellings`, not added here."""

    def __init__(self, language: Language, checker: SpellChecker) -> None:
        self.language = language
        self._checker = checker
        self._counts = checker.word_frequency.dictionary
        # The accented words by their letters without accents: "evenement" -> événement
        by_plain: dict[str, list[str]] = {}
        for word in self._counts:
            if not word.isascii():
                by_plain.setdefault(_without_accents(word), []).append(word)
        self._by_plain = by_plain

    def __contains__(self, key: object) -> bool:
        """Whether ``key`` (a :attr:`Word.key`: lower case, straight apostrophes) is a
        word of the language."""
        return key in self._counts

    def suggestions(self, text: str, limit: int = MAX_SUGGESTIONS) -> list[str]:
        """Known words close to ``text``, likeliest first, in its case (``Sytems`` ->
        ``Systems``): the same letters with other accents, then one letter away."""
        key = Word(0, text).key
        plain = _without_accents(key)
        ranked: dict[str, tuple[int, int]] = {}
        for closeness, candidates in enumerate(
            (self._spelt_alike(plain), self._one_edit_away(key, plain))
        ):
            for candidate in candidates:
                if candidate != key and candidate not in ranked:
                    ranked[candidate] = (closeness, -self._counts[candidate])
        best = sorted(ranked, key=lambda candidate: (ranked[candidate], candidate))[:limit]
        return [_in_case_of(text, candidate) for candidate in best]

    def _spelt_alike(self, plain: str) -> Iterator[str]:
        if plain in self._counts:
            yield plain
        yield from self._by_plain.get(plain, ())

    def _one_edit_away(self, key: str, plain: str) -> Iterator[str]:
        for edit in {*_edits(plain), *(_edits(key) if key != plain else ())}:
            yield from self._spelt_alike(edit)


def _edits(word: str) -> set[str]:
    """Every string one deletion, transposition, replacement or insertion away."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = {left + right[1:] for left, right in splits if right}
    transposes = {
        left + right[1] + right[0] + right[2:] for left, right in splits if len(right) > 1
    }
    replaces = {left + c + right[1:] for left, right in splits if right for c in _EDIT_LETTERS}
    inserts = {left + c + right for left, right in splits for c in _EDIT_LETTERS}
    return deletes | transposes | replaces | inserts


def _without_accents(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return plain.replace("œ", "oe").replace("æ", "ae")


def _in_case_of(typed: str, word: str) -> str:
    if typed[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def extra_words(language: Language, folder: Path | None = None) -> list[str]:
    """Our words for ``language`` (``dictionaries/``): one a line, ``#`` begins a note."""
    found: list[str] = []
    for name in EXTRA_LISTS[language]:
        text = ((folder or bundled("dictionaries")) / name).read_text(encoding="utf-8")
        for line in text.splitlines():
            word = line.split("#", 1)[0].strip()
            if word:
                found.append(Word(0, word).key)
    return found


@functools.cache
def spelling_dictionary(language: Language) -> SpellingDictionary:
    """The dictionary of ``language``, loaded on first use (about a second: call it off
    the window's thread) and kept for the life of the process."""
    checker = SpellChecker(language=language, distance=1)
    checker.word_frequency.load_words(extra_words(language))
    return SpellingDictionary(language, checker)


def misspellings(text: str, dictionary: SpellingDictionary, accepted: Set[str]) -> list[Word]:
    """The words of ``text`` that are not words of ``dictionary``'s language, nor in
    ``accepted`` (keys of names and of the user's own words): whole words, or the parts
    of a word that are not known (``bien-etre`` gives ``etre``)."""
    unknown: list[Word] = []
    for word in words_of(text):
        key = word.key
        if key in dictionary or key in accepted:
            continue
        unknown += [
            part
            for part in parts(word, dictionary.language)
            if part.key not in dictionary and part.key not in accepted
        ]
    return unknown
