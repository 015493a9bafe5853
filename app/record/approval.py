"""Approving drafts: a named person and role approve the exact text of a draft.

An approval is bound to the draft's text (its SHA-256): if the facts or the template
change the text afterwards, the approval no longer applies and the draft must be
approved again before a final export drops the DRAFT mark.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import datetime

from app.drafts.blocks import Draft
from app.facts.models import Approval, Approver, Incident


def fingerprint(draft: Draft) -> str:
    return hashlib.sha256(draft.plain_text().encode("utf-8")).hexdigest()


def approve(
    incident: Incident, drafts: Sequence[Draft], approver: Approver, at: datetime
) -> Incident:
    """``incident`` with ``drafts`` approved (replacing earlier approvals of the same
    document and language)."""
    approved = {(draft.info.document.value, draft.info.language) for draft in drafts}
    kept = [
        approval
        for approval in incident.record.approvals
        if (approval.document, approval.language) not in approved
    ]
    new = [
        Approval(
            document=draft.info.document.value,
            language=draft.info.language,
            approver=approver,
            approved_at=at,
            text_sha256=fingerprint(draft),
        )
        for draft in drafts
    ]
    record = incident.record.model_copy(update={"approvals": kept + new})
    return incident.model_copy(update={"record": record})


def approval_for(incident: Incident, draft: Draft) -> Approval | None:
    """The approval of exactly this draft text, if there is one."""
    text = fingerprint(draft)
    for approval in reversed(incident.record.approvals):
        if (
            approval.document == draft.info.document.value
            and approval.language == draft.info.language
            and approval.text_sha256 == text
        ):
            return approval
    return None
