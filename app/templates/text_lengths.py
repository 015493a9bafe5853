"""How long a short text is, as the channel that carries it counts: X, LinkedIn, a
website banner, an SMS.

Each short text of the registry (:mod:`app.templates.documents`) has a
:class:`LengthRule`; :func:`measure` says how long a text is by that rule, as the count
the lead must keep under the limit. The rules are the channels' own:

- **X** counts each code point of the text after Unicode normalisation (NFC) as 1 when
  it lies in the ranges of twitter-text's configuration (Latin, Greek, Cyrillic and the
  general punctuation most European text uses) and 2 otherwise (CJK, emoji, and the
  narrow no-break space U+202F that French typography puts before ``; ! ?``), and
  every link as 23 whatever its length, since X shortens it to a t.co address. An
  emoji written as several code points counts 2 per code point here, more than X
  counts: a crisis post has none, and the count errs on the long side.
- **LinkedIn** shows the first lines of a post before "…see more": the first sentence
  must stand alone within the limit, so the count is the characters of the first
  sentence.
- **A website banner** counts every character, links included (it is shown as written).
- **An SMS** is one segment of 160 characters of the GSM-7 alphabet (GSM 03.38: the
  basic set counts 1, the extension table ``^ { } \\ [ ~ ] | €`` and form feed 2); one
  character outside it (``ç ê â î ô û œ``, a curly apostrophe, a no-break space, « »)
  sends the whole message in UCS-2, 70 characters a segment. A longer message is cut
  into segments of 153 (GSM-7) or 67 (UCS-2) characters.

The templates fit their short texts within these limits with the ``fit_within``
filter (see :func:`fit_within`), which measures text as the context gives it (Markdown
escapes removed) before French typography; the count that decides is taken on the
rendered draft (:mod:`app.drafts.short_texts`).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Final

from app.templates.escaping import unescaped


class Measure(StrEnum):
    """What a limit counts."""

    CHARACTERS = "characters"  # every character, as written
    X_WEIGHTED = "x_weighted"  # X's weighted count, a link counting as 23
    FIRST_SENTENCE = "first_sentence"  # the characters of the first sentence
    SMS = "sms"  # one SMS segment: GSM-7 characters, or UCS-2 ones


@dataclass(frozen=True)
class LengthRule:
    """A text's limit: ``limit`` of ``measure`` (for an SMS, the GSM-7 characters of one
    segment; a message that needs Unicode holds :data:`SMS_UNICODE_LIMIT`)."""

    measure: Measure
    limit: int


@dataclass(frozen=True)
class Length:
    """How long a text is by its rule. ``limit`` is the limit that applies to this very
    text (70 for an SMS that needs Unicode); ``unicode_character`` is the first character
    of an SMS that GSM-7 cannot carry (``None``: the SMS is GSM-7); ``segments`` is how
    many SMS segments it takes (0 for other texts)."""

    measure: Measure
    count: int
    limit: int
    unicode_character: str | None = None
    segments: int = 0

    @property
    def over(self) -> bool:
        return self.count > self.limit


#: X counts every link as this many characters.
X_LINK_LENGTH: Final = 23
SMS_UNICODE_LIMIT: Final = 70
_SMS_PART = {False: 153, True: 67}  # characters per segment of a long SMS: GSM-7, UCS-2

# GSM 03.38, as ETSI and Unicode's mapping table (GSM0338.TXT) give it: 0x09 is the
# capital Ç, so a lowercase ç is not GSM-7 (phones and gateways send it in UCS-2).
GSM7_BASIC: Final = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM7_EXTENSION: Final = frozenset("\f^{}\\[~]|€")

# twitter-text's configuration (v3): code points weighing 1; every other weighs 2.
_X_LIGHT_RANGES: Final = ((0, 4351), (8192, 8205), (8208, 8223), (8242, 8247))
_X_HEAVY: Final = re.compile(
    "[^"
    + "".join(f"{re.escape(chr(low))}-{re.escape(chr(high))}" for low, high in _X_LIGHT_RANGES)
    + "]"
)
# A link as X finds one: with its scheme, from "www.", or a bare domain under a common
# top-level domain; punctuation that ends a sentence is not part of it.
_X_LINK = re.compile(
    r"(?:https?://|www\.)[^\s]+"
    r"|\b(?:[a-z0-9-]+\.)+(?:com|org|net|gov|edu|info|biz|io|co|app|news|eu|uk|fr|de|be|ch|"
    r"ca|us|nl|es|it|ie|lu)\b(?:/[^\s]*)?",
    re.IGNORECASE,
)
_LINK_TRAILING = re.compile(r"[.,;:!?)\]»\"'’”]+$")

_SENTENCE_END = re.compile(r"[.!?…][\"'’”»)\]]*(?=\s|$)")

# Typography an SMS cannot carry in GSM-7, and what it sends instead.
_SMS_PLAIN: Final = {
    "\u00a0": " ",
    "\u202f": " ",
    "\u2009": " ",
    "\u2007": " ",
    "\u2018": "'",
    "\u2019": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u2013": "-",
    "\u2014": "-",
    "\u2026": "...",
}
_SMS_PLAIN_TABLE: Final = str.maketrans(_SMS_PLAIN)
_SMS_GUILLEMETS = re.compile(r"«[\s\u00a0\u202f]*|[\s\u00a0\u202f]*»")


def measure(rule: LengthRule, text: str) -> Length:
    """How long ``text`` is by ``rule``, exactly as written (see :func:`sms_plain` for
    what an SMS is sent as)."""
    if rule.measure is Measure.SMS:
        return sms_length(text, rule.limit)
    if rule.measure is Measure.X_WEIGHTED:
        count = x_length(text)
    elif rule.measure is Measure.FIRST_SENTENCE:
        count = len(first_sentence(text))
    else:
        count = len(text)
    return Length(rule.measure, count, rule.limit)


def sms_length(text: str, gsm7_limit: int = 160) -> Length:
    """The SMS's length in the encoding it needs, its limit (``gsm7_limit`` in GSM-7,
    :data:`SMS_UNICODE_LIMIT` in UCS-2), and how many segments it takes."""
    septets = 0
    for character in text:
        if character in GSM7_BASIC:
            septets += 1
        elif character in GSM7_EXTENSION:
            septets += 2
        else:
            units = len(text.encode("utf-16-le")) // 2  # a character beyond U+FFFF takes 2
            return Length(
                Measure.SMS, units, SMS_UNICODE_LIMIT, character, _segments(units, unicode=True)
            )
    return Length(Measure.SMS, septets, gsm7_limit, None, _segments(septets, unicode=False))


def _segments(count: int, *, unicode: bool) -> int:
    single = SMS_UNICODE_LIMIT if unicode else 160
    if count <= single:
        return 1 if count else 0
    return math.ceil(count / _SMS_PART[unicode])


def x_length(text: str) -> int:
    """The text's length as X counts it (see the module)."""
    text = unicodedata.normalize("NFC", text)
    total = 0
    position = 0
    for link in x_links(text):
        start = text.index(link, position)
        total += _x_weight(text[position:start]) + X_LINK_LENGTH
        position = start + len(link)
    return total + _x_weight(text[position:])


