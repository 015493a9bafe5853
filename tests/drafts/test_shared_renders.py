"""The drafts of one version of the facts share their renders (issue 18: a pack of every
document in both languages within 6x one document): a template is rendered once per
version, whether its draft is asked with missing texts marked (the preview) or not
(the checks, the export), and a document of short texts fitted in both languages
renders each language's template once, not once per draft. What the drafts say never
depends on it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.drafts.context import MissingTextError
from app.drafts.render import DraftRenderer
from app.export.pack import Existing
from app.facts.loading import load_incident
from app.facts.models import LANGUAGES, Incident
from app.files.resources import built_in_templates, bundled
from app.session.incident_session import IncidentSession
from app.session.selection import Selection
from app.templates.documents import DocumentKind
from app.templates.environment import TemplateEnvironment
from app.templates.library import TemplateLibrary
from tests.drafts.drafted import drafted

EVERY_DRAFT = Selection(LANGUAGES, tuple(DocumentKind))


@pytest.fixture
def renders(monkeypatch: pytest.MonkeyPatch) -> Iterator[Counter[str]]:
    """How many times each saved template file is rendered."""
    counted: Counter[str] = Counter()
    render = TemplateEnvironment.render

    def counting(self: TemplateEnvironment, name: str, context: Any) -> str:
        counted[name.split("/", 1)[1]] += 1
        return render(self, name, context)

    monkeypatch.setattr(TemplateEnvironment, "render", counting)
    yield counted


def test_a_pack_of_every_document_renders_each_template_once(
    renderer: DraftRenderer, make_incident: Any, tmp_path: Path, renders: Counter[str]
) -> None:
    # Listed, data affected, two regulators and a NIS2 authority: every document is owed,
    # the notifications each in its authority's language (ICO: en; CNIL, ANSSI: fr).
    listed = make_incident(
        organisation__listed_on=["London Stock Exchange"],
        data__status="affected",
        authorities__regulators=["ICO", "CNIL"],
        authorities__nis2_authority="ANSSI",
        record={"nis2_in_scope": True, "approvals": [], "issued": []},
    )
    session = IncidentSession(listed, renderer)
    exported = session.export(EVERY_DRAFT, tmp_path, existing=Existing.REPLACE)
    assert len(exported) == 20
    # The social posts are fitted in both languages: each template is rendered alone
    # once (for its own draft and the other's fitting), and again only when the joint
    # fitting changes its texts (the English X post here): 3 renders, not 5.
    assert renders["holding/social/en.md.j2"] == 2
    assert renders["holding/social/fr.md.j2"] == 1
    others = {name: count for name, count in renders.items() if "/social/" not in name}
    assert others == dict.fromkeys(others, 1)
    assert len(others) == 18


def test_the_preview_and_the_export_of_the_same_facts_share_their_renders(
    renderer: DraftRenderer, make_incident: Any, renders: Counter[str]
) -> None:
    session = IncidentSession(make_incident(), renderer)
    marked = session.draft(DocumentKind.PRESS_RELEASE, "fr", mark_missing=True)
    unmarked = session.draft(DocumentKind.PRESS_RELEASE, "fr")
    assert unmarked == marked
    assert renders == Counter({"holding/press_release/fr.md.j2": 1})
    # New facts: rendered again, with the new name.
    session.replace(make_incident(**{"organisation.name": "Southwind Motors"}))
    again = session.draft(DocumentKind.PRESS_RELEASE, "fr")
    assert "Southwind Motors" in again.plain_text()
    assert renders["holding/press_release/fr.md.j2"] == 2


def test_a_text_missing_is_marked_in_the_preview_and_stops_the_export(
    renderer: DraftRenderer, make_incident: Any
) -> None:
    incident = make_incident(spokesperson__role={"en": "Chief Executive Officer", "fr": ""})
    session = IncidentSession(incident, renderer)
    french = session.draft(DocumentKind.PRESS_RELEASE, "fr", mark_missing=True)
    assert "[texte français manquant]" in french.plain_text()
    with pytest.raises(MissingTextError) as raised:
        session.draft(DocumentKind.PRESS_RELEASE, "fr")
    assert "spokesperson.role.fr" in str(raised.value)
    # The English draft, complete, is the same marked or not.
    english = session.draft(DocumentKind.PRESS_RELEASE, "en", mark_missing=True)
    assert session.draft(DocumentKind.PRESS_RELEASE, "en") == english
    assert "[English text missing]" not in english.plain_text()


def _examples() -> list[Path]:
    return sorted(bundled("examples").glob("*.crisis.json"))


@pytest.mark.parametrize("path", _examples(), ids=lambda path: path.name.split(".")[0])
def test_shared_renders_write_what_each_draft_alone_writes(
    library: TemplateLibrary, path: Path
) -> None:
    """Every draft of every example, as a session writes it (sharing, preview first),
    is the draft a renderer writes for it alone."""
    incident: Incident = load_incident(path)
    session = IncidentSession(incident, DraftRenderer(library))
    alone = DraftRenderer(library)
    for mark_missing in (True, False):
        for document, language in drafted(incident):
            shared = session.draft(document, language, mark_missing=mark_missing)
            expected = alone.render(incident, document, language, mark_missing=mark_missing)
            assert shared == expected, (document, language, mark_missing)


def test_a_template_changing_its_context_changes_no_other_draft(
    tmp_path: Path, make_incident: Any
) -> None:
    """The drafts of one version share the context they are rendered from, each render
    with its own copy: a template that grows a list it is given (the sandbox allows
    ``append``) does so in its own render only."""
    for document in ("press_release", "dealer_notice"):
        folder = tmp_path / "mine" / document
        folder.mkdir(parents=True)
        (folder / "en.md.j2").write_text(
            "{% set _ = sites.append(sites[0]) %}"
            "{{ sites | length }} sites, {{ sites_by_status.stopped | length }} stopped",
            encoding="utf-8",
        )
    library = TemplateLibrary(built_in_templates(), [tmp_path / "mine"])
    incident = make_incident()
    session = IncidentSession(incident, DraftRenderer(library))
    stopped = sum(site.status.value == "stopped" for site in incident.sites)
    expected = f"{len(incident.sites) + 1} sites, {stopped} stopped"
    for document in (DocumentKind.PRESS_RELEASE, DocumentKind.DEALER_NOTICE):
        for mark_missing in (False, True):
            draft = session.draft(document, "en", mark_missing=mark_missing)
            assert draft.plain_text().strip() == expected
