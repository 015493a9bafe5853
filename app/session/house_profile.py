"""The house profile: who the organisation is and whom each audience can call, given
once and kept in the preferences, so that a new incident starts from it instead of
from nothing.

It holds the ``organisation`` and ``contacts`` parts of the incident format, and the
documents a new incident needs (``drafting.documents``; none said: the first three),
and nothing else: they are facts and choices the lead gave once, true of every
incident, so they may appear in drafts; every fact of the incident itself (what
happened, when, which systems) starts "not known yet"
(:func:`app.facts.editing.blank_incident`). The approvers remembered beside it are the
preferences' own list (offered, never assumed).

A profile read from the preferences is taken apart field by field: a value of the
wrong kind (a damaged file, a later version's) is left out rather than refusing the
whole profile; the incident's own checks judge the values when it is edited.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from app.facts import editing
from app.facts.editing import IncidentData
from app.facts.models import EnglishVariant, OrganisationKind
from app.templates.documents import DocumentKind, in_order

#: The texts of ``organisation`` kept as they are (strings).
TEXTS = ("name", "city", "website")
CONTACTS = ("media", "dealers", "staff", "customers", "suppliers", "data_protection")
REQUIRED_CONTACTS = ("media", "dealers", "staff")  # an incident always has these three
CONTACT_PARTS = ("name", "email", "phone")
DEFAULT_TIMEZONE = "Europe/London"


@dataclass(frozen=True)
class HouseProfile:
    """``organisation``: the fields of the incident's ``organisation`` the lead gave;
    ``contacts``: each audience's contact (``{name, email, phone}``), ``None`` for an
    optional one the lead said there is none. Both hold only values of the right kind.
    ``documents``: the documents a new incident needs, in the registry's order
    (``None``: the lead chose none, so a new incident needs the first three)."""

    organisation: Mapping[str, Any] = field(default_factory=dict)
    contacts: Mapping[str, dict[str, str] | None] = field(default_factory=dict)
    documents: tuple[DocumentKind, ...] | None = None

    @classmethod
    def from_data(cls, data: object) -> HouseProfile:
        """The profile kept in the preferences (``to_data``), keeping every value of the
        right kind and dropping the rest; an empty profile for anything else."""
        if not isinstance(data, Mapping):
            return cls()
        organisation = data.get("organisation")
        contacts = data.get("contacts")
        return cls(
            _organisation(organisation) if isinstance(organisation, Mapping) else {},
            _contacts(contacts) if isinstance(contacts, Mapping) else {},
            _documents(data.get("documents")),
        )

    @classmethod
    def of_incident(cls, data: IncidentData) -> HouseProfile:
        """The organisation, contacts and documents of an incident being edited."""
        drafting = data.get("drafting")
        documents = drafting.get("documents") if isinstance(drafting, Mapping) else None
        return cls.from_data(
            {
                "organisation": data.get("organisation"),
                "contacts": data.get("contacts"),
                "documents": documents,
            }
        )

    def to_data(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "organisation": copy.deepcopy(dict(self.organisation)),
            "contacts": copy.deepcopy(dict(self.contacts)),
        }
        if self.documents is not None:  # no choice: nothing written, the first three
            data["documents"] = [str(document) for document in self.documents]
        return data

    def new_incident(
        self,
        now: datetime | None = None,
        *,
        english: str = EnglishVariant.BRITISH.value,
        organisation_kind: str | None = None,
    ) -> IncidentData:
        """A new incident: this organisation, these contacts and documents, every other
        fact not known yet, the statement time now in the organisation's zone. ``english`` and
        ``organisation_kind`` stand in for what the profile does not say."""
        organisation = self.organisation
        incident = editing.blank_incident(
            now,
            timezone=str(organisation.get("timezone") or DEFAULT_TIMEZONE),
            english=str(organisation.get("english") or english),
            organisation_kind=organisation.get("kind") or organisation_kind,
        )
        incident["organisation"].update(
            (name, copy.deepcopy(value))
            for name, value in organisation.items()
            if name not in ("kind", "english", "timezone")
        )
        for audience, contact in self.contacts.items():
            if contact is not None or audience not in REQUIRED_CONTACTS:
                incident["contacts"][audience] = copy.deepcopy(contact)
        if self.documents is not None:
            incident["drafting"] = {"documents": [str(document) for document in self.documents]}
        return incident


def _organisation(data: Mapping[str, Any]) -> dict[str, Any]:
    kept: dict[str, Any] = {name: data[name] for name in TEXTS if isinstance(data.get(name), str)}
    if data.get("kind") in {kind.value for kind in OrganisationKind}:
        kept["kind"] = data["kind"]
    if data.get("english") in {variant.value for variant in EnglishVariant}:
        kept["english"] = data["english"]
    if _known_zone(data.get("timezone")):
        kept["timezone"] = data["timezone"]
    about = data.get("about")
    if isinstance(about, Mapping):
        texts = {language: about.get(language) for language in ("en", "fr")}
        if any(isinstance(text, str) and text for text in texts.values()):
            kept["about"] = {
                language: text if isinstance(text, str) else None
                for language, text in texts.items()
            }
    listed = data.get("listed_on")
    if isinstance(listed, list):
        kept["listed_on"] = [name for name in listed if isinstance(name, str) and name]
    return kept


def _contacts(data: Mapping[str, Any]) -> dict[str, dict[str, str] | None]:
    kept: dict[str, dict[str, str] | None] = {}
    for audience in CONTACTS:
        contact = data.get(audience)
        if isinstance(contact, Mapping):
            kept[audience] = {
                part: contact[part] if isinstance(contact.get(part), str) else ""
                for part in CONTACT_PARTS
            }
        elif contact is None and audience in data and audience not in REQUIRED_CONTACTS:
            kept[audience] = None
    return kept


def _documents(data: object) -> tuple[DocumentKind, ...] | None:
    """The documents kept, in the registry's order; a key no document has is left out,
    and a list left with none is no choice (the first three)."""
    if not isinstance(data, list):
        return None
    known = {kind.value for kind in DocumentKind}
    documents = in_order(key for key in data if isinstance(key, str) and key in known)
    return documents or None


def _known_zone(name: object) -> bool:
    if not isinstance(name, str) or not name:
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True
