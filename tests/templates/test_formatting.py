from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from app.facts.models import SiteKind
from app.templates.formatting import (
    NARROW_NBSP,
    clock_time,
    date_and_time,
    join_words,
    long_date,
    name_sites,
    weekday_date,
    weekday_date_and_time,
)

LONDON = ZoneInfo("Europe/London")
NBSP = "\u00a0"
NINE_BST = datetime(2025, 9, 2, 9, 0, tzinfo=timezone(timedelta(hours=1)))


def test_english_dates_follow_uk_style() -> None:
    assert date_and_time(NINE_BST, LONDON, "en") == "2 September 2025, 09:00 BST"
    assert weekday_date_and_time(NINE_BST, LONDON, "en") == "Tuesday 2 September 2025 at 09:00 BST"


def test_french_dates_are_written_french_in_the_organisations_zone() -> None:
    assert date_and_time(NINE_BST, LONDON, "fr") == (
        f"2{NBSP}septembre 2025 à 9{NBSP}h{NBSP}00 (heure de Londres)"
    )
    assert long_date(date(2025, 9, 1), "fr") == f"1er{NBSP}septembre 2025"
    paris = ZoneInfo("Europe/Paris")
    assert date_and_time(NINE_BST, paris, "fr") == f"2{NBSP}septembre 2025 à 10{NBSP}h{NBSP}00"


def test_times_are_converted_to_the_organisations_zone() -> None:
    utc_time = datetime(2025, 1, 15, 14, 30, tzinfo=UTC_ZONE)
    assert date_and_time(utc_time, LONDON, "en") == "15 January 2025, 14:30 GMT"
    assert date_and_time(utc_time, ZoneInfo("America/Toronto"), "en") == (
        "15 January 2025, 09:30 (Toronto time)"
    )


UTC_ZONE = UTC


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "Solihull, Halewood and Gaydon"), ("fr", "Solihull, Halewood et Gaydon")],
)
def test_lists_join_in_each_language(language, expected) -> None:
    assert join_words(["Solihull", "Halewood", "Gaydon"], language) == expected


def test_sites_are_named_by_kind_with_french_articles_and_elision() -> None:
    sites = [
        ("Solihull", SiteKind.PLANT),
        ("Halewood", SiteKind.PLANT),
        ("Gaydon", SiteKind.OFFICE),
        ("Avonmouth", SiteKind.WAREHOUSE),
    ]
    assert name_sites(sites, "en") == (
        "the Solihull and Halewood plants, the Gaydon office and the Avonmouth warehouse"
    )
    assert name_sites(sites, "fr") == (
        "les usines de Solihull et de Halewood, les bureaux de Gaydon et l'entrepôt d'Avonmouth"
    )
    assert name_sites([("Ellesmere Port", SiteKind.PLANT)], "fr") == "l'usine d'Ellesmere Port"
    assert name_sites([("Leeds", SiteKind.STORE)], "fr") == "le magasin de Leeds"


# American English (organisation.english: en_US): month first, 12-hour clock, US zones.
CHICAGO = ZoneInfo("America/Chicago")
NINE_CDT = datetime(2025, 9, 2, 9, 0, tzinfo=CHICAGO)


def test_american_dates_put_the_month_first() -> None:
    assert long_date(date(2025, 9, 2), "en_US") == "September 2, 2025"
    assert long_date(date(2025, 9, 1), "en_US") == "September 1, 2025"  # no "1st"
    assert weekday_date(date(2025, 9, 3), "en_US") == "Wednesday, September 3, 2025"


def test_american_times_use_the_twelve_hour_clock_and_the_zone() -> None:
    assert clock_time(NINE_CDT, CHICAGO, "en_US") == "9:00 AM CDT"
    assert date_and_time(NINE_CDT, CHICAGO, "en_US") == "September 2, 2025, 9:00 AM CDT"
    assert weekday_date_and_time(NINE_CDT, CHICAGO, "en_US") == (
        "Tuesday, September 2, 2025 at 9:00 AM CDT"
    )
    afternoon = datetime(2026, 2, 9, 15, 0, tzinfo=CHICAGO)
    assert clock_time(afternoon, CHICAGO, "en_US") == "3:00 PM CST"  # winter: standard time
    midnight = datetime(2025, 9, 2, 0, 0, tzinfo=UTC)
    assert clock_time(midnight, ZoneInfo("UTC"), "en_US") == "12:00 AM UTC"
    assert NARROW_NBSP not in clock_time(NINE_CDT, CHICAGO, "en_US")


def test_american_times_are_shown_in_the_organisations_zone() -> None:
    assert date_and_time(NINE_BST, CHICAGO, "en_US") == "September 2, 2025, 3:00 AM CDT"
    assert date_and_time(NINE_BST, LONDON, "en_US") == (
        "September 2, 2025, 9:00 AM (London time)"  # US English has no short name for BST
    )


def test_american_lists_take_the_serial_comma() -> None:
    assert join_words(["Solihull", "Halewood", "Gaydon"], "en_US") == (
        "Solihull, Halewood, and Gaydon"
    )


@pytest.mark.parametrize(
    "write",
    [
        lambda language: long_date(date(2025, 9, 1), language),
        lambda language: weekday_date(date(2025, 9, 3), language),
        lambda language: date_and_time(NINE_BST, LONDON, language),
        lambda language: weekday_date_and_time(NINE_BST, LONDON, language),
        lambda language: date_and_time(NINE_CDT, CHICAGO, language),
        lambda language: join_words(["Solihull", "Halewood", "Gaydon"], language),
    ],
)
def test_british_english_is_the_english_default_and_unchanged(write) -> None:
    assert write("en_GB") == write("en")
    assert write("en_GB") != write("en_US")


def test_british_english_stays_day_first_on_the_twenty_four_hour_clock() -> None:
    assert weekday_date(date(2025, 9, 3), "en_GB") == "Wednesday 3 September 2025"
    assert date_and_time(NINE_BST, LONDON, "en_GB") == "2 September 2025, 09:00 BST"
    assert date_and_time(NINE_CDT, CHICAGO, "en_GB") == "2 September 2025, 09:00 (Chicago time)"
