"""The checks a Word document edited outside the app must pass before it is issued.

Legal or the chief executive edit the app's draft in Word: their text is what goes out,
so every consistency check runs on *that* text (absolute claims, the data wording, a
change of data status not acknowledged, the other language and the other audiences),
and three more compare it with the app's draft of the same facts: a number or date the
draft does not give, a site or restart step the edit dropped, a DRAFT mark left in the
header. A problem here does not stop the lead: she may issue it despite them, and the
record keeps what they were.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import datetime

from app.drafts.blocks import Draft
from app.errors import N_, Problem
from app.export.marks import DRAFT_MARKS, PRIVILEGE_MARKS
from app.facts.models import LANGUAGES, Incident
from app.record.checks import NUMBERS, DraftKey, fact_names, record_problems

_DRAFT_MARK_LEFT = N_(
    "its header still carries the DRAFT mark: remove it in Word (double-click the header) "
    "before it goes out, then bring the document back again"
)
_PRIVILEGE_MARK_LEFT = N_(
    "its header still says it is privileged and prepared for counsel: remove that line in "
    "Word (double-click the header) before it goes out, then bring the document back again"
)


def edited_problems(
    incident: Incident,
    edited: Draft,
    app_draft: Draft,
    others: Mapping[DraftKey, Draft],
    header_texts: Sequence[str],
    now: datetime,
    *,
    source: str,
) -> list[Problem]:
    """Every problem of ``edited`` (the Word document's text, as a draft of the same
    document and language as ``app_draft``), checked with ``others`` (the other
    documents and languages as they were issued, or will be, for these facts)."""
    key: DraftKey = (edited.info.document.value, edited.info.language)
    drafts = {**others, key: edited}
    problems = [
        problem
        for problem in record_problems(incident, drafts, now, source=source)
        if key[0] in problem.documents and problem.draft_language in (None, key[1])
    ]
    problems += _numbers_added(edited, app_draft, source)
    problems += _names_dropped(incident, edited, app_draft, source)
    problems += _draft_mark_left(edited, header_texts, source)
    return problems


def _where(draft: Draft, source: str) -> str:
    return f"{source}: {draft.info.document.value} ({draft.info.language})"


def _numbers_added(edited: Draft, app_draft: Draft, source: str) -> list[Problem]:
    """Numbers (dates, times, counts) the edit wrote that the app's draft of these facts
    does not give: a figure added in Word is a fact nobody entered."""
    added = Counter(NUMBERS.findall(edited.plain_text())) - Counter(
        NUMBERS.findall(app_draft.plain_text())
    )
    if not added:
        return []
    return [
        Problem(
            _where(edited, source),
            message_id=N_(
                "the edited text gives numbers the facts do not ({numbers}): check each "
                "against the facts, and enter it in the facts if it is true"
            ),
            params={"numbers": ", ".join(sorted(added, key=lambda n: (len(n), n)))},
            documents=(edited.info.document.value,),
            draft_language=edited.info.language,
        )
    ]


def _names_dropped(
    incident: Incident, edited: Draft, app_draft: Draft, source: str
) -> list[Problem]:
    """Sites and restart steps the app's draft names and the edit left out: every
    audience must be told the same ones."""
    edited_text = _plain_quotes(edited.plain_text())
    draft_text = _plain_quotes(app_draft.plain_text())
    dropped = [
        name
        for name in fact_names(incident, edited.info.language)
        if _plain_quotes(name) in draft_text and _plain_quotes(name) not in edited_text
    ]
    return [
        Problem(
            _where(edited, source),
            message_id=N_(
                "the edited text no longer names '{name}', which the draft tells every "
                "audience: put it back, or change the facts if it no longer applies"
            ),
            params={"name": name},
            documents=(edited.info.document.value,),
            draft_language=edited.info.language,
        )
        for name in dropped
    ]


def _draft_mark_left(edited: Draft, header_texts: Sequence[str], source: str) -> list[Problem]:
    """A document whose header still says DRAFT, or privileged (a draft for counsel),
    must not go out as the statement."""
    found = []
    for marks, message in (
        (DRAFT_MARKS, _DRAFT_MARK_LEFT),
        (PRIVILEGE_MARKS, _PRIVILEGE_MARK_LEFT),
    ):
        if any(marks[language] in text for text in header_texts for language in LANGUAGES):
            found.append(
                Problem(
                    _where(edited, source),
                    message_id=message,
                    documents=(edited.info.document.value,),
                    draft_language=edited.info.language,
                )
            )
    return found


def _plain_quotes(text: str) -> str:
    return text.replace("'", "’")
