"""The wizard's steps, in the order of the incident format. Each step is a form of
bound fields (:class:`StepPage`); the organisation step has its own module.

Every question whose answer is a claim offers "Not known yet", which writes null: a new
incident starts there, and the drafts say nothing of what is not known (format v3)."""

from __future__ import annotations

from app.facts.editing import empty_texts
from app.gui import choices
from app.gui.choice_fields import CheckField, ChoiceField, MultiChoiceField
from app.gui.choices import NOT_KNOWN
from app.gui.fields import BilingualField, LineField, ListTextField, NumberField
from app.gui.incident_model import IncidentModel
from app.gui.organisation_step import organisation_step
from app.gui.rows import RowsEditor, new_system, site_row, step_row, system_row
from app.gui.step_page import StepPage
from app.gui.texts import N_
from app.gui.time_fields import DateField, DateTimeField

__all__ = ["STEP_BUILDERS", "StepPage"]


def happened_step(model: IncidentModel) -> StepPage:
    page = StepPage(
        model,
        N_("What happened"),
        N_("Say only what you know. The drafts never guess about attackers or causes."),
        ("incident", "containment.shutdown", "containment.proactive"),
    )
    t = page.texts
    page.group(N_("The incident"))
    page.row(
        N_("What happened"),
        ChoiceField(model, "incident.kind", t, choices.INCIDENT_KINDS, unknown=NOT_KNOWN),
    )
    page.row(
        N_("Supplier at fault"),
        LineField(model, "incident.third_party", t, accessible_name=N_("Supplier"), optional=True),
    )
    page.row(
        N_("How to describe the supplier (optional)"),
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
        N_("Detected at"),
        DateTimeField(
            model,
            "incident.detected_at",
            t,
            accessible_name=N_("Detected at"),
            optional_label=N_("Known"),
        ),
    )
    page.group(N_("This statement"))
    page.row(
        N_("Statement time"),
        DateTimeField(model, "incident.statement_at", t, accessible_name=N_("Statement time")),
    )
    page.row(
        N_("Which statement"),
        ChoiceField(
            model,
            "incident.statement_kind",
            t,
            choices.STATEMENT_KINDS,
            unknown=choices.NOT_CHOSEN_STATEMENT,
        ),
    )
    page.row(
        N_("Published at (URL)"),
        LineField(
            model,
            "incident.statement_url",
            t,
            accessible_name=N_("Address where the statement is published"),
            optional=True,
        ),
    )
    page.group(N_("What you did"))
    page.row(
        N_("Systems taken offline"),
        ChoiceField(model, "containment.shutdown", t, choices.SHUTDOWNS, unknown=NOT_KNOWN),
    )
    page.row(
        N_("As a precaution"),
        ChoiceField(model, "containment.proactive", t, choices.PROACTIVE, unknown=NOT_KNOWN),
    )
    page.finish()
    return page


def systems_step(model: IncidentModel) -> StepPage:
    page = StepPage(
        model,
        N_("Systems and sites"),
        N_("Which systems are off, which sites are affected, and what it means for sales."),
        ("containment.systems", "sites", "impact"),
    )
    t = page.texts
    page.group(N_("Systems"))
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
    page.group(N_("Sites"))
    page.row(
        N_("Sites"),
        RowsEditor(
            model,
            "sites",
            t,
            site_row,
            lambda: {"name": "", "kind": "plant", "status": "stopped"},
            N_("Add a site"),
        ),
    )
    page.group(N_("Impact"))
    page.row(
        N_("Production"),
        ChoiceField(model, "impact.production", t, choices.PRODUCTION, unknown=NOT_KNOWN),
    )
    page.row(N_("Sales"), ChoiceField(model, "impact.retail", t, choices.RETAIL, unknown=NOT_KNOWN))
    page.row(
        N_("Registration by dealers"),
        ChoiceField(
            model,
            "impact.dealers_can_register_vehicles",
            t,
            choices.REGISTRATION,
            unknown=NOT_KNOWN,
        ),
    )
    page.row(
        N_("Customer services"),
        ChoiceField(
            model, "impact.customer_services", t, choices.CUSTOMER_SERVICES, unknown=NOT_KNOWN
        ),
    )
    page.finish()
    return page


