"""Facts -> the values a template sees, resolved for one language.

Templates never see bilingual objects or catalogue keys: a text is already the text in
the draft's language, a system is already its label. Keys stay available where a
template needs to branch (``data.status == "affected"``). Times stay ``datetime``
objects, written by the language-aware filters (``| datetime``, ``| long_date``).
Every free text is escaped here, once, so that no fact can become Markdown structure.

**Unknown means silent** starts here: a fact that is not stated is ``None`` (a list:
empty), and a fact the organisation's kind does not fit (vehicle registration for a
software vendor) is ``None`` too, so a template that branches on it says nothing.
Shapes never change with the facts (a group of systems is always a dict), so the
template checks can know every name a template may read.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any, Final

from app.drafts.notification_context import notification_context
from app.drafts.systems import system_groups
from app.errors import N_, CrisisDraftError, Message
from app.facts.catalogue import INCIDENT_NAMES, UNNAMED_PARTY, data_category_label
from app.facts.consistency import MISSING_TEXT
from app.facts.languages import variant_of
from app.facts.migration import read_snapshot
from app.facts.models import (
    BilingualText,
    Contact,
    DataStatus,
    Incident,
    IncidentKind,
    Language,
    ProductionImpact,
    QaQuestion,
    RetailImpact,
    ServiceLevel,
    ShortText,
    Shutdown,
    SiteStatus,
    SystemStatus,
)
from app.facts.qa_questions import qa_question
from app.facts.statement import kind_fits, statement_choice
from app.templates.documents import DOCUMENTS
from app.templates.escaping import escape_markdown as md, escape_paragraphs

CONTACT_AUDIENCES = ("media", "dealers", "staff", "customers", "suppliers", "data_protection")
GUIDANCE_AUDIENCES = ("staff", "dealers", "customers", "suppliers")


#: What a preview shows where a text is not written yet in the draft's language: in that
#: language, as the rest of the draft (the problems list names the field, in the
#: interface's language; the marker's place in the sentence shows which text it is).
MISSING_MARKS: Final[Mapping[Language, str]] = MappingProxyType(
    {"en": "[English text missing]", "fr": "[texte français manquant]"}
)


class MissingTextError(CrisisDraftError):
    """A bilingual text has nothing in the draft's language (checked before export)."""


