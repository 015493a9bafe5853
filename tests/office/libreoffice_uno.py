"""Real LibreOffice, driven headless through its UNO bridge, edits .docx files the way a
colleague does in Word: tracked changes under a named author, comments, accept or reject
all, Save as Word. LibreOffice stands in for Word in the round-trip tests.

The project's venv cannot ``import uno`` (Debian's ``python3-uno`` belongs to the system
interpreter), so each call runs ``uno_script.py`` with ``/usr/bin/python3`` in a
subprocess, with a JSON of instructions. Each call starts its own soffice with a user
profile of its own (parallel test workers never share one) and ends it, its whole process
group, whatever happens.

    edit(src, dst, [Author("Legal"), TrackChanges(), Replace("old", "new")])
    accept_all(src, dst); reject_all(src, dst)
    tracked_changes(path) -> [("Legal", "Delete"), ("Legal", "Insert")]
    body_text(path) -> ["Title", "First paragraph", ...]

Tests that use it are marked with ``needs_office`` (skipped where soffice or
``/usr/bin/python3`` with ``uno`` is absent; ``.ci/run`` installs both).
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import pytest

SYSTEM_PYTHON = Path("/usr/bin/python3")
SCRIPT = Path(__file__).with_name("uno_script.py")
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
TIMEOUT_SECONDS = 240.0


def _system_python_environment() -> dict[str, str]:
    """The environment without what points Python at the venv."""
    return {
        name: value
        for name, value in os.environ.items()
        if name not in {"PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PYTHONSAFEPATH"}
    }


@functools.cache
def office_available() -> bool:
    """soffice is installed and the system interpreter can talk to it (``import uno``)."""
    if SOFFICE is None or not SYSTEM_PYTHON.exists():
        return False
    probe = subprocess.run(
        [str(SYSTEM_PYTHON), "-c", "import uno"],
        capture_output=True,
        check=False,
        env=_system_python_environment(),
    )
    return probe.returncode == 0


needs_office = pytest.mark.skipif(
    not office_available(),
    reason="LibreOffice (soffice) or /usr/bin/python3 with uno (python3-uno) is absent",
)


class OfficeError(Exception):
    """LibreOffice could not do what was asked: the message says what and shows the end
    of soffice's output. ``process_groups`` are those ended after a timeout (the
    script's, and soffice's once it had started)."""

    def __init__(self, message: str, process_groups: tuple[int, ...] = ()) -> None:
        super().__init__(message)
        self.process_groups = process_groups


# --- the steps of an edit, in the order a colleague makes them -------------------------


@dataclass(frozen=True)
class Author:
    """Who makes the next edits: the user profile's name, which LibreOffice writes on each
    tracked change and comment."""

    name: str
    do: str = "author"


@dataclass(frozen=True)
class TrackChanges:
    """Edit › Track Changes › Record on (or off)."""

    on: bool = True
    do: str = "track_changes"


@dataclass(frozen=True)
class Replace:
    """The ``occurrence``-th ``find`` (case-sensitive, literal) replaced by ``with_``."""

    find: str
    with_: str
    occurrence: int = 1
    do: str = "replace"


@dataclass(frozen=True)
class InsertText:
    """``text`` typed right after the ``occurrence``-th ``after``."""

    after: str
    text: str
    occurrence: int = 1
    do: str = "insert_text"


@dataclass(frozen=True)
class LineBreak:
    """Shift+Enter right after ``after``."""

    after: str
    occurrence: int = 1
    do: str = "line_break"


@dataclass(frozen=True)
class InsertParagraphAfter:
    """Enter at the end of the paragraph holding ``after``, then ``text`` (the new
    paragraph takes that paragraph's style)."""

    after: str
    text: str
    occurrence: int = 1
    do: str = "insert_paragraph_after"


@dataclass(frozen=True)
class ReplaceInHeaders:
    """Every ``find`` in the page headers replaced by ``with_`` ("" deletes it)."""

    find: str
    with_: str
    do: str = "replace_in_headers"


@dataclass(frozen=True)
class Bold:
    """Ctrl+B on ``find``."""

    find: str
    occurrence: int = 1
    do: str = "bold"


@dataclass(frozen=True)
class AddComment:
    """A comment at the end of ``on`` (by the profile's author unless ``author`` is given)."""

    on: str
    text: str
    author: str = ""
    occurrence: int = 1
    do: str = "comment"


@dataclass(frozen=True)
class ResolveComments:
    """Every comment marked resolved."""

    do: str = "resolve_comments"


@dataclass(frozen=True)
class DeleteComments:
    """Every comment deleted."""

    do: str = "delete_comments"


@dataclass(frozen=True)
class Pause:
    """Nothing done for ``seconds``: stands in for a LibreOffice that hangs."""

    seconds: float
    do: str = "pause"


@dataclass(frozen=True)
class AcceptAll:
    """Edit › Track Changes › Accept All."""

    do: str = "accept_all"


@dataclass(frozen=True)
class RejectAll:
    """Edit › Track Changes › Reject All."""

    do: str = "reject_all"


Step = (
    Author
    | TrackChanges
    | Replace
    | InsertText
    | LineBreak
    | InsertParagraphAfter
    | ReplaceInHeaders
    | Bold
    | AddComment
    | ResolveComments
    | DeleteComments
    | Pause
    | AcceptAll
    | RejectAll
)


def _instruction(step: Step) -> dict[str, Any]:
    return {key.rstrip("_"): value for key, value in asdict(step).items()}


# --- what LibreOffice reads in a document ----------------------------------------------


@dataclass(frozen=True)
class TrackedChange:
    author: str
    kind: str  # LibreOffice's RedlineType: Insert, Delete, Format, ParagraphFormat...
    text: str


@dataclass(frozen=True)
class Comment:
    author: str
    text: str
    resolved: bool


@dataclass(frozen=True)
class OfficeDocument:
    """A document as LibreOffice opens it. ``paragraphs`` hold the text of deletions not
    yet accepted, as LibreOffice's model does; accept first for the text a reader sees."""

    paragraphs: tuple[str, ...]
    changes: tuple[TrackedChange, ...]
    comments: tuple[Comment, ...]
    headers: tuple[str, ...]
    records_changes: bool

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> OfficeDocument:
        return cls(
            paragraphs=tuple(data["paragraphs"]),
            changes=tuple(
                TrackedChange(change["author"], change["type"], change["text"])
                for change in data["changes"]
            ),
            comments=tuple(Comment(**comment) for comment in data["comments"]),
            headers=tuple(data["headers"]),
            records_changes=data["record_changes"],
        )


# --- the calls -------------------------------------------------------------------------


def edit(src: Path, dst: Path, steps: Sequence[Step]) -> OfficeDocument:
    """Open ``src``, make ``steps``, save as Word to ``dst``; then ``dst`` as LibreOffice
    opens it again (what was saved, not what was in memory)."""
    return _edit_and_reread(src, dst, steps)


def accept_all(src: Path, dst: Path) -> OfficeDocument:
    """Every tracked change accepted, saved as Word to ``dst``, read back."""
    return _edit_and_reread(src, dst, [AcceptAll()])


def reject_all(src: Path, dst: Path) -> OfficeDocument:
    """Every tracked change rejected, saved as Word to ``dst``, read back."""
    return _edit_and_reread(src, dst, [RejectAll()])


def read(path: Path) -> OfficeDocument:
    (answer,) = run_jobs([{"open": str(path), "steps": [], "read": True}])
    return OfficeDocument.from_json(answer)


def tracked_changes(path: Path) -> list[tuple[str, str]]:
    """(author, kind) of each tracked change, in document order."""
    return [(change.author, change.kind) for change in read(path).changes]


def body_text(path: Path) -> list[str]:
    """The body's paragraphs (a table gives its cells' texts, row by row)."""
    return list(read(path).paragraphs)


def to_pdf(src: Path, dst: Path) -> None:
    """``src`` printed to PDF as LibreOffice shows it (tracked changes marked)."""
    run_jobs([{"open": str(src), "steps": [], "pdf": str(dst)}])


def _edit_and_reread(src: Path, dst: Path, steps: Sequence[Step]) -> OfficeDocument:
    edited, reread = run_jobs(
        [
            {"open": str(src), "steps": [_instruction(step) for step in steps], "save": str(dst)},
            {"open": str(dst), "steps": [], "read": True},
        ]
    )
    assert edited == {}
    return OfficeDocument.from_json(reread)


def run_jobs(
    jobs: list[dict[str, Any]], timeout_seconds: float = TIMEOUT_SECONDS
) -> list[dict[str, Any]]:
    """Run ``jobs`` (see uno_script.py) in one soffice; their answers, in order. Past
    ``timeout_seconds`` the script and soffice are ended, their process groups whole."""
    if not office_available():
        pytest.skip("LibreOffice or /usr/bin/python3 with uno (python3-uno) is absent")
    assert SOFFICE is not None
    with tempfile.TemporaryDirectory(prefix="crisisdraft-uno-") as folder:
        work = Path(folder)
        instructions = {
            "soffice": SOFFICE,
            "profile": str(work / "profile"),
            "jobs": jobs,
            "result": str(work / "result.json"),
            "pid_file": str(work / "soffice.pid"),
            "log": str(work / "soffice.log"),
        }
        (work / "instructions.json").write_text(json.dumps(instructions), encoding="utf-8")
        with subprocess.Popen(  # closes the pipe whatever happens
            [str(SYSTEM_PYTHON), str(SCRIPT), str(work / "instructions.json")],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            env=_system_python_environment(),
            start_new_session=True,
        ) as script:
            try:
                output, _ = script.communicate(timeout=timeout_seconds)
            except subprocess.TimeoutExpired:
                groups = _end(script, work / "soffice.pid")
                raise OfficeError(
                    f"LibreOffice took more than {timeout_seconds:.0f} s and was stopped\n"
                    + _tail(work / "soffice.log"),
                    groups,
                ) from None
        result_file = work / "result.json"
        if not result_file.exists():
            _end(script, work / "soffice.pid")
            raise OfficeError(
                f"the UNO script ended with status {script.returncode} without an answer:\n"
                + output.decode(errors="replace")
                + _tail(work / "soffice.log")
            )
        result: dict[str, Any] = json.loads(result_file.read_text(encoding="utf-8"))
        if "error" in result:
            raise OfficeError(
                f"{result['error']}\n{result['traceback']}" + _tail(work / "soffice.log")
            )
        answers: list[dict[str, Any]] = result["jobs"]
        return answers


def _end(script: subprocess.Popen[bytes], pid_file: Path) -> tuple[int, ...]:
    """End the script (its own cleanup ends soffice), then both process groups outright;
    the groups ended."""
    groups = [script.pid]
    with contextlib.suppress(OSError, ValueError):  # soffice not started, or just starting
        groups.append(int(pid_file.read_text(encoding="utf-8")))
    try:
        os.killpg(script.pid, signal.SIGTERM)
        script.wait(timeout=30)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        pass
    for group in groups:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(group, signal.SIGKILL)
    script.wait()
    return tuple(groups)


def _tail(log: Path) -> str:
    if not log.exists():
        return ""
    text = log.read_text(encoding="utf-8", errors="replace").strip()
    return f"\nsoffice said:\n{text[-6000:]}" if text else ""
