"""What a chosen document needs from the facts beyond what every draft needs: the
grounds that make it owed at all, and the contacts it prints for its readers (the
registry says which, per document).

A document without its grounds (a market announcement for an organisation that names no
stock exchange) is an error: there is nothing true to draft, so nothing is exported
until the lead gives the fact or leaves the document out. A missing contact is a
warning, not an error: the document is then written without a contact line (it invents
none), and the lead may still export it."""

from __future__ import annotations

from collections.abc import Iterable

from app.errors import N_, Problem, ProblemsError, Term
from app.facts.clocks import notified_late
from app.facts.models import Incident, Language
from app.session.selection import Selection
from app.templates.documents import DocumentKind, draft_languages, recipients, spec_of


def missing_contacts(
    incident: Incident, documents: Iterable[DocumentKind], *, source: str = "incident"
) -> list[Problem]:
    """One warning per contact field a chosen document needs and the facts lack, naming
    the field and the documents that need it."""
    needed_by: dict[str, list[DocumentKind]] = {}
    for document in documents:
        for field in spec_of(document).contacts_needed(incident):
            if getattr(incident.contacts, field) is None:
                needed_by.setdefault(field, []).append(document)
    return [
        Problem(
            where=f"{source}: contacts.{field}",
            field=f"contacts.{field}",
            blocking=False,
            message_id=N_(
                "not given, so the {document} names no one for its readers to contact; "
                "add this contact under Contacts"
            ),
            params={"document": Term(spec_of(needers[0]).lower_name)},
            documents=tuple(document.value for document in needers),
        )
        for field, needers in needed_by.items()
    ]


def missing_grounds(
    incident: Incident, documents: Iterable[DocumentKind], *, source: str = "incident"
) -> list[Problem]:
    """One error per fact a chosen document needs to be drafted at all and ``incident``
    lacks, naming that fact (the registry's ``grounds``)."""
    return [
        Problem(
            where=f"{source}: {grounds.field}",
            field=grounds.field,
            message_id=grounds.without,
            documents=(document.value,),
        )
        for document in documents
        for grounds in spec_of(document).grounds
        if not grounds.met_by(incident)
    ]


def unmet_fact_needs(
    incident: Incident, documents: Iterable[DocumentKind], *, source: str = "incident"
) -> list[Problem]:
    """The grounds chosen documents lack (:func:`missing_grounds`, errors), and one
    warning per fact a chosen document that is owed wants and the facts lack (its
    ``wants``)."""
    documents = tuple(documents)  # read twice
    problems = missing_grounds(incident, documents, source=source)
    for document in documents:
        if not spec_of(document).owed_by(incident):
            continue  # not drafted: what it would want does not matter
        problems += [
            Problem(
                where=f"{source}: {want.field}",
                field=want.field,
                blocking=False,
                message_id=want.without,
                documents=(document.value,),
            )
            for want in spec_of(document).wants
            if not want.met_by(incident)
        ]
    return problems


def missing_delay_reason(
    incident: Incident, selection: Selection, *, final: bool = False, source: str = "incident"
) -> list[Problem]:
    """A regulator notification made more than 72 hours after awareness must give the
    reasons for the delay (GDPR art. 33(1)), in each language it is drafted in: without
    them, a warning on a draft (the lead may still send the draft to counsel) and an
    error on the final export."""
    document = DocumentKind.REGULATOR_NOTIFICATION
    reason = incident.data.delay_reason
    addressed = recipients(incident, document)
    lacking = [
        language
        for language in selection.languages_of(document)
        if notified_late(incident, addressed[language])
        and not (reason is not None and reason.get(language))
    ]
    if document not in (selection.documents or ()) or not lacking:
        return []
    return [
        Problem(
            where=f"{source}: data.delay_reason",
            field="data.delay_reason",
            blocking=final,
            message_id=N_(
                "not given, and this notification is made more than 72 hours after the "
                "organisation became aware of the breach: the law asks for the reason for the "
                "delay (GDPR art. 33(1)); write it under Customer data"
            ),
            documents=(document.value,),
            draft_language=lacking[0] if len(lacking) == 1 else None,
        )
    ]


def unaddressed_languages(
    incident: Incident, selection: Selection, *, source: str = "incident"
) -> list[Problem]:
    """A note per chosen document addressed to authorities of whom some are written to
    in none of the chosen languages (the ICO's notification when only French is chosen):
    their drafts are not written, and the lead should know why."""
    problems = []
    for document in selection.documents or ():
        if not spec_of(document).owed_by(incident):
            continue  # not drafted in any language: its grounds say why
        addressed = recipients(incident, document)
        chosen = {name for language in selection.languages for name in addressed.get(language, ())}
        left_out = sorted(_addressed_names(incident, document) - chosen)
        if not left_out:
            continue
        field = spec_of(document).addressed_to or ""
        problems.append(
            Problem(
                where=f"{source}: {field}",
                field=field,
                blocking=False,
                message_id=N_(
                    "written to in a language not chosen ({names}), so their {document} is "
                    "not drafted; choose that language to draft it"
                ),
                params={
                    "names": ", ".join(left_out),
                    "document": Term(spec_of(document).lower_name),
                },
                documents=(document.value,),
            )
        )
    return problems


class NotDraftedError(ProblemsError):
    """There is no draft of this document in this language (:func:`not_drafted` says
    why): asked for one, the session raises this, and a preview shows the reason."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(problems)
        self.problem = problems[0]


def not_drafted(
    incident: Incident, document: DocumentKind, language: Language, *, source: str = "incident"
) -> list[Problem]:
    """Why there is no draft of ``document`` in ``language`` for ``incident`` (empty: there
    is one): the facts give no grounds for it, or none of the authorities it is addressed
    to is written to in ``language``. A preview says this instead of an empty page."""
    if unmet := missing_grounds(incident, (document,), source=source):
        return unmet
    if draft_languages(incident, document, (language,)):
        return []
    field = spec_of(document).addressed_to or ""
    names = sorted(_addressed_names(incident, document))
    return [
        Problem(
            where=f"{source}: {field}",
            field=field,
            informational=True,  # nothing is wrong: the text goes in another language
            message_id=N_(
                "no {document} in this language: it goes to {names}, written to in another"
            ),
            params={"names": ", ".join(names), "document": Term(spec_of(document).lower_name)},
            documents=(document.value,),
        )
    ]


def why_none(
    incident: Incident, selection: Selection, *, source: str = "incident"
) -> list[Problem]:
    """Why ``selection`` (resolved) holds no draft at all: the grounds its documents
    lack, and the authorities written to in languages not chosen."""
    return [
        *missing_grounds(incident, selection.documents or (), source=source),
        *unaddressed_languages(incident, selection, source=source),
    ]


def _addressed_names(incident: Incident, document: DocumentKind) -> set[str]:
    """Every authority ``document`` is addressed to, whatever its language."""
    return {name for names in recipients(incident, document).values() for name in names}
