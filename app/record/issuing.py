"""Recording what went out: one entry per final document, with the facts and the text."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.drafts.blocks import Draft
from app.facts.models import Approval, Approver, EditedInWord, Incident, IssuedStatement
from app.templates.documents import recipients


@dataclass(frozen=True)
class FinalDocument:
    draft: Draft
    approval: Approval
    path: Path


def record_issued(incident: Incident, documents: Sequence[FinalDocument], at: datetime) -> Incident:
    """``incident`` with ``documents`` in its record as issued ``at``: one entry per
    draft, named by its first file (its PDF beside its Word document is the same
    document issued, not a second one); a text cut per authority is one entry per
    authority, each with its own part."""
    snapshot = incident.facts_snapshot()
    first_files: dict[tuple[str, str, str], FinalDocument] = {}
    for document in documents:
        info = document.draft.info
        first_files.setdefault((info.document, info.language, info.recipient), document)
    issued = [
        IssuedStatement(
            issued_at=at,
            document=document.draft.info.document.value,
            language=document.draft.info.language,
            template_id=document.draft.info.template_id,
            template_version=document.draft.info.template_version,
            approver=document.approval.approver,
            file_name=document.path.name,
            facts=snapshot,
            text=document.draft.plain_text(),
            recipients=_recipients(incident, document.draft),
        )
        for document in first_files.values()
    ]
    record = incident.record.model_copy(update={"issued": [*incident.record.issued, *issued]})
    return incident.model_copy(update={"record": record})


@dataclass(frozen=True)
class EditedDocument:
    """A Word document edited outside the app, read back as a draft, to be issued:
    ``draft_text`` is the app's draft it was edited from, ``draft_approval`` that
    draft's approval if it had one, ``problems`` what the checks found (issued despite
    them)."""

    edited: Draft
    file_name: str
    file_sha256: str
    draft_text: str
    draft_approval: Approval | None
    problems: Sequence[str] = ()


def record_edited(
    incident: Incident, document: EditedDocument, approver: Approver, at: datetime
) -> Incident:
    """``incident`` with ``document`` in its record as issued ``at``, approved by
    ``approver``: whoever approved the app's draft did not approve these words, so the
    record names the person who approved the edited text and keeps the other apart."""
    info = document.edited.info
    issued = IssuedStatement(
        issued_at=at,
        document=info.document.value,
        language=info.language,
        template_id=info.template_id,
        template_version=info.template_version,
        approver=approver,
        file_name=document.file_name,
        facts=incident.facts_snapshot(),
        text=document.edited.plain_text(),
        edited=EditedInWord(
            file_sha256=document.file_sha256,
            draft_text=document.draft_text,
            draft_approver=document.draft_approval.approver if document.draft_approval else None,
            problems=list(document.problems),
        ),
        recipients=_recipients(incident, document.edited),
    )
    record = incident.record.model_copy(update={"issued": [*incident.record.issued, issued]})
    return incident.model_copy(update={"record": record})


def _recipients(incident: Incident, draft: Draft) -> list[str]:
    """The authorities ``draft`` is addressed to: the one it was cut for, else every
    authority of its language (none for a document to an audience)."""
    if draft.info.recipient:
        return [draft.info.recipient]
    return list(recipients(incident, draft.info.document).get(draft.info.language, ()))
