"""What the record's signatures say, as problems: an approval changed outside the app,
one recorded before approvals were signed, one signed on a machine the team does not
list. A final export refuses the first two for the drafts it writes (session/problems);
``check`` and the app list all three as warnings."""

from __future__ import annotations

from collections.abc import Collection

from app.drafts.blocks import Draft
from app.errors import N_, Problem
from app.facts.models import Approval, Incident
from app.record.signing import Seal, seal_of

_SEAL_MESSAGES = {
    Seal.BROKEN: N_(
        "the approval by {name} ({role}) does not match its signature: it was changed "
        "outside CrisisDraft, so it does not count; approve the draft again"
    ),
    Seal.UNSIGNED: N_(
        "the approval by {name} ({role}) is not signed (recorded before approvals were "
        "signed, or its signature was removed), so it does not count; approve the draft again"
    ),
    Seal.OTHER_MACHINE: N_(
        "the approval by {name} ({role}) was recorded on another machine, with a key that "
        "is not on your team's list (house profile): check with whoever recorded it"
    ),
}


def seal_problems(incident: Incident, known_keys: Collection[str], *, source: str) -> list[Problem]:
    """A warning for each approval whose signature is broken, missing, or by a key the
    team does not list."""
    problems = []
    for approval in incident.record.approvals:
        seal = seal_of(approval, known_keys)
        if seal is not Seal.KNOWN:
            problems.append(seal_problem(approval, seal, source=source, blocking=False))
    return problems


def seal_problem(approval: Approval, seal: Seal, *, source: str, blocking: bool) -> Problem:
    """What ``seal`` means for ``approval``, naming the document and language."""
    return Problem(
        f"{source}: {approval.document} ({approval.language})",
        message_id=_SEAL_MESSAGES[seal],
        params={"name": approval.approver.name, "role": approval.approver.role},
        blocking=blocking,
        documents=(approval.document,),
        draft_language=approval.language,
    )


def refused_seal(approval: Approval, draft: Draft, *, source: str) -> Problem:
    """Why a final export refuses ``draft`` although ``approval`` approves its text."""
    seal = Seal.UNSIGNED if not (approval.signer and approval.signature) else Seal.BROKEN
    return seal_problem(approval, seal, source=source, blocking=True)
