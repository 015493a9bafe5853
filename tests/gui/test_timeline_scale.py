"""The timeline's axis at one hour, one day and six weeks in view: which ticks, how days
are named, in English and French (pure functions: no Qt)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from app.gui.timeline_scale import (
    TICK_STEPS,
    TimeScale,
    day_bands,
    day_label,
    day_label_fits,
    hour_label,
    month_label,
    tick_step,
    ticks,
    widest_hour_label,
)

LONDON = ZoneInfo("Europe/London")
VIEW = 1100.0  # pixels of time in view in the record window at 1280 x 720


def measure(text: str) -> float:
    """About what a 9-point sans font takes: 7 pixels a character."""
    return 7.0 * len(text)


def pixels_per_hour(span: timedelta) -> float:
    return VIEW / (span / timedelta(hours=1))


@pytest.mark.parametrize(
    ("span", "language", "step"),
    [
        (timedelta(hours=1), "fr", timedelta(minutes=5)),
        (timedelta(hours=1), "en", timedelta(minutes=5)),
        (timedelta(days=1), "fr", timedelta(hours=2)),
        (timedelta(days=1), "en", timedelta(hours=2)),
        (timedelta(weeks=6), "fr", None),  # the days alone
        (timedelta(weeks=6), "en", None),
    ],
)
def test_hour_ticks_stand_apart_at_every_span(span, language, step) -> None:
    gap = widest_hour_label(language, measure) + 24
    assert tick_step(pixels_per_hour(span), gap) == step
    if step is not None:  # labels as far apart as they need, and no finer step would do
        assert step / timedelta(hours=1) * pixels_per_hour(span) >= gap
        finer = TICK_STEPS[: TICK_STEPS.index(step)]
        assert all(f / timedelta(hours=1) * pixels_per_hour(span) < gap for f in finer)


def test_a_narrow_view_of_a_day_takes_coarser_ticks() -> None:
    gap = widest_hour_label("en", measure) + 24
    assert tick_step(pixels_per_hour(timedelta(days=1)) / 2, gap) == timedelta(hours=6)
    assert tick_step(pixels_per_hour(timedelta(days=4)), gap) == timedelta(hours=12)


def test_days_are_named_as_widely_as_their_band_allows_in_french() -> None:
    monday = date(2025, 9, 8)
    one_day = pixels_per_hour(timedelta(days=1)) * 24
    six_weeks = pixels_per_hour(timedelta(weeks=6)) * 24
    assert day_label(monday, one_day, "fr", measure) == "lundi 8 septembre 2025"
    assert day_label(monday, 120, "fr", measure) == "lun. 8 sept."
    assert day_label(monday, 70, "fr", measure) == "8 sept."
    assert day_label(date(2025, 9, 28), six_weeks, "fr", measure) == "28"
    assert day_label(monday, 5, "fr", measure) == ""
    assert day_label(monday, one_day, "en", measure) == "Monday, September 8, 2025"
    assert day_label(monday, 120, "en", measure) == "Mon, Sep 8"
    # Six weeks: day numbers, so the months get a row of their own.
    assert not day_label_fits(monday, six_weeks, "fr", measure)
    assert day_label_fits(monday, one_day, "fr", measure)
    assert month_label(monday, "fr") == "septembre 2025"
    assert month_label(monday, "en") == "September 2025"


def test_ticks_fall_on_the_local_clock_and_skip_midnight() -> None:
    start = datetime(2025, 9, 8, 7, 50, tzinfo=LONDON)
    found = ticks(start, start + timedelta(hours=20), timedelta(hours=3), LONDON)
    assert [hour_label(t, LONDON, "fr") for t in found] == [
        "09:00",
        "12:00",
        "15:00",
        "18:00",
        "21:00",
        "03:00",
    ]
    assert hour_label(found[1], LONDON, "en") == "12:00\u202fPM"
    quarter = ticks(start, start + timedelta(hours=1), timedelta(minutes=15), LONDON)
    assert [hour_label(t, LONDON, "fr") for t in quarter] == ["08:00", "08:15", "08:30", "08:45"]


def test_the_day_the_clocks_go_back_is_a_longer_band() -> None:
    start = datetime(2025, 10, 25, 12, tzinfo=LONDON)
    bands = day_bands(start, start + timedelta(days=2), LONDON)
    assert [band.day.day for band in bands] == [25, 26, 27]
    scale = TimeScale(start, pixels_per_hour=10)
    widths = [scale.x(band.end) - scale.x(band.start) for band in bands]
    assert widths == [240, 250, 240]  # 26 October has 25 hours
    longer = ticks(bands[1].start, bands[1].end, timedelta(hours=6), LONDON)
    assert [hour_label(t, LONDON, "fr") for t in longer] == ["06:00", "12:00", "18:00"]


def test_the_scale_places_moments_by_their_instant() -> None:
    origin = datetime(2025, 9, 1, 9, 0, tzinfo=LONDON)
    scale = TimeScale(origin, pixels_per_hour=60)
    assert scale.x(datetime(2025, 9, 1, 8, 30, tzinfo=ZoneInfo("UTC"))) == 30  # 09:30 BST
    assert scale.at(90) == origin + timedelta(minutes=90)
