"""File names of exported documents: ``<statement date>_<organisation>_<doc>_<lang>.docx``."""

from __future__ import annotations

import re
import unicodedata

from app.facts.models import Incident, Language
from app.templates.documents import DocumentKind


def slug(text: str) -> str:
    """ "Northwind Motors" -> "northwind-motors"; accents folded, safe on every OS."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    return words or "organisation"


def document_file_name(incident: Incident, document: DocumentKind, language: Language) -> str:
    statement_day = incident.local(incident.incident.statement_at).date().isoformat()
    return f"{statement_day}_{slug(incident.organisation.name)}_{document.value}_{language}.docx"
