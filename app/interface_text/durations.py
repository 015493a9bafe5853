"""How long is left before a deadline, or how late it is, as a reader of the
interface language writes it: "2 d 4 h", "5 h 30 min", « 2 j 4 h ». Two units at most,
the smaller rounded: a lead at 2 a.m. needs the order of magnitude, not the seconds."""

from __future__ import annotations

from datetime import timedelta

from app.errors import N_, Gettext


def duration_text(span: timedelta, gettext: Gettext) -> str:
    """``span`` (its sign ignored) in days and hours from two days on (a 30-day report),
    else in hours and minutes (the 24 h and 72 h clocks are counted in hours)."""
    minutes = round(abs(span).total_seconds() / 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    if days >= 2:
        hours += round(minutes / 60)
        if hours == 24:
            days, hours = days + 1, 0
        if not hours:
            return gettext(N_("{days} d")).format(days=days)
        return gettext(N_("{days} d {hours} h")).format(days=days, hours=hours)
    hours += 24 * days
    if not hours:
        return gettext(N_("{minutes} min")).format(minutes=minutes)
    if not minutes:
        return gettext(N_("{hours} h")).format(hours=hours)
    return gettext(N_("{hours} h {minutes} min")).format(hours=hours, minutes=minutes)


def time_left_text(left: timedelta, gettext: Gettext) -> str:
    """ "12 h left" ahead of a deadline, "overdue by 3 d 2 h" after it."""
    if left < timedelta(0):
        return gettext(N_("overdue by {duration}")).format(duration=duration_text(left, gettext))
    return gettext(N_("{duration} left")).format(duration=duration_text(left, gettext))
