"""Two statements of one document compared as a Word redline (``crisisdraft redline``,
the record window's "Export comparison as Word").

A side is a statement's number as ``history`` counts them (from 1, in the order
issued) or ``"draft"``: the app's current draft of the same document and language as
the other side. The changes are attributed to whoever approved the later side, at the
time it was issued, or to "CrisisDraft", now, when that side is the current draft; the
facts that changed between the two sides' snapshots are listed at the top.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from app.drafts.blocks import Draft
from app.drafts.per_recipient import per_authority
from app.errors import N_, CrisisDraftError, Term
from app.export.marks import Mark
from app.facts.languages import LANGUAGE_NAMES, variant_of
from app.facts.models import Incident, IssuedStatement, Language
from app.record.diff import facts_diff, word_diff
from app.session.record_view import unreadable_facts
from app.templates.documents import DocumentKind, spec_of

if TYPE_CHECKING:
    from app.export.redline import ComparedText

DRAFT: Literal["draft"] = "draft"
Side = int | Literal["draft"]
#: Who the changes are attributed to when the later side is the app's own draft.
APP_AUTHOR = "CrisisDraft"

NOTHING_ISSUED = N_("{file}: no statement has been issued yet, so there is none to compare")
NO_SUCH_STATEMENT = N_(
    "{file}: there is no issued statement {number} (1 to {last}); see 'crisisdraft history'"
)
TWO_DRAFTS = N_(
    "{file}: a comparison needs an issued statement on at least one side (its number in "
    "'crisisdraft history'); 'draft' is the current draft of that statement's document "
    "and language"
)
NOT_THE_SAME_AUTHORITY = N_(
    "{file}: statement {first} went to {first_recipients}, statement {second} to "
    "{second_recipients}; a comparison is of one authority's text: choose two statements "
    "sent to the same authority (see 'crisisdraft history')"
)
NOT_THE_SAME_DOCUMENT = N_(
    "{file}: statement {first}: {first_document} ({first_language}); statement {second}: "
    "{second_document} ({second_language}); a comparison is of one document in one "
    "language: choose two statements of the same document and language (see "
    "'crisisdraft history')"
)


@dataclass(frozen=True)
class WrittenRedline:
    """What was written: where, which document and language, how many tracked changes
    (words and paragraph breaks deleted or inserted) and facts changed."""

    path: Path
    document: DocumentKind
    language: Language
    changes: int
    facts: int
    author: str


@dataclass(frozen=True)
class _Resolved:
    compared: ComparedText
    facts: dict[str, Any]
    statement: IssuedStatement | None  # None: the current draft


def write_statements_redline(
    incident: Incident,
    first: Side,
    second: Side,
    out: Path,
    *,
    draft_of: Callable[[DocumentKind, Language], Draft],
    now: datetime,
    source: str,
    mark: Mark = Mark.DRAFT,
) -> WrittenRedline:
    """Write the redline from ``first`` to ``second`` into ``out`` (atomically).

    Refused with a :class:`CrisisDraftError` naming ``source`` when a number is not a
    statement of the record, both sides are the draft, or the two statements are of
    different documents or languages; ``draft_of`` renders the current draft (its
    template's error is raised as it is)."""
    # python-docx only when a redline is written: the app's start stays quick, as
    # app.export.pack imports the Word writer only when it exports.
    from app.export.redline import ComparedText, Redline, paragraph_text, write_redline

    issued = incident.record.issued
    numbers = [side for side in (first, second) if isinstance(side, int)]
    if not numbers:
        raise CrisisDraftError(message_id=TWO_DRAFTS, params={"file": source})
    if not issued:
        raise CrisisDraftError(message_id=NOTHING_ISSUED, params={"file": source})
    for number in numbers:
        if not 1 <= number <= len(issued):
            raise CrisisDraftError(
                message_id=NO_SUCH_STATEMENT,
                params={"file": source, "number": number, "last": len(issued)},
            )
    anchor = issued[numbers[0] - 1]
    if len(numbers) == 2:
        _refuse_other_documents(issued, numbers[0], numbers[1], source)
    document, language = DocumentKind(anchor.document), anchor.language

    def resolved(side: Side) -> _Resolved:
        if not isinstance(side, int):  # the current draft (the anchor's authority's part)
            draft = _part_for(incident, draft_of(document, language), anchor.recipients)
            return _Resolved(ComparedText(draft.plain_text()), incident.facts_snapshot(), None)
        statement = issued[side - 1]
        compared = ComparedText(
            statement.text,
            side,
            statement.issued_at,
            _approver(statement),
            statement.edited is not None,
        )
        return _Resolved(compared, statement.facts, statement)

    before, after = resolved(first), resolved(second)
    broken = unreadable_facts(incident)
    unreadable = tuple(number for number in dict.fromkeys(numbers) if number in broken)
    facts = [] if unreadable else facts_diff(before.facts, after.facts)
    if after.statement is not None:
        author, at = _approver(after.statement), after.statement.issued_at
    else:
        author, at = APP_AUTHOR, now
    variant = variant_of(incident, language)
    redline = Redline(
        document=document,
        language=language,
        before=before.compared,
        after=after.compared,
        pieces=word_diff(paragraph_text(before.compared.text), paragraph_text(after.compared.text)),
        author=author,
        at=at,
        facts=facts,
        unreadable=unreadable,
        organisation=incident.organisation.name,
        locale=variant.locale,
        proofing_tag=variant.proofing_tag,
        zone=incident.zone,
        mark=mark,
    )
    changes = write_redline(redline, out)
    return WrittenRedline(out, document, language, changes, len(facts), author)


def _part_for(incident: Incident, draft: Draft, recipients: list[str]) -> Draft:
    """The part of ``draft`` written for the one authority in ``recipients`` (when the
    export cuts it per authority: see :mod:`app.drafts.per_recipient`), else ``draft``."""
    parts = per_authority(incident, draft)
    return next((part for part in parts if [part.info.recipient] == recipients), draft)


def _approver(statement: IssuedStatement) -> str:
    """ "Name (Role)", as Word's Review pane shows a change's author."""
    return f"{statement.approver.name} ({statement.approver.role})"


def _refuse_other_documents(
    issued: list[IssuedStatement], first: int, second: int, source: str
) -> None:
    one, other = issued[first - 1], issued[second - 1]
    if (one.document, one.language) == (other.document, other.language):
        if one.recipients == other.recipients:
            return
        raise CrisisDraftError(
            message_id=NOT_THE_SAME_AUTHORITY,
            params={
                "file": source,
                "first": first,
                "first_recipients": ", ".join(one.recipients),
                "second": second,
                "second_recipients": ", ".join(other.recipients),
            },
        )
    raise CrisisDraftError(
        message_id=NOT_THE_SAME_DOCUMENT,
        params={
            "file": source,
            "first": first,
            "first_document": Term(spec_of(DocumentKind(one.document)).lower_name),
            "first_language": Term(LANGUAGE_NAMES[one.language]),
            "second": second,
            "second_document": Term(spec_of(DocumentKind(other.document)).lower_name),
            "second_language": Term(LANGUAGE_NAMES[other.language]),
        },
    )
