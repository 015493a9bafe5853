"""Writing an incident file that others may write too, without losing their work.

The app's Save, ``crisisdraft approve`` and ``crisisdraft export --final`` all write
through here: under the file's write lock (:func:`app.files.file_lock.writing`) they
read the file again, keep every record entry it has gained since (approvals and issued
statements only ever grow: :mod:`app.record.merge`), and only then write. Facts are not
merged field by field: when someone else changed them, the app asks the user (keep
mine, take theirs) instead of guessing.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.errors import N_, CrisisDraftError
from app.facts import editing
from app.facts.editing import IncidentData
from app.facts.models import Record
from app.files import atomic, file_lock
from app.record.diff import FactChange, facts_diff
from app.record.merge import merge_records


@dataclass(frozen=True)
class Baseline:
    """The file as this window last read or wrote it: which file, its bytes' digest,
    and its facts (``None``: not known, e.g. work brought back after a crash)."""

    path: Path
    digest: str
    facts: dict[str, Any] | None


class FactsChangedOnDiskError(CrisisDraftError):
    """Someone else changed the facts in the file since this window read it; nothing
    was written. ``theirs`` is the file as it is now (with the records of both)."""

    def __init__(self, path: Path, theirs: IncidentData, changes: list[FactChange]) -> None:
        self.path = path
        self.theirs = theirs
        self.changes = changes
        super().__init__(
            message_id=N_("{file} was changed by someone else since you opened it"),
            params={"file": path.name},
        )


def read_for_editing(path: Path) -> tuple[IncidentData, Baseline]:
    """The facts of ``path`` to edit, and the baseline a later save compares with.
    Temporary files a save killed half-way left beside it long ago are removed."""
    data = editing.read_incident_data(path)
    atomic.sweep_stale_temporaries(path)
    return data, Baseline(path, _digest(path), facts_of(data))


def save_edited(
    path: Path, data: IncidentData, baseline: Baseline | None, *, keep_mine: bool = False
) -> tuple[IncidentData, Baseline]:
    """Write ``data`` into ``path``, keeping record entries others added meanwhile.

    When ``path`` is the file of ``baseline`` and changed on disk since: its record
    entries join ours; if its facts changed too (and differ from ours), raises
    :class:`FactsChangedOnDiskError` without writing, unless ``keep_mine``. Another file
    (Save As over an existing one) is replaced, as the user confirmed. Returns what was
    written and the new baseline."""
    with file_lock.writing(path):
        if baseline is not None and baseline.path == path and path.exists():
            theirs = _changed_since(path, baseline)
            if theirs is not None:
                merged = _with_record(data, merge_records(record_of(theirs), record_of(data)))
                if not keep_mine and _facts_conflict(theirs, data, baseline):
                    theirs = _with_record(theirs, record_of(merged))
                    raise FactsChangedOnDiskError(
                        path, theirs, facts_diff(facts_of(data), facts_of(theirs))
                    )
                data = merged
        editing.save_incident_data(path, data)
        written = Baseline(path, _digest(path), facts_of(editing.read_incident_data(path)))
    return data, written


def write_record(path: Path, record: Record) -> Record:
    """Add ``record``'s entries to the record in ``path`` (keeping the file's facts and
    the entries others wrote meanwhile); returns the record as written."""
    with file_lock.writing(path):
        data = editing.read_incident_data(path)
        merged = merge_records(record_of(data), record)
        editing.save_incident_data(path, _with_record(data, merged))
    return merged


def facts_of(data: IncidentData) -> dict[str, Any]:
    """Everything but the record, as JSON would say it (to compare two versions)."""
    facts: dict[str, Any] = json.loads(json.dumps(data, sort_keys=True, default=str))
    facts.pop("record", None)
    return facts


def record_of(data: IncidentData) -> Record:
    return Record.model_validate(data.get("record") or {})


def _with_record(data: IncidentData, record: Record) -> IncidentData:
    return {**data, "record": record.model_dump(mode="json")}


def _changed_since(path: Path, baseline: Baseline) -> IncidentData | None:
    """The file as it is now if it changed since ``baseline`` (and can be read)."""
    if baseline.digest and _digest(path) == baseline.digest:
        return None
    try:
        return editing.read_incident_data(path)
    except CrisisDraftError:  # broken on disk meanwhile: ours replaces it
        return None


def _facts_conflict(theirs: IncidentData, mine: IncidentData, baseline: Baseline) -> bool:
    """Their facts differ from what this window read, and from what it now holds."""
    their_facts = facts_of(theirs)
    return their_facts != baseline.facts and their_facts != facts_of(mine)


def _digest(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""
