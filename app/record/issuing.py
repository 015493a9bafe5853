"""Recording what went out: one entry per final document, with the facts and the text."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.drafts.blocks import Draft
from app.facts.models import Approval, Incident, IssuedStatement


@dataclass(frozen=True)
class FinalDocument:
    draft: Draft
    approval: Approval
    path: Path


def record_issued(incident: Incident, documents: Sequence[FinalDocument], at: datetime) -> Incident:
    """``incident`` with ``documents`` in its record as issued ``at``: one entry per
    draft, named by its first file (its PDF beside its Word document is the same
    document issued, not a second one)."""
    snapshot = incident.facts_snapshot()
    first_files: dict[tuple[str, str], FinalDocument] = {}
    for document in documents:
        info = document.draft.info
        first_files.setdefault((info.document, info.language), document)
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
        )
        for document in first_files.values()
    ]
    record = incident.record.model_copy(update={"issued": [*incident.record.issued, *issued]})
    return incident.model_copy(update={"record": record})
