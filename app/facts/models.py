"""Typed, validated incident facts: the contract of ``../shared/incident-format.md``, v3.

These models hold what the communications lead says, exactly as the file says it.
**Unknown means silent**: every claim-bearing fact may be ``None`` (not stated), and a
section left out of the file is a section of unknowns, so that a blank incident claims
nothing. Checks that look at several fields together (a restored incident with a plant
still stopped, a restore date before the statement) live in
:mod:`app.facts.consistency`, so that an incomplete incident still loads and can be
shown, edited and fixed. Older files are migrated in :mod:`app.facts.migration`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo

from pydantic import (
    AfterValidator,
    Field,
    field_validator,
    model_validator,
)

# Re-exported (``X as X``): the vocabularies, the kinds of values and the record's
# models are named from here by every layer.
from app.errors import N_, MessageError
from app.facts.base import (
    LANGUAGES as LANGUAGES,
    Day as Day,
    DocumentKey as DocumentKey,
    Facts as Facts,
    Language as Language,
    Moment as Moment,
    Name as Name,
    NonEmptyText as NonEmptyText,
    TimeZoneName as TimeZoneName,
)
from app.facts.record_models import (
    Approval as Approval,
    Approver as Approver,
    EditedInWord as EditedInWord,
    IssuedStatement as IssuedStatement,
    Record as Record,
)
from app.facts.text_rules import plausible_count
from app.facts.vocabulary import (
    FORMAT_NAME as FORMAT_NAME,
    FORMAT_VERSION as FORMAT_VERSION,
    DataCategory as DataCategory,
    DataStatus as DataStatus,
    EnglishVariant as EnglishVariant,
    IncidentKind as IncidentKind,
    OrganisationKind as OrganisationKind,
    ProductionImpact as ProductionImpact,
    QaQuestion as QaQuestion,
    RecoveryPhase as RecoveryPhase,
    RetailImpact as RetailImpact,
    ServiceLevel as ServiceLevel,
    ShortText as ShortText,
    Shutdown as Shutdown,
    SiteKind as SiteKind,
    SiteStatus as SiteStatus,
    StatementKind as StatementKind,
    StepStatus as StepStatus,
    SystemKey as SystemKey,
    SystemStatus as SystemStatus,
)


class BilingualText(Facts):
    """A text written once per language; a missing or blank language is ``None``.

    A missing language is allowed on load (the user may still be writing it) and is
    reported before an export in that language by :func:`app.facts.consistency`.
    """

    en: str | None = None
    fr: str | None = None

    def get(self, language: Language) -> str | None:
        text = self.en if language == "en" else self.fr
        return text or None


class AnnouncementBy(Facts):
    """Who is responsible for releasing the organisation's market announcements (the
    exchange's rules ask them to be named): a field of the project's own, see
    docs/incident-drafting.md."""

    name: NonEmptyText
    role: BilingualText


class Organisation(Facts):
    name: Name
    city: NonEmptyText
    website: str | None = None
    timezone: TimeZoneName
    kind: OrganisationKind | None = None
    english: EnglishVariant = EnglishVariant.BRITISH
    about: BilingualText | None = None
    listed_on: list[NonEmptyText] = []
    announcement_by: AnnouncementBy | None = None


class IncidentSummary(Facts):
    kind: IncidentKind | None = None
    detected_at: Moment | None = None
    statement_at: Moment
    statement_kind: StatementKind | None = None
    statement_url: str | None = None
    third_party: str | None = None
    third_party_role: BilingualText | None = None
    # The project's own (docs/incident-drafting.md): for the NIS2 notification only.
    indicators: str | None = None


class System(Facts):
    """One system with its own state: a catalogue ``key`` or a ``name`` of the lead's."""

    key: SystemKey | None = None
    name: BilingualText | None = None
    status: SystemStatus

    @model_validator(mode="after")
    def _key_or_name(self) -> System:
        if (self.key is None) == (self.name is None):
            raise MessageError(
                N_("give either 'key' (a system of the catalogue) or 'name' (your own), not both")
                if self.key is not None
                else N_(
                    "give either 'key' (a system of the catalogue) or 'name' (your own), "
                    "not neither"
                )
            )
        return self


class Containment(Facts):
    shutdown: Shutdown | None = None
    proactive: bool | None = None
    systems: list[System] = []


class Site(Facts):
    name: NonEmptyText
    kind: SiteKind
    status: SiteStatus


class Impact(Facts):
    production: ProductionImpact | None = None
    retail: RetailImpact | None = None
    dealers_can_register_vehicles: bool | None = None
    customer_services: ServiceLevel | None = None
    # The project's own (docs/incident-drafting.md): for the NIS2 texts only.
    cross_border: bool | None = None
    severity: BilingualText | None = None


