"""The short texts of a draft (posts, a banner, SMS): found by their headings, sent as
their channel sends them, measured, and counted under each text in the export.

A document whose registry entry lists ``short_texts`` prints each under its heading
(``## X post``); the text is every block from that heading to the next heading or the
end (so such a template writes nothing after its last text). What this module gives:

- :func:`short_texts_of`: each text of a rendered draft, as sent, with its length;
- :func:`measure_short_text`: the length of one text the lead is typing, as the draft
  will send it (for a counter beside the text box);
- :func:`count_line` / :func:`length_message`: the count in the draft's words (under
  each text of the exported document) or as an interface message;
- :func:`as_sent`: the render's last step for such a document, the SMS made plain
  (:func:`app.templates.text_lengths.sms_plain`), so the draft is the text as sent;
- :func:`with_counts`: the draft with its counts, which the export writes;
  :func:`without_counts`: a document read back from Word without them.

An SMS is sent without French typography: a no-break space before « : », a curly
apostrophe or « guillemets » are not in the GSM-7 alphabet and would send the whole
message in Unicode, 70 characters instead of 160. A phone does not typeset a message
and never breaks a line the way a page does, so the plain forms lose nothing a reader
sees; the letters (é, è, à, ù and ç, ê...) are kept as written, and counted as GSM-7
carries them or not.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import Final

from app.drafts.blocks import Block, BlockKind, Draft, Span
from app.drafts.typography import french_typography
from app.errors import N_, Message
from app.facts.models import Language, ShortText
from app.templates.documents import ShortTextSpec, short_text_spec, spec_of
from app.templates.text_lengths import Length, Measure, measure, sms_plain

_HEADINGS = frozenset({BlockKind.TITLE, BlockKind.HEADING_1, BlockKind.HEADING_2})
_LINE_BREAKS = re.compile(r"\s*[\r\n]+\s*")


@dataclass(frozen=True)
class DraftedShortText:
    """One short text of a draft: its registry entry, its text as sent (paragraphs
    separated by a blank line), its length by its rule, and where its blocks are in the
    draft (``blocks`` indexes, the heading excluded)."""

    spec: ShortTextSpec
    text: str
    length: Length
    blocks: range


def short_texts_of(draft: Draft) -> list[DraftedShortText]:
    """The short texts ``draft`` prints, in its order (none for a document without
    short texts; a text whose heading a template left out is not there)."""
    found = []
    for spec, blocks in _sections(draft):
        body = Draft(draft.info, tuple(draft.blocks[index] for index in blocks))
        text = body.plain_text().strip("\n") if blocks else ""
        found.append(DraftedShortText(spec, text, measure(spec.rule, text), blocks))
    return found


def measure_short_text(key: ShortText | str, text: str, language: Language) -> Length:
    """How long ``text``, typed as the lead's own wording of the short text ``key``, is
    once in the ``language`` draft: each line a paragraph as the render context makes it,
    French typography in French, an SMS made plain. ``.count``, ``.limit`` and
    ``.over`` are what a counter shows."""
    spec = short_text_spec(key)
    return measure(spec.rule, as_sent_text(spec, text, language))


def as_sent_text(spec: ShortTextSpec, text: str, language: Language) -> str:
    """``text`` as the draft sends it as the short text ``spec`` (see
    :func:`measure_short_text`)."""
    text = "\n\n".join(line for line in _LINE_BREAKS.split(text.strip()) if line)
    if language == "fr":
        text = french_typography(text)
    return sms_plain(text) if spec.rule.measure is Measure.SMS else text


def as_sent(draft: Draft) -> Draft:
    """``draft`` with each SMS as it is sent (see the module); every other text, and a
    document without short texts, as it is."""
    sms_blocks = {
        index
        for spec, blocks in _sections(draft)
        if spec.rule.measure is Measure.SMS
        for index in blocks
    }
    if not sms_blocks:
        return draft
    blocks = tuple(
        _plain_block(block) if index in sms_blocks else block
        for index, block in enumerate(draft.blocks)
    )
    return replace(draft, blocks=blocks)


def _plain_block(block: Block) -> Block:
    spans = tuple(replace(span, text=sms_plain(span.text)) for span in block.spans)
    return replace(block, spans=spans)


def with_counts(draft: Draft) -> Draft:
    """``draft`` with, under each short text, its count and limit in the draft's
    language (in italics): the document the lead approves shows how long each text is."""
    texts = short_texts_of(draft)
    if not texts:
        return draft
    after = {text.blocks.stop: text for text in texts}  # the index of the next heading
    blocks: list[Block] = []
    for index, block in enumerate(draft.blocks):
        if index in after:
            blocks.append(_count_block(after.pop(index), draft.info.language))
        blocks.append(block)
    blocks += [_count_block(text, draft.info.language) for text in after.values()]
    return replace(draft, blocks=tuple(blocks))


def without_counts(draft: Draft) -> Draft:
    """``draft`` (the export of a document with short texts, read back after others
    edited it in Word) without the count lines :func:`with_counts` wrote under its
    texts: they say how long the exported texts were, not the edited ones, and are not
    part of what is sent."""
    if not spec_of(draft.info.document).short_texts:
        return draft
    pattern = _count_pattern(draft.info.language)
    blocks = tuple(
        block
        for block in draft.blocks
        if not (
            block.kind is BlockKind.PARAGRAPH
            and block.spans
            and all(span.italic for span in block.spans)
            and pattern.fullmatch(block.text.strip())
        )
    )
    return replace(draft, blocks=blocks)


def _count_pattern(language: Language) -> re.Pattern[str]:
    """Any count line :func:`count_line` writes in ``language``, its numbers as digits."""
    words = _COUNT_LINES[language]

    def as_pattern(text: str) -> str:
        pattern = re.escape(text)
        for name in ("count", "limit"):
            pattern = pattern.replace(re.escape("{" + name + "}"), r"\d+")
        return pattern

    segments = "(?:" + "|".join(as_pattern(words[k]) for k in ("segment", "segments")) + ")"
    segments = segments.replace(re.escape("{segments}"), r"\d+")
    lines = [
        as_pattern(text).replace(re.escape("{segments}"), segments)
        for key, text in words.items()
        if key not in ("segment", "segments")
    ]
    return re.compile("|".join(lines))


def _count_block(text: DraftedShortText, language: Language) -> Block:
    return Block(BlockKind.PARAGRAPH, (Span(count_line(text.length, language), italic=True),))


def _sections(draft: Draft) -> Iterator[tuple[ShortTextSpec, range]]:
    """Each short text's heading in ``draft``, with the indexes of the blocks under it."""
    specs = spec_of(draft.info.document).short_texts
    by_heading = {spec.heading(draft.info.language): spec for spec in specs}
    if not by_heading:
        return
    current: ShortTextSpec | None = None
    start = 0
    for index, block in enumerate(draft.blocks):
        if block.kind not in _HEADINGS:
            continue
        if current is not None:
            yield current, range(start, index)
        current = by_heading.get(block.text.strip())
        start = index + 1
    if current is not None:
        yield current, range(start, len(draft.blocks))


