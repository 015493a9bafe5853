"""One open incident: problems decided in one place, each draft rendered once per
version of the facts, exports refused with the words ``check`` prints."""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from app.drafts.blocks import Draft
from app.drafts.render import DraftRenderer
from app.errors import CrisisDraftError, TemplateError
from app.export.pack import Existing
from app.facts.loading import load_incident
from app.facts.models import Approver, Incident, Language
from app.record.approval import approval_for
from app.record.issuing import FinalDocument, record_issued
from app.session.incident_session import IncidentSession
from app.session.problems import ExportBlockedError
from app.session.selection import Selection
from app.templates.documents import DocumentKind
from app.templates.library import TemplateLibrary
from app.templates.metadata import TemplateSet

COUNSEL = Approver(name="Sam Patel", role="General Counsel")
HOLDING = Selection(template_set=TemplateSet.HOLDING)
APPROVED_AT = datetime.fromisoformat("2025-09-02T09:20:00+01:00")
ISSUED_AT = datetime.fromisoformat("2025-09-02T09:30:00+01:00")


class CountingRenderer(DraftRenderer):
    """The real renderer, counting what it renders (document, language)."""

    def __init__(self, library: TemplateLibrary) -> None:
        super().__init__(library)
        self.rendered: Counter[tuple[DocumentKind, Language]] = Counter()

    def render(
        self, incident: Incident, document: DocumentKind, language: Language, **options: Any
    ) -> Draft:
        self.rendered[(document, language)] += 1
        return super().render(incident, document, language, **options)


class BrokenDealerNotice(CountingRenderer):
    """The real renderer, with the French dealer notice's template at fault."""

    def render(
        self, incident: Incident, document: DocumentKind, language: Language, **options: Any
    ) -> Draft:
        if (document, language) == (DocumentKind.DEALER_NOTICE, "fr"):
            raise TemplateError(
                "unexpected end of template", template="dealer_notice/fr.md.j2", line=7
            )
        return super().render(incident, document, language, **options)


def test_check_approve_and_final_export_render_each_draft_once(
    write_incident, library: TemplateLibrary, tmp_path: Path
) -> None:
    renderer = CountingRenderer(library)
    session = IncidentSession.open(write_incident(), renderer)
    assert not session.problems(HOLDING, clock=lambda: ISSUED_AT).blocks_export
    session.approve(HOLDING, COUNSEL, APPROVED_AT)
    exported = session.export(HOLDING, tmp_path / "out", final=True, now=ISSUED_AT)
    assert len(exported) == 6
    assert set(renderer.rendered.values()) == {1}
    assert len(renderer.rendered) == 6
    session.save_record()
    assert session.path is not None
    assert len(load_incident(session.path).record.issued) == 6


def test_a_draft_export_renders_each_draft_once(make_incident, library, tmp_path: Path) -> None:
    renderer = CountingRenderer(library)
    session = IncidentSession(make_incident(), renderer)
    assert len(session.export(Selection(), tmp_path / "out")) == 6
    assert sum(renderer.rendered.values()) == 6


def test_new_facts_are_rendered_again(make_incident, library) -> None:
    renderer = CountingRenderer(library)
    session = IncidentSession(make_incident(), renderer)
    session.draft(DocumentKind.PRESS_RELEASE, "en")
    session.draft(DocumentKind.PRESS_RELEASE, "en")
    assert sum(renderer.rendered.values()) == 1
    session.replace(make_incident(data__status="under_investigation"))
    session.draft(DocumentKind.PRESS_RELEASE, "en")
    assert sum(renderer.rendered.values()) == 2


def test_export_is_refused_with_the_words_check_prints(
    make_incident, renderer, tmp_path: Path
) -> None:
    session = IncidentSession(make_incident(guidance__staff={"en": "Stay at home."}), renderer)
    problems = session.problems(Selection())
    (error,) = problems.errors
    assert error.field == "guidance.staff.fr"
    for final in (False, True):
        with pytest.raises(ExportBlockedError) as refused:
            session.export(Selection(), tmp_path / "out", final=final, now=ISSUED_AT)
        assert str(refused.value) == f"{error}; nothing was exported"
    assert not (tmp_path / "out").exists()
    english = Selection(languages=("en",))
    assert not session.problems(english).blocks_export  # the English export goes ahead
    assert len(session.export(english, tmp_path / "out")) == 3


