"""The LibreOffice driver the round-trip tests stand on: two people's edits come back as
two authors' tracked changes, accepting them gives the edited text, rejecting them the
original, and a step LibreOffice cannot do is told in words."""

from __future__ import annotations

import os
from pathlib import Path

import docx
import pytest

from tests.office.libreoffice_uno import (
    AddComment,
    Author,
    Bold,
    DeleteComments,
    InsertParagraphAfter,
    InsertText,
    LineBreak,
    OfficeError,
    Pause,
    Replace,
    TrackChanges,
    accept_all,
    body_text,
    edit,
    needs_office,
    reject_all,
    run_jobs,
    tracked_changes,
)

pytestmark = [pytest.mark.libreoffice, needs_office]

ORIGINAL = [
    "Northwind Motors statement",
    "We are working with specialists to restore our systems.",
    "Our dealers remain open.",
]


def word_document(path: Path) -> Path:
    document = docx.Document()
    document.add_heading(ORIGINAL[0], level=1)
    for text in ORIGINAL[1:]:
        document.add_paragraph(text)
    document.save(str(path))
    return path


def test_two_peoples_edits_are_two_authors_tracked_changes_and_accepting_gives_their_text(
    tmp_path: Path,
) -> None:
    original = word_document(tmp_path / "statement.docx")
    edited = edit(
        original,
        tmp_path / "edited.docx",
        [
            TrackChanges(),
            Author("Legal"),
            Replace("specialists", "external specialists"),
            Author("CEO Office"),
            InsertParagraphAfter("restore our systems.", "We apologise to our customers."),
            Bold("dealers"),
            InsertText(after="remain", text="\u00a0fully"),
            LineBreak(after="Our"),
        ],
    )
    assert edited.records_changes
    assert [(change.author, change.kind, change.text) for change in edited.changes] == [
        ("Legal", "Delete", "specialists"),
        ("Legal", "Insert", "external specialists"),
        ("CEO Office", "Insert", "\nWe apologise to our customers."),
        ("CEO Office", "Insert", "\n"),
        ("CEO Office", "Format", "dealers"),
        ("CEO Office", "Insert", "\u00a0fully"),
    ]
    assert tracked_changes(tmp_path / "edited.docx") == [
        (change.author, change.kind) for change in edited.changes
    ]
    # Until accepted, LibreOffice's text still holds what a change deletes.
    assert "specialistsexternal specialists" in edited.paragraphs[1]

    accepted = accept_all(tmp_path / "edited.docx", tmp_path / "accepted.docx")
    assert accepted.changes == ()
    assert list(accepted.paragraphs) == [
        "Northwind Motors statement",
        "We are working with external specialists to restore our systems.",
        "We apologise to our customers.",
        "Our\n dealers remain\u00a0fully open.",
    ]
    assert body_text(tmp_path / "accepted.docx") == list(accepted.paragraphs)

    rejected = reject_all(tmp_path / "edited.docx", tmp_path / "rejected.docx")
    assert list(rejected.paragraphs) == ORIGINAL
    assert rejected.changes == ()


def test_a_comment_is_listed_with_its_author_and_can_be_deleted(tmp_path: Path) -> None:
    original = word_document(tmp_path / "statement.docx")
    commented = edit(
        original,
        tmp_path / "commented.docx",
        [Author("Legal"), AddComment(on="specialists", text="Name them?")],
    )
    assert [(c.author, c.text, c.resolved) for c in commented.comments] == [
        ("Legal", "Name them?", False)
    ]
    assert commented.changes == ()  # track changes was off
    cleaned = edit(tmp_path / "commented.docx", tmp_path / "cleaned.docx", [DeleteComments()])
    assert cleaned.comments == ()
    assert list(cleaned.paragraphs) == ORIGINAL


def test_a_phrase_that_is_not_in_the_document_is_named(tmp_path: Path) -> None:
    original = word_document(tmp_path / "statement.docx")
    with pytest.raises(OfficeError, match=r"step 2 \(replace\): 'ransom' .* is not in the"):
        edit(original, tmp_path / "edited.docx", [TrackChanges(), Replace("ransom", "fee")])
    assert not (tmp_path / "edited.docx").exists()


@pytest.mark.slow
def test_a_libreoffice_that_hangs_is_ended_whole_at_the_timeout(tmp_path: Path) -> None:
    original = word_document(tmp_path / "statement.docx")
    hanging = {"open": str(original), "steps": [{"do": Pause(600).do, "seconds": 600}]}
    with pytest.raises(OfficeError, match="took more than 20 s and was stopped") as raised:
        run_jobs([hanging], timeout_seconds=20)
    groups = raised.value.process_groups
    assert len(groups) == 2  # the script's and soffice's (its launcher and soffice.bin)
    for group in groups:
        with pytest.raises(ProcessLookupError):
            os.killpg(group, 0)
