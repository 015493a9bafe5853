"""A press release exported, edited in Word by others, brought back and issued: what
the lead sees (checks, the edits from the app's draft) and what the record keeps."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from app.cli import run
from app.errors import CrisisDraftError, ProblemsError
from app.facts.models import Approver
from app.session.incident_session import IncidentSession
from app.session.selection import Selection
from app.templates.documents import DocumentKind
from app.templates.metadata import TemplateSet
from tests.export.redline_reading import accepted, rejected, revisions

COUNSEL = Approver(name="Sam Patel", role="General Counsel")
CEO = Approver(name="Alex Morgan", role="Chief Executive")
AT = datetime.fromisoformat("2025-09-02T10:30:00+01:00")
PRESS = DocumentKind.PRESS_RELEASE


def exported(session: IncidentSession, folder: Path, language: str = "en") -> Path:
    """The press release exported as a draft, as the lead sends it to legal."""
    [document] = session.export(Selection((language,), (PRESS,)), folder)
    return document.path


def edit_in_word(path: Path, old: str, new: str, *, keep_mark: bool = False) -> Path:
    """``path`` as a colleague saves it from Word: ``old`` replaced by ``new`` in the
    run that holds it, and the DRAFT mark taken out of the header (unless kept)."""
    document = docx.Document(str(path))
    runs = [run for paragraph in document.paragraphs for run in paragraph.runs if old in run.text]
    assert runs, f"{old!r} is not in one run of {path.name}"
    runs[0].text = runs[0].text.replace(old, new)
    if not keep_mark:
        for section in document.sections:
            for paragraph in section.header.paragraphs:
                for run in paragraph.runs:
                    run.text = ""
    edited = path.with_name("edited-" + path.name)
    document.save(str(edited))
    return edited


@pytest.fixture
def session(tmp_path: Path, write_incident, renderer) -> IncidentSession:
    return IncidentSession.open(write_incident(), renderer)


def first_phrase(session: IncidentSession) -> str:
    """A phrase of the app's English press release to edit: the end of its first long
    paragraph, to which an editor adds a sentence."""
    draft = session.draft(PRESS, "en")
    paragraph = next(block.text for block in draft.blocks[2:] if len(block.text) > 60)
    assert paragraph.endswith(".")
    return paragraph[-20:]


ADDED = " We apologise again."


def test_an_edited_press_release_is_issued_with_its_edits_and_its_approver(
    session: IncidentSession, tmp_path: Path
) -> None:
    phrase = first_phrase(session)
    edited_file = edit_in_word(exported(session, tmp_path), phrase, phrase + ADDED)
    issue = session.read_edited(edited_file, PRESS, "en", AT)
    assert [p.message for p in issue.blocking] == []
    assert issue.edited_words == 3
    assert "{+ We apologise again.+}" in issue.marked_changes()
    assert issue.draft_approval is None
    session.issue_edited(issue, CEO, AT)
    [statement] = session.issued()
    assert statement.approver == CEO
    assert statement.file_name == edited_file.name
    assert statement.text == issue.edited.plain_text().strip()
    assert phrase + ADDED in statement.text
    assert statement.edited is not None
    assert statement.edited.file_sha256 == hashlib.sha256(edited_file.read_bytes()).hexdigest()
    # the holding statement it was exported from (the facts now call for an update)
    holding = session.draft(PRESS, "en", TemplateSet.HOLDING)
    assert statement.edited.draft_text.strip() == holding.plain_text().strip()


def test_an_approval_of_the_apps_draft_is_not_carried_to_the_edited_text(
    session: IncidentSession, tmp_path: Path
) -> None:
    session.approve(Selection(("en",), (PRESS,)), COUNSEL, AT.replace(minute=0))
    phrase = first_phrase(session)
    edited_file = edit_in_word(exported(session, tmp_path), phrase, phrase + ADDED)
    issue = session.read_edited(edited_file, PRESS, "en", AT)
    assert issue.draft_approval is not None and issue.draft_approval.approver == COUNSEL
    session.issue_edited(issue, CEO, AT)
    [statement] = session.issued()
    assert statement.approver == CEO  # who approved the words that went out
    assert statement.edited is not None and statement.edited.draft_approver == COUNSEL


def test_a_claim_the_facts_do_not_support_is_issued_only_despite_it(
    session: IncidentSession, tmp_path: Path
) -> None:
    phrase = first_phrase(session)
    edited_file = edit_in_word(
        exported(session, tmp_path), phrase, phrase + " No customer data was affected."
    )
    issue = session.read_edited(edited_file, PRESS, "en", AT)
    assert any("No customer data was affected" in p.message for p in issue.blocking)
    with pytest.raises(ProblemsError, match="nothing was recorded"):
        session.issue_edited(issue, CEO, AT)
    assert session.issued() == []
    session.issue_edited(issue, CEO, AT, despite=True)
    [statement] = session.issued()
    assert statement.edited is not None
    assert any("No customer data was affected" in p for p in statement.edited.problems)


def test_a_french_document_given_as_the_english_one_is_refused(
    session: IncidentSession, tmp_path: Path
) -> None:
    french = exported(session, tmp_path, "fr")
    with pytest.raises(
        CrisisDraftError, match=r"its text is in French .*issue it as the French document"
    ):
        session.read_edited(french, PRESS, "en", AT)


def test_the_command_issues_it_and_history_marks_it(
    session: IncidentSession, tmp_path: Path, capsys
) -> None:
    assert session.path is not None
    phrase = first_phrase(session)
    edited_file = edit_in_word(exported(session, tmp_path), phrase, phrase + ADDED)
    command = ["issue", str(session.path), str(edited_file), "--doc", "press_release"]
    command += ["--lang", "en", "--by", CEO.name, "--role", CEO.role, "--at", AT.isoformat()]
    assert run([*command, "--ui-language", "en"]) == 2  # not a terminal: nothing asked
    assert "not recorded: confirm with --yes" in capsys.readouterr().err
    assert json.loads(session.path.read_text()).get("record", {}).get("issued", []) == []
    assert run([*command, "--yes", "--ui-language", "en"]) == 0
    out = capsys.readouterr().out
    assert "Checks: no problem found." in out
    assert "{+ We apologise again.+}" in out
    assert f"issued: press_release (en) from {edited_file.name}, approved by {CEO.name}" in out
    assert run(["history", str(session.path), "--ui-language", "en"]) == 0
    assert "[edited in Word]" in capsys.readouterr().out


def test_a_redline_of_the_draft_and_the_edited_issue_shows_only_the_edits(
    session: IncidentSession, tmp_path: Path
) -> None:
    """Compared with the draft of the holding statement it was edited from (the
    current draft, once something was issued, is the update's)."""
    phrase = first_phrase(session)
    edited_file = edit_in_word(exported(session, tmp_path), phrase, phrase + ADDED)
    session.issue_edited(session.read_edited(edited_file, PRESS, "en", AT), CEO, AT)
    redline = tmp_path / "redline.docx"
    written = session.redline("draft", 1, redline, now=AT, template_set=TemplateSet.HOLDING)
    assert written.author.startswith(CEO.name)
    assert accepted(written.path) == session.issued()[0].text
    assert (
        rejected(written.path)
        == session.draft(PRESS, "en", TemplateSet.HOLDING).plain_text().strip()
    )
    insertions = [r for r in revisions(written.path) if r.tag.endswith("}ins")]
    assert "".join(t.text for r in insertions for t in r.iter(qn("w:t"))) == ADDED
    assert [r for r in revisions(written.path) if r.tag.endswith("}del")] == []


def test_the_short_texts_come_back_without_the_counts_the_export_printed(
    session: IncidentSession, tmp_path: Path
) -> None:
    """The exported short texts carry their counts for the approver; read back, the
    texts are the draft's and the counts are not words someone added."""
    [document] = session.export(Selection(("fr",), (DocumentKind.SOCIAL,)), tmp_path)
    assert "caractères" in "".join(p.text for p in docx.Document(str(document.path)).paragraphs)
    sms = next(t for t in docx.Document(str(document.path)).paragraphs if "SMS" in t.text)
    unedited = edit_in_word(document.path, sms.text, sms.text)
    issue = session.read_edited(unedited, DocumentKind.SOCIAL, "fr", AT)
    assert issue.edited_words == 0
    assert [p.message for p in issue.problems] == []