# The count under each text of the exported document, in the draft's own words.
_COUNT_LINES: Final[Mapping[Language, Mapping[str, str]]] = MappingProxyType(
    {
        "en": {
            Measure.X_WEIGHTED: "{count} / {limit} characters (a link counts as 23)",
            Measure.FIRST_SENTENCE: "{count} / {limit} characters in the first sentence",
            Measure.CHARACTERS: "{count} / {limit} characters",
            "gsm7": "{count} / {limit} GSM-7 characters, {segments}",
            "unicode": "{count} / {limit} Unicode characters, {segments}",
            "segment": "{segments} segment",
            "segments": "{segments} segments",
        },
        "fr": {
            Measure.X_WEIGHTED: "{count} / {limit} caractères (un lien compte pour 23)",
            Measure.FIRST_SENTENCE: "{count} / {limit} caractères dans la première phrase",
            Measure.CHARACTERS: "{count} / {limit} caractères",
            "gsm7": "{count} / {limit} caractères GSM-7, {segments}",
            "unicode": "{count} / {limit} caractères Unicode, {segments}",
            "segment": "{segments} segment",
            "segments": "{segments} segments",
        },
    }
)


def count_line(length: Length, language: Language) -> str:
    """ "243 / 280 characters (a link counts as 23)", « 148 / 160 caractères GSM-7,
    1 segment »: the count as the draft in ``language`` prints it."""
    words = _COUNT_LINES[language]
    if length.measure is not Measure.SMS:
        return words[length.measure].format(count=length.count, limit=length.limit)
    single = length.segments <= 1 if language == "fr" else length.segments == 1
    segments = words["segment" if single else "segments"].format(segments=length.segments)
    encoding = "gsm7" if length.unicode_character is None else "unicode"
    return words[encoding].format(count=length.count, limit=length.limit, segments=segments)


# The same count as the interface says it (the counter beside a text box, the problems).
_LENGTH_MESSAGES: Final[Mapping[str, str]] = MappingProxyType(
    {
        Measure.X_WEIGHTED: N_("{count} / {limit} characters (a link counts as 23)"),
        Measure.FIRST_SENTENCE: N_("{count} / {limit} characters in the first sentence"),
        Measure.CHARACTERS: N_("{count} / {limit} characters"),
        "gsm7": N_("{count} / {limit} GSM-7 characters, 1 segment"),
        "gsm7s": N_("{count} / {limit} GSM-7 characters, {segments} segments"),
        "unicode": N_("{count} / {limit} Unicode characters, 1 segment"),
        "unicodes": N_("{count} / {limit} Unicode characters, {segments} segments"),
    }
)


def length_message(length: Length) -> Message:
    """``length`` as the interface words it (a message id with its numbers, translated
    where shown)."""
    params: dict[str, int | str] = {"count": length.count, "limit": length.limit}
    if length.measure is not Measure.SMS:
        return Message(_LENGTH_MESSAGES[length.measure], params)
    key = "gsm7" if length.unicode_character is None else "unicode"
    if length.segments != 1:
        key += "s"
        params["segments"] = length.segments
    return Message(_LENGTH_MESSAGES[key], params)
