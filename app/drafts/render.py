"""The pipeline: facts -> context -> Jinja -> Markdown -> Draft blocks -> typography."""

from __future__ import annotations

from dataclasses import replace

from app.drafts.blocks import Block, Draft, DraftInfo, Span
from app.drafts.context import template_context
from app.drafts.markdown import make_parser, parse_blocks
from app.drafts.typography import french_typography
from app.facts.models import Incident, Language
from app.templates.documents import DocumentKind
from app.templates.formatting import date_and_time
from app.templates.library import TemplateLibrary


class DraftRenderer:
    """Renders drafts from one template library; build once, render many times.

    Holds the compiled templates (through the library) and one Markdown parser, so a
    preview that re-renders on every keystroke pays for neither again.
    """

    def __init__(self, library: TemplateLibrary) -> None:
        self.library = library
        self._parser = make_parser()

    def render(
        self,
        incident: Incident,
        document: DocumentKind,
        language: Language,
        *,
        mark_missing: bool = False,
    ) -> Draft:
        """The draft of ``document`` in ``language``.

        Raises :class:`~app.errors.TemplateError` for a template fault and, unless
        ``mark_missing``, :class:`~app.drafts.context.MissingTextError` for a missing text.
        """
        template = self.library.find(document, language)
        context = template_context(incident, language, mark_missing=mark_missing)
        markdown = self.library.environment.render(template.name, context)
        blocks = parse_blocks(self._parser, markdown)
        if language == "fr":
            blocks = tuple(_french_block(block) for block in blocks)
        info = DraftInfo(
            document=document,
            language=language,
            document_title=template.title,
            author=incident.organisation.name,
            statement_time=date_and_time(incident.incident.statement_at, incident.zone, language),
            template=template.name if template.built_in else f"{template.name} (custom)",
        )
        return Draft(info=info, blocks=blocks)


def render_draft(
    incident: Incident, document: DocumentKind, language: Language, library: TemplateLibrary
) -> Draft:
    """One draft, for callers that render once (tests, scripts)."""
    return DraftRenderer(library).render(incident, document, language)


def _french_block(block: Block) -> Block:
    spans = tuple(
        Span(french_typography(span.text), bold=span.bold, italic=span.italic)
        for span in block.spans
    )
    return replace(block, spans=spans)
