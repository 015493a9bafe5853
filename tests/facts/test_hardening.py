from __future__ import annotations

import json

import pytest

from app.errors import IncidentFileError
from app.facts.loading import parse_incident


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (("organisation", "name"), "North\x07wind", "control character (U+0007) at position 6"),
        (("guidance", "staff", "fr"), "x" * 2_000_000, "is 2,000,000 characters long"),
        (("authorities", "regulators"), ["ICO", "CN\x00IL"], "control character (U+0000)"),
        (("incident", "detected_at"), "2025-13-45T25:61:00+01:00", "is not a date and time"),
        # Unicode non-characters and a lone surrogate: Word (lxml) cannot hold them
        (("title",), "x\ufffey", "contains U+FFFE, which is not a character, at position 2"),
        (
            ("organisation", "name"),
            "North\uffffwind",
            "U+FFFF, which is not a character, at position 6",
        ),
        (
            ("organisation", "city"),
            "Cov\ufdd0entry",
            "U+FDD0, which is not a character, at position 4",
        ),
        (
            ("organisation", "city"),
            "Cov\ud800entry",
            "U+D800, which is not a character, at position 4",
        ),
        (("organisation", "city"), "Coventry\x85", "control character (U+0085) at position 9"),
        # Direction controls and zero-width characters: they reorder or hide what is read
        (
            ("organisation", "name"),
            "Northwind \u202eMotors",
            "direction control (U+202E RIGHT-TO-LEFT OVERRIDE) at position 11",
        ),
        (("authorities", "regulators"), ["ICO", "\u2066CNIL"], "(U+2066 LEFT-TO-RIGHT ISOLATE)"),
        (("guidance", "staff", "fr"), "Restez\u200fchez vous", "(U+200F RIGHT-TO-LEFT MARK)"),
        (
            ("guidance", "staff", "en"),
            "Stay home\u200b",
            "invisible character (U+200B ZERO WIDTH SPACE) at position 10",
        ),
        (("title",), "Cyber\ufeffattack", "(U+FEFF ZERO WIDTH NO-BREAK SPACE) at position 6"),
        (("title",), "Cyber\U000e0041", "(U+E0041 TAG LATIN CAPITAL LETTER A) at position 6"),
        # A name Word's document properties (255 characters) cannot hold with the headline
        (
            ("organisation", "name"),
            "N" * 200,
            "is 200 characters long; a name may have at most 120",
        ),
        # Years that overflow time zone conversion and date formatting
        (
            ("incident", "statement_at"),
            "0001-01-01T00:00:00+00:00",
            "is in the year 1; dates must be between 2000 and 2100",
        ),
        (("incident", "detected_at"), "9999-12-31T23:59:00-05:00", "is in the year 9999"),
        (("recovery", "expected_restore"), "9999-12-31", "is in the year 9999"),
        # Number formatting fails past 28 digits, in the middle of a draft
        (
            ("data", "people_affected"),
            10**29,
            "is 100,000,000,000,000,000,000,000,000,000, more people than live on Earth",
        ),
    ],
)
def test_control_characters_and_huge_or_nonsense_values_are_refused_by_field(
    example_data, path, value, message
) -> None:
    data = json.loads(json.dumps(example_data))
    target = data
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    with pytest.raises(IncidentFileError) as error:
        parse_incident(json.dumps(data), source="bad.crisis.json")
    (problem,) = error.value.problems
    assert problem.field is not None and problem.field.startswith(".".join(path))
    assert message in problem.message


def test_a_text_may_keep_its_tabs_line_breaks_accents_and_french_spaces(example_data) -> None:
    data = json.loads(json.dumps(example_data))
    data["guidance"]["staff"]["fr"] = "Restez chez vous\u202f!\n\t« Merci\u00a0» – l\u2019équipe 🚗"
    incident = parse_incident(json.dumps(data), source="fine.crisis.json")
    assert incident.guidance.staff is not None and "\u202f!" in (incident.guidance.staff.fr or "")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"title": ' + "[" * 1000 + "]" * 1000 + "}", "is nested more than 64 levels deep"),
        ('{"title": ' + "[" * 100 + "]" * 100 + "}", "is nested more than 64 levels deep"),
        ('{"people": ' + "9" * 5000 + "}", "contains a number of 5,000 digits (999999999999...)"),
        ('{"data": {"people_affected": NaN}}', "contains NaN, which is not a number JSON allows"),
        (
            '{"record": {"issued": [{"facts": {"data": {"people_affected": -Infinity}}}]}}',
            "contains -Infinity, which is not a number JSON allows",
        ),
        (
            '{"format": "crisisdraft.incident", "format": "crisisdraft.incident"}',
            "format: gives 'format' twice in the same object, and only the last one would count",
        ),
        (
            '{"organisation": {"name": "A", "city": "B", "name": "C"}}',
            "organisation.name: gives 'name' twice in the same object",
        ),
    ],
)
def test_json_that_python_would_crash_on_or_silently_misread_is_refused(
    text: str, message: str
) -> None:
    with pytest.raises(IncidentFileError) as error:
        parse_incident(text, source="hostile.crisis.json")
    assert str(error.value).startswith("hostile.crisis.json: ")
    assert message in str(error.value)
    assert "fix the file or restore a saved copy" in str(error.value) or "twice" in message


def test_a_hostile_key_is_quoted_without_being_obeyed(example_data) -> None:
    data = json.loads(json.dumps(example_data))
    data["organisation"]["\x1b[2Jname\u202e\ud800"] = "x"
    with pytest.raises(IncidentFileError) as error:
        parse_incident(json.dumps(data), source="bad.crisis.json")
    assert "organisation.\\x1b[2Jname\\u202e\\ud800" not in str(error.value)
    assert "organisation.\\u001b[2Jname\\u202e\\ud800" in str(error.value)
    str(error.value).encode("utf-8")  # printable: no lone surrogate left
