"""A redline is a Word document whose differences are real tracked changes: accepting
every change gives the text after exactly, rejecting every change the text before, for
words, paragraphs, whitespace and French typography alike; the facts changed are listed
at the top, not tracked."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import docx
import pytest
from docx.oxml.ns import qn
from hypothesis import HealthCheck, given, settings, strategies as st

from app.errors import ExportError
from app.export.marks import Mark
from app.export.redline import ComparedText, Redline, paragraph_text, write_redline
from app.record.diff import FactChange, word_diff
from app.templates.documents import DocumentKind
from tests.export.redline_reading import (
    accepted,
    compared_paragraphs,
    open_redline,
    opening_texts,
    rejected,
    revisions,
)

NNBSP, NBSP = "\u202f", "\u00a0"
ISSUED_AT = datetime(2025, 9, 2, 8, 0, tzinfo=UTC)
CHANGED_AT = datetime(2025, 9, 2, 14, 30, tzinfo=UTC)
LONDON = ZoneInfo("Europe/London")


def redline(
    before: str,
    after: str,
    *,
    language: Any = "en",
    facts: list[FactChange] | None = None,
    **options: Any,
) -> Redline:
    return Redline(
        document=DocumentKind.PRESS_RELEASE,
        language=language,
        before=ComparedText(before, 1, ISSUED_AT, "Ann Carter (General Counsel)"),
        after=ComparedText(after, 2, CHANGED_AT, "Raj Patel (Chief Executive)"),
        pieces=word_diff(paragraph_text(before), paragraph_text(after)),
        author="Raj Patel (Chief Executive)",
        at=CHANGED_AT,
        facts=facts or [],
        organisation="Northwind Motors",
        locale="en_GB" if language == "en" else "fr_FR",
        proofing_tag="en-GB" if language == "en" else "fr-FR",
        zone=LONDON,
        **options,
    )


def written(tmp_path: Path, before: str, after: str, **options: Any) -> Path:
    out = tmp_path / "redline.docx"
    write_redline(redline(before, after, **options), out)
    return out


STATEMENT = (
    "NORTHWIND MOTORS STATEMENT\n"
    "\n"
    "We are working with specialists to restore our systems.\n"
    "\n"
    "Our dealers remain open.\n"
)
FRENCH = (
    "COMMUNIQUÉ DE NORTHWIND MOTORS\n"
    "\n"
    f"Nous travaillons avec des spécialistes{NNBSP}; nos concessions restent ouvertes{NNBSP}!\n"
    f"Contact{NBSP}: « {NBSP}presse{NBSP}» au 01{NBSP}23{NBSP}45.\n"
)

CASES = {
    "words replaced": (
        STATEMENT,
        STATEMENT.replace("specialists", "external experts").replace("open", "fully open"),
    ),
    "paragraph inserted": (
        STATEMENT,
        STATEMENT.replace("open.\n", "open.\n\nWe apologise to our customers.\n"),
    ),
    "paragraph inserted at the end without a newline": ("One line.", "One line.\nA second."),
    "paragraph deleted": (STATEMENT, STATEMENT.replace("\nOur dealers remain open.\n", "")),
    "last paragraph deleted": ("First.\nSecond.\nThird.", "First.\nSecond."),
    "first paragraph deleted": ("First.\nSecond.\nThird.", "Second.\nThird."),
    "paragraph split": (STATEMENT, STATEMENT.replace("specialists to", "specialists.\nWe aim to")),
    "paragraphs merged": (
        STATEMENT,
        STATEMENT.replace("systems.\n\nOur", "systems; our"),
    ),
    "only whitespace changed": (
        STATEMENT,
        STATEMENT.replace("with specialists", "with  specialists"),
    ),
    "blank lines added and removed": ("A\n\n\nB\nC\n", "A\nB\n\n\n\nC\n"),
    "spaces at the ends of lines": ("  indented\ntrailing  \n", "indented\n trailing\n"),
    "French typography": (
        FRENCH,
        FRENCH.replace("des spécialistes", "des experts externes").replace(
            f"«{NBSP}presse{NBSP}»", f"«{NBSP}service de presse{NBSP}»"
        ),
    ),
    "narrow space replaced by a plain one": (FRENCH, FRENCH.replace(NNBSP, " ")),
    "empty before": ("", STATEMENT),
    "empty after": (STATEMENT, ""),
    "tabs": ("Name\tRole\n", "Name\tTitle\tRole\n"),
    "rewritten throughout": ("Alpha beta.\nGamma.", "Delta.\n\nEpsilon zeta eta.\nTheta."),
}


@pytest.mark.parametrize(("before", "after"), CASES.values(), ids=CASES.keys())
def test_accepting_all_gives_the_text_after_and_rejecting_all_the_text_before(
    tmp_path: Path, before: str, after: str
) -> None:
    out = written(tmp_path, before, after)
    assert accepted(out) == after.removesuffix("\n")
    assert rejected(out) == before.removesuffix("\n")
    assert revisions(out), "the texts differ: there are tracked changes"


def test_a_paragraph_break_inserted_or_deleted_is_a_tracked_paragraph_mark(tmp_path: Path) -> None:
    split = written(tmp_path, "We are open today.", "We are open.\nToday.")
    marks = [
        paragraph.find(f"{qn('w:pPr')}/{qn('w:rPr')}/{qn('w:ins')}")
        for paragraph in compared_paragraphs(open_redline(split))
    ]
    assert [mark is not None for mark in marks] == [True, False]

    merged = tmp_path / "merged.docx"
    write_redline(redline("We are open.\nToday.", "We are open today."), merged)
    first, second = compared_paragraphs(open_redline(merged))
    assert first.find(f"{qn('w:pPr')}/{qn('w:rPr')}/{qn('w:del')}") is not None
    assert second.find(f"{qn('w:pPr')}/{qn('w:rPr')}") is None


def test_identical_texts_give_no_tracked_change(tmp_path: Path) -> None:
    out = written(tmp_path, STATEMENT, STATEMENT)
    assert revisions(out) == []
    assert accepted(out) == rejected(out) == STATEMENT.removesuffix("\n")
    # Blank lines stay empty paragraphs: nothing of the text is lost.
    assert len(compared_paragraphs(open_redline(out))) == STATEMENT.count("\n")


def test_deleted_words_are_deletions_and_added_words_insertions(tmp_path: Path) -> None:
    out = written(tmp_path, "We are working with specialists.", "We are working with experts.")
    changes = revisions(out)
    assert [(change.tag, _texts(change)) for change in changes] == [
        (qn("w:del"), "specialists."),
        (qn("w:ins"), "experts."),
    ]
    deleted = changes[0].find(f"{qn('w:r')}/{qn('w:delText')}")
    assert deleted.get(qn("xml:space")) == "preserve"


def _texts(element: Any) -> str:
    return "".join(text.text for text in element.iter(qn("w:t"), qn("w:delText")))


def test_every_change_names_its_author_and_date_and_has_its_own_id(tmp_path: Path) -> None:
    out = written(tmp_path, STATEMENT, CASES["paragraphs merged"][1].replace("open", "shut"))
    changes = revisions(out)
    assert len(changes) >= 3
    assert {change.get(qn("w:author")) for change in changes} == {"Raj Patel (Chief Executive)"}
    assert {change.get(qn("w:date")) for change in changes} == {"2025-09-02T14:30:00Z"}
    ids = [change.get(qn("w:id")) for change in changes]
    assert len(set(ids)) == len(ids)


def test_the_top_names_the_two_statements_and_lists_the_facts_changed(tmp_path: Path) -> None:
    facts = [
        FactChange("operations.production", "paused", "running"),
        FactChange("recovery.expected_by", None, "2025-09-04"),
        FactChange("data.personal_data_at_risk", False, True),
    ]
    out = written(tmp_path, STATEMENT, STATEMENT.replace("open", "closed"), facts=facts)
    assert opening_texts(open_redline(out)) == [
        "Comparison",
        "Press release in English",
        "Before: statement 1 of the record, issued 2 September 2025, 09:00 BST, approved by "
        "Ann Carter (General Counsel)",
        "After: statement 2 of the record, issued 2 September 2025, 15:30 BST, approved by "
        "Raj Patel (Chief Executive)",
        "Changes tracked as made by Raj Patel (Chief Executive), 2 September 2025, 15:30 BST.",
        "Accept all the changes to read the text after; reject them all to read the text before.",
        "Facts changed",
        "operations.production: “paused” → “running”",
        "recovery.expected_by: (none) → “2025-09-04”",
        "data.personal_data_at_risk: no → yes",
        "Text, with the changes tracked",
    ]
    document = open_redline(out)
    bullets = [p for p in document.paragraphs if p.style.name == "List Bullet"]
    assert len(bullets) == 3
    # The opening part is no tracked change: accepting or rejecting leaves it as it is.
    opening = document.element.body[: len(opening_texts(document))]
    assert not [e for p in opening for e in p.iter(qn("w:ins"), qn("w:del"))]


def test_no_fact_changed_is_said_and_unreadable_facts_are_named(tmp_path: Path) -> None:
    out = written(tmp_path, STATEMENT, STATEMENT)
    assert "No fact changed." in opening_texts(open_redline(out))
    unreadable = written(tmp_path, STATEMENT, STATEMENT, unreadable=(1,))
    texts = opening_texts(open_redline(unreadable))
    assert "No fact changed." not in texts
    assert (
        "The facts recorded with statement 1 cannot be read (the file was changed by hand): "
        "they are not compared, only the texts." in texts
    )


def test_a_current_draft_is_named_as_such(tmp_path: Path) -> None:
    draft_side = Redline(
        document=DocumentKind.STAFF_MESSAGE,
        language="en",
        before=ComparedText("Old.", 3, ISSUED_AT, "Ann Carter (General Counsel)", True),
        after=ComparedText("New."),
        pieces=word_diff("Old.", "New."),
        author="CrisisDraft",
        at=CHANGED_AT,
        zone=LONDON,
    )
    out = tmp_path / "draft.docx"
    write_redline(draft_side, out)
    texts = opening_texts(open_redline(out))
    assert texts[1] == "Staff message in English"
    assert texts[2] == (
        "Before: statement 3 of the record, edited in Word, issued 2 September 2025, 09:00 BST, "
        "approved by Ann Carter (General Counsel)"
    )
    assert texts[3] == "After: the current draft (not issued)"
    assert {change.get(qn("w:author")) for change in revisions(out)} == {"CrisisDraft"}


def test_a_french_redline_speaks_french_with_french_typography(tmp_path: Path) -> None:
    facts = [FactChange("operations.production", "paused", "running")]
    out = written(
        tmp_path, FRENCH, FRENCH.replace("ouvertes", "fermées"), language="fr", facts=facts
    )
    texts = opening_texts(open_redline(out))
    assert texts[:2] == ["Comparaison", "Communiqué de presse en français"]
    assert texts[2] == (
        f"Avant{NBSP}: déclaration 1 du registre, diffusée le 2{NBSP}septembre 2025 à "
        f"9{NBSP}h{NBSP}00 (heure de Londres), approuvée par Ann Carter (General Counsel)"
    )
    assert f"operations.production{NBSP}: «{NBSP}paused{NBSP}» → «{NBSP}running{NBSP}»" in texts
    assert texts[-1] == "Texte, avec les modifications suivies"
    assert f"texte après{NNBSP}; refusez-les" in texts[5]
    document = docx.Document(str(out))
    assert document.sections[0].header.paragraphs[0].text == "COMPARAISON – NE PAS DIFFUSER"
    assert document.core_properties.language == "fr-FR"
    assert document.core_properties.title == "Comparaison – Communiqué de presse en français"


def test_the_header_says_comparison_and_the_privilege_mark_goes_beside_it(tmp_path: Path) -> None:
    plain = docx.Document(str(written(tmp_path, "A.", "B.")))
    assert plain.sections[0].header.paragraphs[0].text == "COMPARISON – NOT FOR RELEASE"
    privileged = tmp_path / "privileged.docx"
    write_redline(redline("A.", "B.", mark=Mark.PRIVILEGED), privileged)
    header = docx.Document(str(privileged)).sections[0].header.paragraphs[0].text
    assert header == (
        "COMPARISON – NOT FOR RELEASE\n"
        "PRIVILEGED & CONFIDENTIAL – PREPARED AT THE REQUEST OF COUNSEL"
    )


def test_properties_and_proofing_language_are_those_of_the_document(tmp_path: Path) -> None:
    document = docx.Document(str(written(tmp_path, "A.", "B.")))
    properties = document.core_properties
    assert properties.title == "Comparison – Press release in English"
    assert properties.author == "Northwind Motors"
    assert properties.last_modified_by == "Raj Patel (Chief Executive)"
    assert properties.language == "en-GB"
    defaults = document.styles.element.find(qn("w:docDefaults"))
    assert defaults.find(f".//{qn('w:lang')}").get(qn("w:val")) == "en-GB"


def test_pieces_that_are_not_the_two_texts_compared_are_refused(tmp_path: Path) -> None:
    wrong = redline("Before.", "After.")
    mismatched = Redline(**{**wrong.__dict__, "pieces": word_diff("Before.", "Something else.")})
    with pytest.raises(ValueError, match="not a comparison of the two texts"):
        write_redline(mismatched, tmp_path / "wrong.docx")
    assert not (tmp_path / "wrong.docx").exists()


def test_a_name_that_is_not_docx_or_a_folder_that_cannot_be_written_is_refused(
    tmp_path: Path,
) -> None:
    with pytest.raises(ExportError, match=r"redline\.pdf: a comparison is written as a Word"):
        write_redline(redline("A.", "B."), tmp_path / "redline.pdf")
    missing = tmp_path / "no such folder" / "redline.docx"
    with pytest.raises(ExportError, match="cannot write the comparison"):
        write_redline(redline("A.", "B."), missing)


LINES = st.lists(
    st.text(alphabet=st.sampled_from(["a", "b", "é", " ", NNBSP, NBSP, "«", "»", "\t", "\r"])),
    max_size=6,
).map("\n".join)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(before=LINES, after=LINES)
def test_any_two_texts_round_trip_through_accept_and_reject(
    tmp_path: Path, before: str, after: str
) -> None:
    out = tmp_path / "any.docx"
    write_redline(redline(before, after), out)
    assert accepted(out) == after.removesuffix("\n")
    assert rejected(out) == before.removesuffix("\n")
