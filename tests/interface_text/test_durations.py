"""Time left before a regulator's deadline, or how late it is, in both languages."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.interface_text.durations import duration_text, time_left_text
from app.interface_text.translator import Translator

ENGLISH = Translator("en").gettext
FRENCH = Translator("fr").gettext


@pytest.mark.parametrize(
    ("span", "english", "french"),
    [
        (timedelta(minutes=35), "35 min", "35\u00a0min"),
        (timedelta(hours=5), "5 h", "5\u00a0h"),
        (timedelta(hours=11, minutes=40), "11 h 40 min", "11\u00a0h 40\u00a0min"),
        (timedelta(hours=47, minutes=20), "47 h 20 min", "47\u00a0h 20\u00a0min"),
        (timedelta(days=2, hours=7, minutes=10), "2 d 7 h", "2\u00a0j 7\u00a0h"),
        (timedelta(days=29, hours=23, minutes=50), "30 d", "30\u00a0j"),
        (timedelta(days=39, hours=10), "39 d 10 h", "39\u00a0j 10\u00a0h"),
    ],
)
def test_a_span_reads_in_two_units_at_most(span, english, french) -> None:
    assert duration_text(span, ENGLISH) == english
    assert duration_text(span, FRENCH) == french


def test_ahead_of_or_after_a_deadline() -> None:
    assert time_left_text(timedelta(hours=12), ENGLISH) == "12 h left"
    assert time_left_text(-timedelta(days=3, hours=2), ENGLISH) == "overdue by 3 d 2 h"
    assert time_left_text(timedelta(hours=12), FRENCH) == "reste 12\u00a0h"
    assert time_left_text(-timedelta(days=3, hours=2), FRENCH) == "en retard de 3\u00a0j 2\u00a0h"
