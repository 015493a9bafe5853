"""The steps of the record, one function each, shared by the command line and the app:
render the current drafts, approve them, check them against the record, export them as
final documents and record what was issued."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from app.drafts.blocks import Draft
from app.drafts.render import DraftRenderer
from app.errors import N_, Problem
from app.export.pack import ExportBlockedError, ExportedDocument, ExportRequest, export_pack
from app.facts.consistency import incident_problems
from app.facts.models import Approver, Incident, Language
from app.facts.statement import statement_choice
from app.record.approval import approval_for, approve
from app.record.checks import DraftKey, record_problems
from app.record.issuing import FinalDocument, record_issued
from app.templates.documents import DocumentKind
from app.templates.metadata import TemplateSet


def current_drafts(
    incident: Incident,
    renderer: DraftRenderer,
    languages: Sequence[Language],
    documents: Sequence[DocumentKind],
    template_set: TemplateSet | None,
) -> dict[DraftKey, Draft]:
    return {
        (document.value, language): renderer.render(
            incident, document, language, template_set=template_set
        )
        for document in documents
        for language in languages
    }


def approve_drafts(
    incident: Incident,
    renderer: DraftRenderer,
    request: ExportRequest,
    approver: Approver,
    at: datetime,
) -> Incident:
    drafts = current_drafts(
        incident, renderer, request.languages, request.documents, request.template_set
    )
    return approve(incident, list(drafts.values()), approver, at)


def check_against_record(
    incident: Incident,
    renderer: DraftRenderer,
    request: ExportRequest,
    now: datetime,
    *,
    source: str = "incident",
) -> list[Problem]:
    """The consistency problems of the drafts ``request`` would export."""
    drafts = current_drafts(
        incident, renderer, request.languages, request.documents, request.template_set
    )
    return record_checks(incident, drafts, request.template_set, now, source=source)


def record_checks(
    incident: Incident,
    drafts: Mapping[DraftKey, Draft],
    template_set: TemplateSet | None,
    now: datetime,
    *,
    source: str = "incident",
) -> list[Problem]:
    """The consistency problems of drafts already rendered (from ``template_set``, or
    the set the facts call for): against the record, each other, and the facts."""
    problems = record_problems(incident, drafts, now, source=source)
    used = template_set or statement_choice(incident).kind
    if used is TemplateSet.RESOLUTION:
        problems += _texts_from_the_crisis(incident, source)
    return problems


def _texts_from_the_crisis(incident: Incident, source: str) -> list[Problem]:
    """Guidance and quotes are the user's own words, written during the crisis: a closing
    statement prints them as they are, so ask the user to read them again."""
    texts = [
        field
        for field, value in (
            ("guidance.staff", incident.guidance.staff),
            ("guidance.dealers", incident.guidance.dealers),
            ("guidance.customers", incident.guidance.customers),
            ("guidance.suppliers", incident.guidance.suppliers),
            ("spokesperson.quote", incident.spokesperson.quote if incident.spokesperson else None),
        )
        if value is not None
    ]
    return [
        Problem(
            f"{source}: {field}",
            message_id=N_(
                "this text was written during the crisis and the resolution prints it as it "
                "is: check that it still holds, or update it"
            ),
            field=field,
            blocking=False,
        )
        for field in texts
    ]


def export_final(
    incident: Incident,
    request: ExportRequest,
    renderer: DraftRenderer,
    now: datetime,
    *,
    source: str = "incident",
) -> tuple[list[ExportedDocument], Incident]:
    """Export approved drafts without the DRAFT mark and record them as issued.

    Refused (nothing written) when the facts have a blocking problem (checked first,
    as ``check`` and a draft export do, so the same problem is named first), when a draft
    is not approved as it stands, or when the consistency checks find a blocking problem.
    Returns the documents and the incident with its record updated; the caller saves the
    incident file."""
    facts = incident_problems(
        incident, request.languages, source=source, statement_kind=request.template_set
    )
    blocking = [problem for problem in facts if problem.blocking]
    if blocking:
        raise ExportBlockedError(blocking)
    blocking = [
        problem
        for problem in check_against_record(incident, renderer, request, now, source=source)
        if problem.blocking
    ]
    if blocking:
        raise ExportBlockedError(blocking)
    exported = export_pack(
        incident,
        request,
        renderer,
        source=source,
        now=now,
        approval_of=lambda draft: approval_for(incident, draft),
    )
    final = [
        FinalDocument(document.draft, document.approval, document.path)
        for document in exported
        if document.approval is not None
    ]
    return exported, record_issued(incident, final, now)
