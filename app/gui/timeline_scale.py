"""Where a moment falls across the timeline, and what the time axis shows at a zoom.

Pure Python (no Qt), so the choices are tested alone: the axis has a band per day of
the incident's time zone, labelled as widely as the band allows (« lundi 8 septembre
2025 », « lun. 8 sept. », « 8 sept. », « 8 »); hour ticks when they are far enough
apart to be read; a month label when the days are too narrow to name theirs. Times are
placed by their absolute instant (``timestamp()``), never by wall-clock arithmetic, so
a day that changes to or from summer time is 23 or 25 hours wide.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from babel.dates import format_date, format_skeleton, format_time

Measure = Callable[[str], float]  # the width of a text in pixels, in the font it is drawn in

#: Hour ticks, finest first: the first whose ticks are far enough apart is used.
TICK_STEPS = tuple(
    timedelta(minutes=minutes) for minutes in (5, 10, 15, 30, 60, 120, 180, 360, 720)
)
#: A day's label, widest first (``full`` is Babel's full date format).
DAY_FORMATS = ("full", "MMMEd", "MMMd", "d")
LABEL_PADDING = 12.0  # pixels kept free around a label
NUMBER_PADDING = 4.0  # around a day's bare number, so "28" fits a day of six weeks in view


@dataclass(frozen=True)
class TimeScale:
    """``origin`` is at x = 0 and every hour is ``pixels_per_hour`` wide."""

    origin: datetime
    pixels_per_hour: float

    def x(self, moment: datetime) -> float:
        return (moment.timestamp() - self.origin.timestamp()) * self.pixels_per_hour / 3600

    def at(self, x: float) -> datetime:
        return self.origin + timedelta(hours=x / self.pixels_per_hour)


@dataclass(frozen=True)
class DayBand:
    """One day of the incident's time zone: from its midnight to the next."""

    day: date
    start: datetime
    end: datetime


def day_bands(start: datetime, end: datetime, zone: tzinfo) -> list[DayBand]:
    """The days of ``zone`` that overlap ``start``–``end``, in order."""
    bands: list[DayBand] = []
    day = start.astimezone(zone).date()
    while True:
        midnight = local_midnight(day, zone)
        if midnight >= end:
            return bands
        following = day + timedelta(days=1)
        bands.append(DayBand(day, midnight, local_midnight(following, zone)))
        day = following


def local_midnight(day: date, zone: tzinfo) -> datetime:
    return datetime.combine(day, time(0), tzinfo=zone)


def tick_step(pixels_per_hour: float, min_gap: float) -> timedelta | None:
    """The finest step whose ticks stand ``min_gap`` pixels apart, or None when even
    twelve hours are narrower than that (the days alone are then shown)."""
    for step in TICK_STEPS:
        if step / timedelta(hours=1) * pixels_per_hour >= min_gap:
            return step
    return None


def ticks(start: datetime, end: datetime, step: timedelta, zone: tzinfo) -> list[datetime]:
    """The moments between ``start`` and ``end`` that the clocks of ``zone`` show as
    ``step`` counted from midnight (09:00, 09:15 ...), midnights left out: the day bands
    show them. Counted on the wall clock (an aware datetime plus a timedelta keeps its
    zone), so the ticks of a day that changes to summer time still read 03:00, 06:00."""
    moments = []
    for band in day_bands(start, end, zone):
        moment = band.start + step
        while moment < band.end:
            if start <= moment <= end:
                moments.append(moment)
            moment += step
    return moments


def day_label(day: date, width: float, language: str, measure: Measure) -> str:
    """The widest way of writing ``day`` in ``language`` that fits ``width`` pixels with
    padding; an empty string when even its number does not."""
    for pattern in DAY_FORMATS:
        text = (
            format_date(day, "full", locale=language)
            if pattern == "full"
            else format_skeleton(pattern, day, locale=language)
        )
        padding = NUMBER_PADDING if pattern == "d" else LABEL_PADDING
        if measure(text) + padding <= width:
            return text
    return ""


def day_label_fits(day: date, width: float, language: str, measure: Measure) -> bool:
    """Whether ``day`` can be named with its month in ``width`` (else months are named
    on a row of their own)."""
    label = day_label(day, width, language, measure)
    return bool(label) and label != format_skeleton("d", day, locale=language)


def hour_label(moment: datetime, zone: tzinfo, language: str) -> str:
    """« 14:30 », "2:30 PM": the time as ``language`` writes it on a clock of ``zone``."""
    return str(format_time(moment.astimezone(zone), "short", locale=language))


def month_label(day: date, language: str) -> str:
    """« septembre 2025 », "September 2025"."""
    return str(format_skeleton("yMMMM", day, locale=language))


def widest_hour_label(language: str, measure: Measure) -> float:
    """The width the longest time of day takes in ``language`` ("12:55 PM", « 23:55 »)."""
    samples = (datetime(2025, 1, 1, 12, 55), datetime(2025, 1, 1, 23, 55))
    return max(measure(str(format_time(sample, "short", locale=language))) for sample in samples)
