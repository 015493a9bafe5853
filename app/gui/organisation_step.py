"""Step 1: who the organisation is and how its English reads, whom each audience can
call, and the spokesperson quoted in the press release."""

from __future__ import annotations

from app.facts.editing import empty_texts
from app.gui import choices
from app.gui.choice_fields import ChoiceField, OptionalGroup, empty_contact
from app.gui.fields import BilingualField, LineField, ListTextField
from app.gui.incident_model import IncidentModel
from app.gui.step_page import StepPage
from app.gui.texts import N_
from app.gui.time_fields import TimeZoneField

REQUIRED_CONTACTS = (
    ("media", N_("Media contact")),
    ("dealers", N_("Dealer contact")),
    ("staff", N_("Staff contact")),
)
OPTIONAL_CONTACTS = (
    ("customers", N_("Customer contact (optional)"), N_("Printed on the customer notice.")),
    ("suppliers", N_("Supplier contact (optional)"), N_("Printed on the supplier notice.")),
    (
        "data_protection",
        N_("Data protection officer (optional)"),
        N_("The contact point a notice to the people whose data is affected must give."),
    ),
)
CONTACT_PARTS = (("name", N_("Name")), ("email", N_("Email")), ("phone", N_("Phone")))


def organisation_step(model: IncidentModel) -> StepPage:
    page = StepPage(
        model,
        N_("Organisation and contacts"),
        N_("Who speaks, and whom each audience can call. Names are not translated."),
        ("title", "organisation", "contacts", "spokesperson", "format", "format_version"),
    )
    t = page.texts
    page.group(N_("Organisation"))
    page.row(N_("Working title"), LineField(model, "title", t, accessible_name=N_("Working title")))
    page.row(
        N_("Name"),
        LineField(model, "organisation.name", t, accessible_name=N_("Organisation name")),
    )
    page.row(
        N_("Kind of organisation"),
        ChoiceField(
            model,
            "organisation.kind",
            t,
            choices.ORGANISATION_KINDS,
            unknown=choices.NOT_CHOSEN_KIND,
        ),
    )
    page.row(
        N_("English of the drafts"),
        ChoiceField(model, "organisation.english", t, choices.ENGLISH_VARIANTS),
    )
    page.row(
        N_("City (dateline)"), LineField(model, "organisation.city", t, accessible_name=N_("City"))
    )
    page.row(
        N_("Website"),
        LineField(model, "organisation.website", t, accessible_name=N_("Website"), optional=True),
    )
    page.row(
        N_("Time zone"),
        TimeZoneField(model, "organisation.timezone", t, accessible_name=N_("Time zone")),
    )
    page.row(
        N_("Listed on"),
        ListTextField(
            model,
            "organisation.listed_on",
            t,
            accessible_name=N_("Stock exchanges, separated by commas"),
            hint=N_("Stock exchanges, e.g. London Stock Exchange, Euronext Paris"),
        ),
    )
    page.row(
        N_("About the organisation (optional)"),
        BilingualField(
            model,
            "organisation.about",
            t,
            accessible_name=N_("About the organisation"),
            optional=True,
            short=True,
        ),
    )
    for audience, title in REQUIRED_CONTACTS:
        page.group(title)
        for part, label in CONTACT_PARTS:
            page.row(
                label, LineField(model, f"contacts.{audience}.{part}", t, accessible_name=title)
            )
    for audience, title, use in OPTIONAL_CONTACTS:
        page.group(title)
        toggle = OptionalGroup(model, f"contacts.{audience}", t, empty_contact)
        t.add(toggle.setToolTip, use)
        page.row(N_("Give this contact"), toggle)
        toggle.control(
            *(
                page.row(
                    label,
                    LineField(model, f"contacts.{audience}.{part}", t, accessible_name=title),
                )
                for part, label in CONTACT_PARTS
            )
        )
    page.group(N_("Spokesperson quoted in the press release"))
    spokesperson = OptionalGroup(model, "spokesperson", t, empty_spokesperson)
    page.row(N_("Quote a spokesperson"), spokesperson)
    spokesperson.control(
        page.row(
            N_("Name"),
            LineField(model, "spokesperson.name", t, accessible_name=N_("Spokesperson")),
        ),
        page.row(
            N_("Role"),
            BilingualField(
                model, "spokesperson.role", t, accessible_name=N_("Role"), multiline=False
            ),
        ),
        page.row(
            N_("Quote"), BilingualField(model, "spokesperson.quote", t, accessible_name=N_("Quote"))
        ),
    )
    page.finish()
    return page


def empty_spokesperson() -> dict[str, object]:
    return {"name": "", "role": empty_texts(), "quote": empty_texts()}
