"""Two hands on one incident file: the app, a command, another command. Nothing either
recorded is lost; facts changed by someone else are never overwritten unasked."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
from datetime import datetime
from pathlib import Path

import pytest

from app.errors import CrisisDraftError
from app.facts.loading import load_incident
from app.facts.models import Approver
from app.files import file_lock
from app.session.edited_file import EditedFile
from app.session.file_writes import FactsChangedOnDiskError
from app.session.incident_session import IncidentSession
from app.session.recovery import RecoveryStore
from app.session.selection import Selection
from app.templates.documents import DocumentKind
from app.templates.metadata import TemplateSet

HOLDING = Selection(template_set=TemplateSet.HOLDING)
APPROVED_AT = datetime.fromisoformat("2025-09-02T09:20:00+01:00")


def test_two_final_exports_at_once_both_end_up_in_the_record(
    write_incident, renderer, tmp_path: Path
) -> None:
    path = write_incident()
    first = IncidentSession.open(path, renderer)
    second = IncidentSession.open(path, renderer)  # opened before the first one saved
    english = Selection(("en",), template_set=TemplateSet.HOLDING)
    french = Selection(("fr",), template_set=TemplateSet.HOLDING)
    for session, selection, who, minute in (
        (first, english, "Sam Patel", "09:30"),
        (second, french, "Claire Martin", "09:31"),
    ):
        now = datetime.fromisoformat(f"2025-09-02T{minute}:00+01:00")
        session.approve(selection, Approver(name=who, role="Counsel"), APPROVED_AT)
        session.export(selection, tmp_path / who, final=True, now=now)
    first.save_record()
    second.save_record()  # today this wrote over the first one's entries
    record = load_incident(path).record
    assert sorted((s.language, s.approver.name) for s in record.issued) == sorted(
        [("en", "Sam Patel")] * 3 + [("fr", "Claire Martin")] * 3
    )
    assert len(record.approvals) == 6
    assert second.incident.record == record  # the session holds the record as written


def test_a_command_line_approval_survives_the_apps_next_save(
    write_incident, tmp_path: Path
) -> None:
    path = write_incident()
    app = EditedFile(RecoveryStore(tmp_path / "recovery", session="app"))
    mine = app.read(path)
    app.hold(path)
    result = subprocess.run(
        [
            *(sys.executable, "-m", "app", "approve", str(path), "--by", "Sam Patel"),
            *("--role", "General Counsel", "--lang", "en", "--doc", "press_release"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert f"note: {path.name} is open in CrisisDraft" in result.stderr
    mine["title"] = "Typed in the app meanwhile"
    written = app.save(path, mine)
    saved = load_incident(path)
    assert saved.title == "Typed in the app meanwhile"
    assert [a.approver.name for a in saved.record.approvals] == ["Sam Patel"]
    assert written["record"]["approvals"][0]["approver"]["name"] == "Sam Patel"
    app.close()


def test_facts_changed_by_someone_else_are_not_overwritten_unasked(
    write_incident, tmp_path: Path
) -> None:
    path = write_incident()
    app = EditedFile(RecoveryStore(tmp_path / "recovery", session="app"))
    mine = app.read(path)
    app.hold(path)
    theirs = json.loads(path.read_text("utf-8"))
    theirs["organisation"]["city"] = "Solihull"  # a colleague's edit, saved meanwhile
    path.write_text(json.dumps(theirs), encoding="utf-8")
    mine["title"] = "My title"
    with pytest.raises(FactsChangedOnDiskError) as changed:
        app.save(path, mine)
    assert json.loads(path.read_text("utf-8"))["organisation"]["city"] == "Solihull"
    assert [(c.path, c.before, c.after) for c in changed.value.changes] == [
        ("organisation.city", "Coventry", "Solihull"),
        ("title", "My title", theirs["title"]),
    ]
    app.save(path, mine, keep_mine=True)  # the user chose "Keep mine"
    assert load_incident(path).organisation.city == "Coventry"
    assert load_incident(path).title == "My title"
    mine["title"] = "Saved again"  # and the next save does not ask again
    app.save(path, mine)
    assert load_incident(path).title == "Saved again"
    app.close()


def test_a_writer_waits_for_another_and_names_it_when_it_takes_too_long(
    write_incident,
) -> None:
    path = write_incident()
    lock = file_lock.write_lock_path(path)
    holder = {"user": "claire", "host": socket.gethostname(), "pid": os.getppid(), "since": "x"}
    lock.write_text(json.dumps(holder), encoding="utf-8")  # a live process holds it
    with (
        pytest.raises(CrisisDraftError, match="is being written by claire"),
        file_lock.writing(path, wait=0.2),
    ):
        pass
    released = threading.Timer(0.2, lock.unlink)
    released.start()
    with file_lock.writing(path, wait=5):  # waits until it is let go
        assert lock.exists()
    released.join()
    assert not lock.exists()
    holder["pid"] = 2**22 + 12345  # its process is gone: taken over at once
    lock.write_text(json.dumps(holder), encoding="utf-8")
    with file_lock.writing(path, wait=0):
        pass


def test_the_documents_chosen_stay_approved_after_a_merge(write_incident, renderer) -> None:
    path = write_incident()
    session = IncidentSession.open(path, renderer)
    press = Selection(("en",), (DocumentKind.PRESS_RELEASE,), TemplateSet.HOLDING)
    session.approve(press, Approver(name="Sam Patel", role="Counsel"), APPROVED_AT)
    session.save_record()
    session.save_record()  # saving the same entries again adds nothing
    assert len(load_incident(path).record.approvals) == 1
    assert session.approved(press)
