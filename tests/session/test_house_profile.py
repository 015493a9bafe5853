"""The house profile kept in the preferences: what a new incident starts from."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from app.facts import editing
from app.files.resources import example_incident
from app.session.house_profile import HouseProfile
from app.session.preferences import Preferences
from app.templates.documents import FIRST_DOCUMENTS, documents_of

NOW = datetime.fromisoformat("2025-09-02T08:00:00+00:00")


def test_a_new_incident_takes_the_organisation_and_contacts_and_no_other_fact() -> None:
    example = editing.read_incident_data(example_incident())
    profile = HouseProfile.of_incident(example)
    started = profile.new_incident(NOW)
    blank = editing.blank_incident(NOW, timezone="Europe/London")
    assert started["organisation"] == example["organisation"]
    assert started["contacts"] == example["contacts"]
    for part in blank:
        if part not in ("organisation", "contacts"):
            assert started[part] == blank[part], part
    incident, problems = editing.validate(started)
    assert incident is not None, problems


def test_the_profile_keeps_to_the_statement_time_zone_and_english_given() -> None:
    profile = HouseProfile.from_data(
        {"organisation": {"name": "Cycles Dupont", "timezone": "Europe/Paris", "english": "en_US"}}
    )
    started = profile.new_incident(NOW, english="en_GB", organisation_kind="retailer")
    assert started["organisation"]["english"] == "en_US"
    assert started["organisation"]["kind"] == "retailer"  # the profile does not say
    assert started["incident"]["statement_at"] == "2025-09-02T10:00:00+02:00"
    assert started["contacts"]["media"] == {"name": "", "email": "", "phone": ""}


def test_values_of_the_wrong_kind_are_left_out_not_the_whole_profile() -> None:
    profile = HouseProfile.from_data(
        {
            "organisation": {
                "name": "Cycles Dupont",
                "city": 12,
                "timezone": "Mars/Olympus",
                "kind": "spaceship",
                "english": "en_AU",
                "about": {"en": "Bicycles since 1921", "fr": None},
                "listed_on": ["Euronext Paris", 3],
            },
            "contacts": {"media": {"name": "Presse", "phone": 1}, "staff": None, "dealers": "x"},
        }
    )
    assert profile.organisation == {
        "name": "Cycles Dupont",
        "about": {"en": "Bicycles since 1921", "fr": None},
        "listed_on": ["Euronext Paris"],
    }
    assert profile.contacts == {"media": {"name": "Presse", "email": "", "phone": ""}}
    assert HouseProfile.from_data("not a profile") == HouseProfile()


def test_the_profile_is_kept_in_the_preferences_file(tmp_path: Path) -> None:
    path = tmp_path / "preferences.json"
    preferences = Preferences(approvers=[("Sam Patel", "General Counsel")])
    preferences.house_profile = HouseProfile.from_data(
        {"organisation": {"name": "Northwind Motors"}, "contacts": {"customers": None}}
    )
    preferences.save(path)
    again = Preferences.load(path)
    assert again.house_profile == preferences.house_profile
    assert again.approvers == [("Sam Patel", "General Counsel")]
    written = json.loads(path.read_text(encoding="utf-8"))["house_profile"]
    assert written == {
        "organisation": {"name": "Northwind Motors"},
        "contacts": {"customers": None},
    }


def example_profile(documents: object) -> HouseProfile:
    """The example's organisation and contacts, and ``documents`` as the preferences
    file may hold them."""
    example = editing.read_incident_data(example_incident())
    return HouseProfile.from_data(
        {
            "organisation": example["organisation"],
            "contacts": example["contacts"],
            "documents": documents,
        }
    )


def test_a_new_incident_needs_the_documents_the_profile_names(tmp_path: Path) -> None:
    profile = example_profile(["qa", "press_release", "press_briefing", 3, "customer_notice"])
    # in the registry's order; what no document is called is left out
    assert [str(document) for document in profile.documents or ()] == [
        "press_release",
        "customer_notice",
        "qa",
    ]
    started = profile.new_incident(NOW)
    assert started["drafting"] == {"documents": ["press_release", "customer_notice", "qa"]}
    incident, problems = editing.validate(started)
    assert incident is not None, problems
    assert [str(document) for document in documents_of(incident)] == [
        "press_release",
        "customer_notice",
        "qa",
    ]

    path = tmp_path / "preferences.json"
    preferences = Preferences()
    preferences.house_profile = profile
    preferences.save(path)
    assert Preferences.load(path).house_profile == profile
    written = json.loads(path.read_text(encoding="utf-8"))["house_profile"]
    assert written["documents"] == ["press_release", "customer_notice", "qa"]


def test_without_a_choice_a_new_incident_needs_the_first_three() -> None:
    for documents in (None, [], "qa", ["press_briefing"]):
        profile = example_profile(documents)
        assert profile.documents is None
        started = profile.new_incident(NOW)
        assert "drafting" not in started
        incident, problems = editing.validate(started)
        assert incident is not None, problems
        assert documents_of(incident) == FIRST_DOCUMENTS
