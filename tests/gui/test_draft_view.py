"""The preview changes only the paragraphs a keystroke changed, and shows exactly what
replacing the whole page would have shown."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QTextBrowser

from app.drafts.blocks import Draft
from app.drafts.render import DraftRenderer
from app.export.marks import draft_mark
from app.export.preview_html import PreviewColours, draft_to_html
from app.facts.models import LANGUAGES, Incident
from app.gui.draft_view import DraftView
from app.gui.theme import preview_colours
from app.templates.documents import DocumentKind
from tests.gui.helpers import field, settle, type_text
from tests.gui.walking_user import preview_text


def page(
    renderer: DraftRenderer,
    incident: Incident,
    document: DocumentKind,
    language: str,
    colours: PreviewColours | None = None,
) -> tuple[Draft, PreviewColours]:
    return renderer.render(incident, document, language, mark_missing=True), (
        colours or PreviewColours()
    )


def html_of(draft: Draft, colours: PreviewColours) -> str:
    return draft_to_html(draft, draft_mark=draft_mark(draft), colours=colours)


def renamed(incident: Incident, name: str) -> Incident:
    organisation = incident.organisation.model_copy(update={"name": name})
    return incident.model_copy(update={"organisation": organisation})


@pytest.mark.parametrize("document", list(DocumentKind))
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("given", ["draft", "page"])
def test_a_changed_page_reads_as_a_page_shown_whole(
    qtbot, renderer, make_incident, document, language, given
) -> None:
    """Typing a name (text in many paragraphs), emphasis typed into it, a site and a
    system fewer (other lists), other colours (a theme): after each, the view holds the
    very document ``setHtml`` gives, text, emphasis, lists and tables; given the drafts
    (blocks compared) or their pages (paragraphs compared)."""
    view, whole = QTextBrowser(), QTextBrowser()
    qtbot.addWidget(view)
    qtbot.addWidget(whole)
    shown = DraftView(view)
    example = make_incident()
    fewer = example.model_copy(
        update={
            "sites": example.sites[:1],
            "containment": example.containment.model_copy(
                update={"systems": example.containment.systems[:1]}
            ),
        }
    )
    dark = PreviewColours(text="#eeeeee", heading="#9ab0ff", rule="#777777", header_fill="#333333")
    pages = [
        page(renderer, example, document, language),
        page(renderer, renamed(example, "Northwind Motor"), document, language),
        page(renderer, renamed(example, "Northwind *Motor* Co"), document, language),
        page(renderer, renamed(example, "Northwind Motor Co"), document, language),
        page(renderer, fewer, document, language),
        page(renderer, example, document, language),
        page(renderer, example, document, language, dark),
        page(renderer, renamed(example, "Southwind"), document, language, dark),
    ]
    for draft, colours in [*pages, pages[0]]:
        show(shown, given, draft, colours)
        whole.setHtml(html_of(draft, colours))
        assert view.toHtml() == whole.toHtml()
        if draft is pages[-1][0]:
            shown.show_text("No draft: a template failed.")
            assert view.toPlainText() == "No draft: a template failed."


def show(shown: DraftView, given: str, draft: Draft, colours: PreviewColours) -> None:
    if given == "draft":
        shown.show_draft(draft, colours)
    else:
        shown.show_html(html_of(draft, colours))


@pytest.mark.parametrize("given", ["draft", "page"])
def test_typing_a_name_changes_only_its_paragraphs(qtbot, renderer, make_incident, given):
    """The whole page is not replaced (every paragraph laid out again) for a keystroke
    that changed a few, and the page reads as the draft does."""
    view = QTextBrowser()
    qtbot.addWidget(view)
    shown = DraftView(view)
    example = make_incident()
    show(shown, given, *page(renderer, example, DocumentKind.PRESS_RELEASE, "en"))
    replaced: list[str] = []
    view.setHtml = replaced.append  # type: ignore[method-assign]
    for name in ("Southwind", "Southwind Motors", "Southwind Motors Group"):
        draft, colours = page(renderer, renamed(example, name), DocumentKind.PRESS_RELEASE, "en")
        show(shown, given, draft, colours)
        assert replaced == []
        assert view.toPlainText() == preview_text(html_of(draft, colours))
        assert name + " " in view.toPlainText()


def test_the_window_shows_each_keystroke_in_both_languages(make_main_window, qtbot) -> None:
    window = make_main_window(preview="both")
    name = field(window, "organisation.name").edit
    name.setFocus()
    name.selectAll()
    type_text(qtbot, name, "Pinecrest *Motors*")
    settle(qtbot, window)
    for language in LANGUAGES:
        draft = window.preview.drafts[language]
        html = html_of(draft, preview_colours(window.preview.palette()))
        whole = QTextBrowser()
        qtbot.addWidget(whole)
        whole.setHtml(html)
        assert window.preview.views[language].toHtml() == whole.toHtml()
        assert "Pinecrest *Motors* " in window.preview.views[language].toPlainText()
