"""The short texts held to their channels' rules: a text past its limit is an error.

An error, not a warning, because a short text is published exactly as approved or not
at all: X refuses a post past 280, an SMS past one segment arrives as two or more
(charged twice, split or out of order on some phones), a banner past its length
overflows the page. Exporting it for approval would ask the approver to sign a text that
cannot go out as signed. The fix is always in the lead's hands: her own wording of the
text (``drafting.short_texts``), which the problem names when it is hers.

What the channel allows but the writing guide does not want in her own wording (a
hashtag, a LinkedIn post whose first sentence does not name the organisation) is a
warning: she may have a reason.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from app.drafts.blocks import Draft
from app.drafts.short_texts import DraftedShortText, length_message, short_texts_of
from app.errors import N_, Message, Param, Problem, Term
from app.facts.models import Incident, Language
from app.templates.text_lengths import Measure, first_sentence

TOO_LONG = N_("{text} is too long: {length}; {fix}")
_SHORTEN_YOURS = N_("shorten your wording")
_WRITE_YOURS = N_("write a shorter wording of your own for it")
_NOT_GSM7_YOURS = N_(
    "“{character}” is outside the SMS alphabet (GSM-7), which leaves room for 70 "
    "characters instead of 160: replace it, or shorten your wording"
)
_NOT_GSM7_TEMPLATE = N_(
    "“{character}” is outside the SMS alphabet (GSM-7), which leaves room for 70 "
    "characters instead of 160: write a wording of your own without it"
)
_HASHTAG = N_("{text} has a hashtag ({hashtag}): a post about a crisis has none")
_UNNAMED = N_(
    "{text}: the first sentence does not name {organisation}, and it is all many readers see"
)
_HASHTAG_WORD = re.compile(r"(?<![\w&/])#\w+")


def short_text_problems(
    incident: Incident,
    drafts: Mapping[tuple[str, Language], Draft],
    *,
    source: str = "incident",
) -> list[Problem]:
    """The problems of the short texts among ``drafts`` (keyed by document key and
    language): each text past its limit (an error), and in the lead's own wording a
    hashtag or a LinkedIn post that does not name the organisation first (warnings)."""
    problems = []
    for (document, language), draft in drafts.items():
        for text in short_texts_of(draft):
            own = incident.drafting.short_texts.get(text.spec.key)
            theirs = own is not None and bool(own.get(language))
            where, field = _place(text, document, language, theirs=theirs, source=source)
            found = _text_problems(incident, text, theirs=theirs)
            problems += [
                Problem(
                    where,
                    message_id=message_id,
                    params=params,
                    field=field,
                    blocking=blocking,
                    documents=(document,),
                    draft_language=language,
                )
                for message_id, params, blocking in found
            ]
    return problems


def _place(
    text: DraftedShortText, document: str, language: Language, *, theirs: bool, source: str
) -> tuple[str, str | None]:
    """Where a problem of ``text`` is: the lead's own wording (a field she can go to),
    else the draft the template wrote."""
    if theirs:
        field = f"drafting.short_texts.{text.spec.key.value}.{language}"
        return f"{source}: {field}", field
    return f"{source}: {document} ({language})", None


def _text_problems(
    incident: Incident, text: DraftedShortText, *, theirs: bool
) -> list[tuple[str, dict[str, Param], bool]]:
    found: list[tuple[str, dict[str, Param], bool]] = []
    name = Term(text.spec.name)
    if text.length.over:
        character = text.length.unicode_character
        if character is None:
            fix = Message(_SHORTEN_YOURS if theirs else _WRITE_YOURS)
        else:
            fix = Message(
                _NOT_GSM7_YOURS if theirs else _NOT_GSM7_TEMPLATE, {"character": character}
            )
        params: dict[str, Param] = {"text": name, "length": length_message(text.length), "fix": fix}
        found.append((TOO_LONG, params, True))
    if not theirs:
        return found
    if text.spec.rule.measure is not Measure.SMS and (tag := _HASHTAG_WORD.search(text.text)):
        found.append((_HASHTAG, {"text": name, "hashtag": tag.group(0)}, False))
    organisation = incident.organisation.name
    if text.spec.rule.measure is Measure.FIRST_SENTENCE and organisation not in first_sentence(
        text.text
    ):
        found.append((_UNNAMED, {"text": name, "organisation": organisation}, False))
    return found
