"""The choices the wizard offers, each with a plain-language meaning beside the key.

Message ids are English; they are translated through the app's gettext catalogs.
"""

from __future__ import annotations

from app.gui.texts import N_

Choice = tuple[str, str, str]  # (key in the file, label, meaning)

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
CUSTOMER_SERVICES: list[Choice] = [
    ("available", N_("Available"), N_("Customers can reach us as usual.")),
    ("limited", N_("Limited"), N_("Customers can reach us, with longer waits.")),
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
