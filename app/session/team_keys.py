"""Whose approval signatures the team knows: this user's own key, and the keys the
team's house profile lists.

The house profile is ``house-profile.json`` in one of the shared folders set in
Preferences (where the team's templates are), with the public keys of the people who
record approvals: ``{"approval_keys": [{"name": "Sam Patel", "key": "<hex>"}]}``.
``crisisdraft key`` prints a user's public key to add there. A profile that cannot be
read lists no key (approvals then show as recorded on another machine, a warning).
"""

from __future__ import annotations

import json
from pathlib import Path

from app.files.approval_key import load_or_create_seed
from app.record.signing import public_key
from app.session.preferences import Preferences

HOUSE_PROFILE = "house-profile.json"
MAX_PROFILE_BYTES = 1024 * 1024


def my_public_key() -> str:
    """This user's public key (the key is made on first use)."""
    return public_key(load_or_create_seed())


def team_keys(preferences: Preferences | None = None) -> frozenset[str]:
    """This user's key and every key the house profiles of the shared folders list."""
    chosen = preferences if preferences is not None else Preferences.load()
    keys = {my_public_key()}
    for folder in chosen.shared_libraries:
        keys |= listed_keys(folder / HOUSE_PROFILE)
    return frozenset(keys)


def listed_keys(profile: Path) -> set[str]:
    """The approval keys ``profile`` lists; none when it is missing or unreadable."""
    try:
        if profile.stat().st_size > MAX_PROFILE_BYTES:
            return set()
        data = json.loads(profile.read_text(encoding="utf-8"))
        entries = data.get("approval_keys", []) if isinstance(data, dict) else []
    except (OSError, ValueError, RecursionError):
        return set()
    return {
        str(entry["key"]).lower()
        for entry in entries
        if isinstance(entry, dict) and isinstance(entry.get("key"), str)
    }
