"""What the texts to authorities read beyond the common facts: to whom each goes in
the draft's language, when the GDPR clock started and whether it ran out, and what is
new since the last notification of the same kind (GDPR art. 33(4), NIS2 art. 23).

One key of the render context, ``notification``, of the same shape for every incident
(so the template checks know every name), built from the facts and the record."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from app.facts.authorities import (
    GDPR_33,
    NIS2_23,
    by_language,
    full_name,
    known_authority,
    law_of,
    same_authority,
)
from app.facts.catalogue import data_category_label
from app.facts.clocks import (
    data_breach_awareness,
    gdpr_deadline,
    nis2_notification_due,
    notified_late,
)
from app.facts.migration import read_snapshot
from app.facts.models import DataExposure, Incident, Language
from app.facts.vocabulary import DocumentKind
from app.templates.escaping import escape_markdown as md

#: The facts an update notification compares with the last one (art. 33(4): what is
#: new), in the order it lists them.
COMPARED: tuple[str, ...] = (
    "status",
    "categories",
    "people_categories",
    "people_affected",
    "records_affected",
    "payment_data_affected",
    "likely_consequences",
)

Text = Callable[..., str | None]


def notification_context(incident: Incident, language: Language, text: Text) -> dict[str, Any]:
    """The ``notification`` key of the context for a draft in ``language``: the
    regulators written to in it, each with its own earlier notification (art. 33(4)),
    and what the NIS2 texts read."""
    data = incident.data
    aware = data_breach_awareness(incident)
    deadline = gdpr_deadline(incident)
    regulators = by_language(incident.authorities.regulators)[language]
    nis2 = incident.authorities.nis2_authority
    due = nis2_notification_due(incident)
    return {
        "regulators": [
            {
                **_authority(name, language, GDPR_33),
                "earlier": _earlier(incident, DocumentKind.REGULATOR_NOTIFICATION, name),
                # late to this one (the reasons are printed to it alone)
                "late": notified_late(incident, [name]),
            }
            for name in regulators
        ],
        "aware_at": None if aware is None else incident.local(aware),
        "aware_from_detection": aware is not None and data.aware_at is None,
        "deadline": None if deadline is None else incident.local(deadline),
        "late": notified_late(incident, regulators),
        "delay_reason": text(data.delay_reason, "data.delay_reason"),
        "records_affected": data.records_affected,
        "people_categories": text(data.people_categories, "data.people_categories"),
        "nis2": {
            "authority": _authority(nis2, language, NIS2_23)
            if nis2 and by_language([nis2])[language]
            else None,
            "earlier_warning": _last_sent(incident, DocumentKind.NIS2_EARLY_WARNING, nis2),
            "earlier": _earlier(incident, DocumentKind.NIS2_NOTIFICATION, nis2),
            "notification_due": None if due is None else incident.local(due),
            # the agencies informed, but the authority written to: not told it was told
            "other_agencies": [
                md(name)
                for name in incident.authorities.agencies
                if not (nis2 and same_authority(name, nis2))
            ],
            "cross_border": incident.impact.cross_border,
            "severity": text(incident.impact.severity, "impact.severity"),
            "indicators": md(incident.incident.indicators)
            if incident.incident.indicators
            else None,
        },
    }


def lead_notes_for(incident: Incident, document: DocumentKind, language: Language) -> list[str]:
    """Notes for the lead above a draft to an authority (never for the recipient), in the
    draft's language: an authority the project does not know, written to in every
    language; a notification past the 72 hours without the reason for the delay."""
    notes = []
    names: list[str] = []
    if document is DocumentKind.REGULATOR_NOTIFICATION:
        names = list(by_language(incident.authorities.regulators)[language])
        if notified_late(incident, names) and not (
            incident.data.delay_reason and incident.data.delay_reason.get(language)
        ):
            notes.append(_LATE_WITHOUT_REASON[language])
    elif document in (DocumentKind.NIS2_EARLY_WARNING, DocumentKind.NIS2_NOTIFICATION):
        names = [incident.authorities.nis2_authority or ""]
    notes += [
        _UNKNOWN[language].format(name=name) for name in names if name and not known_authority(name)
    ]
    return notes


_UNKNOWN: dict[Language, str] = {
    "en": "CrisisDraft does not know the language {name} works in: the text is drafted in "
    "English and French; send the version in the language {name} accepts",
    # The marks above a draft are not set by the French typography of the text: its
    # non-breaking spaces are written here.
    "fr": "CrisisDraft ne connaît pas la langue de travail de l’autorité {name}\u00a0: le texte "
    "est rédigé en anglais et en français\u202f; envoyez la version dans la langue qu’elle "
    "accepte",
}
_LATE_WITHOUT_REASON: dict[Language, str] = {
    "en": "Notified more than 72 hours after becoming aware of the breach: the reasons for "
    "the delay must be given (GDPR art. 33(1)); write them under Customer data before approval",
    "fr": "Notification plus de 72\u00a0heures après la prise de connaissance de la violation"
    "\u00a0: les motifs du retard doivent être indiqués (RGPD, art.\u00a033, §\u00a01)\u202f; "
    "indiquez-les sous «\u00a0Données des clients\u00a0» avant validation",
}


def _authority(name: str, language: Language, law: Mapping[Language, str]) -> dict[str, str]:
    return {
        "name": md(name),
        "full_name": md(full_name(name, language)),
        "law": law_of(name, language, law),
    }


def _sent(incident: Incident, document: DocumentKind, to: str | None) -> list[Any]:
    """The ``document`` statements issued to the authority ``to`` (any spelling)."""
    if not to:
        return []
    return [
        statement
        for statement in incident.record.issued
        if statement.document == document.value
        and any(same_authority(to, name) for name in statement.recipients)
    ]


def _last_sent(incident: Incident, document: DocumentKind, to: str | None) -> Any:
    sent = _sent(incident, document, to)
    return incident.local(max(s.issued_at for s in sent)) if sent else None


def _earlier(incident: Incident, document: DocumentKind, to: str | None) -> dict[str, Any] | None:
    """The last ``document`` issued to the authority ``to`` and what changed since (None:
    this is the first to it): ``changes`` lists ``{"fact", "before", "now"}`` for each
    fact of :data:`COMPARED` that differs, in the language of the statement it went in;
    ``readable``: False when the facts it was sent with cannot be read (no comparison)."""
    sent = _sent(incident, document, to)
    if not sent:
        return None
    last = max(sent, key=lambda statement: statement.issued_at)
    said = read_snapshot(last.facts)
    language = last.language
    changes = []
    if said is not None:
        before, now = _compared(said.data, language), _compared(incident.data, language)
        changes = [
            {"fact": fact, "before": before[fact], "now": now[fact]}
            for fact in COMPARED
            if before[fact] != now[fact]
        ]
    return {
        "issued_at": incident.local(last.issued_at),
        "changes": changes,
        "readable": said is not None,
    }


def _compared(data: DataExposure, language: Language) -> dict[str, Any]:
    consequences = data.likely_consequences.get(language) if data.likely_consequences else None
    people = data.people_categories.get(language) if data.people_categories else None
    return {
        "status": data.status.value if data.status else None,
        "categories": [md(data_category_label(key, language)) for key in data.categories],
        "people_categories": md(people) if people else None,
        "people_affected": data.people_affected,
        "records_affected": data.records_affected,
        "payment_data_affected": data.payment_data_affected,
        "likely_consequences": md(consequences) if consequences else None,
    }