def data_step(model: IncidentModel) -> StepPage:
    page = StepPage(
        model,
        N_("Customer data and authorities"),
        N_("Never say more than you know: “no evidence” is not “no data affected”."),
        ("data", "authorities", "record.nis2_in_scope"),
    )
    t = page.texts
    page.group(N_("Customer data"))
    page.row(
        N_("What we can say"),
        ChoiceField(model, "data.status", t, choices.DATA_STATUSES, unknown=NOT_KNOWN),
    )
    page.row(
        N_("Data affected"),
        MultiChoiceField(model, "data.categories", t, choices.DATA_CATEGORIES, columns=2),
    )
    page.row(
        N_("Payment data affected"),
        ChoiceField(
            model, "data.payment_data_affected", t, choices.PAYMENT_DATA, unknown=NOT_KNOWN
        ),
    )
    page.row(
        N_("Aware of the data breach at"),
        DateTimeField(
            model,
            "data.aware_at",
            t,
            accessible_name=N_("Aware of the data breach at"),
            optional_label=N_("Known"),
        ),
    )
    page.row(
        N_("People affected"),
        NumberField(
            model,
            "data.people_affected",
            t,
            accessible_name=N_("Number of people affected"),
            placeholder=N_("Not known yet"),
        ),
    )
    page.row(
        N_("Likely consequences (optional)"),
        BilingualField(
            model,
            "data.likely_consequences",
            t,
            accessible_name=N_("Likely consequences"),
            optional=True,
            short=True,
        ),
    )
    page.group(N_("Authorities and specialists"))
    page.row(
        N_("Regulators informed"),
        ListTextField(
            model,
            "authorities.regulators",
            t,
            accessible_name=N_("Regulators, separated by commas"),
            hint=N_("Data protection and sector regulators, e.g. ICO, CNIL"),
        ),
    )
    page.row(
        N_("Cybersecurity agencies informed"),
        ListTextField(
            model,
            "authorities.agencies",
            t,
            accessible_name=N_("Cybersecurity agencies, separated by commas"),
            hint=N_("National cybersecurity agencies: NCSC, ANSSI, CISA… never called regulators"),
        ),
    )
    page.row(
        N_("Law enforcement informed"),
        ChoiceField(
            model, "authorities.law_enforcement", t, choices.LAW_ENFORCEMENT, unknown=NOT_KNOWN
        ),
    )
    page.row(
        N_("Specialists"),
        ChoiceField(
            model, "authorities.specialists_engaged", t, choices.SPECIALISTS, unknown=NOT_KNOWN
        ),
    )
    page.row(
        N_("NIS2"),
        CheckField(
            model,
            "record.nis2_in_scope",
            t,
            N_("The organisation is in scope of NIS2 (EU): show its reporting clocks"),
        ),
    )
    page.finish()
    return page


def recovery_step(model: IncidentModel) -> StepPage:
    page = StepPage(
        model,
        N_("Recovery"),
        N_("Where the restart stands, in plain steps. Give a date only when it is certain."),
        ("recovery", "next_update_at"),
    )
    t = page.texts
    page.group(N_("Recovery"))
    page.row(
        N_("Phase"), ChoiceField(model, "recovery.phase", t, choices.PHASES, unknown=NOT_KNOWN)
    )
    page.row(
        N_("Restart steps"),
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
        N_("Expected restore"),
        DateField(model, "recovery.expected_restore", t, label=N_("A date is given publicly")),
    )
    paused = page.row(
        N_("Paused until at least"),
        DateField(model, "recovery.paused_until", t, label=N_("A pause is announced")),
    )
    t.add(
        paused.setToolTip,
        N_("Operations remain paused until at least this date: not a promise that they restart."),
    )
    page.group(N_("Next update"))
    page.row(
        N_("Next update"),
        DateTimeField(
            model,
            "next_update_at",
            t,
            accessible_name=N_("Next update"),
            optional_label=N_("Promise a time"),
        ),
    )
    page.finish()
    return page


def guidance_step(model: IncidentModel) -> StepPage:
    page = StepPage(
        model,
        N_("What each audience should do"),
        N_("Practical instructions, in each language. Leave a box empty to say nothing."),
        ("guidance",),
    )
    t = page.texts
    page.group(N_("Guidance"))
    for audience, label in (
        ("staff", N_("Staff")),
        ("dealers", N_("Dealers")),
        ("customers", N_("Customers")),
        ("suppliers", N_("Suppliers")),
    ):
        page.row(
            label,
            BilingualField(model, f"guidance.{audience}", t, accessible_name=label, optional=True),
        )
    page.finish()
    return page


STEP_BUILDERS = (
    organisation_step,
    happened_step,
    systems_step,
    data_step,
    recovery_step,
    guidance_step,
)
