"""Every document the app exports reads back as the text it exported: the Word reader
maps Word's styles, lists and tables back to the draft's blocks as the export wrote
them, so a document nobody edited shows no change when it comes back."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from app.drafts.blocks import BlockKind, Draft
from app.drafts.short_texts import with_counts
from app.export.pack import write_documents
from app.facts.loading import parse_incident
from app.files.resources import bundled
from app.session.incident_session import IncidentSession
from app.session.selection import Selection
from app.templates.documents import DocumentKind, owed_documents
from app.word_import import read_returned_document
from tests.conftest import example_document
from tests.export.letterheads import HEADER_TEXT, plain_letterhead
from tests.word_import.documents import draft_of, exported

EXAMPLES = sorted(
    path.name.removesuffix(".crisis.json") for path in bundled("examples").glob("*.crisis.json")
)


def example_drafts(name: str, renderer) -> list[Draft]:
    incident = parse_incident(json.dumps(example_document(name)), source=f"{name}.crisis.json")
    session = IncidentSession(incident, renderer)
    every = Selection(documents=owed_documents(incident))
    drafts = session.drafts(every)
    # each document in each language, but a notification only in its authority's
    assert len(drafts) == every.of(incident).count >= 2 * 7
    return drafts


@pytest.mark.parametrize("example", EXAMPLES)
def test_every_exported_document_reads_back_as_the_text_exported(
    example: str, renderer, tmp_path: Path
) -> None:
    drafts = example_drafts(example, renderer)
    written = write_documents(
        parse_incident(json.dumps(example_document(example))),
        [(draft, None) for draft in drafts],
        tmp_path,
    ).documents
    for document in written:
        # the export adds each short text's count under it: that is the text written
        sent = with_counts(document.draft)
        returned = read_returned_document(document.path)
        assert returned.draft(sent.info).plain_text() == sent.plain_text(), document.path.name
        assert returned.proofing_tag == sent.info.proofing_tag
        assert returned.core_author == sent.info.author
        assert returned.core_title == sent.headline[:255]
        assert returned.core_comments == f"Written with CrisisDraft from {sent.info.template}"
        assert any(text.startswith(("DRAFT", "PROJET")) for text in returned.header_texts)
        assert not returned.revisions.open
        assert returned.file_sha256 == hashlib.sha256(document.path.read_bytes()).hexdigest()


def test_the_blocks_come_back_as_written_lists_tables_emphasis_and_breaks(tmp_path: Path) -> None:
    draft = draft_of(
        "# Northwind Motors takes systems offline\n\n"
        "## What happened\n\n"
        "Northwind Motors **detected** a *cyberattack* on Monday.  \n"
        "A second line\tafter a tab.\n\n"
        "> “We are sorry,” said the chief executive.\n\n"
        "- Solihull plant: stopped\n"
        "  - night shift sent home\n"
        "  - day shift on standby\n"
        "- Gaydon office: open\n\n"
        "Between the lists.\n\n"
        "1. Keep your showroom open\n"
        "2. Take orders on paper\n\n"
        "Then:\n\n"
        "1. Call the helpline\n"
        "   1. before noon\n"
        "2. Wait for our e-mail\n\n"
        "| Question | Answer |\n|---|---|\n"
        "| Did you pay? | **No.** |\n| When? | Today |\n",
    )
    returned = read_returned_document(exported(draft, tmp_path / "release.docx"))
    back = returned.draft(draft.info)
    assert back.plain_text() == draft.plain_text()
    assert [(b.kind, b.spans, b.level, b.rows) for b in back.blocks] == [
        (b.kind, b.spans, b.level, b.rows) for b in draft.blocks
    ]
    # items of one list share its id, and each list has its own
    assert _list_groups(back) == _list_groups(draft)
    assert (
        "1. Call the helpline\n\n   1. before noon\n\n2. Wait for our e-mail" in back.plain_text()
    )


def _list_groups(draft: Draft) -> list[list[int]]:
    """Which list items belong together, by their positions."""
    groups: dict[int, list[int]] = {}
    for index, block in enumerate(draft.blocks):
        if block.kind in (BlockKind.BULLET, BlockKind.NUMBERED):
            groups.setdefault(block.list_id, []).append(index)
    return sorted(groups.values())


def test_french_typography_comes_back_as_characters(tmp_path: Path) -> None:
    draft = draft_of(
        "# Communiqué\n\nNorthwind Motors a détecté une cyberattaque : « aucune donnée "
        "n’a été prise » ! Que faire ?\n",
        "fr",
    )
    text = draft.plain_text()
    assert "\u00a0:" in text and "«\u00a0" in text and "\u202f!" in text
    returned = read_returned_document(exported(draft, tmp_path / "communique.docx"))
    assert returned.draft(draft.info).plain_text() == text
    assert returned.proofing_tag == "fr-FR"


def test_a_document_written_on_a_letterhead_reads_back_without_its_header(
    tmp_path: Path, renderer, make_incident
) -> None:
    reference = tmp_path / "letterhead.docx"
    reference.write_bytes(plain_letterhead())
    draft = renderer.render(make_incident(), DocumentKind.STAFF_MESSAGE, "en")
    returned = read_returned_document(exported(draft, tmp_path / "staff.docx", reference))
    assert returned.draft(draft.info).plain_text() == draft.plain_text()
    assert HEADER_TEXT not in returned.draft(draft.info).plain_text()
    assert HEADER_TEXT in returned.header_texts
    assert returned.header_texts[0].startswith("DRAFT")
