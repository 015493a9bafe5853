"""French typography applied to a draft's text, whoever wrote it (template or user).

Non-breaking spaces go before « : ; ! ? » and inside « guillemets », so that Word never
breaks a line there; straight apostrophes become typographic ones. Applied to the text
of the draft after Markdown parsing, so escapes, URLs and times ("09:00") are untouched:
a colon gets its space only when followed by a space, so "09:00" and "https://" keep theirs.
"""

from __future__ import annotations

import re
import unicodedata

NARROW_NBSP = "\u202f"
NBSP = "\u00a0"

_SPACE_BEFORE_HIGH_PUNCTUATION = re.compile(r"[ \u00a0\u202f]+([;!?])")
_SPACE_BEFORE_COLON = re.compile(r"[ \u00a0\u202f]+:")
_NO_SPACE_BEFORE_HIGH_PUNCTUATION = re.compile(r"(?<=[\w»)\]])([;!?])(?=\s|$)")
_NO_SPACE_BEFORE_COLON = re.compile(r"(?<=[\w»)\]]):(?=\s)")
_OPENING_GUILLEMET = re.compile(r"«[ \u00a0\u202f]*")
_CLOSING_GUILLEMET = re.compile(r"[ \u00a0\u202f]*»")
_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")
_STRAIGHT_QUOTES = re.compile(r'"([^"\n]+)"')


def french_typography(text: str) -> str:
    """``text`` with French spacing and quotation marks."""
    text = _STRAIGHT_QUOTES.sub(r"« \1 »", text)
    text = _SPACE_BEFORE_HIGH_PUNCTUATION.sub(NARROW_NBSP + r"\1", text)
    text = _NO_SPACE_BEFORE_HIGH_PUNCTUATION.sub(NARROW_NBSP + r"\1", text)
    text = _SPACE_BEFORE_COLON.sub(NBSP + ":", text)
    text = _NO_SPACE_BEFORE_COLON.sub(NBSP + ":", text)
    text = _OPENING_GUILLEMET.sub("«" + NBSP, text)
    text = _CLOSING_GUILLEMET.sub(NBSP + "»", text)
    return _APOSTROPHE.sub("\u2019", text)


_ANY_SPACES = re.compile(r"\s+")
_ANY_APOSTROPHE = str.maketrans({"\u2019": "'", "\u02bc": "'", "\u2018": "'"})


def comparable(text: str) -> str:
    """``text`` without what typography changes: spaces of every kind, apostrophes,
    Markdown's emphasis and escapes, case."""
    folded = unicodedata.normalize("NFKC", text).translate(_ANY_APOSTROPHE)
    folded = folded.replace("\\", "").replace("*", "").replace("_", "")
    return _ANY_SPACES.sub("", folded).casefold()
