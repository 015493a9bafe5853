"""The wizard's steps, in the order of the incident format. Each step is a form of
bound fields (:class:`StepPage`); the organisation step has its own module.

Every question whose answer is a claim offers "Not known yet", which writes null: a new
incident starts there, and the drafts say nothing of what is not known (format v3)."""

from __future__ import annotations

from app.facts.editing import empty_texts
from app.gui import choices
from app.gui.authority_rows import impact_rows, indicator_row, notification_rows
from app.gui.choice_fields import CheckField, ChoiceField, MultiChoiceField
from app.gui.choices import NOT_KNOWN
from app.gui.fields import BilingualField, LineField, ListTextField, NumberField
from app.gui.incident_model import IncidentModel
from app.gui.organisation_step import organisation_step
from app.gui.rows import RowsEditor, new_system, site_row, step_row, system_row
from app.gui.step_outline import DATA, GUIDANCE, HAPPENED, RECOVERY, SYSTEMS
from app.gui.step_page import StepPage
from app.gui.texts import N_
from app.gui.time_fields import DateField, DateTimeField
from app.interface_text.field_help import WHATS_THIS
from app.interface_text.field_names import caption

__all__ = ["STEP_BUILDERS", "StepPage", "first_step"]


def happened_step(model: IncidentModel) -> StepPage:
    page = StepPage(
        model,
        HAPPENED.title,
        N_("Say only what you know. The drafts never guess about attackers or causes."),
        ("incident", "containment.shutdown", "containment.proactive"),
    )
    t = page.texts
    page.group(caption("incident"))
    page.row(
        caption("incident.kind"),
        ChoiceField(model, "incident.kind", t, choices.INCIDENT_KINDS, unknown=NOT_KNOWN),
    )
    page.row(
        caption("incident.third_party"),
        LineField(model, "incident.third_party", t, accessible_name=N_("Supplier"), optional=True),
    )
    page.row(
        caption("incident.third_party_role"),
        BilingualField(
            model,
            "incident.third_party_role",
            t,
            accessible_name=N_("Description of the supplier"),
            multiline=False,
            optional=True,
        ),
    )
    page.row(
        caption("incident.detected_at"),
        DateTimeField(
            model,
            "incident.detected_at",
            t,
            accessible_name=caption("incident.detected_at"),
            optional_label=N_("Known"),
        ),
    )
    indicator_row(page, model)
    page.group(N_("This statement"))
    page.row(
        caption("incident.statement_at"),
        DateTimeField(
            model, "incident.statement_at", t, accessible_name=caption("incident.statement_at")
        ),
    )
    page.row(
        caption("incident.statement_kind"),
        ChoiceField(
            model,
            "incident.statement_kind",
            t,
            choices.STATEMENT_KINDS,
            unknown=choices.NOT_CHOSEN_STATEMENT,
        ),
    )
    page.row(
        caption("incident.statement_url"),
        LineField(
            model,
            "incident.statement_url",
            t,
            accessible_name=N_("Address where the statement is published"),
            optional=True,
        ),
    )
    page.group(caption("containment"))
    page.row(
        caption("containment.shutdown"),
        ChoiceField(model, "containment.shutdown", t, choices.SHUTDOWNS, unknown=NOT_KNOWN),
    )
    page.row(
        caption("containment.proactive"),
        ChoiceField(model, "containment.proactive", t, choices.PROACTIVE, unknown=NOT_KNOWN),
    )
    page.finish()
    return page


def systems_step(model: IncidentModel) -> StepPage:
    page = StepPage(
        model,
        SYSTEMS.title,
        N_("Which systems are off, which sites are affected, and what it means for sales."),
        ("containment.systems", "sites", "impact"),
    )
    t = page.texts
    page.group(caption("containment.systems"))
    page.row(
        N_("Systems and their state"),
        RowsEditor(
            model,
            "containment.systems",
            t,
            system_row,
            lambda: new_system(model),
            N_("Add a system"),
        ),
    )
    page.group(caption("sites"))
    page.row(
        caption("sites"),
        RowsEditor(
            model,
            "sites",
            t,
            site_row,
            lambda: {"name": "", "kind": "plant", "status": "stopped"},
            N_("Add a site"),
        ),
    )
    page.group(caption("impact"))
    page.row(
        caption("impact.production"),
        ChoiceField(model, "impact.production", t, choices.PRODUCTION, unknown=NOT_KNOWN),
    )
    page.row(
        caption("impact.retail"),
        ChoiceField(model, "impact.retail", t, choices.RETAIL, unknown=NOT_KNOWN),
    )
    page.row(
        caption("impact.dealers_can_register_vehicles"),
        ChoiceField(
            model,
            "impact.dealers_can_register_vehicles",
            t,
            choices.REGISTRATION,
            unknown=NOT_KNOWN,
        ),
    )
    page.row(
        caption("impact.customer_services"),
        ChoiceField(
            model, "impact.customer_services", t, choices.CUSTOMER_SERVICES, unknown=NOT_KNOWN
        ),
    )
    impact_rows(page, model)
    page.finish()
    return page


