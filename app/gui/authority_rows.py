"""The rows of the facts only the texts to authorities print: the regulator
notification (number of records, reason for a late notification) and the NIS2 early
warning and notification (the authority, severity, cross-border impact, indicators of
compromise). Each step adds the rows of the facts it owns, so a problem with one of them
opens the step where it is typed."""

from __future__ import annotations

from app.gui import choices
from app.gui.choice_fields import ChoiceField
from app.gui.choices import NOT_KNOWN
from app.gui.fields import BilingualField, LineField, NumberField
from app.gui.incident_model import IncidentModel
from app.gui.step_page import StepPage
from app.gui.texts import N_
from app.interface_text.field_names import caption


def indicator_row(page: StepPage, model: IncidentModel) -> None:
    """The indicators of compromise, for the NIS2 notification (the "what happened" step)."""
    page.row(
        caption("incident.indicators"),
        LineField(
            model,
            "incident.indicators",
            page.texts,
            accessible_name=N_("Indicators of compromise"),
            optional=True,
        ),
    )


def impact_rows(page: StepPage, model: IncidentModel) -> None:
    """Severity and cross-border impact, for the NIS2 texts (the impact step)."""
    page.row(
        caption("impact.cross_border"),
        ChoiceField(
            model, "impact.cross_border", page.texts, choices.CROSS_BORDER, unknown=NOT_KNOWN
        ),
    )
    page.row(
        caption("impact.severity"),
        BilingualField(
            model,
            "impact.severity",
            page.texts,
            accessible_name=N_("Severity"),
            optional=True,
            multiline=False,  # a line: "significant: production stopped at two plants"
        ),
    )


def notification_rows(page: StepPage, model: IncidentModel) -> None:
    """What the regulator notification and the NIS2 texts need beyond the public drafts
    (the data and authorities step)."""
    page.row(
        caption("data.people_categories"),
        BilingualField(
            model,
            "data.people_categories",
            page.texts,
            accessible_name=N_("Categories of people concerned"),
            optional=True,
            multiline=False,
        ),
    )
    page.row(
        caption("data.records_affected"),
        NumberField(
            model,
            "data.records_affected",
            page.texts,
            accessible_name=N_("Number of records affected"),
            placeholder=N_("Not known yet"),
        ),
    )
    page.row(
        caption("data.delay_reason"),
        BilingualField(
            model,
            "data.delay_reason",
            page.texts,
            accessible_name=N_("Reason for notifying after 72 hours"),
            optional=True,
            short=True,
        ),
    )
    page.row(
        caption("authorities.nis2_authority"),
        LineField(
            model,
            "authorities.nis2_authority",
            page.texts,
            accessible_name=N_("NIS2 authority"),
            optional=True,
        ),
    )
