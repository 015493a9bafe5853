"""The wizard's steps, in the order of the incident format. Each step is a form of
bound fields; it knows which field paths it owns, so problems can be shown on it and a
click on a problem can bring the user to the field."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.errors import Problem
from app.gui import choices
from app.gui.fields import (
    BilingualField,
    BoundField,
    CheckField,
    ChoiceField,
    DateField,
    DateTimeField,
    LineField,
    ListTextField,
    MultiChoiceField,
)
from app.gui.incident_model import IncidentModel
from app.gui.rows import RowsEditor, other_system_row, site_row, step_row
from app.gui.texts import N_, Gettext, TextRegistry


class StepPage(QScrollArea):
    """One step: a title, an introduction and a form, scrollable for small screens."""

    def __init__(self, model: IncidentModel, title: str, intro: str, owns: tuple[str, ...]) -> None:
        super().__init__()
        self.model = model
        self.title = title
        self.owns = owns
        self.texts = TextRegistry()
        self.fields: list[BoundField] = []
        self.rows: list[RowsEditor] = []
        self.setWidgetResizable(True)
        body = QWidget()
        self._layout = QVBoxLayout(body)
        heading = QLabel()
        heading.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.texts.add(heading.setText, title)
        introduction = QLabel()
        introduction.setWordWrap(True)
        self.texts.add(introduction.setText, intro)
        self._layout.addWidget(heading)
        self._layout.addWidget(introduction)
        self.setWidget(body)
        self._form: QFormLayout | None = None

    def group(self, title: str) -> None:
        """Start a titled group of fields."""
        box = QGroupBox()
        self.texts.add(box.setTitle, title)
        self._form = QFormLayout(box)
        self._form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._layout.addWidget(box)

    def row(self, label: str, field: QWidget) -> QWidget:
        assert self._form is not None, "call group() first"
        caption = QLabel()
        caption.setWordWrap(True)
        self.texts.add(caption.setText, label)
        caption.setBuddy(field)
        self._form.addRow(caption, field)
        if isinstance(field, BoundField):
            self.fields.append(field)
        if isinstance(field, RowsEditor):
            self.rows.append(field)
        return field

    def finish(self) -> None:
        self._layout.addStretch(1)

    def owns_field(self, path: str) -> bool:
        return any(
            path == prefix or path.startswith((prefix + ".", prefix + "[")) for prefix in self.owns
        )

    def problems(self, all_problems: list[Problem]) -> list[Problem]:
        return [p for p in all_problems if p.field is not None and self.owns_field(p.field)]

    def focus_field(self, path: str) -> bool:
        """Focus the editor of ``path`` (the closest one that holds it); True if found."""
        for rows in self.rows:
            if path.startswith(rows.path):
                field = rows.field_for(path)
                (field or rows.add_button).setFocus()
                self.ensureWidgetVisible(field or rows)
                return True
        candidates = [
            field
            for field in self.fields
            if path == field.path
            or path.startswith((field.path + ".", field.path + "["))
            or field.path.startswith(path + ".")
        ]
        if not candidates:
            return False
        best = max(
            candidates, key=lambda field: len(field.path) if path.startswith(field.path) else 0
        )
        best.focus_field(path)
        self.ensureWidgetVisible(best)
        return True

    def retranslate(self, gettext: Gettext) -> None:
        self.texts.apply(gettext)
        for rows in self.rows:
            rows.set_gettext(gettext)


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
        N_("City (dateline)"), LineField(model, "organisation.city", t, accessible_name=N_("City"))
    )
    page.row(
        N_("Website"),
        LineField(model, "organisation.website", t, accessible_name=N_("Website"), optional=True),
    )
    page.row(
        N_("Time zone"),
        LineField(model, "organisation.timezone", t, accessible_name=N_("Time zone")),
    )
    for audience, title in (
        ("media", N_("Media contact")),
        ("dealers", N_("Dealer contact")),
        ("staff", N_("Staff contact")),
    ):
        page.group(title)
        for part, label in (("name", N_("Name")), ("email", N_("Email")), ("phone", N_("Phone"))):
            page.row(
                label, LineField(model, f"contacts.{audience}.{part}", t, accessible_name=title)
            )
    page.group(N_("Spokesperson quoted in the press release"))
    page.row(N_("Quote a spokesperson"), SpokespersonToggle(model, "spokesperson", t))
    page.row(
        N_("Name"), LineField(model, "spokesperson.name", t, accessible_name=N_("Spokesperson"))
    )
    page.row(
        N_("Role"),
        BilingualField(model, "spokesperson.role", t, accessible_name=N_("Role"), multiline=False),
    )
    page.row(
        N_("Quote"), BilingualField(model, "spokesperson.quote", t, accessible_name=N_("Quote"))
    )
    page.finish()
    return page


class SpokespersonToggle(CheckField):
    """Ticked: a spokesperson is quoted (empty fields to fill); unticked: none."""

    def __init__(self, model: IncidentModel, path: str, texts: TextRegistry) -> None:
        super().__init__(model, path, texts, N_("Yes"))

    def _toggled(self, on: bool) -> None:
        if on and self.model.value(self.path) is None:
            empty = {"en": "", "fr": ""}
            self.model.set_value(self.path, {"name": "", "role": dict(empty), "quote": dict(empty)})
        elif not on:
            self.model.set_value(self.path, None)


def happened_step(model: IncidentModel) -> StepPage:
    page = StepPage(
        model,
        N_("What happened"),
        N_("Say only what you know. The drafts never guess about attackers or causes."),
        ("incident", "containment.shutdown", "containment.proactive"),
    )
    t = page.texts
    page.group(N_("The incident"))
    page.row(N_("What happened"), ChoiceField(model, "incident.kind", t, choices.INCIDENT_KINDS))
    page.row(
        N_("Supplier at fault"),
        LineField(model, "incident.third_party", t, accessible_name=N_("Supplier"), optional=True),
    )
    page.row(
        N_("Detected at"),
        DateTimeField(model, "incident.detected_at", t, accessible_name=N_("Detected at")),
    )
    page.row(
        N_("Statement time"),
        DateTimeField(model, "incident.statement_at", t, accessible_name=N_("Statement time")),
    )
    page.group(N_("What you did"))
    page.row(
        N_("Systems taken offline"),
        ChoiceField(model, "containment.shutdown", t, choices.SHUTDOWNS),
    )
    page.row(
        N_("As a precaution"),
        CheckField(
            model, "containment.proactive", t, N_("We took them offline ourselves, as a precaution")
        ),
    )
    page.finish()
    return page


def systems_step(model: IncidentModel) -> StepPage:
    page = StepPage(
        model,
        N_("Systems and sites"),
        N_("Which systems are off, which sites are affected, and what it means for sales."),
        ("containment.systems", "containment.other_systems", "sites", "impact"),
    )
    t = page.texts
    page.group(N_("Systems"))
    page.row(N_("Shut down"), MultiChoiceField(model, "containment.systems", t, choices.SYSTEMS))
    page.row(
        N_("Other systems"),
        RowsEditor(
            model,
            "containment.other_systems",
            t,
            other_system_row,
            lambda: {"en": "", "fr": ""},
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
    page.row(N_("Production"), ChoiceField(model, "impact.production", t, choices.PRODUCTION))
    page.row(N_("Sales"), ChoiceField(model, "impact.retail", t, choices.RETAIL))
    page.row(
        N_("Registration"),
        CheckField(
            model,
            "impact.dealers_can_register_vehicles",
            t,
            N_("Dealers can register new vehicles"),
        ),
    )
    page.row(
        N_("Customer services"),
        ChoiceField(model, "impact.customer_services", t, choices.CUSTOMER_SERVICES),
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
    page.row(N_("What we can say"), ChoiceField(model, "data.status", t, choices.DATA_STATUSES))
    page.row(
        N_("Data affected"), MultiChoiceField(model, "data.categories", t, choices.DATA_CATEGORIES)
    )
    page.row(
        N_("Payment data"),
        CheckField(
            model, "data.payment_data_affected", t, N_("Payment data is among the data affected")
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
        ),
    )
    page.row(
        N_("Law enforcement"),
        CheckField(
            model, "authorities.law_enforcement", t, N_("Police or national crime agency informed")
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
    page.row(
        N_("Specialists"),
        CheckField(
            model, "authorities.specialists_engaged", t, N_("External specialists are at work")
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
    page.row(N_("Phase"), ChoiceField(model, "recovery.phase", t, choices.PHASES))
    page.row(
        N_("Restart steps"),
        RowsEditor(
            model,
            "recovery.steps",
            t,
            step_row,
            lambda: {"en": "", "fr": "", "status": "planned"},
            N_("Add a step"),
        ),
    )
    page.row(
        N_("Expected restore"),
        DateField(model, "recovery.expected_restore", t, label=N_("A date is given publicly")),
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