def data_step(model: IncidentModel) -> StepPage:
    page = StepPage(
        model,
        DATA.title,
        N_("Never say more than you know: “no evidence” is not “no data affected”."),
        ("data", "authorities", "record.nis2_in_scope"),
    )
    t = page.texts
    page.group(caption("data"))
    page.row(
        caption("data.status"),
        ChoiceField(model, "data.status", t, choices.DATA_STATUSES, unknown=NOT_KNOWN),
    )
    page.row(
        caption("data.categories"),
        MultiChoiceField(model, "data.categories", t, choices.DATA_CATEGORIES, columns=2),
    )
    page.row(
        caption("data.payment_data_affected"),
        ChoiceField(
            model, "data.payment_data_affected", t, choices.PAYMENT_DATA, unknown=NOT_KNOWN
        ),
    )
    page.row(
        caption("data.aware_at"),
        DateTimeField(
            model,
            "data.aware_at",
            t,
            accessible_name=caption("data.aware_at"),
            optional_label=N_("Known"),
        ),
    )
    page.row(
        caption("data.people_affected"),
        NumberField(
            model,
            "data.people_affected",
            t,
            accessible_name=N_("Number of people affected"),
            placeholder=N_("Not known yet"),
        ),
    )
    page.row(
        caption("data.likely_consequences"),
        BilingualField(
            model,
            "data.likely_consequences",
            t,
            accessible_name=N_("Likely consequences"),
            optional=True,
            short=True,
        ),
    )
    page.group(caption("authorities"))
    page.row(
        caption("authorities.regulators"),
        ListTextField(
            model,
            "authorities.regulators",
            t,
            accessible_name=N_("Regulators, separated by commas"),
            hint=N_("Data protection and sector regulators, e.g. ICO, CNIL"),
        ),
    )
    page.row(
        caption("authorities.agencies"),
        ListTextField(
            model,
            "authorities.agencies",
            t,
            accessible_name=N_("Cybersecurity agencies, separated by commas"),
            hint=N_("National cybersecurity agencies: NCSC, ANSSI, CISA… never called regulators"),
        ),
    )
    page.row(
        caption("authorities.law_enforcement"),
        ChoiceField(
            model, "authorities.law_enforcement", t, choices.LAW_ENFORCEMENT, unknown=NOT_KNOWN
        ),
    )
    page.row(
        caption("authorities.specialists_engaged"),
        ChoiceField(
            model, "authorities.specialists_engaged", t, choices.SPECIALISTS, unknown=NOT_KNOWN
        ),
    )
    page.row(
        caption("record.nis2_in_scope"),
        CheckField(
            model,
            "record.nis2_in_scope",
            t,
            N_("The organisation is in scope of NIS2 (EU): show its reporting clocks"),
        ),
    )
    page.group(N_("For the texts to authorities"))
    notification_rows(page, model)
    page.finish()
    return page


def recovery_step(model: IncidentModel) -> StepPage:
    page = StepPage(
        model,
        RECOVERY.title,
        N_("Where the restart stands, in plain steps. Give a date only when it is certain."),
        ("recovery", "next_update_at"),
    )
    t = page.texts
    page.group(caption("recovery"))
    page.row(
        caption("recovery.phase"),
        ChoiceField(model, "recovery.phase", t, choices.PHASES, unknown=NOT_KNOWN),
    )
    page.row(
        caption("recovery.steps"),
        RowsEditor(
            model,
            "recovery.steps",
            t,
            step_row,
            lambda: {**empty_texts(), "status": "planned"},
            N_("Add a step"),
        ),
    )
    page.row(
        caption("recovery.expected_restore"),
        DateField(model, "recovery.expected_restore", t, label=N_("A date is given publicly")),
    )
    paused = page.row(
        caption("recovery.paused_until"),
        DateField(model, "recovery.paused_until", t, label=N_("A pause is announced")),
    )
    t.add(paused.setToolTip, WHATS_THIS["recovery.paused_until"])  # one text, two ways in
    page.group(N_("Next update"))
    page.row(
        caption("next_update_at"),
        DateTimeField(
            model,
            "next_update_at",
            t,
            accessible_name=caption("next_update_at"),
            optional_label=N_("Promise a time"),
        ),
    )
    page.finish()
    return page


def guidance_step(model: IncidentModel) -> StepPage:
    page = StepPage(
        model,
        GUIDANCE.title,
        N_("Practical instructions, in each language. Leave a box empty to say nothing."),
        ("guidance",),
    )
    t = page.texts
    page.group(caption("guidance"))
    for audience in ("staff", "dealers", "customers", "suppliers"):
        label = caption(f"guidance.{audience}")
        page.row(
            label,
            BilingualField(model, f"guidance.{audience}", t, accessible_name=label, optional=True),
        )
    page.finish()
    return page


def first_step(model: IncidentModel) -> StepPage:
    """The first step (``STEP_BUILDERS[0]``) as the window's first paint shows it: its
    Tab order and captions' letters come once the window is whole
    (:meth:`StepPage.make_keyboard_ready`)."""
    return organisation_step(model, keyboard=False)


STEP_BUILDERS = (
    organisation_step,
    happened_step,
    systems_step,
    data_step,
    recovery_step,
    guidance_step,
)
