"""Round trips through LibreOffice (issue 17, point 3): the press release the app exports
is edited in LibreOffice by two people with tracked changes, saved as Word, accepted,
and reads back with exactly their edits: styles, lists, bold, no-break spaces, French
quotes and line breaks kept. LibreOffice stands in for Word here (tests/office)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import docx
import pytest

from app.drafts.blocks import Draft
from app.drafts.render import DraftRenderer
from app.export.marks import DRAFT_MARKS
from app.facts.models import Language
from app.session.incident_session import IncidentSession
from app.session.selection import Selection
from app.templates.documents import DocumentKind
from app.word_import import ChangeKind, open_revisions, read_returned_document
from tests.conftest import example_document
from tests.office.libreoffice_uno import (
    AcceptAll,
    Author,
    Bold,
    InsertParagraphAfter,
    Replace,
    ReplaceInHeaders,
    Step,
    TrackChanges,
    edit,
    needs_office,
)

pytestmark = [pytest.mark.libreoffice, pytest.mark.slow, needs_office]

PRESS_RELEASE = DocumentKind.PRESS_RELEASE


@dataclass(frozen=True)
class Edits:
    """What Legal and the CEO's office change in one language's press release."""

    replaced: tuple[str, str]  # Legal: a phrase, and what it becomes
    after: str  # CEO Office: a new paragraph after the one ending so
    added: str
    bolded: str  # CEO Office: words made bold

    def steps(self) -> list[Step]:
        return [
            TrackChanges(),
            Author("Legal"),
            Replace(*self.replaced),
            Author("CEO Office"),
            InsertParagraphAfter(self.after, self.added),
            Bold(self.bolded),
        ]

    def applied_to(self, plain_text: str) -> str:
        """``plain_text`` (a draft's) as these edits leave it."""
        old, new = self.replaced
        assert plain_text.count(old) == 1 and plain_text.count(self.after) == 1
        text = plain_text.replace(old, new)
        return text.replace(self.after, f"{self.after}\n\n{self.added}")


EDITS: dict[Language, Edits] = {
    "en": Edits(
        replaced=("cybersecurity specialists", "external cybersecurity specialists"),
        after="Customer services remain available.",
        added="We are sorry for the disruption this is causing to our customers.",
        bolded="no evidence",
    ),
    "fr": Edits(
        replaced=("experts en cybersécurité", "experts externes en cybersécurité"),
        after="Le service client reste disponible.",
        # the CEO's words, in French quotes with no-break spaces inside, after a colon
        added="Alex Morgan a ajouté\u00a0: «\u00a0Nous sommes désolés pour la gêne "
        "occasionnée.\u00a0»",
        bolded="rien n’indique",
    ),
}


@pytest.fixture
def exported(tmp_path: Path, renderer: DraftRenderer) -> dict[Language, tuple[Path, Draft]]:
    """The northwind press release exported in both languages, with the app's drafts."""
    incident = tmp_path / "northwind.crisis.json"
    incident.write_text(json.dumps(example_document("northwind-cyberattack")), encoding="utf-8")
    session = IncidentSession.open(incident, renderer)
    written = session.export(Selection(documents=(PRESS_RELEASE,)), tmp_path / "drafts")
    return {document.draft.info.language: (document.path, document.draft) for document in written}


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_press_release_edited_in_libreoffice_by_two_people_reads_back_with_their_edits_only(
    tmp_path: Path, exported: dict[Language, tuple[Path, Draft]], language: Language
) -> None:
    path, draft = exported[language]
    edits = EDITS[language]
    tracked = tmp_path / f"tracked_{language}.docx"
    edited = edit(path, tracked, edits.steps())

    # LibreOffice saved both people's edits as tracked changes, each under their name...
    authors = {change.author: set() for change in edited.changes}
    for change in edited.changes:
        authors[change.author].add(change.kind)
    assert authors == {"Legal": {"Delete", "Insert"}, "CEO Office": {"Insert", "Format"}}
    # ...and the app's reader finds them in the .docx as Word would.
    revisions = open_revisions(tracked)
    assert {(change.author, change.kind) for change in revisions.changes} == {
        ("Legal", ChangeKind.DELETION),
        ("Legal", ChangeKind.INSERTION),
        ("CEO Office", ChangeKind.INSERTION),
        ("CEO Office", ChangeKind.FORMATTING),
    }

    # Accepted, and the DRAFT line deleted from the header, saved as Word again.
    accepted = tmp_path / f"accepted_{language}.docx"
    draft_mark = f"{DRAFT_MARKS[language]} · {draft.info.statement_time}"
    after_review = edit(
        tracked, accepted, [AcceptAll(), TrackChanges(on=False), ReplaceInHeaders(draft_mark, "")]
    )
    assert after_review.changes == ()

    returned = read_returned_document(accepted)
    assert not returned.revisions.open
    assert draft_mark not in " ".join(returned.header_texts)
    # Exactly the edits: every other word, no-break space, quote, list number and line
    # break of the app's draft is as the app wrote it.
    assert returned.draft(draft.info).plain_text() == edits.applied_to(draft.plain_text())
    assert returned.proofing_tag == {"en": "en-GB", "fr": "fr-FR"}[language]
    assert returned.core_author == "Northwind Motors"
    bold = [span.text for block in returned.blocks for span in block.spans if span.bold]
    assert edits.bolded in bold

    # Word's styles survive: the app's (title, headings, numbered list, quote) in place,
    # the new paragraph in the style of the one it follows.
    def styles(document: Path) -> list[str]:
        return [p.style.name for p in docx.Document(str(document)).paragraphs if p.text]

    before = styles(path)
    index = next(
        i for i, p in enumerate(docx.Document(str(path)).paragraphs) if edits.after in p.text
    )
    assert styles(accepted) == [*before[: index + 1], before[index], *before[index + 1 :]]
    assert {"Title", "Heading 1", "List Number", "Quote"} <= set(before)
