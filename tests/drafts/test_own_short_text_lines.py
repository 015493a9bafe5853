"""A short text the lead writes herself goes out as she laid it out: each of her lines
a paragraph (a LinkedIn post is read in paragraphs), counted as the draft sends it, and
no line can become a heading or a list."""

from __future__ import annotations

from app.drafts.render import DraftRenderer
from app.drafts.short_texts import measure_short_text, short_texts_of
from app.facts.models import ShortText
from app.templates.documents import DocumentKind

OWN = (
    "Northwind Motors has been affected by a cyberattack.\n\n"
    "# Our plants are paused.\n- More at noon."
)


def test_her_lines_are_the_posts_paragraphs(make_incident, renderer: DraftRenderer) -> None:
    incident = make_incident(drafting={"short_texts": {"linkedin": {"en": OWN, "fr": "Texte."}}})
    draft = renderer.render(incident, DocumentKind.SOCIAL, "en")
    [post] = [text for text in short_texts_of(draft) if text.spec.key is ShortText.LINKEDIN]
    assert post.text == (
        "Northwind Motors has been affected by a cyberattack.\n\n"
        "# Our plants are paused.\n\n- More at noon."
    )
    assert len(post.blocks) == 3  # three paragraphs, none a heading or a list item
    assert measure_short_text(ShortText.LINKEDIN, OWN, "en").count == post.length.count
