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

from app.errors import N_, Problem, Term
from app.facts.models import Incident
from app.templates.documents import DocumentKind, spec_of


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


def unmet_fact_needs(
    incident: Incident, documents: Iterable[DocumentKind], *, source: str = "incident"
) -> list[Problem]:
    """One error per chosen document that ``incident`` gives no grounds for, naming the
    fact that would (the registry's ``grounds``), and one warning per fact a chosen
    document wants and the facts lack (its ``wants``)."""
    problems = []
    for document in documents:
        grounds = spec_of(document).grounds
        if grounds is not None and not grounds.met_by(incident):
            problems.append(
                Problem(
                    where=f"{source}: {grounds.field}",
                    field=grounds.field,
                    message_id=grounds.without,
                    documents=(document.value,),
                )
            )
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
