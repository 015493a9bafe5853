"""Facts as the user edits them: a plain JSON-shaped dict that may be incomplete.

The desktop app edits this dict, field by field, through field paths
(``guidance.staff.fr``, ``sites[1].status``) - the same paths problems are reported
with, so a click on a problem finds its field. Validation turns the dict into an
:class:`Incident` when it can, and into problems when it cannot.
"""

from __future__ import annotations

import copy
import json
import re
from datetime import datetime
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.errors import IncidentFileError, Problem
from app.facts.migration import migrate
from app.facts.unfinished_rows import HeldBack, hold_back, in_a_row
from app.facts.vocabulary import FORMAT_NAME, FORMAT_VERSION, LANGUAGES
from app.files import atomic

if TYPE_CHECKING:
    from app.facts.models import Incident

# The models (pydantic) load when facts are first validated, not when this module is
# imported: the desktop app shows the facts it reads before the models have loaded.

IncidentData = dict[str, Any]
_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def split_path(path: str) -> list[str | int]:
    """``"sites[1].status"`` -> ``["sites", 1, "status"]``."""
    return [int(index) if index else name for name, index in _PART.findall(path)]


def get_value(data: IncidentData, path: str, default: Any = None) -> Any:
    target: Any = data
    for part in split_path(path):
        try:
            target = target[part]
        except (KeyError, IndexError, TypeError):
            return default
    return target


def set_value(data: IncidentData, path: str, value: Any) -> None:
    """Set ``path`` to ``value``, creating the objects on the way (not list items)."""
    parts = split_path(path)
    target: Any = data
    for part, following in pairwise(parts):
        if isinstance(part, int):
            target = target[part]
        else:
            if not isinstance(target.get(part), dict | list):
                target[part] = [] if isinstance(following, int) else {}
            target = target[part]
    target[parts[-1]] = value


def validate(
    data: IncidentData, *, source: str = "incident"
) -> tuple[Incident | None, list[Problem]]:
    """The incident if the facts make one, else the problems found (see
    :func:`validate_edited`, which also says which rows it held back)."""
    incident, problems, _held = validate_edited(data, source=source)
    return incident, problems


def validate_edited(
    data: IncidentData, *, source: str = "incident"
) -> tuple[Incident | None, list[Problem], HeldBack]:
    """The incident the facts make, without the rows still being filled in, with the
    problems: the unfinished rows' errors (see :mod:`app.facts.unfinished_rows`) when
    there is an incident, else everything that stops the facts from being one."""
    from app.facts.loading import parse_incident

    try:
        incident: Incident | None = parse_incident(json.dumps(data), source=source)
        refused: list[Problem] = []
    except IncidentFileError as error:
        incident, refused = None, error.problems
    facts, held, others = hold_back(data, refused, source=source)
    if others:
        return None, [*others, *held.problems], held
    if not held.problems:
        return incident, [], held
    try:
        return parse_incident(json.dumps(facts), source=source), list(held.problems), held
    except IncidentFileError as error:  # not expected: every fault was in a held row
        return None, [*map(held.as_edited, error.problems), *held.problems], held


def first_look(path: Path) -> IncidentData | None:
    """The facts of ``path`` as written (an older version brought up to date), when it
    holds an incident: what the desktop app shows at its first paint, before the models
    have loaded. The full reading (:func:`read_incident_data`) follows and its facts
    take their place. ``None`` when the file must be read in full first, to say what is
    wrong with it: it cannot be read, is not JSON, or names another format or version."""
    try:
        written = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, ValueError, RecursionError):
        return None
    if not isinstance(written, dict) or written.get("format") != FORMAT_NAME:
        return None
    version = written.get("format_version")
    if type(version) is not int or not 1 <= version <= FORMAT_VERSION:
        return None
    return migrate(written, version)


def read_incident_data(path: Path) -> IncidentData:
    """Load a file for editing: it must be a valid incident (problems raise), apart from
    rows someone saved while still filling them in (a site not named yet): those are
    kept as written, for the editor to show as problems on their rows."""
    from app.facts.loading import load_incident

    try:
        incident = load_incident(path)
    except IncidentFileError as error:
        return _with_unfinished_rows(path, error)
    data: IncidentData = json.loads(incident.model_dump_json(exclude_none=False))
    return _as_written(data, path)


