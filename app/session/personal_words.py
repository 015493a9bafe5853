"""The user's own words for the spelling check: the names and terms of their trade that
no dictionary has ("Add to dictionary" in a text's right-click menu).

One plain text file per user in the per-user data folder, one word a line, as typed;
every window and every later start accepts them, in both languages and in any case.
An addition reads the file again before writing it atomically, so two windows adding
words at once keep both; an unreadable file is taken as empty (the words are
suggestions, never facts), an unwritable one is the caller's to report.
"""

from __future__ import annotations

import logging
from pathlib import Path

from app.facts.text_words import words_in_names
from app.files import atomic
from app.files.user_folders import personal_words_file

logger = logging.getLogger(__name__)
MAX_WORD_LENGTH = 100  # longer is no word: a slip of the mouse


def personal_words(path: Path | None = None) -> list[str]:
    """The words of the user's list, as typed (none when there is no readable list)."""
    try:
        text = (path or personal_words_file()).read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError) as error:
        logger.warning("the personal word list cannot be read: %s", error)
        return []
    return [line.strip() for line in text.splitlines() if line.strip()]


def accepted_keys(path: Path | None = None) -> frozenset[str]:
    """The user's words as the spelling check looks them up (lower case, whole and in
    parts): what :func:`app.facts.spelling.misspellings` is given to accept."""
    return words_in_names(personal_words(path))


def add_personal_word(word: str, path: Path | None = None) -> frozenset[str]:
    """Add ``word`` to the user's list (kept sorted, once) and return the accepted keys;
    raises :class:`OSError` when the list cannot be written."""
    word = word.strip()
    if not word or len(word) > MAX_WORD_LENGTH or any(c.isspace() for c in word):
        raise ValueError(f"not one word: {word!r}")
    target = path or personal_words_file()
    words = personal_words(target)
    if word.casefold() not in {known.casefold() for known in words}:
        words.append(word)
        target.parent.mkdir(parents=True, exist_ok=True)
        text = "".join(f"{known}\n" for known in sorted(words, key=str.casefold))
        atomic.write_atomically(target, text.encode("utf-8"))
    return words_in_names(words)
