"""A Word document edited outside the app: the checks its text must pass, and the
evidence that it is this incident's document, in this language, of this statement."""

from __future__ import annotations

import dataclasses
import re
from datetime import datetime

import pytest

from app.drafts.blocks import Block, BlockKind, Draft, Span
from app.export.marks import INTERNAL_MARKS, PRIVILEGE_MARKS, draft_mark
from app.facts.models import Incident
from app.record.edited_checks import edited_problems
from app.record.edited_identity import DocumentEvidence, identity_refusal
from app.session.selection import Selection
from app.templates.documents import DocumentKind

NOW = datetime.fromisoformat("2025-09-02T10:00:00+01:00")


def replaced(draft: Draft, old: str, new: str) -> Draft:
    """``draft`` with ``old`` replaced by ``new`` in every span, as an editor in Word
    would change a phrase."""
    assert old in draft.plain_text(), f"{old!r} is not in the draft"
    blocks = tuple(
        dataclasses.replace(
            block,
            spans=tuple(Span(s.text.replace(old, new), s.bold, s.italic) for s in block.spans),
        )
        for block in draft.blocks
    )
    return Draft(info=draft.info, blocks=blocks)


def with_paragraph(draft: Draft, text: str) -> Draft:
    return Draft(info=draft.info, blocks=(*draft.blocks, Block(BlockKind.PARAGRAPH, (Span(text),))))


@pytest.fixture
def drafts(make_incident, renderer):
    incident = make_incident()
    every = {
        (document.value, language): renderer.render(incident, document, language)
        for document, language in Selection().of(incident).pairs()
    }
    return incident, every


def problems_of(incident: Incident, drafts, edited: Draft, header=()) -> list[str]:
    key = (edited.info.document.value, edited.info.language)
    others = {other: draft for other, draft in drafts.items() if other != key}
    found = edited_problems(
        incident, edited, drafts[key], others, header, NOW, source="edited.docx"
    )
    return [problem.message for problem in found]


def test_the_drafts_own_text_passes_every_check(drafts) -> None:
    incident, every = drafts
    press = every[("press_release", "en")]
    assert problems_of(incident, every, press) == []


def test_an_absolute_claim_written_in_word_is_caught(drafts) -> None:
    incident, every = drafts
    press = every[("press_release", "en")]
    edited = with_paragraph(press, "No customer data was affected.")
    messages = problems_of(incident, every, edited)
    assert any("No customer data was affected" in m and "do not support" in m for m in messages)


def test_a_figure_added_in_word_is_a_fact_nobody_entered(drafts) -> None:
    incident, every = drafts
    press = every[("press_release", "en")]
    edited = with_paragraph(press, "About 4500 vehicles are waiting to be registered.")
    messages = problems_of(incident, every, edited)
    assert any("gives numbers the facts do not (4500)" in m for m in messages)
    # ... and the French press release, as the app drafts it, disagrees with it
    assert any("English and French versions disagree" in m and "4500" in m for m in messages)


def test_a_site_dropped_in_word_is_named(drafts) -> None:
    incident, every = drafts
    press = every[("press_release", "en")]
    site = incident.sites[0].name
    edited = replaced(press, site, "one of our plants")
    messages = problems_of(incident, every, edited)
    assert any(f"no longer names '{site}'" in m for m in messages)


def test_a_draft_mark_left_in_the_header_blocks_the_issue(drafts) -> None:
    incident, every = drafts
    press = every[("press_release", "fr")]
    messages = problems_of(incident, every, press, header=(draft_mark(press),))
    assert any("still carries the DRAFT mark" in m for m in messages)


def evidence(draft: Draft, **changes) -> DocumentEvidence:
    base = DocumentEvidence(
        file_name="edited.docx",
        proofing_tag=draft.info.proofing_tag,
        body_text=draft.plain_text(),
        header_texts=(draft_mark(draft),),
        author=draft.info.author,
    )
    return dataclasses.replace(base, **changes)


def test_the_exported_document_is_recognised(drafts) -> None:
    incident, every = drafts
    for draft in every.values():
        assert identity_refusal(incident, draft, evidence(draft)) is None


def test_a_french_document_given_as_english_is_refused(drafts) -> None:
    incident, every = drafts
    english, french = every[("staff_message", "en")], every[("staff_message", "fr")]
    refusal = identity_refusal(incident, english, evidence(french))
    assert refusal is not None
    assert str(refusal) == (
        "edited.docx: its text is in French (proofing language fr-FR), not in English: issue "
        "it as the French document, or bring back the English one"
    )


def test_another_organisations_document_is_refused(drafts) -> None:
    incident, every = drafts
    draft = every[(DocumentKind.DEALER_NOTICE.value, "en")]
    name = incident.organisation.name
    other = evidence(
        draft,
        body_text=re.sub(re.escape(name), "Eastwind Cars", draft.plain_text(), flags=re.I),
        author="Eastwind Cars",
        header_texts=(),
    )
    refusal = identity_refusal(incident, draft, other)
    assert refusal is not None and f"it does not name {name}" in str(refusal)


def test_the_document_of_another_statement_is_refused(drafts) -> None:
    incident, every = drafts
    draft = every[("press_release", "en")]
    yesterday = "DRAFT – NOT FOR RELEASE · 1 September 2025, 17:00 BST"
    refusal = identity_refusal(incident, draft, evidence(draft, header_texts=(yesterday,)))
    assert refusal is not None
    assert "exported for the statement of 1 September 2025, 17:00 BST" in str(refusal)
    assert draft.info.statement_time in str(refusal)


def test_a_dateline_removed_with_the_mark_leaves_no_evidence_of_the_statement(drafts) -> None:
    incident, every = drafts
    draft = every[("press_release", "en")]
    day = draft.info.statement_time.split(",")[0]
    assert day in draft.plain_text()  # the press release's dateline
    undated = evidence(draft, body_text=draft.plain_text().replace(day, ""), header_texts=())
    refusal = identity_refusal(incident, draft, undated)
    assert refusal is not None and f"does not give the date of this statement ({day})" in str(
        refusal
    )


def test_a_header_of_several_lines_is_still_this_statements(drafts) -> None:
    """Word keeps the marks under the DRAFT line in one header paragraph: the lines
    under it (privileged, not for publication) are not part of the statement's time."""
    incident, every = drafts
    draft = every[("press_release", "en")]
    header = f"{draft_mark(draft)}\n{PRIVILEGE_MARKS['en']}\n{INTERNAL_MARKS['en']}"
    assert identity_refusal(incident, draft, evidence(draft, header_texts=(header,))) is None


def test_a_privilege_mark_left_in_the_header_blocks_the_issue(drafts) -> None:
    incident, every = drafts
    press = every[("press_release", "fr")]
    messages = problems_of(incident, every, press, header=(PRIVILEGE_MARKS["fr"],))
    assert any("says it is privileged and prepared for counsel" in m for m in messages)


@pytest.mark.parametrize(
    "claim", ["Aucune donnée client n’a été touchée.", "Aucune donnée de client n’a été volée."]
)
def test_a_french_absolute_claim_written_in_word_is_caught(drafts, claim) -> None:
    incident, every = drafts
    edited = with_paragraph(every[("press_release", "fr")], claim)
    messages = problems_of(incident, every, edited)
    assert any(claim[:-1] in m and "(aucune donnée n’a été touchée)" in m for m in messages)
