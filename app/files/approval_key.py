"""The key a user signs the approvals they record with: 32 random bytes (an Ed25519
private key seed) in their own data folder, readable by them only, made on first use.

Losing it only means new approvals are signed with a new key (to be listed in the
team's house profile again); copying it lets the copy sign as its owner, so it never
leaves the data folder (docs/security.md).
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from app.errors import N_, CrisisDraftError
from app.files.user_folders import data_folder

SEED_BYTES = 32


def approval_key_file() -> Path:
    return data_folder() / "keys" / "approval-ed25519.key"


def load_or_create_seed(path: Path | None = None) -> bytes:
    """This user's key seed, made (owner-only) the first time; raises
    :class:`CrisisDraftError` when the file exists but is not a key."""
    path = path or approval_key_file()
    try:
        return _seed_in(path)
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    seed = secrets.token_bytes(SEED_BYTES)
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # made by another process meanwhile: use that one
        return _seed_in(path)
    with os.fdopen(descriptor, "w", encoding="ascii") as stream:
        stream.write(seed.hex() + "\n")
        stream.flush()
        os.fsync(stream.fileno())
    return seed


def _seed_in(path: Path) -> bytes:
    text = path.read_text(encoding="ascii", errors="replace").strip()
    try:
        seed = bytes.fromhex(text)
    except ValueError:
        seed = b""
    if len(seed) != SEED_BYTES:
        raise CrisisDraftError(
            message_id=N_(
                "{file} is not an approval key; move it away and a new key is made at the "
                "next approval (then add the new key to your team's house profile)"
            ),
            params={"file": str(path)},
        )
    return seed