class DataExposure(Facts):
    """What may be said of data. ``AFFECTED`` with no categories: the scope is not known."""

    status: DataStatus | None = None
    categories: list[DataCategory] = []
    payment_data_affected: bool | None = None
    aware_at: Moment | None = None
    people_affected: Annotated[int, Field(ge=0), AfterValidator(plausible_count)] | None = None
    likely_consequences: BilingualText | None = None
    # The project's own (docs/incident-drafting.md): for the regulator notification.
    records_affected: Annotated[int, Field(ge=0), AfterValidator(plausible_count)] | None = None
    people_categories: BilingualText | None = None
    delay_reason: BilingualText | None = None


class Authorities(Facts):
    """Who has been told. ``nis2_authority`` (the project's own): the CSIRT or
    competent authority the NIS2 early warning and notification go to."""

    regulators: list[NonEmptyText] = []
    law_enforcement: bool | None = None
    specialists_engaged: bool | None = None
    agencies: list[NonEmptyText] = []
    nis2_authority: NonEmptyText | None = None


class RecoveryStep(BilingualText):
    status: StepStatus


class Recovery(Facts):
    phase: RecoveryPhase | None = None
    steps: list[RecoveryStep] = []
    expected_restore: Day | None = None
    paused_until: Day | None = None


class Guidance(Facts):
    staff: BilingualText | None = None
    dealers: BilingualText | None = None
    customers: BilingualText | None = None
    suppliers: BilingualText | None = None


class Contact(Facts):
    name: NonEmptyText
    email: str
    phone: str


class Contacts(Facts):
    media: Contact
    dealers: Contact
    staff: Contact
    customers: Contact | None = None
    suppliers: Contact | None = None
    data_protection: Contact | None = None


class Spokesperson(Facts):
    name: NonEmptyText
    role: BilingualText
    quote: BilingualText


class QaEntry(Facts):
    """One question of this incident's reactive Q&A: a built-in question (``key``),
    whose generated answer the lead may replace, or the lead's own (``question``)."""

    key: QaQuestion | None = None
    question: BilingualText | None = None
    answer: BilingualText | None = None
    if_pressed: BilingualText | None = None

    @model_validator(mode="after")
    def _key_or_question(self) -> QaEntry:
        if (self.key is None) == (self.question is None):
            raise MessageError(
                N_("give either 'key' (a built-in question) or 'question' (your own), not both")
                if self.key is not None
                else N_(
                    "give either 'key' (a built-in question) or 'question' (your own), not neither"
                )
            )
        if self.question is not None and self.answer is None:
            raise MessageError(N_("a question of your own needs its 'answer'"))
        return self


class Drafting(Facts):
    """How the lead wants this incident's drafts written: not facts, so no snapshot of a
    statement keeps them (the project's own section, see docs/incident-drafting.md).

    ``documents``: the documents this incident needs (``None``: the first three).
    ``qa``: the Q&A's questions in order; a built-in question left out is dropped
    (``None``: every built-in question, in order, answered from the facts).
    ``short_texts``: the lead's own wording of a short text, replacing the generated one.
    """

    documents: list[DocumentKey] | None = None
    qa: list[QaEntry] | None = None
    short_texts: dict[ShortText, BilingualText] = {}

    @field_validator("documents")
    @classmethod
    def _no_repeats(cls, value: list[str] | None) -> list[str] | None:
        return None if value is None else list(dict.fromkeys(value))


class Incident(Facts):
    """One incident file, version 3: everything a template may say, and the record.

    A section left out (``impact``, ``data`` ...) is a section whose facts are unknown.
    """

    format: Literal["crisisdraft.incident"] = FORMAT_NAME
    format_version: Literal[3] = FORMAT_VERSION
    title: str = ""
    organisation: Organisation
    incident: IncidentSummary
    containment: Containment = Containment()
    sites: list[Site] = []
    impact: Impact = Impact()
    data: DataExposure = DataExposure()
    authorities: Authorities = Authorities()
    recovery: Recovery = Recovery()
    guidance: Guidance = Guidance()
    contacts: Contacts
    spokesperson: Spokesperson | None = None
    next_update_at: Moment | None = None
    drafting: Drafting = Field(
        default_factory=Drafting, exclude_if=lambda value: value == Drafting()
    )
    record: Record = Record()

    def facts_snapshot(self) -> dict[str, Any]:
        """The facts as JSON data, without the record and the drafting choices: what a
        statement was based on."""
        snapshot: dict[str, Any] = self.model_dump(mode="json", exclude={"record", "drafting"})
        return snapshot

    @property
    def zone(self) -> ZoneInfo:
        """The organisation's time zone, in which every time is shown."""
        return ZoneInfo(self.organisation.timezone)

    def local(self, moment: datetime) -> datetime:
        """``moment`` as a clock in the organisation's time zone would show it."""
        return moment.astimezone(self.zone)
