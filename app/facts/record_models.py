"""The record's models: who approved which text, and what went out. Their shape is the
project's own (``../shared/incident-format.md``: version 2 added ``record``, version 3
keeps it); :class:`app.facts.models.Incident` holds one :class:`Record`."""

from __future__ import annotations

from typing import Any, ClassVar

from pydantic import Field

from app.facts.base import DocumentKey, Facts, Language, Moment, Name, NonEmptyText


class Approver(Facts):
    name: Name
    role: Name


class Approval(Facts):
    """A named person approved this exact draft text (its SHA-256) for release.

    ``signer`` and ``signature`` (hex; the project's own fields, see docs/security.md):
    the public key of the user who recorded the approval and their Ed25519 signature
    over all the rest (app.record.signing), so an approval edited outside the app
    shows as such. Approvals recorded before signing have neither."""

    document: DocumentKey
    language: Language
    approver: Approver
    approved_at: Moment
    text_sha256: str
    # Left out of the file when absent, so an unsigned approval reads as it was written.
    signer: str | None = Field(default=None, exclude_if=lambda value: value is None)
    signature: str | None = Field(default=None, exclude_if=lambda value: value is None)


class EditedInWord(Facts):
    """How a statement issued from a Word document edited outside the app (legal, the
    chief executive, an agency) differs from the app's draft: the file that went out
    (its SHA-256), the draft it was edited from and who, if anyone, had approved that
    draft (an approval of the app's text is not an approval of the edited one: the
    statement's own ``approver`` approved the edited text), and the problems the checks
    found in it when the lead issued it despite them (empty: none)."""

    file_sha256: str
    draft_text: str
    draft_approver: Approver | None = None
    problems: list[str] = []

    _long_texts: ClassVar[frozenset[str]] = frozenset({"draft_text"})


class IssuedStatement(Facts):
    """One communication as it went out: what, when, by whose approval, with the facts
    and the text of that moment, so later statements can be compared with it.

    ``edited`` is set when the text is that of a Word document edited outside the app
    and brought back (``crisisdraft issue``); it is left out of the file otherwise.
    ``recipients``: the authorities a text addressed to them went to (the ICO for its
    notification), so the record says whom it notified; left out for the others."""

    issued_at: Moment
    document: DocumentKey
    language: Language
    template_id: str
    template_version: str
    approver: Approver
    file_name: str
    facts: dict[str, Any]
    text: str
    edited: EditedInWord | None = Field(default=None, exclude_if=lambda value: value is None)
    recipients: list[NonEmptyText] = Field(default=[], exclude_if=lambda value: not value)

    _long_texts: ClassVar[frozenset[str]] = frozenset({"text"})  # a whole statement


class Record(Facts):
    """What the organisation has approved and said so far about this incident."""

    nis2_in_scope: bool = False
    approvals: list[Approval] = []
    issued: list[IssuedStatement] = []
