"""Approvals that show when they were changed outside the app.

The lead records approvals given by others (by phone, in a meeting), so an approval is
signed with the key of the user who recorded it (Ed25519, from ``cryptography``) over
everything it says: document, language, approver, role, time, the approved text's
hash and the signer's own public key. Editing any of it in the file (another name, a
recomputed hash) breaks the signature. Whether the signer is one of the team's keys
(the house profile's list) is a separate question: a valid signature by an unknown key
was recorded on another machine.

``cryptography`` is imported when an approval is signed or checked, not at start-up.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from enum import StrEnum

from app.facts.models import Approval


class Seal(StrEnum):
    """What an approval's signature says."""

    KNOWN = "known"  # valid, by this user's key or one of the team's
    OTHER_MACHINE = "other_machine"  # valid, by a key not on the team's list
    BROKEN = "broken"  # does not match what the approval says: changed outside the app
    UNSIGNED = "unsigned"  # recorded before approvals were signed, or stripped


def public_key(seed: bytes) -> str:
    """The public key (hex) of the private key ``seed``: what the team lists."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    return Ed25519PrivateKey.from_private_bytes(seed).public_key().public_bytes_raw().hex()


def sign(approval: Approval, seed: bytes) -> Approval:
    """``approval`` signed with the private key ``seed``."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    key = Ed25519PrivateKey.from_private_bytes(seed)
    signer = key.public_key().public_bytes_raw().hex()
    unsigned = approval.model_copy(update={"signer": signer, "signature": None})
    return unsigned.model_copy(update={"signature": key.sign(_payload(unsigned)).hex()})


def seal_of(approval: Approval, known_keys: Collection[str]) -> Seal:
    """Whether ``approval`` is as its signer signed it, and whether the signer is known."""
    if not approval.signer or not approval.signature:
        return Seal.UNSIGNED
    if not signature_holds(approval):
        return Seal.BROKEN
    return Seal.KNOWN if approval.signer in known_keys else Seal.OTHER_MACHINE


def signature_holds(approval: Approval) -> bool:
    """True when ``approval`` carries a signature that matches everything it says."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    if not approval.signer or not approval.signature:
        return False
    try:
        key = Ed25519PublicKey.from_public_bytes(bytes.fromhex(approval.signer))
        key.verify(bytes.fromhex(approval.signature), _payload(approval))
    except (ValueError, InvalidSignature):
        return False
    return True


def _payload(approval: Approval) -> bytes:
    """What is signed: every field but the signature, in one fixed JSON form."""
    said = {
        "document": approval.document,
        "language": approval.language,
        "approver": {"name": approval.approver.name, "role": approval.approver.role},
        "approved_at": approval.approved_at.isoformat(),
        "text_sha256": approval.text_sha256,
        "signer": approval.signer,
    }
    return json.dumps(said, sort_keys=True, ensure_ascii=False).encode("utf-8")
