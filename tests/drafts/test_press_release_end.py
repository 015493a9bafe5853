"""The press release ends as journalists of its language expect: "ENDS" in UK English,
"###" in US English, no mark in French, then the notes to editors when the organisation
gave its "about" text, then the media contact."""

from __future__ import annotations

import pytest

from app.drafts.render import DraftRenderer
from app.facts.loading import load_incident
from app.facts.models import BilingualText, EnglishVariant, Incident, Language
from app.files.resources import bundled
from app.templates.documents import DocumentKind
from app.templates.metadata import TemplateSet

ABOUT = BilingualText(
    en="Northwind Motors makes cars in Coventry.",
    fr="Northwind Motors fabrique des voitures à Coventry.",
)


def northwind(**organisation: object) -> Incident:
    incident = load_incident(bundled("examples") / "northwind-cyberattack.crisis.json")
    changed = incident.organisation.model_copy(update={"about": ABOUT, **organisation})
    return incident.model_copy(update={"organisation": changed})


def lines(
    renderer: DraftRenderer, incident: Incident, language: Language, kind: TemplateSet
) -> list[str]:
    draft = renderer.render(incident, DocumentKind.PRESS_RELEASE, language, template_set=kind)
    return [block.text for block in draft.blocks]


@pytest.mark.parametrize("kind", list(TemplateSet))
def test_uk_english_ends_then_notes_to_editors(renderer: DraftRenderer, kind: TemplateSet) -> None:
    text = lines(renderer, northwind(), "en", kind)
    assert "ENDS" in text and "###" not in text
    ends = text.index("ENDS")
    assert text[ends + 1 : ends + 3] == ["About Northwind Motors", ABOUT.en]
    assert text.index("Media contact") > ends


@pytest.mark.parametrize("kind", list(TemplateSet))
def test_us_english_ends_with_three_hashes(renderer: DraftRenderer, kind: TemplateSet) -> None:
    text = lines(renderer, northwind(english=EnglishVariant.AMERICAN), "en", kind)
    assert "###" in text and "ENDS" not in text
    assert text[text.index("###") + 1] == "About Northwind Motors"


@pytest.mark.parametrize("kind", list(TemplateSet))
def test_french_has_no_end_mark(renderer: DraftRenderer, kind: TemplateSet) -> None:
    text = lines(renderer, northwind(), "fr", kind)
    assert not {"FIN", "ENDS", "###", "-30-"} & set(text)
    assert "À propos de Northwind Motors" in text
    assert text.index("Contact presse") > text.index("À propos de Northwind Motors")


def test_without_about_there_are_no_notes(renderer: DraftRenderer) -> None:
    text = lines(renderer, northwind(about=None), "en", TemplateSet.HOLDING)
    assert "ENDS" in text
    assert not any(line.startswith("About ") for line in text)