def test_a_final_export_refuses_unapproved_drafts_as_the_final_check_lists_them(
    make_incident, renderer, tmp_path: Path
) -> None:
    session = IncidentSession(make_incident(), renderer)
    problems = session.problems(HOLDING, clock=lambda: ISSUED_AT, final=True)
    assert len(problems.errors) == 6
    assert problems.errors[0].message.startswith("is not approved as it stands")
    with pytest.raises(ExportBlockedError) as refused:
        session.export(HOLDING, tmp_path / "out", final=True, now=ISSUED_AT)
    assert str(refused.value) == (
        f"{problems.errors[0]} (and 5 more problem(s): run 'crisisdraft check'); "
        "nothing was exported"
    )
    assert not (tmp_path / "out").exists()


def test_a_template_fault_is_an_error_and_the_export_raises_it(
    make_incident, library, tmp_path: Path
) -> None:
    renderer = BrokenDealerNotice(library)
    session = IncidentSession(make_incident(), renderer)
    problems = session.problems(Selection())
    assert [str(p) for p in problems.errors] == [
        "dealer_notice/fr.md.j2:7: unexpected end of template"
    ]
    with pytest.raises(TemplateError, match=r"dealer_notice/fr\.md\.j2:7"):
        session.export(Selection(), tmp_path / "out")
    assert not (tmp_path / "out").exists()
    assert sum(renderer.rendered.values()) == 5  # the broken one is not tried again


def test_render_refuses_facts_with_an_error_and_points_to_check(make_incident, renderer) -> None:
    session = IncidentSession(make_incident(guidance__staff={"en": "Stay at home."}), renderer)
    assert session.render(DocumentKind.STAFF_MESSAGE, "en", None).plain_text()
    with pytest.raises(CrisisDraftError, match="run 'crisisdraft check' for the full list"):
        session.render(DocumentKind.STAFF_MESSAGE, "fr", None)


def test_a_library_read_again_renders_the_drafts_again(make_incident, library) -> None:
    first, second = CountingRenderer(library), CountingRenderer(library)
    session = IncidentSession(make_incident(), first)
    session.draft(DocumentKind.PRESS_RELEASE, "en")
    session.use_renderer(second)
    session.draft(DocumentKind.PRESS_RELEASE, "en")
    assert sum(first.rendered.values()) == sum(second.rendered.values()) == 1


def test_problems_name_the_file_the_incident_was_saved_as(make_incident, renderer) -> None:
    session = IncidentSession(make_incident(guidance__staff={"en": "Stay at home."}), renderer)
    assert session.problems(Selection()).errors[0].where.startswith("incident")
    session.move_to(Path("northwind.crisis.json"))
    assert session.problems(Selection()).errors[0].where.startswith("northwind.crisis.json")


def test_approved_lists_the_drafts_approved_as_they_read_now(make_incident, renderer) -> None:
    session = IncidentSession(make_incident(), renderer)
    english = Selection(languages=("en",), template_set=TemplateSet.HOLDING)
    assert session.approved(HOLDING) == []
    session.approve(english, COUNSEL, APPROVED_AT)
    assert [draft.info.language for draft in session.approved(HOLDING)] == ["en"] * 3


def test_nothing_is_new_before_a_first_statement(make_incident, renderer) -> None:
    session = IncidentSession(make_incident(), renderer)
    assert session.changes_since_last_statement() is None


def test_problems_are_found_once_per_change_and_again_after_one(
    make_incident, library: TemplateLibrary, monkeypatch
) -> None:
    from app.session import incident_session

    searches: list[Selection] = []
    real = incident_session.find_problems

    def counting(incident, selection, *args, **kwargs):
        searches.append(selection)
        return real(incident, selection, *args, **kwargs)

    monkeypatch.setattr(incident_session, "find_problems", counting)
    session = IncidentSession(make_incident(), CountingRenderer(library))
    at = lambda: ISSUED_AT  # noqa: E731 - a fixed clock
    first = session.problems(HOLDING, clock=at)
    assert session.problems(HOLDING, clock=at) is first  # the preview, then the buttons
    assert len(searches) == 1
    session.problems(HOLDING)  # another question (no record checks): found anew
    assert len(searches) == 2
    session.approve(HOLDING, COUNSEL, APPROVED_AT)  # approvals change a final export's
    assert not session.problems(HOLDING, clock=at, final=True).blocks_export
    session.replace(make_incident(next_update_at=None))  # the facts changed
    assert session.problems(HOLDING, clock=at) is not first
    assert len(searches) == 4


