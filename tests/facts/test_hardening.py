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
