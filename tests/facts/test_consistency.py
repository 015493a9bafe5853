from __future__ import annotations

import json
from typing import Any

import pytest

from app.errors import IncidentFileError, Problem, Term, terms
from app.facts.consistency import incident_problems, missing_texts
from app.facts.loading import parse_incident
from app.facts.models import Incident
from tests.conftest import edited, example_document


def test_the_example_has_no_problems_in_either_language(make_incident) -> None:
    assert incident_problems(make_incident(), ["en", "fr"]) == []


def test_missing_french_guidance_blocks_french_but_not_english(make_incident) -> None:
    incident = make_incident(guidance__staff={"en": "Stay at home."})
    assert missing_texts(incident, "fr") == ["guidance.staff"]
    assert incident_problems(incident, ["en"]) == []
    (problem,) = incident_problems(incident, ["fr"])
    assert problem.field == "guidance.staff.fr"
    assert "French text is missing" in problem.message


def test_a_blank_step_text_counts_as_missing(make_incident) -> None:
    incident = make_incident(recovery__steps__1={"en": "Restore", "fr": "  ", "status": "planned"})
    assert missing_texts(incident, "fr") == ["recovery.steps[1]"]


def test_third_party_outage_needs_the_supplier(make_incident) -> None:
    incident = make_incident(incident__kind="third_party_outage")
    (problem,) = incident_problems(incident, ["en"])
    assert problem.field == "incident.third_party"


def test_affected_data_without_categories_is_a_scope_not_yet_known(make_incident) -> None:
    # v3: "some data has been affected; we are working to establish what" - no problem,
    # only a note that payment data is not stated (v1's forced "false" became unknown).
    problems = incident_problems(make_incident(data__status="affected"), ["en"])
    assert [(p.informational, p.message) for p in problems] == [
        (True, "Not stated: payment data (the drafts say nothing of it)")
    ]


def test_data_categories_without_affected_data_are_a_problem(make_incident) -> None:
    incident = make_incident(data__categories=["contact_details"])
    assert [p.field for p in incident_problems(incident, ["en"])] == ["data.status"]


def test_next_update_before_the_statement_is_a_problem(make_incident) -> None:
    incident = make_incident(next_update_at="2025-09-01T08:00:00+01:00")
    assert [p.field for p in incident_problems(incident, ["en"])] == ["next_update_at"]


def full_incident(**changes: Any) -> Incident:
    """The data-affected example, with payment data stated too: every claim is stated."""
    data = edited(example_document("data-affected-paused"), {"data.payment_data_affected": False})
    return parse_incident(json.dumps(edited(data, changes)), source="full.crisis.json")


def not_stated_line(incident: Incident) -> str | None:
    notes = [p.message for p in incident_problems(incident, ["en", "fr"]) if p.informational]
    assert len(notes) <= 1
    return notes[0] if notes else None


def test_when_every_claim_is_stated_nothing_is_noted() -> None:
    assert not_stated_line(full_incident()) is None


# Each nullable fact of the v3 contract, made unknown on the full example, and how the
# note names it. The shutdown is unknown only when no system is said to be down either.
UNKNOWN_FACTS: dict[str, tuple[dict[str, Any], str]] = {
    "incident.kind": ({"incident.kind": None}, "kind of incident"),
    "incident.detected_at": ({"incident.detected_at": None}, "when it began"),
    "containment.shutdown": (
        {"containment.shutdown": None, "containment.systems": []},
        "shutdown",
    ),
    "containment.proactive": ({"containment.proactive": None}, "reason for the shutdown"),
    "impact.production": ({"impact.production": None}, "production"),
    "impact.retail": ({"impact.retail": None}, "sales"),
    "impact.dealers_can_register_vehicles": (
        {"impact.dealers_can_register_vehicles": None},
        "registration",
    ),
    "impact.customer_services": ({"impact.customer_services": None}, "customer services"),
    "data.status": ({"data.status": None, "data.payment_data_affected": None}, "data"),
    "data.payment_data_affected": ({"data.payment_data_affected": None}, "payment data"),
    "authorities.law_enforcement": ({"authorities.law_enforcement": None}, "police"),
    "authorities.specialists_engaged": ({"authorities.specialists_engaged": None}, "specialists"),
    "recovery.phase": ({"recovery.phase": None}, "recovery"),
}


