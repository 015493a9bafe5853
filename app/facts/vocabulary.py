"""The contract's closed vocabularies: every key an incident file may use for a kind,
a status or a category (``../shared/incident-format.md``). Labels for people live in
:mod:`app.facts.catalogue`; the models that use these keys in :mod:`app.facts.models`.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Final, Literal

# This module imports nothing of the app or of pydantic: the command line builds its
# parser (--help, --version) from it without loading the models.

FORMAT_NAME: Final = "crisisdraft.incident"
# 2 adds the optional "record" (approvals, issued statements); 3 lets every claim be
# unknown (null) and tells systems, data scope and pauses more exactly. Older files migrate.
FORMAT_VERSION: Final = 3

Language = Literal["en", "fr"]
#: The languages the drafts are written in (and the app speaks).
LANGUAGES: tuple[Language, ...] = ("en", "fr")

# The keys of DocumentKind below, as the models type them (a test keeps the two the same).
DocumentKey = Literal[
    "press_release",
    "dealer_notice",
    "staff_message",
    "customer_notice",
    "supplier_notice",
    "qa",
    "social",
    "market_announcement",
    "regulator_notification",
    "nis2_early_warning",
    "nis2_notification",
]


class DocumentKind(StrEnum):
    """The documents CrisisDraft writes; what each one is lives in its specification
    (:mod:`app.templates.documents`, the registry every layer asks)."""

    PRESS_RELEASE = "press_release"
    DEALER_NOTICE = "dealer_notice"
    STAFF_MESSAGE = "staff_message"
    CUSTOMER_NOTICE = "customer_notice"
    SUPPLIER_NOTICE = "supplier_notice"
    QA = "qa"
    SOCIAL = "social"
    MARKET_ANNOUNCEMENT = "market_announcement"
    REGULATOR_NOTIFICATION = "regulator_notification"
    # The project's own (docs/regulatory-texts.md): NIS2 art. 23(4)(a) and (b).
    NIS2_EARLY_WARNING = "nis2_early_warning"
    NIS2_NOTIFICATION = "nis2_notification"


class IncidentKind(StrEnum):
    CYBERATTACK = "cyberattack"
    RANSOMWARE = "ransomware"
    IT_OUTAGE = "it_outage"
    THIRD_PARTY_OUTAGE = "third_party_outage"


class OrganisationKind(StrEnum):
    """What the organisation is: the drafts speak of vehicles and plants only where it fits."""

    VEHICLE_MAKER = "vehicle_maker"
    PARTS_SUPPLIER = "parts_supplier"
    RETAILER = "retailer"
    SOFTWARE_VENDOR = "software_vendor"
    OTHER = "other"


class EnglishVariant(StrEnum):
    """The spelling, dates and times of the English drafts."""

    BRITISH = "en_GB"
    AMERICAN = "en_US"


class StatementKind(StrEnum):
    """Which statement this is: the first, a progress update, or the last."""

    HOLDING = "holding"
    UPDATE = "update"
    RESOLUTION = "resolution"


class Shutdown(StrEnum):
    NONE = "none"
    PARTIAL = "partial"
    GLOBAL = "global"


class SystemKey(StrEnum):
    CORPORATE_IT = "corporate_it"
    PRODUCTION = "production"
    LOGISTICS = "logistics"
    DEALER_SYSTEMS = "dealer_systems"
    ONLINE_ORDERS = "online_orders"
    PAYMENTS = "payments"
    EMAIL = "email"
    WEBSITE = "website"
    CUSTOMER_SERVICES = "customer_services"


class SystemStatus(StrEnum):
    """The state of one system, as the drafts tell it."""

    SHUT_DOWN = "shut_down"  # taken offline by the organisation
    UNAVAILABLE = "unavailable"  # not working: failed, or down at a third party
    DEGRADED = "degraded"  # working with limits
    RESTORED = "restored"  # back


class SiteKind(StrEnum):
    PLANT = "plant"
    OFFICE = "office"
    WAREHOUSE = "warehouse"
    STORE = "store"


class SiteStatus(StrEnum):
    STOPPED = "stopped"
    REDUCED = "reduced"
    OPERATING = "operating"


class ProductionImpact(StrEnum):
    NORMAL = "normal"
    REDUCED = "reduced"
    STOPPED = "stopped"


class RetailImpact(StrEnum):
    NORMAL = "normal"
    DISRUPTED = "disrupted"
    STOPPED = "stopped"


class ServiceLevel(StrEnum):
    AVAILABLE = "available"
    LIMITED = "limited"
    UNAVAILABLE = "unavailable"


class DataStatus(StrEnum):
    """What may be said of customer data; ``NO_EVIDENCE`` is never "no data affected"."""

    NO_EVIDENCE = "no_evidence"
    UNDER_INVESTIGATION = "under_investigation"
    AFFECTED = "affected"


class DataCategory(StrEnum):
    CONTACT_DETAILS = "contact_details"
    IDENTITY = "identity"
    FINANCIAL = "financial"
    ACCOUNT_CREDENTIALS = "account_credentials"
    EMPLOYEE_DATA = "employee_data"
    VEHICLE_DATA = "vehicle_data"


class RecoveryPhase(StrEnum):
    CONTAINED = "contained"
    INVESTIGATING = "investigating"
    PHASED_RESTART = "phased_restart"
    RESTORED = "restored"


class StepStatus(StrEnum):
    DONE = "done"
    IN_PROGRESS = "in_progress"
    PLANNED = "planned"


class QaQuestion(StrEnum):
    """The day-one questions of the reactive Q&A (``../shared/writing-guide.md``), in the
    order the spokesperson is usually asked them; each has a built-in answer."""

    WHAT_HAPPENED = "what_happened"
    CYBERATTACK = "cyberattack"
    RANSOMWARE = "ransomware"
    WHO_IS_BEHIND = "who_is_behind"
    RANSOM = "ransom"
    CUSTOMER_DATA = "customer_data"
    PAYMENT_DATA = "payment_data"
    RESTART = "restart"
    COST = "cost"
    AUTHORITIES = "authorities"
    DEALERS = "dealers"
    COLLECT_CAR = "collect_car"
    NEXT_UPDATE = "next_update"


class ShortText(StrEnum):
    """The short texts of the ``social`` document, each with its own length limit."""

    X_POST = "x_post"
    LINKEDIN = "linkedin"
    BANNER = "banner"
    SMS_STAFF = "sms_staff"
    SMS_DEALERS = "sms_dealers"
