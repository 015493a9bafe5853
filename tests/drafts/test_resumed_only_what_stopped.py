"""A closing statement says "resumed" and "back" only of what a statement said was
stopped or slowed: production that never stopped "is running normally", a site never
said to be down "is operating normally". Saying it resumed would state a stoppage the
lead never gave."""

from __future__ import annotations

import json
from typing import Any

from app.drafts.render import DraftRenderer
from app.facts.loading import parse_incident
from app.facts.models import Incident, Language
from app.templates.documents import DocumentKind
from app.templates.metadata import TemplateSet
from tests.conftest import edited, example_document

RESTORED = {
    "recovery.phase": "restored",
    "recovery.steps": [],
    "impact.production": "normal",
    "impact.retail": "normal",
    "impact.dealers_can_register_vehicles": True,
    "containment.systems": [{"key": "corporate_it", "status": "restored"}],
    "sites": [
        {"name": "Solihull", "kind": "plant", "status": "operating"},
        {"name": "Gaydon", "kind": "office", "status": "operating"},
    ],
}


def northwind(changes: dict[str, Any]) -> Incident:
    data = edited(example_document("northwind-cyberattack"), changes)
    return parse_incident(json.dumps(data), source="test.crisis.json")


def issued_while(changes: dict[str, Any]) -> dict[str, Any]:
    """A statement issued when the facts were the example's with ``changes``."""
    return {
        "issued_at": "2025-09-02T09:00:00+01:00",
        "document": "press_release",
        "language": "en",
        "template_id": "holding.press_release",
        "template_version": "2",
        "approver": {"name": "Sam Lee", "role": "Head of Communications"},
        "file_name": "press_release_en.docx",
        "facts": northwind(changes).facts_snapshot(),
        "text": "First statement.",
    }


def closing(
    renderer: DraftRenderer, incident: Incident, document: DocumentKind, language: Language
) -> str:
    draft = renderer.render(incident, document, language, template_set=TemplateSet.RESOLUTION)
    return draft.plain_text().replace("\u202f", " ").replace("\u00a0", " ")


def test_nothing_said_stopped_is_not_said_to_resume(renderer: DraftRenderer) -> None:
    incident = northwind(RESTORED)
    english = closing(renderer, incident, DocumentKind.PRESS_RELEASE, "en")
    assert "Production is running normally." in english
    assert "Production has resumed" not in english
    assert "plant is back" not in english and "office is back" not in english
    assert "The Solihull plant and the Gaydon office are operating normally." in english
    french = closing(renderer, incident, DocumentKind.PRESS_RELEASE, "fr")
    assert "La production fonctionne normalement." in french
    assert "La production a repris" not in french and "L’activité a repris" not in french
    dealers = closing(renderer, incident, DocumentKind.DEALER_NOTICE, "en")
    assert "back to normal" not in dealers


def test_what_a_statement_said_was_down_is_said_to_resume(renderer: DraftRenderer) -> None:
    earlier = {
        "impact.production": "stopped",
        "impact.retail": "disrupted",
        "sites": [
            {"name": "Solihull", "kind": "plant", "status": "stopped"},
            {"name": "Gaydon", "kind": "office", "status": "operating"},
        ],
    }
    incident = northwind({**RESTORED, "record": {"issued": [issued_while(earlier)]}})
    english = closing(renderer, incident, DocumentKind.PRESS_RELEASE, "en")
    assert "Production has resumed." in english
    assert "The Solihull plant is back in operation." in english
    assert "The Gaydon office is operating normally." in english
    french = closing(renderer, incident, DocumentKind.PRESS_RELEASE, "fr")
    assert "La production a repris normalement." in french
    assert "L’activité a repris dans l’usine de Solihull." in french
    dealers = closing(renderer, incident, DocumentKind.DEALER_NOTICE, "en")
    assert "**Production:** back to normal" in dealers or "Production: back to normal" in dealers
