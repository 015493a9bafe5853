"""Facts -> the values a template sees, resolved for one language.

Templates never see bilingual objects or catalogue keys: a text is already the text in
the draft's language, a system is already its label. Keys stay available where a
template needs to branch (``data.status == "affected"``). Times stay ``datetime``
objects, written by the language-aware filters (``| datetime``, ``| long_date``).
Every free text is escaped here, once, so that no fact can become Markdown structure.
"""

from __future__ import annotations

from typing import Any

from app.errors import CrisisDraftError
from app.facts.catalogue import data_category_label, system_label
from app.facts.consistency import LANGUAGE_NAMES
from app.facts.models import BilingualText, Contact, Incident, Language, SiteStatus
from app.templates.escaping import escape_markdown as md


class MissingTextError(CrisisDraftError):
    """A bilingual text has nothing in the draft's language (checked before export)."""


def template_context(
    incident: Incident, language: Language, *, mark_missing: bool = False
) -> dict[str, Any]:
    """The render context; with ``mark_missing`` a missing text shows as a visible marker
    (for previews) instead of raising :class:`MissingTextError` (for exports)."""

    def text(value: BilingualText | None, path: str) -> str | None:
        if value is None:
            return None
        resolved = value.get(language)
        if resolved:
            return md(resolved)
        if mark_missing:
            return md(f"[{LANGUAGE_NAMES[language]} text missing: {path}]")
        raise MissingTextError(
            f"{path}.{language}: the {LANGUAGE_NAMES[language]} text is missing; write it "
            f"before exporting in {LANGUAGE_NAMES[language]}"
        )

    facts = incident
    systems = [md(system_label(key, language)) for key in facts.containment.systems]
    other_systems = [
        text(item, f"containment.other_systems[{index}]") or ""
        for index, item in enumerate(facts.containment.other_systems)
    ]
    sites = [
        {"name": md(site.name), "kind": site.kind.value, "status": site.status.value}
        for site in facts.sites
    ]
    guidance = facts.guidance
    speaker = facts.spokesperson
    return {
        "language": language,
        "timezone": facts.organisation.timezone,
        "title": md(facts.title),
        "organisation": {
            "name": md(facts.organisation.name),
            "city": md(facts.organisation.city),
            "website": md(facts.organisation.website) if facts.organisation.website else None,
        },
        "incident": {
            "kind": facts.incident.kind.value,
            "detected_at": facts.local(facts.incident.detected_at),
            "statement_at": facts.local(facts.incident.statement_at),
            "third_party": md(facts.incident.third_party) if facts.incident.third_party else None,
        },
        "containment": {
            "shutdown": facts.containment.shutdown.value,
            "proactive": facts.containment.proactive,
            "systems": systems,
            "other_systems": other_systems,
            "all_systems": systems + other_systems,
        },
        "sites": sites,
        "sites_by_status": {
            status.value: [site for site in sites if site["status"] == status.value]
            for status in SiteStatus
        },
        "impact": {
            "production": facts.impact.production.value,
            "retail": facts.impact.retail.value,
            "dealers_can_register_vehicles": facts.impact.dealers_can_register_vehicles,
            "customer_services": facts.impact.customer_services.value,
        },
        "data": {
            "status": facts.data.status.value,
            "categories": [md(data_category_label(key, language)) for key in facts.data.categories],
            "payment_data_affected": facts.data.payment_data_affected,
        },
        "authorities": {
            "regulators": [md(name) for name in facts.authorities.regulators],
            "law_enforcement": facts.authorities.law_enforcement,
            "specialists_engaged": facts.authorities.specialists_engaged,
        },
        "recovery": {
            "phase": facts.recovery.phase.value,
            "steps": [
                {"text": text(step, f"recovery.steps[{index}]"), "status": step.status.value}
                for index, step in enumerate(facts.recovery.steps)
            ],
            "expected_restore": facts.recovery.expected_restore,
        },
        "guidance": {
            "staff": text(guidance.staff, "guidance.staff"),
            "dealers": text(guidance.dealers, "guidance.dealers"),
            "customers": text(guidance.customers, "guidance.customers"),
        },
        "contacts": {
            audience: _contact(getattr(facts.contacts, audience))
            for audience in ("media", "dealers", "staff")
        },
        "spokesperson": None
        if speaker is None
        else {
            "name": md(speaker.name),
            "role": text(speaker.role, "spokesperson.role"),
            "quote": text(speaker.quote, "spokesperson.quote"),
        },
        "next_update_at": None
        if facts.next_update_at is None
        else facts.local(facts.next_update_at),
        "previous": _previous_statement(facts),
    }


def _previous_statement(incident: Incident) -> dict[str, Any] | None:
    """What the last issued statement said, so an update can say what changed."""
    if not incident.record.issued:
        return None
    last = max(incident.record.issued, key=lambda statement: statement.issued_at)
    return {
        "issued_at": incident.local(last.issued_at),
        "data_status": last.facts["data"]["status"],
        "phase": last.facts["recovery"]["phase"],
    }


def _contact(contact: Contact) -> dict[str, str]:
    return {"name": md(contact.name), "email": md(contact.email), "phone": md(contact.phone)}