def x_links(text: str) -> list[str]:
    """The links X would shorten in ``text``, in order."""
    links = []
    for match in _X_LINK.finditer(text):
        link = _LINK_TRAILING.sub("", match.group(0))
        if link:
            links.append(link)
    return links


def _x_weight(text: str) -> int:
    # Every character counts 1, and those outside the light ranges 1 more: one search
    # in C instead of a Python test per character (the fitting measures each wording of
    # each part of each text, for every language, on every keystroke of the preview).
    return len(text) + len(_X_HEAVY.findall(text))


def first_sentence(text: str) -> str:
    """The text up to the end of its first sentence (a full stop, question or exclamation
    mark or ellipsis, with any closing quote, before a space or the end), or to its first
    line break, whichever comes first. A capital initial ("U.S. dealers", "J. Smith") does
    not end a sentence."""
    text = text.strip()
    line_end = len(text)
    if (newline := text.find("\n")) >= 0:
        line_end = newline
    for match in _SENTENCE_END.finditer(text, 0, line_end):
        if _is_initial(text, match.start()):
            continue
        return text[: match.end()]
    return text[:line_end].rstrip()


def _is_initial(text: str, stop: int) -> bool:
    """A full stop after a lone capital letter: "U.S." or "J. Smith", not a sentence end
    (also as the render context escapes them: ``U\\.S\\.``)."""
    letter = stop - 2 if text[max(stop - 1, 0)] == "\\" else stop - 1
    if text[stop] != "." or letter < 0 or not text[letter].isupper():
        return False
    return letter == 0 or not text[letter - 1].isalpha()


def sms_plain(text: str) -> str:
    """``text`` as an SMS sends it: typography GSM-7 has no room for (no-break spaces,
    curly apostrophes and quotes, guillemets, dashes, the ellipsis character) becomes its
    plain form, so that French typography does not cut the message to 70 characters. The
    words are untouched: a letter GSM-7 lacks (ç, ê) stays, and the count says so."""
    text = _SMS_GUILLEMETS.sub('"', text)
    return text.translate(_SMS_PLAIN_TABLE)


#: A part of a short text: its priority and its wordings, from the best to the shortest.
Slot = tuple[float, list[str]]


def fit_within(rule: LengthRule, parts: Sequence[object]) -> str:
    """The longest text the parts make within ``rule``, the parts joined by spaces.

    A part is a text (always kept), or a sequence ``[priority, wording, wording...]``:
    its wordings from the best to the shortest, an empty one meaning the part may be left
    out. The part of priority 1 gets its best wording that can fit with every other part
    at its shortest, then the part of priority 2, and so on; when even the shortest
    wordings do not fit, they are what is returned (the check then says the text is too
    long). A wording that is ``None`` (a fact not stated) is skipped."""
    slots = _slots(parts)
    return _joined(slots, _choose(rule, [slots]))


