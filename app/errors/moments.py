"""How a moment reads in a message: the reader's language's own way of writing a day and
a time ("Sep 2, 2025, 5:05 PM", « 2 sept. 2025, 17:05 »), never ISO 8601.

It lives under the errors because messages of every layer carry moments as parameters
(:class:`app.errors.When`) and are written out where they are shown; the interface's own
times (:func:`app.interface_text.names.moment`) are written by the same function, so a
time in a problem and the same time in the record window read alike.
"""

from __future__ import annotations

from datetime import datetime


def written_moment(when: datetime, language: str) -> str:
    """Day, month, year and time as a reader of ``language`` writes them, on the clock of
    the time zone ``when`` carries. (Babel's dates load on the first call: every layer
    imports this module, and the window paints before any moment is written.)"""
    from babel.dates import format_date, format_time, get_datetime_format

    date = format_date(when, "medium", locale=language)
    time = format_time(when, "short", locale=language)
    pattern = str(get_datetime_format("medium", locale=language))
    return pattern.replace("{1}", date).replace("{0}", time).replace("'", "")
