"""Documents LibreOffice saved read back as the app's reader must read them: every
exported document re-saved as Word with no edit gives the same text (LibreOffice
writes its own style ids, numbering and runs), LibreOffice's comments are found with
their author and place and its resolved ones are not, and a real .doc it writes is
refused. LibreOffice stands in for a colleague's Word (tests/office drives it)."""

from __future__ import annotations

import json
import subprocess
import zipfile
from pathlib import Path

import pytest

from app.drafts.short_texts import with_counts
from app.errors import CrisisDraftError
from app.export.pack import write_documents
from app.facts.loading import parse_incident
from app.word_import import (
    ChangeKind,
    Part,
    Place,
    open_revisions,
    read_returned_document,
    unresolved_revisions,
)
from tests.conftest import example_document
from tests.office.libreoffice_uno import (
    AddComment,
    Author,
    Bold,
    InsertParagraphAfter,
    Replace,
    ResolveComments,
    TrackChanges,
    edit,
    needs_office,
    run_jobs,
)
from tests.word_import.documents import draft_of, exported
from tests.word_import.test_round_trip import example_drafts

pytestmark = [pytest.mark.libreoffice, pytest.mark.slow, needs_office]

RELEASE = (
    "# Northwind Motors takes systems offline\n\n"
    "Northwind Motors detected a cyberattack on Monday.\n\n"
    "- Solihull plant: stopped\n"
    "- Gaydon office: open\n\n"
    "We will update this statement by 17:00.\n"
)


@pytest.mark.parametrize("example", ["northwind-cyberattack", "data-affected-paused"])
def test_every_document_resaved_by_libreoffice_reads_back_as_exported(
    example: str, renderer, tmp_path: Path
) -> None:
    drafts = example_drafts(example, renderer)
    assert len(drafts) >= 2 * 7  # every document owed, each in its languages
    written = write_documents(
        parse_incident(json.dumps(example_document(example))),
        [(draft, None) for draft in drafts],
        tmp_path / "exported",
    ).documents
    (tmp_path / "resaved").mkdir()
    resaved = {document.path: tmp_path / "resaved" / document.path.name for document in written}
    run_jobs([{"open": str(src), "steps": [], "save": str(dst)} for src, dst in resaved.items()])
    for document in written:
        sent = with_counts(document.draft)
        saved = resaved[document.path]
        assert saved.read_bytes() != document.path.read_bytes()  # LibreOffice's own file
        returned = read_returned_document(saved)
        assert returned.draft(sent.info).plain_text() == sent.plain_text(), saved.name
        assert returned.proofing_tag == sent.info.proofing_tag
        assert returned.header_texts == read_returned_document(document.path).header_texts
        assert not returned.revisions.open


def test_libreoffice_tracked_changes_are_found_where_they_are(tmp_path: Path) -> None:
    path = exported(draft_of(RELEASE), tmp_path / "release.docx")
    tracked = tmp_path / "tracked.docx"
    edit(
        path,
        tracked,
        [
            TrackChanges(),
            Author("Legal"),
            Replace("cyberattack", "cyber incident"),
            Author("CEO Office"),
            InsertParagraphAfter("Gaydon office: open", "Coventry: open"),
            Bold("Solihull"),
        ],
    )
    detected = Place(Part.BODY, 2, "Northwind Motors detected a cyber incident…")
    assert sorted(
        (c.kind.value, c.author, c.place.paragraph, c.place.words)
        for c in open_revisions(tracked).changes
    ) == sorted(
        [
            (ChangeKind.DELETION.value, "Legal", detected.paragraph, detected.words),
            (ChangeKind.INSERTION.value, "Legal", detected.paragraph, detected.words),
            (ChangeKind.FORMATTING.value, "CEO Office", 3, "Solihull plant: stopped"),
            (ChangeKind.INSERTION.value, "CEO Office", 5, "Coventry: open"),
        ]
    )
    assert str(unresolved_revisions(tracked)) == (
        "tracked.docx: the document still holds 4 tracked change(s) (paragraph 2 “Northwind "
        "Motors detected a cyber incident…”, by Legal, paragraph 3 “Solihull plant: "
        "stopped”, by CEO Office and paragraph 5 “Coventry: open”, by CEO Office): accept or "
        "reject every change in Word (Review), then save it and bring it back"
    )


def test_libreoffice_comments_are_found_and_resolved_ones_are_not(tmp_path: Path) -> None:
    path = exported(draft_of(RELEASE), tmp_path / "release.docx")
    commented = tmp_path / "commented.docx"
    edit(
        path,
        commented,
        [Author("Legal"), AddComment(on="Gaydon office", text="Is it really open?")],
    )
    revisions = open_revisions(commented)
    assert [(c.author, c.place) for c in revisions.comments] == [
        ("Legal", Place(Part.BODY, 4, "Gaydon office: open"))
    ]
    assert "1 comment(s) not resolved (paragraph 4 “Gaydon office: open”, by Legal)" in str(
        unresolved_revisions(commented)
    )
    resolved = tmp_path / "resolved.docx"
    edit(commented, resolved, [ResolveComments()])
    with zipfile.ZipFile(resolved) as archive:  # kept, marked done as Word marks it
        assert b'w15:done="1"' in archive.read("word/commentsExtended.xml")
    assert open_revisions(resolved).comments == ()
    assert unresolved_revisions(resolved) is None


def test_a_doc_written_by_libreoffice_is_refused(tmp_path: Path) -> None:
    from tests.export.libreoffice import SOFFICE

    assert SOFFICE is not None
    path = exported(draft_of(RELEASE), tmp_path / "release.docx")
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}",
            "--headless",
            "--convert-to",
            "doc",
            "--outdir",
            str(tmp_path / "doc"),
            str(path),
        ],
        capture_output=True,
        timeout=300,
        check=True,
    )
    with pytest.raises(CrisisDraftError) as refused:
        read_returned_document(tmp_path / "doc" / "release.doc")
    assert str(refused.value).startswith("release.doc: this is an old Word document (.doc)")
