"""The problems of the current facts, found in stages; what blocks an export is decided
by the :class:`~app.session.problem_set.Problems` they make.

``crisisdraft check``, ``render``, ``export`` (draft and final) and the app's problem
list, approval and export all ask :func:`find_problems`, so a problem reads the same wherever it
shows and an export refuses with the words ``check`` prints. The checks run in stages,
each only when the ones before found nothing blocking, because a later stage cannot
say anything useful about facts an earlier one rejects:

1. the facts: rows the editor holds back because the user is still filling them in
   (errors, see :mod:`app.facts.unfinished_rows`), contradictions and missing texts
   (errors), warnings, what is not stated;
2. the templates: each selected draft is rendered, a template fault is an error; a
   short text past its channel's limit is an error too (app.drafts.short_text_checks:
   it cannot go out as approved), and the later stages still run, the drafts being whole;
3. the record (when a clock is given): the drafts against what was issued before,
   against each other and against the facts (app.record.checks);
4. a final export only: every draft must be approved as it reads now.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from datetime import datetime

from app.drafts.blocks import Draft
from app.drafts.short_text_checks import short_text_problems
from app.errors import N_, CrisisDraftError, Problem
from app.facts.consistency import incident_problems
from app.facts.models import Incident, Language
from app.record.approval import approval_for, unsealed_approval_for
from app.record.approval_checks import refused_seal, seal_problems
from app.record.checks import DraftKey
from app.record.statement_checks import record_checks
from app.session.document_needs import (
    missing_contacts,
    missing_delay_reason,
    unaddressed_languages,
    unmet_fact_needs,
)
from app.session.problem_set import ExportBlockedError as ExportBlockedError, Problems as Problems
from app.session.selection import Selection
from app.templates.documents import DocumentKind

DraftLookup = Callable[[DocumentKind, Language], Draft]
Clock = Callable[[], datetime]


def not_approved(draft: Draft, source: str) -> Problem:
    """Why a final export refuses ``draft``: its text as it stands has no approval."""
    return Problem(
        f"{source}: {draft.info.document.value} ({draft.info.language})",
        message_id=N_(
            "is not approved as it stands (never approved, or changed since): "
            "approve it before a final export"
        ),
        documents=(draft.info.document.value,),
        draft_language=draft.info.language,
    )


def find_problems(
    incident: Incident,
    selection: Selection,
    draft_of: DraftLookup,
    *,
    source: str = "incident",
    clock: Clock | None = None,
    final: bool = False,
    known_keys: Callable[[], Collection[str]] = frozenset,
    unfinished: Sequence[Problem] = (),
    warnings: bool = True,
) -> Problems:
    """The problems of ``incident`` for ``selection``, stage by stage (see the module).

    ``draft_of`` gives a draft (or raises its template's error): the session passes its
    cache, so the drafts checked here are the ones approved and exported. ``clock`` is
    read only when the record checks run (a final export needs them; ``check`` runs
    them too), with the signatures of the approvals (``known_keys`` gives the team's
    keys, asked only when there are approvals). ``final`` adds the approval of each
    draft, and needs a clock. ``unfinished`` are the errors of the rows an editor held
    back from ``incident`` (a site not named yet): they block like any fault of the facts.
    ``warnings=False`` leaves out the facts' warnings: for an export about to be written,
    which only asks whether something blocks it."""
    selection = selection.of(incident)
    found = [*unfinished]
    found += incident_problems(
        incident,
        selection.languages,
        source=source,
        statement_kind=selection.template_set,
        warnings=warnings,
    )
    found += unmet_fact_needs(incident, selection.documents or (), source=source)
    found += missing_delay_reason(incident, selection, final=final, source=source)
    found += unaddressed_languages(incident, selection, source=source)
    found += missing_contacts(incident, selection.documents or (), source=source)
    if _blocking(found):
        return Problems(tuple(found))
    drafts: dict[DraftKey, Draft] = {}
    faults: list[CrisisDraftError] = []
    for document, language in selection.pairs():
        try:
            drafts[(document.value, language)] = draft_of(document, language)
        except CrisisDraftError as error:
            faults.append(error)
            found.append(getattr(error, "problem", None) or Problem(source, str(error)))
    if faults:
        return Problems(tuple(found), tuple(faults))
    found += short_text_problems(incident, drafts, source=source)
    if final and clock is None:
        raise ValueError("a final export is checked against the record: give a clock")
    if clock is not None:
        found += record_checks(incident, drafts, selection.template_set, clock(), source=source)
        if incident.record.approvals:
            found += seal_problems(incident, known_keys(), source=source)
        if _blocking(found):
            return Problems(tuple(found))
    if final:
        for draft in drafts.values():
            if approval_for(incident, draft) is not None:
                continue
            unsealed = unsealed_approval_for(incident, draft)
            found.append(
                refused_seal(unsealed, draft, source=source)
                if unsealed is not None
                else not_approved(draft, source)
            )
    return Problems(tuple(found))


def _blocking(problems: list[Problem]) -> bool:
    return any(problem.blocking for problem in problems)
