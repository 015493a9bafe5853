"""The choices the wizard offers, each with a plain-language meaning beside the key.

Message ids are English; they are translated through the app's gettext catalogs.
A question whose answer may be unknown (format v3) gets its "Not known yet" answer
from the field that shows it (``ChoiceField(..., unknown=NOT_KNOWN)``), not from
these lists: the lists hold the answers that state something.
"""

from __future__ import annotations

from app.gui.texts import N_

ChoiceKey = str | bool  # the value written to the file
Choice = tuple[ChoiceKey, str, str]  # (value in the file, label, meaning)
Unknown = tuple[str, str]  # (label, meaning) of the answer that writes null

NOT_KNOWN: Unknown = (N_("Not known yet"), N_("The drafts say nothing of it until you answer."))
NOT_CHOSEN_KIND: Unknown = (
    N_("Not known yet"),
    N_("The drafts speak as for “Other” until you choose."),
)
NOT_CHOSEN_STATEMENT: Unknown = (
    N_("Not chosen"),
    N_(
        "Chosen from the facts: the first statement, an update once one has been issued, "
        "the resolution once recovery is restored."
    ),
)


def yes_no(yes: str, no: str) -> list[Choice]:
    """A yes/no question, each answer with what the drafts will then say."""
    return [(True, N_("Yes"), yes), (False, N_("No"), no)]


ORGANISATION_KINDS: list[Choice] = [
    (
        "vehicle_maker",
        N_("Vehicle maker"),
        N_("The drafts speak of vehicles, plants, dealers and registration."),
    ),
    (
        "parts_supplier",
        N_("Parts supplier"),
        N_("Production and plants; no vehicle registration, no dealers."),
    ),
    ("retailer", N_("Retailer"), N_("Sales and customers; no production, no vehicles.")),
    (
        "software_vendor",
        N_("Software vendor"),
        N_("Services and customers; no production, no vehicles."),
    ),
    ("other", N_("Other"), N_("Production where it applies; no vehicles, no dealers.")),
]
ENGLISH_VARIANTS: list[Choice] = [
    ("en_GB", N_("British English"), N_("organisation, 2 September 2025, 09:00")),
    ("en_US", N_("American English"), N_("organization, September 2, 2025, 9:00 AM")),
]
STATEMENT_KINDS: list[Choice] = [
    ("holding", N_("First statement"), N_("The first word: what happened, what we are doing.")),
    ("update", N_("Progress update"), N_("What has changed since the last statement.")),
    ("resolution", N_("Resolution"), N_("The last statement: operations are back.")),
]

INCIDENT_KINDS: list[Choice] = [
    ("cyberattack", N_("Cyberattack"), N_("Someone attacked our systems.")),
    ("ransomware", N_("Ransomware"), N_("Malicious software blocked access to our systems.")),
    ("it_outage", N_("IT outage"), N_("Our own systems failed; no attack is known.")),
    ("third_party_outage", N_("Supplier outage"), N_("A supplier's failure stopped our systems.")),
]
SHUTDOWNS: list[Choice] = [
    ("none", N_("None"), N_("No system was taken offline.")),
    ("partial", N_("Partial"), N_("Some systems were taken offline.")),
    ("global", N_("Global"), N_("Systems were taken offline across the business.")),
]
PROACTIVE: list[Choice] = yes_no(
    N_("We took systems offline ourselves, as a precaution: the drafts say so."),
    N_("Systems were not taken offline as a precaution: the drafts do not say “precaution”."),
)
SYSTEMS: list[tuple[str, str]] = [
    ("corporate_it", N_("Corporate IT")),
    ("production", N_("Production systems")),
    ("logistics", N_("Logistics")),
    ("dealer_systems", N_("Dealer systems")),
    ("online_orders", N_("Online ordering")),
    ("payments", N_("Payments")),
    ("email", N_("Email system")),
    ("website", N_("Website")),
    ("customer_services", N_("Customer service systems")),
]
SYSTEM_STATUSES: list[tuple[str, str]] = [
    ("shut_down", N_("Shut down")),
    ("unavailable", N_("Unavailable")),
    ("degraded", N_("Degraded")),
    ("restored", N_("Restored")),
]
OWN_SYSTEM = N_("Another system (your own name)")
SITE_KINDS: list[tuple[str, str]] = [
    ("plant", N_("Plant")),
    ("office", N_("Office")),
    ("warehouse", N_("Warehouse")),
    ("store", N_("Store")),
]
SITE_STATUSES: list[tuple[str, str]] = [
    ("stopped", N_("Stopped")),
    ("reduced", N_("Reduced")),
    ("operating", N_("Operating")),
]
PRODUCTION: list[Choice] = [
    ("normal", N_("Normal"), N_("Production goes on as usual.")),
    ("reduced", N_("Reduced"), N_("Production goes on at reduced capacity.")),
    ("stopped", N_("Stopped"), N_("Production is paused.")),
]
RETAIL: list[Choice] = [
    ("normal", N_("Normal"), N_("Dealers and stores sell as usual.")),
    ("disrupted", N_("Disrupted"), N_("Sales go on with difficulty.")),
    ("stopped", N_("Stopped"), N_("Sales are suspended.")),
]
REGISTRATION: list[Choice] = yes_no(
    N_("Dealers can register new vehicles."),
    N_("Dealers cannot register new vehicles for now."),
)
CUSTOMER_SERVICES: list[Choice] = [
    ("available", N_("Available"), N_("Customers can reach us as usual.")),
    ("limited", N_("Limited"), N_("Customers can reach us, on a limited basis.")),
    ("unavailable", N_("Unavailable"), N_("Customers cannot reach us for now.")),
]
DATA_STATUSES: list[Choice] = [
    (
        "no_evidence",
        N_("No evidence"),
        N_("At this stage there is no evidence that customer data has been taken."),
    ),
    (
        "under_investigation",
        N_("Under investigation"),
        N_("We are checking whether data has been affected."),
    ),
    ("affected", N_("Affected"), N_("We believe some data has been affected.")),
]
DATA_CATEGORIES: list[tuple[str, str]] = [
    ("contact_details", N_("Contact details")),
    ("identity", N_("Identity information")),
    ("financial", N_("Financial information")),
    ("account_credentials", N_("Account log-in details")),
    ("employee_data", N_("Employee information")),
    ("vehicle_data", N_("Vehicle information")),
]
PAYMENT_DATA: list[Choice] = yes_no(
    N_("Payment data is among the data affected."),
    N_("Payment data is not among the data affected (said only when data is affected)."),
)
LAW_ENFORCEMENT: list[Choice] = yes_no(
    N_("The police or the national crime agency has been informed."),
    N_("The police have not been informed."),
)
CROSS_BORDER: list[Choice] = yes_no(
    N_("The NIS2 texts say the incident could have an impact in other Member States."),
    N_("The NIS2 texts say no cross-border impact has been identified at this stage."),
)
SPECIALISTS: list[Choice] = yes_no(
    N_("External cybersecurity specialists are at work."),
    N_("No external specialists are at work."),
)
PHASES: list[Choice] = [
    ("contained", N_("Contained"), N_("The incident is contained; the restart is being prepared.")),
    ("investigating", N_("Investigating"), N_("We are still investigating; no restart yet.")),
    ("phased_restart", N_("Phased restart"), N_("Systems are coming back step by step.")),
    ("restored", N_("Restored"), N_("Systems are back and operations are resuming.")),
]
STEP_STATUSES: list[tuple[str, str]] = [
    ("done", N_("Done")),
    ("in_progress", N_("In progress")),
    ("planned", N_("Planned")),
]
