"""The drafts the app writes for an incident when every document is chosen: the
documents it gives the grounds for (a market announcement only for a listed company, a
regulator notification only with data at stake and a regulator named), each in the
languages it is drafted in (the ICO's notification in English only)."""

from __future__ import annotations

from collections.abc import Iterator

from app.facts.models import Incident, Language
from app.session.selection import Selection
from app.templates.documents import DocumentKind, owed_documents


def drafted(incident: Incident) -> Iterator[tuple[DocumentKind, Language]]:
    """Each (document, language) the app drafts for ``incident``, in the export's order."""
    return Selection(documents=owed_documents(incident)).of(incident).pairs()
