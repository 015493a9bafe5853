"""Issuing a Word document that others edited: read it back, check it, show the edits.

Legal, the chief executive or the agency edit the app's draft in Word; what goes out is
their text. :func:`read_edited` reads the document back (refusing one that is not a
Word document, still holds tracked changes or open comments, or is another language's,
organisation's or statement's), runs every consistency check on its text, and compares
it with the app's draft; :func:`issued_edited` then records it, or refuses while checks
fail unless the lead issues it despite them. Nothing is written to the record before
the lead confirms.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.drafts.blocks import Block, BlockKind, Draft, Span
from app.drafts.per_recipient import part_for_text, per_authority
from app.drafts.short_text_checks import short_text_problems
from app.drafts.short_texts import without_counts
from app.errors import N_, CrisisDraftError, Problem, ProblemsError, Term
from app.export.naming import names_authority
from app.facts.models import Approval, Approver, Incident, Language
from app.record.approval import approval_for
from app.record.checks import DraftKey
from app.record.diff import Change, Piece, diff_as_text, word_diff
from app.record.edited_checks import edited_problems
from app.record.edited_identity import DocumentEvidence, identity_refusal
from app.record.issuing import EditedDocument, record_edited
from app.session.selection import Selection
from app.templates.documents import DocumentKind, spec_of
from app.templates.metadata import TemplateSet

#: The app's draft of a document and language from a template set (``None``: the
#: statement's), as the session renders it.
DraftOf = Callable[[DocumentKind, Language, TemplateSet | None], Draft]


@dataclass(frozen=True)
class EditedIssue:
    """A Word document read back as ``edited`` (a draft of ``app_draft``'s document and
    language), with its ``problems`` and its ``changes`` from the app's draft."""

    path: Path
    edited: Draft
    app_draft: Draft
    file_sha256: str
    problems: tuple[Problem, ...]
    changes: tuple[Piece, ...]
    draft_approval: Approval | None

    @property
    def blocking(self) -> tuple[Problem, ...]:
        return tuple(problem for problem in self.problems if problem.blocking)

    @property
    def edited_words(self) -> int:
        """How many words were removed or added: 0 when the text is the draft's."""
        return sum(
            len(piece.text.split()) for piece in self.changes if piece.change is not Change.SAME
        )

    def marked_changes(self) -> str:
        """The edits as plain text: ``[-removed-]`` and ``{+added+}``."""
        return diff_as_text(list(self.changes))


def read_edited(
    incident: Incident,
    path: Path,
    document: DocumentKind,
    language: Language,
    draft_of: DraftOf,
    at: datetime,
    *,
    source: str,
    template_set: TemplateSet | None = None,
) -> EditedIssue:
    """``path`` read back as the ``document`` in ``language`` of ``incident``, checked
    as of ``at`` and compared with the app's draft from ``template_set`` (default: the
    set the document's properties name, else the statement's). Raises
    :class:`CrisisDraftError` when it cannot be that document (bad file, tracked
    changes or comments left, another document, language, organisation or statement):
    nothing is recorded then."""
    # The Word reader (and lxml) only when a document comes back: not on the app's start.
    from app.word_import import read_returned_document, revisions_refusal

    returned = read_returned_document(path)
    refusal = revisions_refusal(returned.revisions)
    if refusal is not None:
        raise refusal
    written_from = returned.written_from
    if written_from is not None and written_from[1] is not document:
        raise CrisisDraftError(
            message_id=N_(
                "{file}: its properties say it is the {found}, not the {wanted}: issue it "
                "as the {found}, or bring back the {wanted}"
            ),
            params={
                "file": path.name,
                "found": Term(spec_of(written_from[1]).lower_name),
                "wanted": Term(spec_of(document).lower_name),
            },
        )
    chosen = template_set or (written_from[0] if written_from is not None else None)
    whole = draft_of(document, language, chosen)
    app_draft = _part_brought_back(incident, whole, path, returned.draft(whole.info))
    edited = without_counts(returned.draft(app_draft.info))
    if not edited.plain_text().strip():
        raise CrisisDraftError(
            message_id=N_("{file}: the document has no text; bring back the edited document"),
            params={"file": path.name},
        )
    evidence = DocumentEvidence(
        file_name=path.name,
        proofing_tag=returned.proofing_tag or None,
        body_text=edited.plain_text(),
        header_texts=returned.header_texts,
        author=returned.core_author,
    )
    refusal = identity_refusal(incident, app_draft, evidence)
    if refusal is not None:
        raise refusal
    others = _others(incident, (document.value, language), draft_of, chosen)
    problems = edited_problems(
        incident, edited, app_draft, others, returned.header_texts, at, source=path.name
    )
    problems += short_text_problems(
        incident, {(document.value, language): edited}, source=path.name
    )
    return EditedIssue(
        path=path,
        edited=edited,
        app_draft=app_draft,
        file_sha256=returned.file_sha256,
        problems=tuple(problems),
        changes=tuple(word_diff(app_draft.plain_text(), edited.plain_text())),
        draft_approval=approval_for(incident, whole),  # one approval for every part
    )


