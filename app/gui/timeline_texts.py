"""What the timeline writes beside each mark and bar, and in its tooltip, in the
interface language: the statement's number and set ("3. Progress update"), the time
left on a clock, and, on hover, which statement, when, approved by whom (and, for one
that came back from Word, that it did and whose approval its edits had)."""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo

from app.gui.texts import N_, Gettext
from app.interface_text.durations import time_left_text
from app.interface_text.names import document_name, language_name, moment
from app.record.timeline import EventKind, TimelineEvent
from app.templates.metadata import SET_NAMES, TemplateSet

SEPARATOR = " · "


def set_name(event: TimelineEvent, language: str) -> str:
    """The statement's template set as the interface names it ("Progress update");
    a set the app does not know (a custom template's), as its id."""
    value = str(event.values.get("template_set", ""))
    try:
        names = SET_NAMES[TemplateSet(value)]
    except ValueError:
        return value
    return names.get(language) or names["en"]  # type: ignore[call-overload]


def time_left(event: TimelineEvent, now: datetime, gettext: Gettext) -> str:
    """ "12 h left", "overdue by 2 d 3 h", or "" for what needs no count (a promise kept,
    a deadline met)."""
    if event.met:
        return ""
    if event.kind is EventKind.DEADLINE or event.overdue or event.time_left is not None:
        return time_left_text(event.at - now, gettext)
    return ""


def mark_labels(event: TimelineEvent, now: datetime, gettext: Gettext, language: str) -> list[str]:
    """The labels a mark may carry, widest first; the layout writes the first that fits."""
    _ = gettext
    if event.kind is EventKind.ISSUED:
        number = str(event.statement or "")
        name = set_name(event, language)
        return [f"{number}. {name}" if name else number, number]
    text = event.text(_)
    left = time_left(event, now, _)
    if left:
        return [text + SEPARATOR + left, left]
    return [text]


def bar_label(event: TimelineEvent, now: datetime, gettext: Gettext) -> str:
    """What a regulator's clock bar says: the obligation and the time left (or that it
    was met)."""
    left = time_left(event, now, gettext) or gettext(N_("met"))
    return event.text(gettext) + SEPARATOR + left


def tooltip(
    event: TimelineEvent, now: datetime, zone: tzinfo, gettext: Gettext, language: str
) -> str:
    """Every fact the picture has about ``event``, a line each."""
    _ = gettext

    def when(at: datetime) -> str:
        return moment(at.astimezone(zone), language)

    if event.kind is EventKind.ISSUED:
        languages = ", ".join(
            language_name(code, _) for code in event.values.get("language_codes", ())
        )
        return "\n".join(
            [
                _(N_("Statement {number}: {set}")).format(
                    number=event.statement, set=set_name(event, language)
                ),
                f"{document_name(str(event.lane), _)} ({languages})",
                _(N_("Issued: {moment}")).format(moment=when(event.at)),
                _(N_("Approved by: {approver} ({role})")).format(
                    approver=event.values.get("approver", ""), role=event.values.get("role", "")
                ),
                # came back from Word: who approved the draft, who the edited text
                *([event.text(_)] if event.values.get("edited_in_word") else []),
                _(N_("Click to open it.")),
            ]
        )
    lines = [event.text(_)]
    if event.kind is EventKind.DEADLINE:
        if event.starts_at is not None:
            lines.append(_(N_("Clock started: {moment}")).format(moment=when(event.starts_at)))
        lines.append(_(N_("Deadline: {moment}")).format(moment=when(event.at)))
        if event.met:
            lines.append(_(N_("Met: the text was issued in time.")))
    elif event.kind is EventKind.PROMISED_UPDATE:
        lines.append(_(N_("Promised for: {moment}")).format(moment=when(event.at)))
        if event.starts_at is not None:
            lines.append(
                _(N_("Promised in the statement of {moment}")).format(moment=when(event.starts_at))
            )
        if not time_left(event, now, _):
            lines.append(_(N_("Kept: a later statement was issued.")))
    else:
        lines.append(when(event.at))
    left = time_left(event, now, _)
    if left:
        lines.append(left[:1].upper() + left[1:])
    return "\n".join(lines)


def clock_span(event: TimelineEvent) -> tuple[datetime, datetime]:
    """From when to when a clock's bar runs (a clock with no known start: one hour)."""
    start = event.starts_at if event.starts_at is not None else event.at - timedelta(hours=1)
    return start, event.at