def template_context(
    incident: Incident, language: Language, *, mark_missing: bool = False
) -> dict[str, Any]:
    """The render context; with ``mark_missing`` a missing text shows as a visible marker
    (for previews) instead of raising :class:`MissingTextError` (for exports)."""

    def text(
        value: BilingualText | None, path: str, escape: Callable[[object], str] = md
    ) -> str | None:
        if value is None:
            return None
        resolved = value.get(language)
        if resolved:
            return escape(resolved)
        if mark_missing:
            return md(MISSING_MARKS[language])
        raise MissingTextError(
            message_id=N_("{field}: {why}"),
            params={"field": f"{path}.{language}", "why": Message(MISSING_TEXT[language])},
        )

    facts = incident
    variant = variant_of(facts, language)
    fits = kind_fits(facts)
    down_before = _sites_down_before(facts)
    sites = [
        {
            "name": md(site.name),
            "kind": site.kind.value,
            "status": site.status.value,
            # the last statement issued gave it stopped or reduced: "back in operation"
            "was_down": site.name in down_before,
        }
        for site in facts.sites
    ]
    guidance = facts.guidance
    speaker = facts.spokesperson
    impact = facts.impact
    data = facts.data
    return {
        "language": language,
        "locale": variant.locale,
        "spell": dict(variant.spelling),
        "timezone": facts.organisation.timezone,
        "title": md(facts.title),
        "statement": {"kind": statement_choice(facts).kind.value},
        "organisation": {
            "name": md(facts.organisation.name),
            "city": md(facts.organisation.city),
            "website": md(facts.organisation.website) if facts.organisation.website else None,
            "kind": facts.organisation.kind.value if facts.organisation.kind else None,
            "has_dealers": fits.dealers,
            "about": text(facts.organisation.about, "organisation.about"),
            "listed_on": [md(name) for name in facts.organisation.listed_on],
            "announcement_by": _announcer(facts, text),
        },
        "incident": {
            "kind": facts.incident.kind.value if facts.incident.kind else None,
            "is_attack": facts.incident.kind in (IncidentKind.CYBERATTACK, IncidentKind.RANSOMWARE),
            "name": _incident_name(facts, language, text, third_person=False),
            "name_they": _incident_name(facts, language, text, third_person=True),
            "detected_at": _local(facts, facts.incident.detected_at),
            "statement_at": facts.local(facts.incident.statement_at),
            "statement_url": md(facts.incident.statement_url)
            if facts.incident.statement_url
            else None,
            "third_party": md(facts.incident.third_party) if facts.incident.third_party else None,
        },
        "containment": {
            "shutdown": facts.containment.shutdown.value if facts.containment.shutdown else None,
            "proactive": facts.containment.proactive,
        },
        "systems": system_groups(facts, language, text),
        "sites": sites,
        "sites_by_status": {
            status.value: [site for site in sites if site["status"] == status.value]
            for status in SiteStatus
        },
        "impact": {
            "disruption": _disruption_stated(facts),
            "production": impact.production.value
            if impact.production and fits.production
            else None,
            "retail": impact.retail.value if impact.retail else None,
            "dealers_can_register_vehicles": impact.dealers_can_register_vehicles
            if fits.vehicles
            else None,
            "customer_services": impact.customer_services.value
            if impact.customer_services
            else None,
        },
        "data": {
            "status": data.status.value if data.status else None,
            "categories": [md(data_category_label(key, language)) for key in data.categories],
            # Payment data is told only of data affected: said otherwise, "false" would
            # read as a reassurance the status does not give.
            "payment_data_affected": data.payment_data_affected
            if data.status is DataStatus.AFFECTED
            else None,
            "people_affected": data.people_affected,
            "likely_consequences": text(data.likely_consequences, "data.likely_consequences"),
            "aware_at": _local(facts, data.aware_at),
            "records_affected": data.records_affected,
        },
        "authorities": {
            "regulators": [md(name) for name in facts.authorities.regulators],
            "agencies": [md(name) for name in facts.authorities.agencies],
            "law_enforcement": facts.authorities.law_enforcement,
            "specialists_engaged": facts.authorities.specialists_engaged,
        },
        "recovery": {
            "phase": facts.recovery.phase.value if facts.recovery.phase else None,
            "steps": [
                {"text": text(step, f"recovery.steps[{index}]"), "status": step.status.value}
                for index, step in enumerate(facts.recovery.steps)
            ],
            "expected_restore": facts.recovery.expected_restore,
            "paused_until": facts.recovery.paused_until,
        },
        "guidance": {
            audience: text(getattr(guidance, audience), f"guidance.{audience}")
            for audience in GUIDANCE_AUDIENCES
        },
        "contacts": {
            audience: _contact(getattr(facts.contacts, audience)) for audience in CONTACT_AUDIENCES
        },
        "spokesperson": None
        if speaker is None
        else {
            "name": md(speaker.name),
            "role": text(speaker.role, "spokesperson.role"),
            "quote": text(speaker.quote, "spokesperson.quote"),
        },
        "next_update_at": _local(facts, facts.next_update_at),
        "previous": _previous_statement(facts),
        "notification": notification_context(facts, language, text),
        "qa": _qa_entries(facts, language, text),
        "short_texts": {
            key.value: text(
                facts.drafting.short_texts.get(key),
                f"drafting.short_texts.{key}",
                escape_paragraphs,  # her lines are her paragraphs (a LinkedIn post)
            )
            for key in ShortText
        },
        # The heading above each short text, from the registry: the counts and checks
        # find each text in the draft by it.
        "short_text_headings": {
            short.key.value: short.heading(language)
            for spec in DOCUMENTS.values()
            for short in spec.short_texts
        },
    }


def _qa_entries(incident: Incident, language: Language, text: Any) -> list[dict[str, Any]]:
    """The Q&A's questions in the lead's order: ``key`` (a built-in question, else
    None), ``question`` (its words in this language), and the lead's own ``answer`` and
    ``if_pressed`` (None: the template answers from the facts)."""
    chosen = incident.drafting.qa
    if chosen is None:  # every built-in question, answered from the facts
        return [
            {
                "key": key.value,
                "question": md(qa_question(key, language)),
                "answer": None,
                "if_pressed": None,
            }
            for key in QaQuestion
        ]
    return [
        {
            "key": entry.key.value if entry.key else None,
            "question": md(qa_question(entry.key, language))
            if entry.key
            else text(entry.question, f"drafting.qa[{index}].question"),
            "answer": text(entry.answer, f"drafting.qa[{index}].answer"),
            "if_pressed": text(entry.if_pressed, f"drafting.qa[{index}].if_pressed"),
        }
        for index, entry in enumerate(chosen)
    ]


