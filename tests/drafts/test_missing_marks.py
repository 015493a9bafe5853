"""A preview marks a text not written yet in the draft's own language, where the text
goes: a French reader of the French draft reads « [texte français manquant] », never
"[French text missing: spokesperson.role]" (English and a field path in a French
draft, seen on issue 15's walk while the English half of a text was typed first)."""

from __future__ import annotations

from app.drafts.context import MISSING_MARKS
from app.drafts.render import DraftRenderer
from app.facts.models import LANGUAGES
from app.templates.documents import DocumentKind
from tests.conftest import IncidentMaker


def test_a_text_missing_in_one_language_is_marked_in_that_language(
    make_incident: IncidentMaker, renderer: DraftRenderer
) -> None:
    incident = make_incident(spokesperson__role={"en": "Chief Executive Officer", "fr": ""})
    french = renderer.render(incident, DocumentKind.PRESS_RELEASE, "fr", mark_missing=True)
    english = renderer.render(incident, DocumentKind.PRESS_RELEASE, "en", mark_missing=True)
    assert "Alex Morgan, [texte français manquant] de Northwind Motors" in french.plain_text()
    assert "spokesperson" not in french.plain_text()
    assert "Alex Morgan, Chief Executive Officer" in english.plain_text()
    assert "[English text missing]" not in english.plain_text()


def test_every_language_has_its_mark() -> None:
    assert set(MISSING_MARKS) == set(LANGUAGES)
    assert MISSING_MARKS["en"] == "[English text missing]"