def _with_unfinished_rows(path: Path, error: IncidentFileError) -> IncidentData:
    """The facts of a file refused only for rows still being filled in: the rest read
    as usual, the unfinished rows put back where they were. Else ``error`` is raised."""
    if not all(in_a_row(problem.field) for problem in error.problems):
        raise error
    try:
        written = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, ValueError, RecursionError):
        raise error from None
    if not isinstance(written, dict) or written.get("format_version") != FORMAT_VERSION:
        raise error  # an older file is migrated first: the strict reading says it all
    facts, held, others = hold_back(written, error.problems, source=path.name)
    if others or not held.problems:
        raise error
    from app.facts.loading import parse_incident

    try:
        incident = parse_incident(json.dumps(facts), source=path)
    except IncidentFileError:
        raise error from None
    data: IncidentData = json.loads(incident.model_dump_json(exclude_none=False))
    data = _as_written(data, path)
    for rows, kept in held.kept.items():
        complete, as_written = get_value(data, rows), get_value(written, rows)
        items = [
            complete[kept.index(i)] if i in kept else item for i, item in enumerate(as_written)
        ]
        set_value(data, rows, items)
    return data


def _as_written(data: IncidentData, path: Path) -> IncidentData:
    """Keep times as the file wrote them (with their offsets), not as pydantic re-wrote them."""
    original = json.loads(path.read_text(encoding="utf-8-sig"))
    for field in (
        "incident.detected_at",
        "incident.statement_at",
        "next_update_at",
        "data.aware_at",
    ):
        written = get_value(original, field)
        if written is not None:
            set_value(data, field, written)
    return data


def to_json(data: IncidentData) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def save_incident_data(path: Path, data: IncidentData) -> None:
    """Write the facts as a ``*.crisis.json`` file, atomically."""
    atomic.write_atomically(path, to_json(data).encode("utf-8"))


def blank_incident(
    now: datetime | None = None,
    timezone: str = "Europe/London",
    english: str = "en_GB",
    organisation_kind: str | None = None,
) -> IncidentData:
    """A new incident: every field present, every claim unknown (null: the drafts say
    nothing of it), texts empty, the statement time set to now; the organisation's
    English variant and kind are the caller's (what the user chose last time)."""
    from zoneinfo import ZoneInfo  # a new incident only: not at every start

    zone = ZoneInfo(timezone)
    moment = (now or datetime.now(zone)).astimezone(zone).replace(second=0, microsecond=0)
    contact = {"name": "", "email": "", "phone": ""}
    return {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "title": "",
        "organisation": {
            "name": "",
            "city": "",
            "website": None,
            "timezone": timezone,
            "kind": organisation_kind,
            "english": english,
            "about": None,
            "listed_on": [],
            "announcement_by": None,
        },
        "incident": {
            "kind": None,
            "detected_at": None,
            "statement_at": moment.isoformat(),
            "statement_kind": None,
            "statement_url": None,
            "third_party": None,
            "third_party_role": None,
            "indicators": None,
        },
        "containment": {"shutdown": None, "proactive": None, "systems": []},
        "sites": [],
        "impact": {
            "production": None,
            "retail": None,
            "dealers_can_register_vehicles": None,
            "customer_services": None,
            "cross_border": None,
            "severity": None,
        },
        "data": {
            "status": None,
            "categories": [],
            "payment_data_affected": None,
            "aware_at": None,
            "people_affected": None,
            "likely_consequences": None,
            "records_affected": None,
            "people_categories": None,
            "delay_reason": None,
        },
        "authorities": {
            "regulators": [],
            "law_enforcement": None,
            "specialists_engaged": None,
            "agencies": [],
            "nis2_authority": None,
        },
        "recovery": {"phase": None, "steps": [], "expected_restore": None, "paused_until": None},
        "guidance": {"staff": None, "dealers": None, "customers": None, "suppliers": None},
        "contacts": {
            "media": dict(contact),
            "dealers": dict(contact),
            "staff": dict(contact),
            "customers": None,
            "suppliers": None,
            "data_protection": None,
        },
        "spokesperson": None,
        "next_update_at": None,
    }


def empty_texts() -> dict[str, str]:
    """A text in every language the drafts are written in, each still to write."""
    return dict.fromkeys(LANGUAGES, "")


def copy_data(data: IncidentData) -> IncidentData:
    return copy.deepcopy(data)
