"""Step 1: who the organisation is and how its English reads, which documents (which
audiences) the incident needs, whom each audience can call, and the spokesperson quoted
in the press release. The organisation's, the documents' and the contacts' fields are
also the house profile's (:mod:`app.gui.house_profile_page`).

The documents are chosen here, before the contacts: a document chosen may need a
contact (the customer notice, the customer contact), and the warning that names it
points to the group just below."""

from __future__ import annotations

from app.facts.editing import empty_texts
from app.gui import choices
from app.gui.choice_fields import ChoiceField, OptionalGroup, empty_contact
from app.gui.documents_field import documents_group
from app.gui.fields import BilingualField, LineField, ListTextField
from app.gui.incident_model import IncidentModel
from app.gui.step_outline import ORGANISATION
from app.gui.step_page import StepPage
from app.gui.texts import N_
from app.gui.time_fields import TimeZoneField
from app.interface_text.field_help import WHATS_THIS
from app.interface_text.field_names import caption

REQUIRED_CONTACTS = ("media", "dealers", "staff")
OPTIONAL_CONTACTS = ("customers", "suppliers", "data_protection")
CONTACT_PARTS = ("name", "email", "phone")


def organisation_step(model: IncidentModel, *, keyboard: bool = True) -> StepPage:
    """The step; ``keyboard=False``: its Tab order is set later (see StepPage.finish)."""
    page = StepPage(
        model,
        ORGANISATION.title,
        N_("Who speaks, and whom each audience can call. Names are not translated."),
        (
            "title",
            "organisation",
            "drafting.documents",
            "contacts",
            "spokesperson",
            "format",
            "format_version",
        ),
    )
    t = page.texts
    page.group(caption("organisation"))
    page.row(caption("title"), LineField(model, "title", t, accessible_name=caption("title")))
    organisation_rows(page, model)
    documents_group(page, model)
    contact_groups(page, model)
    page.group(N_("Spokesperson quoted in the press release"))
    spokesperson = OptionalGroup(model, "spokesperson", t, empty_spokesperson)
    page.row(N_("Quote a spokesperson"), spokesperson)
    spokesperson.control(
        *name_and_role_rows(page, model, "spokesperson"),
        page.row(
            caption("spokesperson.quote"),
            BilingualField(
                model, "spokesperson.quote", t, accessible_name=caption("spokesperson.quote")
            ),
        ),
    )
    page.finish(keyboard=keyboard)
    return page


def organisation_rows(page: StepPage, model: IncidentModel) -> None:
    """The organisation's fields, in the group ``page`` is filling."""
    t = page.texts
    page.row(
        caption("organisation.name"),
        LineField(model, "organisation.name", t, accessible_name=N_("Organisation name")),
    )
    page.row(
        caption("organisation.kind"),
        ChoiceField(
            model,
            "organisation.kind",
            t,
            choices.ORGANISATION_KINDS,
            unknown=choices.NOT_CHOSEN_KIND,
        ),
    )
    page.row(
        caption("organisation.english"),
        ChoiceField(model, "organisation.english", t, choices.ENGLISH_VARIANTS),
    )
    page.row(
        caption("organisation.city"),
        LineField(model, "organisation.city", t, accessible_name=N_("City")),
    )
    page.row(
        caption("organisation.website"),
        LineField(
            model,
            "organisation.website",
            t,
            accessible_name=caption("organisation.website"),
            optional=True,
        ),
    )
    page.row(
        caption("organisation.timezone"),
        TimeZoneField(
            model, "organisation.timezone", t, accessible_name=caption("organisation.timezone")
        ),
    )
    page.row(
        caption("organisation.listed_on"),
        ListTextField(
            model,
            "organisation.listed_on",
            t,
            accessible_name=N_("Stock exchanges, separated by commas"),
            hint=N_("Stock exchanges, e.g. London Stock Exchange, Euronext Paris"),
        ),
    )
    announcer = OptionalGroup(model, "organisation.announcement_by", t, empty_announcer)
    page.row(N_("Name who releases market announcements"), announcer)
    announcer.control(*name_and_role_rows(page, model, "organisation.announcement_by"))
    page.row(
        caption("organisation.about"),
        BilingualField(
            model,
            "organisation.about",
            t,
            accessible_name=N_("About the organisation"),
            optional=True,
            short=True,
        ),
    )


def name_and_role_rows(
    page: StepPage, model: IncidentModel, person: str
) -> tuple[LineField, BilingualField]:
    """The rows of a person the drafts name (``person``: the spokesperson, who releases
    market announcements): a name, and a role in each language on one line."""
    t = page.texts
    name = LineField(model, f"{person}.name", t, accessible_name=caption(person))
    role = BilingualField(
        model, f"{person}.role", t, accessible_name=caption(f"{person}.role"), multiline=False
    )
    return (
        page.row(caption(f"{person}.name"), name),
        page.row(caption(f"{person}.role"), role),
    )


def contact_groups(page: StepPage, model: IncidentModel) -> None:
    """A group per audience's contact: the three every incident has, then the optional
    ones, each with its "Give this contact" box."""
    t = page.texts
    for audience in REQUIRED_CONTACTS:
        title = caption(f"contacts.{audience}")
        page.group(title)
        for part in CONTACT_PARTS:
            path = f"contacts.{audience}.{part}"
            page.row(caption(path), LineField(model, path, t, accessible_name=title))
    for audience in OPTIONAL_CONTACTS:
        title = caption(f"contacts.{audience}")
        page.group(title)
        toggle = OptionalGroup(model, f"contacts.{audience}", t, empty_contact)
        # what the contact is for: the toggle's What's This text, one text for both
        t.add(toggle.setToolTip, WHATS_THIS[f"contacts.{audience}"])
        page.row(N_("Give this contact"), toggle)
        toggle.control(
            *(
                page.row(
                    caption(f"contacts.{audience}.{part}"),
                    LineField(model, f"contacts.{audience}.{part}", t, accessible_name=title),
                )
                for part in CONTACT_PARTS
            )
        )


def empty_announcer() -> dict[str, object]:
    return {"name": "", "role": empty_texts()}


def empty_spokesperson() -> dict[str, object]:
    return {"name": "", "role": empty_texts(), "quote": empty_texts()}
