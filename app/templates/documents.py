"""The documents CrisisDraft writes, and what each is called in each language."""

from __future__ import annotations

from enum import StrEnum

from app.errors import N_
from app.facts.models import Language


class DocumentKind(StrEnum):
    PRESS_RELEASE = "press_release"
    DEALER_NOTICE = "dealer_notice"
    STAFF_MESSAGE = "staff_message"


#: Each document as the interface and its messages name it (message ids, translated
#: where shown; the drafts' own titles are ``DOCUMENT_TITLES``).
DOCUMENT_NAMES: dict[DocumentKind, str] = {
    DocumentKind.PRESS_RELEASE: N_("Press release"),
    DocumentKind.DEALER_NOTICE: N_("Dealer notice"),
    DocumentKind.STAFF_MESSAGE: N_("Staff message"),
}

DOCUMENT_TITLES: dict[DocumentKind, dict[Language, str]] = {
    DocumentKind.PRESS_RELEASE: {"en": "Press release", "fr": "Communiqué de presse"},
    DocumentKind.DEALER_NOTICE: {"en": "Dealer notice", "fr": "Note aux concessionnaires"},
    DocumentKind.STAFF_MESSAGE: {"en": "Staff message", "fr": "Message aux collaborateurs"},
}

DOCUMENT_AUDIENCES: dict[DocumentKind, dict[Language, str]] = {
    DocumentKind.PRESS_RELEASE: {"en": "Media and the public", "fr": "Médias et grand public"},
    DocumentKind.DEALER_NOTICE: {"en": "Dealers and retailers", "fr": "Réseau de concessionnaires"},
    DocumentKind.STAFF_MESSAGE: {"en": "All employees", "fr": "Ensemble des collaborateurs"},
}
