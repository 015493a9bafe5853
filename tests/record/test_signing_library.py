"""Approvals signed before the signing library changed (pyca's cryptography, until
issue 18) still check with PyNaCl, and are signed alike: Ed25519 is deterministic."""

from __future__ import annotations

from app.facts.models import Approval
from app.record.signing import public_key, sign, signature_holds

SEED = bytes(range(32))
#: Signed by app/record/signing.py as it was with cryptography 50.0.2 (commit 2b62c95).
SIGNED_WITH_CRYPTOGRAPHY = {
    "document": "press_release",
    "language": "fr",
    "approver": {"name": "Sam Patel", "role": "Directrice juridique"},
    "approved_at": "2025-09-02T09:20:00+01:00",
    "text_sha256": "0" * 64,
    "signer": "03a107bff3ce10be1d70dd18e74bc09967e4d6309ba50d5f1ddc8664125531b8",
    "signature": "0b7328c0fed48449f042a144249c73b14bd6181d5258ba674261fc330c4c4a22"
    "b0290dbfc9701a623ff34a714b9aead1d66ff23a6f6a728f5725c7f1f98a3502",
}


def test_an_approval_signed_with_the_former_library_still_checks() -> None:
    approval = Approval.model_validate(SIGNED_WITH_CRYPTOGRAPHY)
    assert signature_holds(approval)
    forged = approval.model_copy(update={"language": "en"})
    assert not signature_holds(forged)


def test_the_same_key_signs_as_the_former_library_did() -> None:
    unsigned = Approval.model_validate(
        {k: v for k, v in SIGNED_WITH_CRYPTOGRAPHY.items() if k not in ("signer", "signature")}
    )
    signed = sign(unsigned, SEED)
    assert public_key(SEED) == SIGNED_WITH_CRYPTOGRAPHY["signer"]
    assert signed.signature == SIGNED_WITH_CRYPTOGRAPHY["signature"]


def test_a_signature_that_is_not_hex_or_not_64_bytes_does_not_hold() -> None:
    approval = Approval.model_validate(SIGNED_WITH_CRYPTOGRAPHY)
    for broken in ("zz", "ab" * 10):
        assert not signature_holds(approval.model_copy(update={"signature": broken}))
    assert not signature_holds(approval.model_copy(update={"signer": "ab" * 5}))