@pytest.mark.parametrize(("changes", "name"), UNKNOWN_FACTS.values(), ids=UNKNOWN_FACTS.keys())
def test_an_unknown_fact_is_noted_as_not_stated_and_blocks_nothing(
    changes: dict[str, Any], name: str
) -> None:
    incident = full_incident(**changes)
    assert not any(p.blocking for p in incident_problems(incident, ["en", "fr"]))
    assert not_stated_line(incident) == f"Not stated: {name} (the drafts say nothing of it)"


def test_a_shutdown_told_by_its_systems_alone_is_not_noted_as_unknown() -> None:
    # The systems say they were shut down: the drafts say so, the extent is left out.
    assert not_stated_line(full_incident(**{"containment.shutdown": None})) is None


def test_no_shutdown_needs_no_reason() -> None:
    incident = full_incident(
        **{
            "containment.shutdown": "none",
            "containment.proactive": None,
            "containment.systems": [{"key": "email", "status": "unavailable"}],
        }
    )
    assert not_stated_line(incident) is None


@pytest.mark.parametrize("status", ["no_evidence", "under_investigation"])
def test_payment_data_is_only_noted_when_data_is_affected(status: str) -> None:
    incident = full_incident(**{"data.status": status, "data.payment_data_affected": None})
    assert not_stated_line(incident) is None


def test_problems_of_the_facts_are_message_ids_translated_with_their_words() -> None:
    french = {
        "recovery is 'restored' but {site} is {status}: set the site to operating, or "
        "recovery to another phase": "rétabli, mais {site} est {status}",
        "stopped": "à l’arrêt",
        "Not stated: {facts} (the drafts say nothing of it)": "Non précisé : {facts}",
        ", ": " ; ",
        "data": "données",
        "police": "forces de l’ordre",
    }

    def gettext(message: str) -> str:
        return french.get(message, message)

    site = Problem(
        "incident: sites[0].status",
        message_id="recovery is 'restored' but {site} is {status}: set the site to "
        "operating, or recovery to another phase",
        params={"site": "Sunderland {plant}", "status": Term("stopped")},
        field="sites[0].status",
    )
    assert site.message == (
        "recovery is 'restored' but Sunderland {plant} is stopped: set the site to "
        "operating, or recovery to another phase"
    )
    assert str(site) == f"incident: sites[0].status: {site.message}"
    assert site.translated(gettext) == "rétabli, mais Sunderland {plant} est à l’arrêt"
    left_out = Problem(
        "incident",
        message_id="Not stated: {facts} (the drafts say nothing of it)",
        params={"facts": terms(["data", "police"])},
        informational=True,
    )
    assert left_out.message == "Not stated: data, police (the drafts say nothing of it)"
    assert (
        left_out.translated_line(gettext) == "incident: Non précisé : données ; forces de l’ordre"
    )
    every = incident_problems(full_incident(**{"data.status": None}), ["en", "fr"])
    assert every and all(problem.message_id for problem in every)


def test_a_validators_refusal_is_a_message_id_too() -> None:
    document = example_document("it-failure")
    document["organisation"]["timezone"] = "Mars/Olympus"
    with pytest.raises(IncidentFileError) as raised:
        parse_incident(json.dumps(document))
    (problem,) = raised.value.problems
    assert problem.message == (
        "'Mars/Olympus' is not a known IANA time zone; use a name such as 'Europe/London'"
    )
    assert problem.message_id is not None and problem.params == {"name": "Mars/Olympus"}