def _disruption_stated(incident: Incident) -> bool:
    """Whether the facts state a disruption: an apology is owed only for one that is."""
    impact = incident.impact
    return bool(
        any(system.status is not SystemStatus.RESTORED for system in incident.containment.systems)
        or impact.production in (ProductionImpact.REDUCED, ProductionImpact.STOPPED)
        or impact.retail in (RetailImpact.DISRUPTED, RetailImpact.STOPPED)
        or impact.customer_services in (ServiceLevel.LIMITED, ServiceLevel.UNAVAILABLE)
        or impact.dealers_can_register_vehicles is False
        or any(site.status is not SiteStatus.OPERATING for site in incident.sites)
        or incident.containment.shutdown in (Shutdown.PARTIAL, Shutdown.GLOBAL)
        or incident.recovery.paused_until is not None
    )


def _local(incident: Incident, moment: Any) -> Any:
    return None if moment is None else incident.local(moment)


def _incident_name(
    incident: Incident, language: Language, text: Any, *, third_person: bool
) -> dict[str, str]:
    """The guide's one name for the kind of incident, in every form a sentence needs;
    ``third_person`` turns "one of our suppliers" into "one of its suppliers"."""
    kind = incident.incident.kind
    forms = INCIDENT_NAMES[language][kind]
    party = ""
    if kind is IncidentKind.THIRD_PARTY_OUTAGE:
        party = _party(incident, language, text, third_person=third_person)
    return {
        name: getattr(forms, name).replace("{party}", party)
        for name in ("a", "the", "of_the", "of_a", "this", "headline")
    }


_FIRST_PERSON = {
    "en": {"our": "its", "ours": "its", "us": "it", "we": "it"},
    "fr": {"nos": "ses"},
}
_FRENCH_UNCHANGEABLE = re.compile(r"\b(notre|nous)\b", re.IGNORECASE)


def _party(incident: Incident, language: Language, text: Any, *, third_person: bool) -> str:
    """The third party: its name, else its description, else "a supplier"."""
    if incident.incident.third_party:
        return md(incident.incident.third_party)
    role = text(incident.incident.third_party_role, "incident.third_party_role")
    if not role:
        return UNNAMED_PARTY[language]
    if not third_person:
        return str(role)
    if language == "fr" and _FRENCH_UNCHANGEABLE.search(role):
        return UNNAMED_PARTY[language]  # « notre » has no safe third person (son or sa?)
    swaps = _FIRST_PERSON[language]
    return re.sub(
        r"\b(" + "|".join(swaps) + r")\b",
        lambda match: _same_case(swaps[match.group(0).lower()], match.group(0)),
        str(role),
        flags=re.IGNORECASE,
    )


def _same_case(word: str, like: str) -> str:
    return word.capitalize() if like[:1].isupper() else word


def _previous_statement(incident: Incident) -> dict[str, Any] | None:
    """What the last issued statement said, so an update can say what changed (its facts
    as the file keeps them: values, not enums; nothing of them when they cannot be read)."""
    if not incident.record.issued:
        return None
    last = max(incident.record.issued, key=lambda statement: statement.issued_at)
    said = read_snapshot(last.facts)
    paused = said.recovery.paused_until if said else None
    return {
        "issued_at": incident.local(last.issued_at),
        "data_status": said.data.status.value if said and said.data.status else None,
        "phase": said.recovery.phase.value if said and said.recovery.phase else None,
        "paused_until": paused.isoformat() if paused else None,
        # what was said of activity, so a closing statement says "resumed" only of what
        # was said to be stopped or slowed
        "production": said.impact.production.value if said and said.impact.production else None,
        "retail": said.impact.retail.value if said and said.impact.retail else None,
    }


def _sites_down_before(incident: Incident) -> frozenset[str]:
    """The sites the last issued statement gave as stopped or working at reduced
    capacity (none when nothing was issued or its facts cannot be read)."""
    if not incident.record.issued:
        return frozenset()
    last = max(incident.record.issued, key=lambda statement: statement.issued_at)
    said = read_snapshot(last.facts)
    if said is None:
        return frozenset()
    return frozenset(site.name for site in said.sites if site.status is not SiteStatus.OPERATING)


def _contact(contact: Contact | None) -> dict[str, str] | None:
    if contact is None:
        return None
    return {"name": md(contact.name), "email": md(contact.email), "phone": md(contact.phone)}


def _announcer(incident: Incident, text: Any) -> dict[str, Any] | None:
    """Who releases the market announcements, as the templates read them (None: not
    named, and the announcement names no one)."""
    announcer = incident.organisation.announcement_by
    if announcer is None:
        return None
    return {
        "name": md(announcer.name),
        "role": text(announcer.role, "organisation.announcement_by.role"),
    }