class TypingWhileRendering(DraftRenderer):
    """The real renderer; its first render is overtaken, as in the app, by the user:
    the window's thread replaces the facts and shows the new draft before the
    background's render of the old facts ends."""

    def __init__(self, library: TemplateLibrary, new_facts: Incident) -> None:
        super().__init__(library)
        self.new_facts = new_facts
        self.session: IncidentSession | None = None

    def render(
        self, incident: Incident, document: DocumentKind, language: Language, **options: Any
    ) -> Draft:
        draft = super().render(incident, document, language, **options)
        session, self.session = self.session, None
        if session is not None:  # the other thread, meanwhile
            session.replace(self.new_facts)
            assert "Southwind" in session.draft(document, language).plain_text()
        return draft


def test_a_draft_of_facts_replaced_while_it_rendered_is_not_kept(make_incident, library) -> None:
    renderer = TypingWhileRendering(library, make_incident(organisation__name="Southwind Motors"))
    session = IncidentSession(make_incident(), renderer)
    renderer.session = session
    press = Selection(("en",), (DocumentKind.PRESS_RELEASE,))
    session.prepare(press)  # the background's render, of the old facts
    assert session.prepared(press)
    text = session.draft(DocumentKind.PRESS_RELEASE, "en").plain_text()
    assert "SOUTHWIND MOTORS TAKES SYSTEMS OFFLINE" in text
    assert "NORTHWIND MOTORS TAKES" not in text


def test_prepare_renders_what_is_missing_and_keeps_template_errors(make_incident, library) -> None:
    renderer = BrokenDealerNotice(library)
    session = IncidentSession(make_incident(), renderer)
    assert not session.prepared(HOLDING)
    session.prepare(HOLDING)  # the broken template does not stop the others
    assert session.prepared(HOLDING)
    assert len(renderer.rendered) == 5
    with pytest.raises(TemplateError):
        session.draft(DocumentKind.DEALER_NOTICE, "fr", TemplateSet.HOLDING)
    session.prepare(HOLDING)
    assert sum(renderer.rendered.values()) == 5  # nothing rendered twice


def test_new_approvals_keep_the_drafts_new_statements_do_not(make_incident, library) -> None:
    renderer = CountingRenderer(library)
    session = IncidentSession(make_incident(), renderer)
    session.drafts(HOLDING)
    approved = session.approve(HOLDING, COUNSEL, APPROVED_AT)
    session.replace(approved.model_copy(deep=True))  # the app: the record back from its form
    assert session.prepared(HOLDING)
    assert session.approved(HOLDING) and sum(renderer.rendered.values()) == 6
    final = []
    for draft in session.drafts(HOLDING):
        approval = approval_for(approved, draft)
        assert approval is not None
        final.append(FinalDocument(draft, approval, Path(f"{len(final)}.docx")))
    issued = record_issued(approved, final, ISSUED_AT)
    session.replace(issued)  # an update now says what changed since this statement
    assert not session.prepared(HOLDING)


def test_a_text_in_the_wrong_language_is_a_warning_the_export_goes_past(
    make_incident, renderer, tmp_path: Path
) -> None:
    french = "Nous avons agi rapidement pour protéger nos systèmes et nos clients."
    incident = make_incident(spokesperson__quote={"en": french, "fr": french})
    session = IncidentSession(incident, renderer)
    assert len(session.export(Selection(), tmp_path / "out")) == 6  # never blocked by it
    warned = [p.field for p in session.problems(Selection()).found if not p.blocking]
    assert "spokesperson.quote.en" in warned  # the checks still say it, after the export
    asked = IncidentSession(incident, renderer)
    before = asked.problems(Selection())
    asked.export(Selection(), tmp_path / "again", existing=Existing.REPLACE)
    assert asked.problems(Selection()) is before  # the app's own check, reused by the export