def issued_edited(
    incident: Incident,
    issue: EditedIssue,
    approver: Approver,
    at: datetime,
    *,
    despite: bool,
    worded: Callable[[Problem], str] | None = None,
) -> Incident:
    """``incident`` with ``issue`` recorded as issued at ``at`` by ``approver``; refused
    (:class:`ProblemsError`) while a check fails, unless ``despite``: it is then
    recorded with the problems it had, each as ``worded`` says it (the front's words,
    in the language the lead read them in; English by default)."""
    if issue.blocking and not despite:
        raise ProblemsError(
            issue.blocking,
            ending=N_(
                "{problems}; nothing was recorded: correct the document, or issue it "
                "despite these problems (--despite)"
            ),
        )
    document = EditedDocument(
        edited=issue.edited,
        file_name=issue.path.name,
        file_sha256=issue.file_sha256,
        draft_text=issue.app_draft.plain_text(),
        draft_approval=issue.draft_approval,
        problems=tuple(
            worded(problem) if worded is not None else problem.message
            for problem in issue.problems
            if problem.blocking
        ),
    )
    return record_edited(incident, document, approver, at)


def _part_brought_back(incident: Incident, whole: Draft, path: Path, returned: Draft) -> Draft:
    """The part of ``whole`` that ``path`` is, when the export cut it per authority (a
    regulator notification to the ICO and the DPC): the authority its file name ends
    with, else the one its text is addressed to; else ``whole``."""
    parts = per_authority(incident, whole)
    if len(parts) < 2:
        return whole
    language = whole.info.language
    named = [part for part in parts if names_authority(path.stem, language, part.info.recipient)]
    if len(named) == 1:
        return named[0]
    return part_for_text(parts, returned.plain_text()) or whole


def _others(
    incident: Incident, key: DraftKey, draft_of: DraftOf, template_set: TemplateSet | None
) -> dict[DraftKey, Draft]:
    """The other documents and languages of this statement as they went out (issued
    with these very facts) or, not issued yet, as the app drafts them: what the edited
    text must agree with."""
    facts = incident.facts_snapshot()
    issued: dict[DraftKey, str] = {}
    for statement in incident.record.issued:  # in order: the newest of each wins
        if statement.facts == facts:
            issued[(statement.document, statement.language)] = statement.text
    others: dict[DraftKey, Draft] = {}
    for document, language in Selection().of(incident).pairs():
        other: DraftKey = (document.value, language)
        if other == key:
            continue
        with suppress(CrisisDraftError):  # a template that fails says so in `check`
            draft = draft_of(document, language, template_set)
            text = issued.get(other)
            others[other] = draft if text is None else _as_draft(draft, text)
    return others


def _as_draft(draft: Draft, text: str) -> Draft:
    """``text`` (a statement's plain text, as the record keeps it) as a draft with
    ``draft``'s document and language, for the checks that read plain text."""
    return Draft(info=draft.info, blocks=(Block(BlockKind.PARAGRAPH, (Span(text.rstrip("\n")),)),))
