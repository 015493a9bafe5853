"""Each document speaks in the voice the registry gives it: a letter to its reader says
"we" and "you" throughout, the press release speaks of the organisation by its name. A
shared sentence written for one voice reads wrong in the other (a first-person notice
that suddenly says "Northwind Motors will never ask...")."""

from __future__ import annotations

import pytest

from app.drafts.render import DraftRenderer
from app.facts.loading import load_incident
from app.files.resources import bundled
from app.templates.documents import DOCUMENTS, DocumentKind, Voice
from app.templates.metadata import TemplateSet

LETTERS = [
    kind
    for kind, spec in DOCUMENTS.items()
    if spec.voice in (Voice.SECOND_PERSON, Voice.LEADERSHIP)
]


@pytest.mark.parametrize("document", LETTERS)
@pytest.mark.parametrize("template_set", list(TemplateSet))
def test_a_letter_warns_of_fraud_in_its_own_voice(
    renderer: DraftRenderer, document: DocumentKind, template_set: TemplateSet
) -> None:
    incident = load_incident(bundled("examples") / "northwind-cyberattack.crisis.json")
    english = renderer.render(incident, document, "en", template_set=template_set).plain_text()
    french = renderer.render(incident, document, "fr", template_set=template_set).plain_text()
    assert "Northwind Motors will never" not in english
    assert "Northwind Motors ne demandera jamais" not in french
    assert "We will never" in english
    assert "Nous ne vous demanderons jamais" in french


def test_the_press_release_names_the_organisation(renderer: DraftRenderer) -> None:
    assert DOCUMENTS[DocumentKind.PRESS_RELEASE].voice is Voice.THIRD_PERSON
    incident = load_incident(bundled("examples") / "northwind-cyberattack.crisis.json")
    english = renderer.render(incident, DocumentKind.PRESS_RELEASE, "en").plain_text()
    assert "Northwind Motors will never ask for passwords" in english
    assert "We will never" not in english
