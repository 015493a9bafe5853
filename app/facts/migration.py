"""Older incident files, brought up to the current format version, one version at a time.

Each step takes the JSON document of version N and returns the same facts as version
N + 1 says them. The steps are pure functions of the document, so the snapshots of
facts kept in a record (written in the version of their day, and never rewritten) are
read through the very same steps as the files themselves.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from app.facts.vocabulary import FORMAT_VERSION

if TYPE_CHECKING:
    from app.facts.models import Incident

# The migrations need no models: a file is brought up to date before the models load
# (the desktop app's first paint, app.facts.editing.first_look); snapshots are read
# into models, loaded then.

Document = dict[str, Any]
Migration = Callable[[Document], Document]


def _add_empty_record(document: Document) -> Document:
    """Version 1 had no record of approvals and issued statements: start an empty one."""
    return {"record": {"approvals": [], "issued": []}, **document}


def _say_only_what_is_known(document: Document) -> Document:
    """Version 2 -> 3, as the contract's "Version 3" section says.

    - every listed system gets its own status: ``shut_down`` when the shutdown was
      partial or global, ``unavailable`` when it was none; ``other_systems`` joins the
      list as named systems;
    - ``payment_data_affected: false`` was a forced answer, not a statement: it becomes
      unknown (null);
    - the organisation was a vehicle maker writing British English.
    """
    document = copy.deepcopy(document)
    organisation = document.get("organisation")
    if isinstance(organisation, dict):
        organisation.setdefault("kind", "vehicle_maker")
        organisation.setdefault("english", "en_GB")
    containment = document.get("containment")
    if isinstance(containment, dict):
        shutdown = containment.get("shutdown")
        status = "unavailable" if shutdown == "none" else "shut_down"
        listed, others = containment.get("systems") or [], containment.get("other_systems") or []
        if isinstance(listed, list) and isinstance(others, list):  # else: refused as they are
            systems: list[Any] = []
            for key in listed:
                systems.append({"key": key, "status": status} if isinstance(key, str) else key)
            for name in others:
                systems.append({"name": name, "status": status})
            containment.pop("other_systems", None)
            containment["systems"] = systems
    data = document.get("data")
    if isinstance(data, dict) and data.get("payment_data_affected") is False:
        data["payment_data_affected"] = None
    return document


# Each entry turns a file of version N (the key) into version N + 1.
MIGRATIONS: dict[int, Migration] = {1: _add_empty_record, 2: _say_only_what_is_known}


def migrate(document: Document, version: int) -> Document:
    """``document`` (of format ``version``, not above the current one) as the current
    version says it; the caller checks the version is a sound number first."""
    while version < FORMAT_VERSION:
        document = MIGRATIONS[version](document)
        version += 1
        document["format_version"] = version
    return document


def migrate_snapshot(facts: Document) -> Document:
    """A record's snapshot of facts, in the version it was written, read as the current
    version (the stored snapshot itself is left as it was written)."""
    version = facts.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        version = 2  # snapshots began with format 2
    if version >= FORMAT_VERSION:
        return facts
    return migrate(copy.deepcopy(facts), version)


# Snapshots read so far, by the identity of the (never changed) snapshot dict: the
# record's checks and views read each one several times per check, 0.5 ms a time.
_READ: dict[int, tuple[Document, Incident | None]] = {}
_READ_LIMIT = 512


def read_snapshot(facts: Document) -> Incident | None:
    """A record's snapshot of facts as the current version's incident, or ``None`` when it
    cannot be read (emptied or broken by hand): the record's views then say so and leave
    that statement's facts out, rather than guessing from what is left of them."""
    from pydantic import ValidationError

    from app.facts.models import Incident

    known = _READ.get(id(facts))
    if known is not None and known[0] is facts:
        return known[1]
    try:
        snapshot: Incident | None = Incident.model_validate(migrate_snapshot(facts))
    except ValidationError:
        snapshot = None
    if len(_READ) >= _READ_LIMIT:
        _READ.clear()
    _READ[id(facts)] = (facts, snapshot)  # kept alive here, so its id is not reused
    return snapshot
