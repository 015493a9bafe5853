"""Approvals are tamper-evident: edited in the file, they stop counting and say so;
recorded on a machine the team does not list, they are flagged. Driven as users do:
`approve`, `check`, `export --final`, from two user accounts."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from app.facts.loading import load_incident

NOW = "2025-09-02T09:30:00+01:00"
ONE_DRAFT = ("--lang", "en", "--doc", "press_release")


def crisisdraft(*arguments: str, home: Path | None = None) -> subprocess.CompletedProcess[str]:
    """The command as a user runs it; ``home``: another user's data folder (their key)."""
    env = dict(os.environ)
    if home is not None:
        env["XDG_DATA_HOME"] = str(home / "data")
    return subprocess.run(
        [sys.executable, "-m", "app", *arguments],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )


def approve(path: Path, home: Path | None = None) -> None:
    result = crisisdraft(
        "approve", str(path), "--by", "Sam Patel", "--role", "General Counsel", *ONE_DRAFT,
        "--now", "2025-09-02T09:20:00+01:00", home=home,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr


def final_export(path: Path, out: Path) -> subprocess.CompletedProcess[str]:
    return crisisdraft("export", str(path), "--out", str(out), "--final", "--now", NOW, *ONE_DRAFT)


def test_an_approval_renamed_in_the_file_no_longer_counts_and_says_why(
    write_incident, tmp_path: Path
) -> None:
    path = write_incident()
    approve(path)
    approval = json.loads(path.read_text("utf-8"))["record"]["approvals"][0]
    assert approval["signer"] and approval["signature"]
    data = json.loads(path.read_text("utf-8"))
    data["record"]["approvals"][0]["approver"]["name"] = "Chief Executive"  # a forgery
    path.write_text(json.dumps(data), encoding="utf-8")
    refused = final_export(path, tmp_path / "out")
    assert refused.returncode == 2
    assert (
        "press_release (en): the approval by Chief Executive (General Counsel) does not match "
        "its signature: it was changed outside CrisisDraft"
    ) in refused.stderr
    assert not (tmp_path / "out").exists()
    checked = crisisdraft("check", str(path), "--now", NOW, *ONE_DRAFT)
    assert "warning: " in checked.stdout and "does not match its signature" in checked.stdout
    approve(path)  # approved again, in the app or here: the export goes ahead
    assert final_export(path, tmp_path / "out").returncode == 0
    assert load_incident(path).record.issued[0].approver.name == "Sam Patel"


def test_an_unsigned_approval_does_not_count(write_incident, tmp_path: Path) -> None:
    path = write_incident()
    approve(path)
    data = json.loads(path.read_text("utf-8"))
    del data["record"]["approvals"][0]["signature"]
    path.write_text(json.dumps(data), encoding="utf-8")
    refused = final_export(path, tmp_path / "out")
    assert refused.returncode == 2 and "is not signed" in refused.stderr


def test_an_approval_from_another_machine_is_flagged_until_the_team_lists_its_key(
    write_incident, tmp_path: Path
) -> None:
    path = write_incident()
    colleague = tmp_path / "colleague"
    approve(path, home=colleague)  # recorded on the colleague's laptop
    checked = crisisdraft("check", str(path), "--now", NOW, *ONE_DRAFT)
    assert "was recorded on another machine" in checked.stdout
    assert final_export(path, tmp_path / "out").returncode == 0  # a warning, not a refusal
    their_key = crisisdraft("key", home=colleague).stdout.split(": ")[1].strip()
    team = tmp_path / "team"
    team.mkdir()
    profile = {"approval_keys": [{"name": "Colleague", "key": their_key}]}
    (team / "house-profile.json").write_text(json.dumps(profile), encoding="utf-8")
    preferences = Path(os.environ["XDG_CONFIG_HOME"]) / "CrisisDraft" / "preferences.json"
    preferences.parent.mkdir(parents=True, exist_ok=True)
    preferences.write_text(json.dumps({"shared_libraries": [str(team)]}), encoding="utf-8")
    again = crisisdraft("check", str(path), "--now", NOW, *ONE_DRAFT)
    assert "another machine" not in again.stdout
