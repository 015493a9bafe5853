from __future__ import annotations

from app.facts.consistency import incident_problems, missing_texts


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


def test_affected_data_needs_categories(make_incident) -> None:
    incident = make_incident(data__status="affected")
    assert [p.field for p in incident_problems(incident, ["en"])] == ["data.categories"]


def test_next_update_before_the_statement_is_a_problem(make_incident) -> None:
    incident = make_incident(next_update_at="2025-09-01T08:00:00+01:00")
    assert [p.field for p in incident_problems(incident, ["en"])] == ["next_update_at"]