def _choose(rule: LengthRule, languages: Sequence[list[Slot]]) -> list[int]:
    """The wording of each part, one index per part for every language, so that every
    language says the same parts: priority by priority, a part gets its best wording
    with which EVERY language fits, the parts not chosen yet at their shortest.

    Each language choosing alone, then each part taking the shortest wording any of them
    chose, would cut a part to what one language chose while it still had in a fuller
    wording of a higher part, one that another language had no room for (the northwind
    dealers' SMS opened "Northwind Motors, cyberattack." for an English guidance said
    whole alone, and in both languages only up to its first sentence). When a language
    does not fit even at the shortest wordings, every part stays at its shortest (the
    check then says that text is too long). A language with fewer wordings of a part
    than another says its last one for an index past it. One language is
    :func:`fit_within`."""
    count = len(languages[0])
    chosen = [max(len(slots[index][1]) for slots in languages) - 1 for index in range(count)]
    for index in sorted(range(count), key=lambda index: languages[0][index][0]):
        for choice in range(chosen[index]):
            trial = [*chosen]
            trial[index] = choice
            if all(_fits(rule, slots, trial) for slots in languages):
                chosen[index] = choice
                break
    return chosen


def _fits(rule: LengthRule, slots: list[Slot], chosen: Sequence[int]) -> bool:
    return not measure(rule, _as_measured(rule, _joined(slots, chosen))).over


#: Where a render's :class:`Fitting` is in the render context (read by the filter only: a
#: template that names it is refused, it is no fact).
FITTING: Final = "_short_text_fitting"


class Fitting:
    """The fitting of one render's short texts, so that every language says the same.

    English is shorter than French: fitted alone, an X post might keep the next update
    in English and leave it out in French, and the two would no longer tell the same
    facts. The renderer first renders each language with a ``Fitting`` that fits every
    text alone and records its parts; :meth:`joint` then chooses, from the parts of
    every language at once, the wording of each part that every language can fit
    (:func:`_choose`), and the draft is rendered with those choices. Texts are known by
    their short text and their order in the template (``"sms_staff#0"``), which the
    templates of both languages share."""

    def __init__(self, choices: Mapping[str, Sequence[int]] | None = None) -> None:
        self.choices: Mapping[str, Sequence[int]] = choices or {}
        self.parts: dict[str, tuple[LengthRule, list[Slot]]] = {}
        self.chosen: dict[str, list[int]] = {}

    def fit(self, rule: LengthRule, short_text: str, parts: Sequence[object]) -> str:
        """:func:`fit_within` for the next text of ``short_text``, or the wordings the
        joint choice gives it (when it has as many parts)."""
        call = f"{short_text}#{sum(key.startswith(short_text + '#') for key in self.chosen)}"
        slots = _slots(parts)
        given = self.choices.get(call)
        if given is None or len(given) != len(slots):
            given = _choose(rule, [slots])
        self.parts[call] = (rule, slots)
        self.chosen[call] = _said(slots, given)
        return _joined(slots, self.chosen[call])

    def keeps(self, choices: Mapping[str, Sequence[int]]) -> bool:
        """True when rendering with ``choices`` gives every text what this fitting
        chose: the rendering already made is the draft."""
        return all(
            call not in choices
            or len(choices[call]) != len(slots)
            or _said(slots, choices[call]) == self.chosen[call]
            for call, (_rule, slots) in self.parts.items()
        )

    @staticmethod
    def joint(fittings: Sequence[Fitting]) -> dict[str, list[int]]:
        """For each text of the first fitting, the wording of each part every language
        can say (:func:`_choose` over the parts each language's template gave). A text
        that a language writes with other parts (another number of parts, or other
        priorities) is left out: each language fits it alone."""
        joint: dict[str, list[int]] = {}
        for call, (rule, slots) in fittings[0].parts.items():
            languages = [fitting.parts[call][1] for fitting in fittings if call in fitting.parts]
            if all(_priorities(other) == _priorities(slots) for other in languages):
                joint[call] = _choose(rule, languages)
        return joint


def _slots(parts: Sequence[object]) -> list[Slot]:
    return [_wordings(part) for part in parts]


def _wordings(part: object) -> Slot:
    if part is None:
        return (0, [""])
    if isinstance(part, str):
        return (0, [part])
    if not isinstance(part, Sequence) or not part or not isinstance(part[0], int):
        raise TypeError("a part is a text or [priority, wording, wording...]")
    wordings = [str(wording) for wording in part[1:] if wording is not None]
    return (part[0], wordings or [""])


def _priorities(slots: list[Slot]) -> list[float]:
    return [priority for priority, _wordings in slots]


def _said(slots: list[Slot], chosen: Sequence[int]) -> list[int]:
    """The index of the wording each part says: a part with fewer wordings says its
    last."""
    return [min(choice, len(slots[index][1]) - 1) for index, choice in enumerate(chosen)]


def _joined(slots: list[Slot], chosen: Sequence[int]) -> str:
    texts = (slots[index][1][choice].strip() for index, choice in enumerate(_said(slots, chosen)))
    return " ".join(text for text in texts if text)


def _as_measured(rule: LengthRule, text: str) -> str:
    text = unescaped(text)
    return sms_plain(text) if rule.measure is Measure.SMS else text
