"""Faults that only show when fields are read together, or for one language.

An incident can load and still be unfit to export: facts that contradict each other
(restored while a plant is stopped, a restore date before the statement), a French
export that lacks a French text. These are :class:`Problem` objects naming the field
path and what to change, found by ``crisisdraft check``, refused by every export with
the same words, and shown in the app's problem list. Two gentler kinds ride along: a
warning (an unknown data status in an attack: the press will ask) and one line of
information listing what the drafts leave out because it is not stated.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

from pydantic import BaseModel

from app.errors import N_, Param, Problem, Term, terms
from app.facts.language_check import reads_as
from app.facts.models import (
    BilingualText,
    DataStatus,
    Incident,
    IncidentKind,
    Language,
    ProductionImpact,
    RecoveryPhase,
    Shutdown,
    SiteKind,
    SiteStatus,
    StatementKind,
    StepStatus,
    SystemStatus,
)
from app.facts.statement import kind_fits, statement_choice
from app.facts.text_words import names_in


def incident_problems(
    incident: Incident,
    languages: Sequence[Language],
    *,
    source: str = "incident",
    statement_kind: StatementKind | None = None,
    warnings: bool = True,
) -> list[Problem]:
    """Everything that would make an export in ``languages`` wrong or incomplete:
    contradictions and missing texts (blocking), then warnings, then what is not stated.

    ``statement_kind`` is the set of templates the export uses (by default the one the
    facts choose), so a resolution chosen by hand is judged as a resolution.
    ``warnings=False`` leaves out the warnings (an export about to be written only
    asks whether it is blocked; reading whether texts are in the wrong language loads
    the word lists of both languages).
    """
    used = statement_kind or statement_choice(incident).kind
    problems = [
        Problem(where=f"{source}: {path}", message_id=message_id, params=params, field=path)
        for path, message_id, params in contradictions(incident, used)
    ]
    for language in languages:
        for path in missing_texts(incident, language):
            problems.append(
                Problem(
                    where=f"{source}: {path}.{language}",
                    message_id=MISSING_TEXT[language],
                    field=f"{path}.{language}",
                )
            )
    problems += [
        Problem(
            where=f"{source}: {path}",
            message_id=message_id,
            params=params,
            field=path,
            blocking=False,
        )
        for path, message_id, params in (_warnings(incident, languages) if warnings else ())
    ]
    left_out = not_stated(incident)
    if left_out:
        problems.append(
            Problem(
                where=source,
                message_id=N_("Not stated: {facts} (the drafts say nothing of it)"),
                params={"facts": terms(left_out)},
                informational=True,
            )
        )
    return problems


# (field path, message id, its parameters): a problem before it is placed in a file
Finding = tuple[str, str, Mapping[str, Param]]

MISSING_TEXT: Mapping[Language, str] = {
    "en": N_("the English text is missing; write it, or leave English out of the export"),
    "fr": N_("the French text is missing; write it, or leave French out of the export"),
}

# A state as the problems name it (a message id, so it reads in the user's language)
_SITE_STATES: Mapping[SiteStatus, str] = {
    SiteStatus.STOPPED: N_("stopped"),
    SiteStatus.REDUCED: N_("reduced"),
    SiteStatus.OPERATING: N_("operating"),
}
_SYSTEM_STATES: Mapping[SystemStatus, str] = {
    SystemStatus.SHUT_DOWN: N_("shut down"),
    SystemStatus.UNAVAILABLE: N_("unavailable"),
    SystemStatus.DEGRADED: N_("degraded"),
    SystemStatus.RESTORED: N_("restored"),
}


def missing_texts(incident: Incident, language: Language) -> list[str]:
    """Field paths of the bilingual texts that have nothing in ``language``."""
    return [path for path, text in _bilingual_texts(incident, "") if not text.get(language)]


def not_stated(incident: Incident) -> list[str]:
    """The claim-bearing facts left unknown, in words (message ids, English as they
    stand): what the drafts are silent on."""
    facts = incident
    fits = kind_fits(facts)
    containment = facts.containment
    shut_down = containment.shutdown in (Shutdown.PARTIAL, Shutdown.GLOBAL) or any(
        system.status is SystemStatus.SHUT_DOWN for system in containment.systems
    )
    affected = facts.data.status is DataStatus.AFFECTED
    unknown = [
        (N_("kind of incident"), facts.incident.kind is None),
        (N_("when it began"), facts.incident.detected_at is None),
        (N_("shutdown"), containment.shutdown is None and not containment.systems),
        # a shutdown is told, but not whether it was a precaution or forced on us
        (N_("reason for the shutdown"), shut_down and containment.proactive is None),
        (N_("production"), fits.production and facts.impact.production is None),
        (N_("sales"), facts.impact.retail is None),
        (N_("registration"), fits.vehicles and facts.impact.dealers_can_register_vehicles is None),
        (N_("customer services"), facts.impact.customer_services is None),
        (N_("data"), facts.data.status is None),
        # "false" is said only of affected data: otherwise there is nothing to leave out
        (N_("payment data"), affected and facts.data.payment_data_affected is None),
        (N_("police"), facts.authorities.law_enforcement is None),
        (N_("specialists"), facts.authorities.specialists_engaged is None),
        (N_("recovery"), facts.recovery.phase is None),
    ]
    return [name for name, is_unknown in unknown if is_unknown]


def _bilingual_texts(model: BaseModel, prefix: str) -> Iterator[tuple[str, BilingualText]]:
    if isinstance(model, BilingualText):
        yield prefix, model
    for name in type(model).model_fields:
        value = getattr(model, name)
        path = f"{prefix}.{name}" if prefix else name
        if isinstance(value, BaseModel):
            yield from _bilingual_texts(value, path)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from _bilingual_texts(item, f"{path}[{index}]")


def contradictions(incident: Incident, used: StatementKind) -> Iterator[Finding]:
    """Facts that cannot all be true, as (field path, what to change, its parameters)."""
    yield from _times_contradict(incident)
    yield from _restored_contradicts(incident, used)
    yield from _containment_contradicts(incident)
    yield from _impact_contradicts(incident)
    yield from _data_contradicts(incident)
    summary = incident.incident
    if summary.kind is IncidentKind.THIRD_PARTY_OUTAGE and not (
        summary.third_party or summary.third_party_role
    ):
        yield (
            "incident.third_party",
            N_(
                "a supplier's outage needs the supplier: give its name, or describe it "
                "(e.g. 'one of our parts suppliers') if it is not to be named"
            ),
            {},
        )
    if incident.recovery.phase is RecoveryPhase.PHASED_RESTART and not incident.recovery.steps:
        yield (
            "recovery.steps",
            N_("a phased restart needs its steps: add the steps in order, or choose another phase"),
            {},
        )


def _times_contradict(incident: Incident) -> Iterator[Finding]:
    summary = incident.incident
    statement = summary.statement_at
    statement_day = incident.local(statement).date()
    if summary.detected_at is not None and summary.detected_at > statement:
        yield (
            "incident.detected_at",
            N_("the incident is detected after the statement about it; check both times"),
            {},
        )
    if incident.next_update_at is not None and incident.next_update_at <= statement:
        yield (
            "next_update_at",
            N_("the next update is promised before this statement; give a later time or none"),
            {},
        )
    recovery = incident.recovery
    if recovery.expected_restore is not None and recovery.expected_restore < statement_day:
        yield (
            "recovery.expected_restore",
            N_("the restore date is before the statement; give a later date, or none"),
            {},
        )
    if recovery.paused_until is not None and recovery.paused_until < statement_day:
        yield (
            "recovery.paused_until",
            N_("the pause ends before the statement; give a later date, or none"),
            {},
        )


def _restored_contradicts(incident: Incident, used: StatementKind) -> Iterator[Finding]:
    restored = incident.recovery.phase is RecoveryPhase.RESTORED
    if used is StatementKind.RESOLUTION and not restored:
        yield (
            "incident.statement_kind",
            N_(
                "a resolution statement says operations are back, but recovery is not "
                "'restored': set the recovery phase to restored, or write an update"
            ),
            {},
        )
    if not restored:
        return
    for index, site in enumerate(incident.sites):
        if site.status is not SiteStatus.OPERATING:
            yield (
                f"sites[{index}].status",
                N_(
                    "recovery is 'restored' but {site} is {status}: set the "
                    "site to operating, or recovery to another phase"
                ),
                {"site": site.name, "status": Term(_SITE_STATES[site.status])},
            )
    for index, step in enumerate(incident.recovery.steps):
        if step.status is not StepStatus.DONE:
            yield (
                f"recovery.steps[{index}].status",
                N_(
                    "recovery is 'restored' but this restart step is not done: mark it done, "
                    "or recovery to another phase"
                ),
                {},
            )
    for index, system in enumerate(incident.containment.systems):
        if system.status is not SystemStatus.RESTORED:
            yield (
                f"containment.systems[{index}].status",
                N_(
                    "recovery is 'restored' but this system is {status}: "
                    "mark it restored, or recovery to another phase"
                ),
                {"status": Term(_SYSTEM_STATES[system.status])},
            )


def _containment_contradicts(incident: Incident) -> Iterator[Finding]:
    if incident.containment.shutdown is not Shutdown.NONE:
        return
    for index, system in enumerate(incident.containment.systems):
        if system.status is SystemStatus.SHUT_DOWN:
            yield (
                f"containment.systems[{index}].status",
                N_(
                    "this system is shut down but the shutdown is 'none': say it is "
                    "unavailable (it failed), or choose a partial or global shutdown"
                ),
                {},
            )


def _impact_contradicts(incident: Incident) -> Iterator[Finding]:
    if incident.impact.production is not ProductionImpact.NORMAL:
        return
    for site in incident.sites:
        if site.kind is SiteKind.PLANT and site.status is SiteStatus.STOPPED:
            yield (
                "impact.production",
                N_(
                    "production is 'normal' but the {site} plant is stopped: choose "
                    "reduced or stopped production, or change the plant's status"
                ),
                {"site": site.name},
            )
            return


def _data_contradicts(incident: Incident) -> Iterator[Finding]:
    data = incident.data
    if data.status is not DataStatus.AFFECTED and (data.categories or data.payment_data_affected):
        yield (
            "data.status",
            N_(
                "data categories or payment data are given but the status is not 'affected'; "
                "set the status to 'affected' or clear them"
            ),
            {},
        )


def _warnings(incident: Incident, languages: Sequence[Language]) -> Iterator[Finding]:
    attack = incident.incident.kind in (IncidentKind.CYBERATTACK, IncidentKind.RANSOMWARE)
    if attack and incident.data.status is None:
        yield (
            "data.status",
            N_(
                "what may be said of customer data is not stated: the press will ask about "
                "customer data; say what is known, even 'under investigation'"
            ),
            {},
        )
    yield from wrong_language(incident, languages)


# A text that reads as another language than its field's, by (field's, text's) language.
WRONG_LANGUAGE: Mapping[tuple[Language, Language], str] = {
    ("en", "fr"): N_(
        "this English text reads as French: write it in English (is the French text pasted here?)"
    ),
    ("fr", "en"): N_(
        "this French text reads as English: write it in French (is the English text pasted here?)"
    ),
}


def wrong_language(incident: Incident, languages: Sequence[Language]) -> Iterator[Finding]:
    """The texts of ``languages`` that read as another language (a warning: a product
    name or a quotation may be meant; see :mod:`app.facts.language_check`)."""
    names = names_in(incident)
    for path, text in _bilingual_texts(incident, ""):
        for language in languages:
            written = text.get(language)
            other = reads_as(written, language, names) if written else None
            if other is not None:
                yield f"{path}.{language}", WRONG_LANGUAGE[(language, other)], {}
