"""What a text of an incident file may contain, and what it may not.

Every text of the facts ends up in a Word document, a preview, a terminal or an e-mail.
Some characters cannot go there at all (control characters, Unicode non-characters and
lone surrogates: lxml refuses them, so the export would fail after ``check`` passed);
others go there invisibly and change what a reader sees (direction overrides that show
"Motors" as "srotoM" or reorder a sentence, zero-width characters that hide words or
split a name a search would find). A crisis statement has no use for any of them, and
hiding or reordering text in one is dangerous, so all are refused by position, with the
character named, for the user to delete. The limits of size are here too.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from typing import Any

from app.errors import N_, MessageError

MAX_TEXT_LENGTH = 10_000  # characters in any one text: a crisis statement's longest need
# A name is printed in headlines and file names and written into Word's document
# properties (255 characters at most, with the headline around it): 120 holds any real
# organisation's or person's name, legal suffixes included.
MAX_NAME_LENGTH = 120
# Dates an incident file may hold: far beyond any real statement, and well inside what
# time zone conversion and date formatting can handle (year 1 and 9999 overflow there).
FIRST_YEAR, LAST_YEAR = 2000, 2100
# People affected: more than live on Earth is a typo (and past 28 digits, number
# formatting fails in the middle of a draft).
MAX_PEOPLE = 10_000_000_000

# C0 and C1 controls except tab, line feed and carriage return, which a text may hold.
_CONTROL = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
# Non-characters (U+FDD0..U+FDEF and the last two of every plane) and lone surrogates:
# never text, a sign of a damaged file; XML (so Word) cannot hold most of them.
_NOT_TEXT = r"\ufdd0-\ufdef\ufffe\uffff\ud800-\udfff" + "".join(
    f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(1, 17)
)
# Marks, embeddings, overrides and isolates that change the order text is shown in.
_DIRECTION = r"\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c"
# Characters that show nothing: zero-width space, joiners, word joiner, invisible
# operators, byte order mark, and the tag characters used to smuggle hidden text.
_INVISIBLE = r"\u200b-\u200d\u2060-\u2064\ufeff\U000e0000-\U000e007f"

_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(f"[{_CONTROL}]"),
        N_(
            "contains an invisible control character ({code}) at position "
            "{position}; delete it (it often comes from a copy-paste)"
        ),
    ),
    (
        re.compile(f"[{_NOT_TEXT}]"),
        N_(
            "contains {code}, which is not a character, at position {position}; delete it "
            "(the file may be damaged)"
        ),
    ),
    (
        re.compile(f"[{_DIRECTION}]"),
        N_(
            "contains an invisible direction control ({code}) at position {position}, which "
            "can make the text read in another order than it is written; delete it"
        ),
    ),
    (
        re.compile(f"[{_INVISIBLE}]"),
        N_(
            "contains an invisible character ({code}) at position {position}, which can "
            "hide text or split a word; delete it"
        ),
    ),
)


def character_code(character: str) -> str:
    """``U+202E RIGHT-TO-LEFT OVERRIDE``: the code point, and its Unicode name when it has
    one (names are the standard's, the same in every language)."""
    name = unicodedata.name(character, "")
    return f"U+{ord(character):04X} {name}" if name else f"U+{ord(character):04X}"


#: Any character of the rules above: one scan of a sound text instead of one per rule
#: (every text is checked on every keystroke, when the facts are read again).
_ANY_REFUSED = re.compile(f"[{_CONTROL}{_NOT_TEXT}{_DIRECTION}{_INVISIBLE}]")


def check_text(value: str, *, limit: int = MAX_TEXT_LENGTH) -> None:
    """Raise :class:`MessageError` for a text longer than ``limit`` or holding a character
    of the rules above (the first one found, by its position counted from 1)."""
    if len(value) > limit:
        raise MessageError(
            N_("is {length} characters long; a text may have at most {limit}: shorten it"),
            length=f"{len(value):,}",
            limit=f"{limit:,}",
        )
    if _ANY_REFUSED.search(value) is None:
        return
    for pattern, message_id in _RULES:
        bad = pattern.search(value)
        if bad:
            raise MessageError(
                message_id, code=character_code(bad.group()), position=bad.start() + 1
            )


def short_name(value: str) -> str:
    """A name (an organisation, an approver) short enough for a headline and Word's
    document properties; the other rules of texts apply to it as to every text."""
    if len(value) > MAX_NAME_LENGTH:
        raise MessageError(
            N_("is {length} characters long; a name may have at most {limit}: shorten it"),
            length=f"{len(value):,}",
            limit=f"{MAX_NAME_LENGTH:,}",
        )
    return value


def plausible_date(value: Any) -> Any:
    """Refuse dates and times outside the years an incident can be in (a typo such as
    0001 or 9999 would otherwise fail later, converting time zones or printing dates)."""
    if isinstance(value, date | datetime) and not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise MessageError(
            N_("is in the year {year}; dates must be between {first} and {last}: check it"),
            year=value.year,
            first=FIRST_YEAR,
            last=LAST_YEAR,
        )
    return value


def plausible_count(value: int) -> int:
    """Refuse a count of people affected larger than any incident's."""
    if value > MAX_PEOPLE:
        raise MessageError(
            N_("is {given}, more people than live on Earth; give at most {limit}: check it"),
            given=f"{value:,}" if len(str(value)) <= 40 else f"{str(value)[:12]}...",
            limit=f"{MAX_PEOPLE:,}",
        )
    return value


_HIDDEN = re.compile(f"[{_CONTROL}{_NOT_TEXT}{_DIRECTION}{_INVISIBLE}\u2028\u2029]")


def visible(text: str) -> str:
    """``text`` with every character of the rules above written as an escape (``\\u202e``),
    to quote a refused value or key in a message without the terminal or window obeying
    it (or failing to print a lone surrogate)."""
    return _HIDDEN.sub(lambda found: f"\\u{ord(found.group()):04x}", text)
