"""Approving drafts: a named person and role approve the exact text of a draft.

An approval is bound to the draft's text (its SHA-256): if the facts or the template
change the text afterwards, the approval no longer applies and the draft must be
approved again before a final export drops the DRAFT mark. It is signed by the user
who records it (:mod:`app.record.signing`): one whose signature does not hold (changed
outside the app, or recorded before signing) does not count either.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from datetime import datetime

from pydantic import ValidationError

from app.drafts.blocks import Draft
from app.errors import N_, CrisisDraftError, Message
from app.facts.loading import describe
from app.facts.models import Approval, Approver, Incident
from app.record.signing import sign, signature_holds

# What is wrong with the approver, by the field at fault: empty, or as describe() says.
_EMPTY = {
    "name": N_("the approver's name is empty; give the name of the person who approves"),
    "role": N_("the approver's role is empty; give their role, such as General Counsel"),
}
_FAULTY = {"name": N_("the approver's name {reason}"), "role": N_("the approver's role {reason}")}


def named_approver(name: str, role: str) -> Approver:
    """The approver ``name`` and ``role`` name, as the record keeps it; raises
    :class:`CrisisDraftError` when either is blank, too long or holds characters a text
    may not (an approval by nobody must never be recorded)."""
    try:
        return Approver(name=name, role=role)
    except ValidationError as error:
        detail = error.errors()[0]
        field = str(detail["loc"][0]) if detail["loc"] else "name"
        if detail["type"] == "string_too_short":
            raise CrisisDraftError(message_id=_EMPTY[field]) from None
        reason, params = describe(detail)
        raise CrisisDraftError(
            message_id=_FAULTY[field], params={"reason": Message(reason, params)}
        ) from None


def fingerprint(draft: Draft) -> str:
    return hashlib.sha256(draft.plain_text().encode("utf-8")).hexdigest()


def approve(
    incident: Incident, drafts: Sequence[Draft], approver: Approver, at: datetime, seed: bytes
) -> Incident:
    """``incident`` with ``drafts`` approved (replacing earlier approvals of the same
    document and language), each approval signed with the recording user's key
    ``seed``."""
    approved = {(draft.info.document.value, draft.info.language) for draft in drafts}
    kept = [
        approval
        for approval in incident.record.approvals
        if (approval.document, approval.language) not in approved
    ]
    new = [
        sign(
            Approval(
                document=draft.info.document.value,
                language=draft.info.language,
                approver=approver,
                approved_at=at,
                text_sha256=fingerprint(draft),
            ),
            seed,
        )
        for draft in drafts
    ]
    record = incident.record.model_copy(update={"approvals": kept + new})
    return incident.model_copy(update={"record": record})


def approval_for(incident: Incident, draft: Draft) -> Approval | None:
    """The approval of exactly this draft text whose signature holds, if there is one."""
    return next((a for a in _of_this_text(incident, draft) if signature_holds(a)), None)


def approvals_lost(
    incident: Incident, approved_drafts: Sequence[Draft], instead: Sequence[Draft]
) -> list[Draft]:
    """The drafts of ``approved_drafts`` that have an approval as they read, whose
    document and language in ``instead`` (other drafts of the same facts: another
    template set's) would have none: what using ``instead`` withdraws. An approval is
    of a text, so the drafts of another set are approved only if they read the same;
    a document and language ``instead`` lacks (its template failed) has none."""
    replacing = {(draft.info.document, draft.info.language): draft for draft in instead}
    lost = []
    for draft in approved_drafts:
        if approval_for(incident, draft) is None:
            continue
        other = replacing.get((draft.info.document, draft.info.language))
        if other is None or approval_for(incident, other) is None:
            lost.append(draft)
    return lost


def unsealed_approval_for(incident: Incident, draft: Draft) -> Approval | None:
    """An approval of exactly this draft text that does not count because its signature
    does not hold (edited outside the app, or never signed)."""
    return next((a for a in _of_this_text(incident, draft) if not signature_holds(a)), None)


def _of_this_text(incident: Incident, draft: Draft) -> Iterator[Approval]:
    """The approvals of this draft's document, language and exact text, newest first."""
    text = fingerprint(draft)
    for approval in reversed(incident.record.approvals):
        if (
            approval.document == draft.info.document.value
            and approval.language == draft.info.language
            and approval.text_sha256 == text
        ):
            yield approval
