"""Two regulators that read one language each get their own notification: the lead
approves the English text once (the ICO's and the DPC's notifications side by side),
and the export writes one file per regulator, each with its own notification only; the
record keeps each as sent to that regulator, also when one comes back edited in Word,
and a comparison takes each regulator's statement with its own part of the draft. A
draft is cut only when each part is addressed to its own authority alone."""

from __future__ import annotations

import json
from pathlib import Path

import docx

from app.drafts.blocks import Block, BlockKind, Draft, DraftInfo, Span
from app.drafts.per_recipient import split_by_recipient
from app.facts.authorities import file_tag
from app.facts.loading import load_incident
from app.templates.documents import DocumentKind
from tests.record.test_regulator_notification import EXAMPLE, REASON, paragraphs
from tests.session.test_edited_issue import edit_in_word
from tests.test_cli import approve, crisisdraft

ICO = "To: Information Commissioner's Office (ICO)"
DPC = "To: Data Protection Commission (DPC)"
ISSUED_AT = "2025-09-16T17:05:00+01:00"


def three_regulators(tmp_path: Path) -> Path:
    facts = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    facts["authorities"]["regulators"] = ["ICO", "DPC", "CNIL"]
    facts["data"]["delay_reason"] = REASON
    path = tmp_path / "three.crisis.json"
    path.write_text(json.dumps(facts, ensure_ascii=False), encoding="utf-8")
    return path


def export(path: Path, out: Path, *more: str) -> list[str]:
    done = crisisdraft(
        "export", str(path), "--doc", "regulator_notification", "--out", str(out), *more
    )
    assert done.returncode == 0, done.stderr
    return sorted(file.name.split("_regulator_notification_")[1] for file in out.iterdir())


def test_each_regulator_gets_a_file_with_its_own_notification_only(tmp_path: Path) -> None:
    path = three_regulators(tmp_path)
    out = tmp_path / "drafts"
    assert export(path, out) == ["en_dpc.docx", "en_ico.docx", "fr.docx"]
    [ico] = out.glob("*_en_ico.docx")
    [dpc] = out.glob("*_en_dpc.docx")
    assert ICO in paragraphs(ico) and DPC not in paragraphs(ico)
    assert DPC in paragraphs(dpc) and ICO not in paragraphs(dpc)
    # Each is a whole notification: its kicker, its title, down to when we became aware.
    for part in (ico, dpc):
        text = paragraphs(part)
        assert text[:2] == ["INITIAL NOTIFICATION", "Personal data breach notification"]
        assert text.count("Personal data breach notification") == 1
        assert any(line.startswith("We became aware") for line in text)
    assert docx.Document(str(dpc)).core_properties.title == "Personal data breach notification"


def test_the_record_keeps_each_file_as_sent_to_its_regulator(tmp_path: Path) -> None:
    path = three_regulators(tmp_path)
    approve(path, "--doc", "regulator_notification", "--lang", "en")
    out = tmp_path / "final"
    files = export(path, out, "--lang", "en", "--final", "--now", ISSUED_AT)
    assert files == ["en_dpc.docx", "en_ico.docx"]
    issued = load_incident(path).record.issued
    assert [(s.recipients, s.file_name.rsplit("_", 1)[1]) for s in issued] == [
        (["ICO"], "ico.docx"),
        (["DPC"], "dpc.docx"),
    ]
    assert ICO in issued[0].text and DPC not in issued[0].text
    history = crisisdraft("history", str(path)).stdout
    assert "sent to ICO" in history and "sent to DPC" in history


def test_a_regulator_s_file_edited_in_word_is_compared_with_its_own_notification(
    tmp_path: Path,
) -> None:
    path = three_regulators(tmp_path)
    out = tmp_path / "drafts"
    export(path, out, "--lang", "en")
    [dpc] = out.glob("*_en_dpc.docx")
    edited = edit_in_word(
        dpc, "Not yet known; to follow.", "Possible phishing of the people concerned."
    )
    # Renamed by counsel: which regulator's it is, its "To:" line says.
    returned = edited.rename(tmp_path / "dpc-edited-by-counsel.docx")
    issued = crisisdraft(
        "issue", str(path), str(returned), "--doc", "regulator_notification", "--lang", "en",
        "--by", "Sam Patel", "--role", "General Counsel", "--at", ISSUED_AT, "--yes",
    )  # fmt: skip
    assert issued.returncode == 0, issued.stderr
    # Only the sentence counsel changed shows as changed: not the ICO's notification.
    assert "Information Commissioner" not in issued.stdout
    assert "(11 word(s)" in issued.stdout and "{+phishing+}" in issued.stdout
    [statement] = load_incident(path).record.issued
    assert statement.recipients == ["DPC"]


def test_a_regulator_s_statement_is_compared_with_its_own_part_of_the_draft(
    tmp_path: Path,
) -> None:
    path = three_regulators(tmp_path)
    approve(path, "--doc", "regulator_notification", "--lang", "en")
    export(path, tmp_path / "final", "--lang", "en", "--final", "--now", ISSUED_AT)
    out = tmp_path / "dpc-since.docx"
    compared = crisisdraft("redline", str(path), "2", "draft", "--out", str(out))
    assert compared.returncode == 0, compared.stderr
    text = "\n".join(paragraphs(out))
    assert DPC in text and "Information Commissioner" not in text
    # The ICO's and the DPC's notifications are not one document to compare.
    refused = crisisdraft("redline", str(path), "1", "2", "--out", str(tmp_path / "x.docx"))
    assert refused.returncode == 2
    assert "statement 1 went to ICO, statement 2 to DPC" in refused.stderr


def test_a_draft_is_cut_only_when_each_part_is_addressed_to_its_own_authority() -> None:
    def notification(to: str) -> tuple[Block, ...]:
        return (
            Block(BlockKind.PARAGRAPH, (Span("INITIAL NOTIFICATION"),)),
            Block(BlockKind.TITLE, (Span("Personal data breach notification"),)),
            Block(BlockKind.BULLET, (Span(f"To: {to}"),)),
            Block(BlockKind.PARAGRAPH, (Span("Nature of the breach."),)),
        )

    info = DraftInfo(DocumentKind.REGULATOR_NOTIFICATION, "en", "Notification", "N", "", "")
    ico, dpc = "Information Commissioner's Office (ICO)", "Data Protection Commission (DPC)"
    both = Draft(info, notification(ico) + notification(dpc))
    assert [part.info.recipient for part in split_by_recipient(both, ["ICO", "DPC"])] == [
        "ICO",
        "DPC",
    ]
    # Addressed the other way round, or one part to both: one file, as approved.
    assert split_by_recipient(both, ["DPC", "ICO"]) == (both,)
    to_both = Draft(info, notification(ico) + notification(f"{ico}, {dpc}"))
    assert split_by_recipient(to_both, ["ICO", "DPC"]) == (to_both,)
    # Two authorities whose names give no file name of their own: not cut either.
    greek = Draft(info, notification("Αρχή Α") + notification("Αρχή Β"))
    assert split_by_recipient(greek, ["Αρχή Α", "Αρχή Β"]) == (greek,)
    assert file_tag("Information Commissioner's Office") == "ico" and file_tag("Αρχή Α") == ""
