"""Which statement the lead is writing, and what the organisation's kind lets drafts say.

Both are decisions made once here and asked for everywhere else: the CLI's default set,
the app's proposal, the library's preview, and the render context.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.facts.vocabulary import OrganisationKind, RecoveryPhase, StatementKind

if TYPE_CHECKING:
    from app.facts.models import Incident


@dataclass(frozen=True)
class StatementChoice:
    """The statement kind in force and why, in words a front end can show (message ids)."""

    kind: StatementKind
    reason: str  # one of the REASON_* ids below


REASON_GIVEN = "given"  # the lead chose it (incident.statement_kind)
REASON_RESTORED = "restored"  # recovery.phase is restored
REASON_ISSUED = "issued"  # a statement of this incident has already been issued
REASON_FIRST = "first"  # nothing issued yet: the first statement


def statement_choice(incident: Incident) -> StatementChoice:
    """``incident.statement_kind`` if given; else as the contract derives it."""
    given = incident.incident.statement_kind
    if given is not None:
        return StatementChoice(given, REASON_GIVEN)
    if incident.recovery.phase is RecoveryPhase.RESTORED:
        return StatementChoice(StatementKind.RESOLUTION, REASON_RESTORED)
    if incident.record.issued:
        return StatementChoice(StatementKind.UPDATE, REASON_ISSUED)
    return StatementChoice(StatementKind.HOLDING, REASON_FIRST)


@dataclass(frozen=True)
class KindFits:
    """What the drafts may speak of for this kind of organisation.

    ``vehicles``: vehicle registration by dealers and vehicles on order;
    ``production``: production, plants and production lines;
    ``dealers``: the dealer notice addresses dealers (else the retail network).
    """

    vehicles: bool
    production: bool
    dealers: bool


_FITS: dict[OrganisationKind, KindFits] = {
    OrganisationKind.VEHICLE_MAKER: KindFits(vehicles=True, production=True, dealers=True),
    OrganisationKind.PARTS_SUPPLIER: KindFits(vehicles=False, production=True, dealers=False),
    OrganisationKind.RETAILER: KindFits(vehicles=False, production=False, dealers=False),
    OrganisationKind.SOFTWARE_VENDOR: KindFits(vehicles=False, production=False, dealers=False),
    OrganisationKind.OTHER: KindFits(vehicles=False, production=True, dealers=False),
}


def kind_fits(incident: Incident) -> KindFits:
    """What fits ``incident``'s organisation (an unknown kind is taken as ``other``)."""
    return _FITS[incident.organisation.kind or OrganisationKind.OTHER]
