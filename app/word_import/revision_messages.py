"""The refusal of a document that still holds tracked changes or open comments: how
many, where (the first three places, with who made them), and what to do in Word.
"""

from __future__ import annotations

from typing import Final

from app.errors import N_, CrisisDraftError, Message
from app.word_import.places import Part, Place
from app.word_import.revisions import Change, Comment, Revisions

ONLY_CHANGES = N_(
    "{file}: the document still holds {changes}: accept or reject every change in Word "
    "(Review), then save it and bring it back"
)
ONLY_COMMENTS = N_(
    "{file}: the document still holds {comments}: resolve or delete every comment in "
    "Word (Review), then save it and bring it back"
)
BOTH = N_(
    "{file}: the document still holds {changes} and {comments}: accept or reject every "
    "change and resolve the comments in Word (Review), then save it and bring it back"
)
CHANGES = N_("{count} tracked change(s) ({places})")
COMMENTS = N_("{count} comment(s) not resolved ({places})")

PLACES_TWO = N_("{first} and {second}")
PLACES_THREE = N_("{first}, {second} and {third}")
PLACES_MORE = N_("{first}, {second}, {third} and {count} more")
BY = N_("{place}, by {author}")
PARAGRAPH = N_("paragraph {number} “{words}”")
EMPTY_PARAGRAPH = N_("an empty paragraph after paragraph {number}")
EMPTY_FIRST_PARAGRAPH = N_("an empty paragraph at the start")
PART_PLACES: Final = {
    Part.HEADER: N_("the header"),
    Part.FOOTER: N_("the footer"),
    Part.FOOTNOTE: N_("a footnote"),
    Part.ENDNOTE: N_("an endnote"),
    Part.LAYOUT: N_("the page layout"),
    Part.UNKNOWN: N_("a place Word does not show"),
}
_PLACES_SHOWN: Final = 3


def revisions_refusal(revisions: Revisions) -> CrisisDraftError | None:
    """The error to raise for a document with changes or comments left open, ``None``
    when it has none: "report.docx: the document still holds 3 tracked change(s)
    (paragraph 2 “Northwind Motors…”, by Ann Lee ...) and 1 comment(s) not resolved
    (...): accept or reject every change and resolve the comments in Word (Review),
    then save it and bring it back"."""
    if not revisions.open:
        return None
    params: dict[str, Message | str] = {"file": revisions.file_name}
    if revisions.changes:
        params["changes"] = _counted(CHANGES, revisions.changes)
    if revisions.comments:
        params["comments"] = _counted(COMMENTS, revisions.comments)
    if revisions.changes and revisions.comments:
        message_id = BOTH
    else:
        message_id = ONLY_CHANGES if revisions.changes else ONLY_COMMENTS
    return CrisisDraftError(message_id=message_id, params=params)


def _counted(message_id: str, found: tuple[Change, ...] | tuple[Comment, ...]) -> Message:
    places: list[Message] = []
    for item in found:
        place = _place(item.place, item.author)
        if place not in places:
            places.append(place)
    return Message(message_id, {"count": len(found), "places": _listed(places)})


def _place(place: Place, author: str) -> Message:
    if place.part is not Part.BODY:
        where = Message(PART_PLACES[place.part])
    elif place.words:
        where = Message(PARAGRAPH, {"number": place.paragraph, "words": place.words})
    elif place.paragraph:
        where = Message(EMPTY_PARAGRAPH, {"number": place.paragraph})
    else:
        where = Message(EMPTY_FIRST_PARAGRAPH)
    return Message(BY, {"place": where, "author": author}) if author else where


def _listed(places: list[Message]) -> Message:
    """Up to three places, and how many more."""
    if len(places) == 1:
        return places[0]
    if len(places) == 2:
        return Message(PLACES_TWO, {"first": places[0], "second": places[1]})
    first, second, third = places[:_PLACES_SHOWN]
    names = {"first": first, "second": second, "third": third}
    if len(places) == _PLACES_SHOWN:
        return Message(PLACES_THREE, names)
    return Message(PLACES_MORE, {**names, "count": len(places) - _PLACES_SHOWN})
