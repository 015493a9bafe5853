"""Faults that only show when fields are read together, or for one language.

An incident can load and still be unfit to export: a French export needs every
bilingual text in French; a third-party outage needs the supplier's name. These are
reported as :class:`Problem` objects with a field path, both by ``crisisdraft check``
and before every export, so the user fixes the facts instead of reading a gap.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from pydantic import BaseModel

from app.errors import Problem
from app.facts.models import (
    BilingualText,
    DataStatus,
    Incident,
    IncidentKind,
    Language,
    Shutdown,
)

LANGUAGE_NAMES: dict[Language, str] = {"en": "English", "fr": "French"}


def incident_problems(
    incident: Incident, languages: Sequence[Language], *, source: str = "incident"
) -> list[Problem]:
    """Everything that would make an export in ``languages`` wrong or incomplete."""
    problems = [
        Problem(where=f"{source}: {path}", message=message, field=path)
        for path, message in _cross_field_faults(incident)
    ]
    for language in languages:
        for path in missing_texts(incident, language):
            problems.append(
                Problem(
                    where=f"{source}: {path}.{language}",
                    message=(
                        f"the {LANGUAGE_NAMES[language]} text is missing; write it, or "
                        f"leave {LANGUAGE_NAMES[language]} out of the export"
                    ),
                    field=f"{path}.{language}",
                )
            )
    return problems


def missing_texts(incident: Incident, language: Language) -> list[str]:
    """Field paths of the bilingual texts that have nothing in ``language``."""
    return [path for path, text in _bilingual_texts(incident, "") if not text.get(language)]


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


def _cross_field_faults(incident: Incident) -> Iterator[tuple[str, str]]:
    summary = incident.incident
    if summary.kind is IncidentKind.THIRD_PARTY_OUTAGE and not summary.third_party:
        yield "incident.third_party", "name the supplier whose outage this is"
    if summary.statement_at < summary.detected_at:
        yield (
            "incident.statement_at",
            "the statement is dated before the incident was detected; check both times",
        )
    if incident.next_update_at is not None and incident.next_update_at <= summary.statement_at:
        yield (
            "next_update_at",
            "the next update is promised before this statement; give a later time or none",
        )
    if incident.containment.shutdown is Shutdown.NONE and (
        incident.containment.systems or incident.containment.other_systems
    ):
        yield (
            "containment.systems",
            "systems are listed as shut down but the shutdown is 'none'; "
            "choose 'partial' or 'global', or remove the systems",
        )
    if incident.containment.shutdown is not Shutdown.NONE and not (
        incident.containment.systems or incident.containment.other_systems
    ):
        yield "containment.systems", "say which systems were shut down"
    data = incident.data
    if data.status is DataStatus.AFFECTED and not data.categories:
        yield "data.categories", "data is 'affected': say which categories of data"
    if data.status is not DataStatus.AFFECTED and (data.categories or data.payment_data_affected):
        yield (
            "data.status",
            "data categories are given but the status is not 'affected'; "
            "set the status to 'affected' or clear the categories",
        )
