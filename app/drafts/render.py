"""The pipeline: facts -> context -> Jinja -> Markdown -> Draft blocks -> typography."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from app.drafts.blocks import Block, Cell, Draft, DraftInfo, Span, TableRow
from app.drafts.context import template_context
from app.drafts.fact_schema import fact_schema as fact_schema
from app.drafts.markdown import KEPT_PARAGRAPHS, MarkdownReader
from app.drafts.notification_context import lead_notes_for
from app.drafts.shared_renders import SharedRenders
from app.drafts.short_texts import as_sent
from app.drafts.typography import french_typography
from app.errors import CrisisDraftError
from app.facts.languages import variant_of
from app.facts.models import LANGUAGES, Incident, Language
from app.facts.statement import statement_choice
from app.files.resources import built_in_templates
from app.templates.documents import DocumentKind, spec_of
from app.templates.formatting import date_and_time
from app.templates.library import TemplateInfo, TemplateLibrary
from app.templates.metadata import TemplateSet
from app.templates.text_lengths import FITTING, Fitting


class DraftRenderer:
    """Renders drafts from one template library; build once, render many times.

    Holds the compiled templates (through the library), one Markdown reader and the
    French typography of the texts met before, so a preview that re-renders on every
    keystroke pays again only for the paragraphs the keystroke changed.
    """

    def __init__(self, library: TemplateLibrary) -> None:
        self.library = library
        self._reader = MarkdownReader()
        self._french: Callable[[str], str] = lru_cache(maxsize=2 * KEPT_PARAGRAPHS)(
            french_typography
        )

    def render(
        self,
        incident: Incident,
        document: DocumentKind,
        language: Language,
        *,
        template_set: TemplateSet | None = None,
        mark_missing: bool = False,
        source: str | None = None,
        template: TemplateInfo | None = None,
        shared: SharedRenders | None = None,
    ) -> Draft:
        """The draft of ``document`` in ``language`` from the set ``template_set`` (by
        default the set of the statement the facts are for: ``incident.statement_kind``).

        ``source`` renders template text being edited instead of the saved file of
        ``template`` (by default the template in force).
        Raises :class:`~app.errors.TemplateError` for a template fault and, unless
        ``mark_missing``, :class:`~app.drafts.context.MissingTextError` for a missing text.
        ``shared``: the renders of the other drafts of the same facts, reused and added to
        (see :mod:`app.drafts.shared_renders`).
        """
        if template is None:
            chosen = template_set or statement_choice(incident).kind
            template = self.library.find(document, language, chosen)
        if shared is None or source is not None:
            return self._draft(incident, document, language, template, source, mark_missing)
        if not mark_missing:
            shared.check_complete(incident, language)  # then the marked draft is this one
        found = template
        return shared.draft(
            found,
            lambda: self._draft(incident, document, language, found, None, True, shared),
        )

    def _draft(
        self,
        incident: Incident,
        document: DocumentKind,
        language: Language,
        template: TemplateInfo,
        source: str | None,
        mark_missing: bool,
        shared: SharedRenders | None = None,
    ) -> Draft:
        if shared is None:
            context = template_context(incident, language, mark_missing=mark_missing)
        else:
            context = shared.context(incident, language, mark_missing)
        if spec_of(document).short_texts:
            markdown = self._fitted(incident, document, template, source, context, shared)
        else:
            markdown = self._markdown(template, source, context)
        blocks = self._reader.read(markdown)
        if language == "fr":
            blocks = tuple(_french_block(block, self._french) for block in blocks)
        info = DraftInfo(
            document=document,
            language=language,
            document_title=template.title,
            author=incident.organisation.name,
            statement_time=date_and_time(
                incident.incident.statement_at, incident.zone, variant_of(incident, language).locale
            ),
            template=f"{template.meta.id} v{template.meta.version}"
            + ("" if template.built_in else f" ({template.library.kind.value})"),
            template_id=template.meta.id,
            template_version=template.meta.version,
            proofing_tag=variant_of(incident, language).proofing_tag,
            lead_notes=tuple(lead_notes_for(incident, document, language)),
        )
        # Short texts leave as their channel sends them (an SMS without the typography
        # GSM-7 lacks), so the draft, its counts and its checks are the texts as sent.
        return as_sent(Draft(info=info, blocks=blocks))

    def _markdown(self, template: TemplateInfo, source: str | None, context: dict[str, Any]) -> str:
        environment = self.library.environment
        if source is None:
            return environment.render(template.loader_name, context)
        return environment.render_source(source, str(template.path), context)

    def _fitted(
        self,
        incident: Incident,
        document: DocumentKind,
        template: TemplateInfo,
        source: str | None,
        context: dict[str, Any],
        shared: SharedRenders | None = None,
    ) -> str:
        """The Markdown of a document of short texts, each part of each text fitted as
        every language can fit it (see :class:`~app.templates.text_lengths.Fitting`):
        the draft's own language is rendered first, each text fitted alone, then every
        other, recording their parts; when the joint choice is what the draft's own
        language chose alone, that first rendering is the draft. A language whose
        template cannot be rendered (a missing text, a fault: said when that draft is
        asked for) does not hold the others back. With ``shared``, a template rendered
        alone for another draft of the same facts is not rendered again (the English
        draft's French fitting is the French draft's own first rendering)."""
        language = context["language"]

        def alone(found: TemplateInfo, its_context: dict[str, Any]) -> tuple[str, Fitting]:
            fitting = Fitting()
            return self._markdown(found, None, {**its_context, FITTING: fitting}), fitting

        if shared is not None and source is None:
            markdown, own = shared.alone(template, lambda: alone(template, context))
        else:
            own = Fitting()
            markdown = self._markdown(template, source, {**context, FITTING: own})
        fittings = [own]
        for other in LANGUAGES:
            if other == language:
                continue
            try:
                found = self.library.find(document, other, template.meta.phase)
                _, fitting = self._alone_elsewhere(incident, found, shared, alone)
            except CrisisDraftError:
                continue
            fittings.append(fitting)
        joint = Fitting.joint(fittings)
        if own.keeps(joint):
            return markdown
        return self._markdown(template, source, {**context, FITTING: Fitting(joint)})

    @staticmethod
    def _alone_elsewhere(
        incident: Incident,
        template: TemplateInfo,
        shared: SharedRenders | None,
        alone: Callable[[TemplateInfo, dict[str, Any]], tuple[str, Fitting]],
    ) -> tuple[str, Fitting]:
        """Another language's ``template`` rendered alone, its missing texts marked (its
        own draft, if complete, is this rendering: see ``shared``)."""

        language = template.meta.language
        if shared is None:
            return alone(template, template_context(incident, language, mark_missing=True))
        return shared.alone(
            template, lambda: alone(template, shared.context(incident, language, True))
        )


def render_draft(
    incident: Incident, document: DocumentKind, language: Language, library: TemplateLibrary
) -> Draft:
    """One draft, for callers that render once (tests, scripts)."""
    return DraftRenderer(library).render(incident, document, language)


def open_library(
    overrides: Sequence[Path] = (),
    *,
    user: Path | None = None,
    shared: Sequence[Path] = (),
    cache_folder: Path | None = None,
) -> TemplateLibrary:
    """The template library with the built-in templates, checked against the facts
    templates can read (so a misspelt fact is caught when the library is read);
    ``cache_folder`` keeps checks and compiled templates between runs."""
    return TemplateLibrary(
        built_in_templates(),
        overrides,
        user=user,
        shared=shared,
        known_facts=fact_schema(),
        cache_folder=cache_folder,
    )


def _french_block(block: Block, typography: Callable[[str], str] = french_typography) -> Block:
    """``block`` with French typography, in its spans and in every cell of a table
    (``typography``: :func:`french_typography`, or a cache of it)."""
    rows = tuple(
        TableRow(tuple(_french_spans(cell, typography) for cell in row.cells), header=row.header)
        for row in block.rows
    )
    return replace(block, spans=_french_spans(block.spans, typography), rows=rows)


def _french_spans(spans: Cell, typography: Callable[[str], str]) -> Cell:
    """``spans`` in French typography, but for those kept as typed (``verbatim``)."""
    return tuple(
        span if span.verbatim else Span(typography(span.text), bold=span.bold, italic=span.italic)
        for span in spans
    )
