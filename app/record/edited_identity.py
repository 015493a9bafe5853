"""Is this Word document the one the lead says it is? Before an edited document is read
into the record, its language, organisation and statement are compared with the
incident: a French file given as the English press release, yesterday's statement
or another incident's document is refused, and nothing is recorded.

The evidence is what survives a colleague's editing in Word or LibreOffice: the
proofing language of its text, the organisation's name in the text or as its author,
and the statement's date and time that the app's DRAFT mark or the text carries.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.drafts.blocks import Draft
from app.errors import N_, CrisisDraftError, Param, Term
from app.export.marks import DRAFT_MARKS
from app.facts.languages import LANGUAGE_NAMES, variant_of
from app.facts.models import LANGUAGES, Incident
from app.templates.formatting import long_date


@dataclass(frozen=True)
class DocumentEvidence:
    """What a Word document says of itself: ``proofing_tag`` is the language most of its
    text is checked in (``"fr-FR"``; ``None`` when it sets none)."""

    file_name: str
    proofing_tag: str | None
    body_text: str
    header_texts: Sequence[str]
    author: str


def identity_refusal(
    incident: Incident, app_draft: Draft, evidence: DocumentEvidence
) -> CrisisDraftError | None:
    """Why the document of ``evidence`` cannot be ``app_draft``'s document brought back
    (another language, organisation or statement), or ``None`` when nothing says so."""
    return (
        _other_language(app_draft, evidence)
        or _other_organisation(incident, evidence)
        or _other_statement(incident, app_draft, evidence)
    )


def _other_language(app_draft: Draft, evidence: DocumentEvidence) -> CrisisDraftError | None:
    tag = evidence.proofing_tag
    if not tag:
        return None
    found = tag.split("-")[0].lower()
    wanted = app_draft.info.language
    if found == wanted:
        return None
    params: dict[str, Param] = {
        "file": evidence.file_name,
        "tag": tag,
        "wanted": Term(LANGUAGE_NAMES[wanted]),
    }
    known = next((language for language in LANGUAGES if language == found), None)
    if known is not None:
        params["found"] = Term(LANGUAGE_NAMES[known])
        return CrisisDraftError(
            message_id=N_(
                "{file}: its text is in {found} (proofing language {tag}), not in {wanted}: "
                "issue it as the {found} document, or bring back the {wanted} one"
            ),
            params=params,
        )
    return CrisisDraftError(
        message_id=N_(
            "{file}: its text is checked in {tag}, not in {wanted}: bring back the {wanted} "
            "document exported from this incident"
        ),
        params=params,
    )


def _other_organisation(incident: Incident, evidence: DocumentEvidence) -> CrisisDraftError | None:
    name = incident.organisation.name.strip()
    if not name:
        return None
    places = (evidence.body_text, evidence.author, *evidence.header_texts)
    if any(name.casefold() in place.casefold() for place in places):
        return None
    return CrisisDraftError(
        message_id=N_(
            "{file}: it does not name {organisation}, in its text or as its author: it "
            "looks like another organisation's document; bring back the document exported "
            "from this incident"
        ),
        params={"file": evidence.file_name, "organisation": name},
    )


def _other_statement(
    incident: Incident, app_draft: Draft, evidence: DocumentEvidence
) -> CrisisDraftError | None:
    """The DRAFT mark of an app export ends with its statement's date and time: another
    one means another statement. Without the mark, the text must give the statement's
    date wherever the app's draft does (a dateline, a letter's date)."""
    expected = app_draft.info.statement_time
    for text in evidence.header_texts:
        for line in text.split("\n"):  # a header paragraph's lines (the marks under it)
            mark = next((mark for mark in DRAFT_MARKS.values() if line.startswith(mark)), None)
            if mark is not None and "·" in line:
                found = line.split("·", 1)[1].strip()
                if found and found != expected:
                    return _statement_error(evidence, found, expected)
    day = long_date(
        incident.local(incident.incident.statement_at).date(), _locale(incident, app_draft)
    )
    places = (*evidence.header_texts, evidence.body_text)
    in_draft = day in app_draft.plain_text()
    if in_draft and not any(day in place or expected in place for place in places):
        return CrisisDraftError(
            message_id=N_(
                "{file}: it does not give the date of this statement ({date}), as the draft "
                "does: it may be the document of another statement; bring back the document "
                "exported for this one"
            ),
            params={"file": evidence.file_name, "date": day},
        )
    return None


def _statement_error(evidence: DocumentEvidence, found: str, expected: str) -> CrisisDraftError:
    return CrisisDraftError(
        message_id=N_(
            "{file}: it was exported for the statement of {found}, and this incident's "
            "statement is of {expected}: bring back the document exported for this one, "
            "or export it again"
        ),
        params={"file": evidence.file_name, "found": found, "expected": expected},
    )


def _locale(incident: Incident, app_draft: Draft) -> str:
    """The locale the draft writes its dates in (an American organisation's English)."""
    return variant_of(incident, app_draft.info.language).locale
