"""Approvals that show when they were changed outside the app.

The lead records approvals given by others (by phone, in a meeting), so an approval is
signed with the key of the user who recorded it (Ed25519, from PyNaCl's libsodium) over
everything it says: document, language, approver, role, time, the approved text's
hash and the signer's own public key. Editing any of it in the file (another name, a
recomputed hash) breaks the signature. Whether the signer is one of the team's keys
(the house profile's list) is a separate question: a valid signature by an unknown key
was recorded on another machine.

PyNaCl is imported when an approval is signed or checked, not at start-up. Ed25519 is
deterministic: the same key and payload give the same signature whichever library
computes it, so approvals signed before (with ``cryptography``) still check.
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
    from nacl.signing import SigningKey

    return SigningKey(seed).verify_key.encode().hex()


def sign(approval: Approval, seed: bytes) -> Approval:
    """``approval`` signed with the private key ``seed``."""
    from nacl.signing import SigningKey

    key = SigningKey(seed)
    signer = key.verify_key.encode().hex()
    unsigned = approval.model_copy(update={"signer": signer, "signature": None})
    signature = key.sign(_payload(unsigned)).signature
    return unsigned.model_copy(update={"signature": signature.hex()})


def seal_of(approval: Approval, known_keys: Collection[str]) -> Seal:
    """Whether ``approval`` is as its signer signed it, and whether the signer is known."""
    if not approval.signer or not approval.signature:
        return Seal.UNSIGNED
    if not signature_holds(approval):
        return Seal.BROKEN
    return Seal.KNOWN if approval.signer in known_keys else Seal.OTHER_MACHINE


def signature_holds(approval: Approval) -> bool:
    """True when ``approval`` carries a signature that matches everything it says."""
    from nacl.exceptions import BadSignatureError, CryptoError
    from nacl.signing import VerifyKey

    if not approval.signer or not approval.signature:
        return False
    try:
        key = VerifyKey(bytes.fromhex(approval.signer))
        key.verify(_payload(approval), bytes.fromhex(approval.signature))
    except (ValueError, TypeError, BadSignatureError, CryptoError):
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
