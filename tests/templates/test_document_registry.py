"""The registry of documents is the one place that says which documents exist: the
contract's keys, the built-in templates, each incident's choice and the contacts each
document needs all follow it."""

from __future__ import annotations

from typing import get_args

import pytest

from app.facts.models import LANGUAGES, DocumentKey
from app.session.incident_session import IncidentSession
from app.session.selection import Selection
from app.templates.documents import (
    DOCUMENTS,
    FIRST_DOCUMENTS,
    DocumentKind,
    documents_of,
    spec_of,
)
from app.templates.library import TemplateLibrary
from app.templates.metadata import TemplateSet


def test_the_contract_keys_are_the_registry() -> None:
    assert set(get_args(DocumentKey)) == {kind.value for kind in DocumentKind}
    assert list(DOCUMENTS) == list(DocumentKind)


def test_every_document_has_a_built_in_template_per_set_and_language(
    library: TemplateLibrary,
) -> None:
    for document in DOCUMENTS:
        for template_set in TemplateSet:
            for language in LANGUAGES:
                template = library.find(document, language, template_set)
                assert template.built_in, (document, language, template_set)
                assert template.title == spec_of(document).title(language)


def test_an_incident_needs_the_first_three_unless_it_says(make_incident) -> None:
    assert documents_of(make_incident()) == FIRST_DOCUMENTS
    chosen = make_incident(drafting={"documents": ["social", "press_release", "qa", "qa"]})
    # registry order, each once
    assert documents_of(chosen) == (
        DocumentKind.PRESS_RELEASE,
        DocumentKind.QA,
        DocumentKind.SOCIAL,
    )


def test_the_selection_of_an_incident_is_its_documents(make_incident) -> None:
    chosen = make_incident(drafting={"documents": ["customer_notice"]})
    assert list(Selection().of(chosen).pairs()) == [
        (DocumentKind.CUSTOMER_NOTICE, "en"),
        (DocumentKind.CUSTOMER_NOTICE, "fr"),
    ]
    assert Selection(documents=[DocumentKind.QA]).of(chosen).documents == (DocumentKind.QA,)


@pytest.mark.parametrize(
    ("documents", "data_status", "missing"),
    [
        (["customer_notice"], "no_evidence", ["contacts.customers"]),
        (["customer_notice"], "affected", ["contacts.customers", "contacts.data_protection"]),
        (["supplier_notice"], "affected", ["contacts.suppliers"]),
        (["press_release", "qa", "social"], "affected", []),
    ],
)
def test_a_contact_a_chosen_document_needs_is_a_warning_naming_it(
    make_incident, renderer, documents: list[str], data_status: str, missing: list[str]
) -> None:
    incident = make_incident(drafting={"documents": documents}, data__status=data_status)
    assert incident.contacts.customers is None and incident.contacts.data_protection is None
    found = IncidentSession(incident, renderer).problems(Selection()).found
    warned = [p for p in found if p.field and p.field.startswith("contacts.")]
    assert [p.field for p in warned] == missing
    assert all(not p.blocking for p in warned)
    for problem in warned:
        assert "names no one for its readers to contact" in problem.message
        assert set(problem.documents) <= set(documents)


def test_a_contact_given_is_no_warning(make_incident, renderer) -> None:
    contact = {"name": "Customer Care", "email": "care@example.com", "phone": "+44 1"}
    incident = make_incident(
        drafting={"documents": ["customer_notice"]},
        contacts__customers=contact,
        contacts__data_protection=contact,
        data__status="affected",
    )
    found = IncidentSession(incident, renderer).problems(Selection()).found
    assert not [p for p in found if p.field and p.field.startswith("contacts.")]
