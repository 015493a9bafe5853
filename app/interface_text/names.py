"""How the interface names what the lower layers keep as ids and timestamps: a
document ("Press release", not ``press_release``), a language ("French", not ``fr``),
a moment in the reader's locale ("2 sept. 2025, 09:00", not ``2025-09-02 09:00``)."""

from __future__ import annotations

from datetime import datetime

from app.errors import Gettext
from app.errors.moments import written_moment
from app.facts.languages import LANGUAGE_NAMES

# Re-exported: the names live with the documents, so the record's messages use them too.
from app.templates.documents import DOCUMENT_NAMES as DOCUMENT_NAMES, DocumentKind


def document_name(document: str, gettext: Gettext) -> str:
    """The document's name in the interface language; an id it does not know, as is."""
    try:
        return gettext(DOCUMENT_NAMES[DocumentKind(document)])
    except (ValueError, KeyError):
        return document


def language_name(language: str, gettext: Gettext) -> str:
    """The language's name in the interface language; a code it does not know, as is."""
    name = LANGUAGE_NAMES.get(language)  # type: ignore[call-overload]
    return gettext(name) if name is not None else language


def moment(when: datetime, interface_language: str) -> str:
    """Day, month, year and time as a reader of ``interface_language`` writes them (as
    the problems write theirs: :func:`app.errors.moments.written_moment`)."""
    return written_moment(when, interface_language)
