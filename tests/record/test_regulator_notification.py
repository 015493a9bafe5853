"""The regulator notification as a user makes it from the command line, on the
contract's example of data affected with its scope unknown (the done-when of issue 19):
the ICO's notification in English beside the market announcement, what is not yet known
said as such, the GDPR clock counted from ``data.aware_at`` turning green once the
notification is issued, the record naming the authority notified, and an update
notification listing what changed since (GDPR art. 33(4))."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import docx

from app.facts.loading import load_incident
from app.files.resources import bundled
from tests.test_cli import approve, crisisdraft

EXAMPLE = bundled("examples") / "data-affected-paused.crisis.json"
GDPR = "GDPR / UK GDPR"
REASON = {
    "en": "We first had to establish that the data taken was personal data.",
    "fr": "Nous devions d'abord établir que les données dérobées étaient des données "
    "à caractère personnel.",
}


def paragraphs(path: Path) -> list[str]:
    return [paragraph.text for paragraph in docx.Document(str(path)).paragraphs]


def header(path: Path) -> str:
    return "\n".join(p.text for p in docx.Document(str(path)).sections[0].header.paragraphs)


def incident_file(tmp_path: Path, **data: object) -> Path:
    facts = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    facts["data"].update(data)
    path = tmp_path / "data-affected-paused.crisis.json"
    path.write_text(json.dumps(facts, ensure_ascii=False), encoding="utf-8")
    return path


def issue_notification(path: Path, out: Path) -> subprocess.CompletedProcess[str]:
    """Sam Patel approves the English notification, then the lead exports it final at
    17:05 on the example's day, as a user does."""
    approve(path, "--doc", "regulator_notification", "--lang", "en")
    return crisisdraft(
        "export", str(path), "--doc", "regulator_notification", "--lang", "en", "--final",
        "--out", str(out), "--now", "2025-09-16T17:05:00+01:00",
    )  # fmt: skip


def gdpr_line(path: Path, now: str) -> str:
    shown = crisisdraft("timeline", str(path), "--now", now)
    assert shown.returncode == 0, shown.stderr
    [line] = [line for line in shown.stdout.splitlines() if GDPR in line]
    return line


def test_the_ico_notification_and_the_market_announcement_are_exported(tmp_path: Path) -> None:
    out = tmp_path / "out"
    exported = crisisdraft(
        "export", str(EXAMPLE), "--doc", "regulator_notification,market_announcement",
        "--out", str(out),
    )  # fmt: skip
    assert exported.returncode == 0, exported.stderr
    written = sorted(path.stem.split("_2025-09-16-1700_")[1] for path in out.iterdir())
    assert written == [
        "market_announcement_en", "market_announcement_fr", "regulator_notification_en",
    ]  # fmt: skip
    [notification] = out.glob("*_regulator_notification_en.docx")
    text = paragraphs(notification)
    assert "To: Information Commissioner's Office (ICO)" in text
    assert "Under: Article 33 of the UK General Data Protection Regulation (UK GDPR)" in text
    unknown = [line for line in text if "Not yet known; to follow." in line]
    assert unknown == [
        "Categories of personal data: Not yet known; to follow.",
        "Categories of people concerned: Not yet known; to follow.",
        "Approximate number of people concerned: Not yet known; to follow.",
        "Approximate number of records concerned: Not yet known; to follow.",
        "Not yet known; to follow.",  # under "Likely consequences"
    ]
    # The press release's words for data whose scope is not known yet.
    assert any("some data has been affected; we are working to establish what" in t for t in text)
    assert (
        "We became aware that personal data had been affected on 9 September 2025, 18:00 BST."
        in text
    )
    # For the lead, above the text: not legal advice; late, and no reason given yet.
    above = header(notification)
    assert "NOT LEGAL ADVICE" in above and "the reasons for the delay must be given" in above
    assert not any("Reason for notifying" in line for line in text)  # no empty placeholder


def test_a_late_notification_is_final_only_with_the_reason_for_the_delay(tmp_path: Path) -> None:
    path = incident_file(tmp_path)
    refused = issue_notification(path, tmp_path / "final")
    assert refused.returncode != 0
    assert "data.delay_reason" in refused.stderr and "GDPR art. 33(1)" in refused.stderr
    assert not (tmp_path / "final").exists() or not list((tmp_path / "final").iterdir())


def test_the_gdpr_clock_turns_green_once_the_notification_is_issued(tmp_path: Path) -> None:
    path = incident_file(tmp_path, delay_reason=REASON)
    now = "2025-09-16T18:00:00+01:00"
    assert gdpr_line(path, now) == (
        "2025-09-12T18:00+01:00  regulators      GDPR / UK GDPR: notify the supervisory "
        "authority (ICO) within 72 h  OVERDUE"
    )  # counted from data.aware_at (9 September, 18:00), not from detection
    final = issue_notification(path, tmp_path / "final")
    assert final.returncode == 0, final.stderr
    [issued] = (tmp_path / "final").glob("*_regulator_notification_en.docx")
    assert f"Reason for notifying after 72 hours: {REASON['en']}" in paragraphs(issued)
    assert "NOT LEGAL ADVICE" not in header(issued)  # the lead's notes go with the DRAFT mark
    assert gdpr_line(path, now) == (
        "2025-09-12T18:00+01:00  regulators      GDPR / UK GDPR: supervisory authority "
        "notified (ICO) after the 72 h, with the reason for the delay  MET"
    )
    [statement] = load_incident(path).record.issued
    assert (statement.document, statement.recipients) == ("regulator_notification", ["ICO"])
    history = crisisdraft("history", str(path)).stdout
    assert (
        "regulator_notification en" in history and "sent to ICO  approved by Sam Patel" in history
    )
    timeline = crisisdraft("timeline", str(path), "--now", now).stdout
    assert "regulator_notification Issued (EN) to ICO, approved by Sam Patel" in timeline


def test_an_update_notification_says_what_is_new_since_the_last(tmp_path: Path) -> None:
    path = incident_file(tmp_path, delay_reason=REASON)
    final = issue_notification(path, tmp_path / "first")
    assert final.returncode == 0, final.stderr
    facts = json.loads(path.read_text(encoding="utf-8"))
    facts["data"].update(people_affected=12000, categories=["contact_details"])
    facts["incident"]["statement_at"] = "2025-09-18T10:00:00+01:00"
    path.write_text(json.dumps(facts, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "update"
    exported = crisisdraft(
        "export", str(path), "--doc", "regulator_notification", "--lang", "en", "--out", str(out)
    )
    assert exported.returncode == 0, exported.stderr
    [update] = out.glob("*_regulator_notification_en.docx")
    text = paragraphs(update)
    assert text[0] == "FOLLOW-UP NOTIFICATION (ARTICLE 33(4))"
    assert "Follows: our notification of 16 September 2025, 17:05 BST" in text
    assert "What is new since our notification of 16 September 2025, 17:05 BST" in text
    assert (
        "Approximate number of people concerned: about 12,000; previously: not yet known." in text
    )
    assert any(line.startswith("Categories of personal data: contact details") for line in text)
