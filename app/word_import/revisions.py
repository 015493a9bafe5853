"""Tracked changes and comments left open in a returned document, each with where it
is, so the refusal can tell the user where to look.

A change is what Word's Review pane lists as one: a run of insertions (or deletions,
moves, formatting changes) by one author with no unchanged text between them, the
paragraph mark included (an inserted paragraph is one insertion, not two). Changes in
headers, footers and notes count too (Word's Accept All accepts them). Comments:
:mod:`app.word_import.comments`; places: :mod:`app.word_import.places`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Final

from lxml import etree  # type: ignore[import-untyped]

from app.word_import import ooxml
from app.word_import.comments import comment_anchors, open_comments
from app.word_import.ooxml import w, w_attribute
from app.word_import.package import WordPackage
from app.word_import.places import Part, Place, Places, enclosing, paragraphs


class ChangeKind(Enum):
    INSERTION = "insertion"
    DELETION = "deletion"
    MOVE = "move"
    FORMATTING = "formatting"


@dataclass(frozen=True)
class Change:
    kind: ChangeKind
    author: str
    place: Place


@dataclass(frozen=True)
class Comment:
    author: str
    place: Place


@dataclass(frozen=True)
class Revisions:
    """The tracked changes and unresolved comments of one file (``file_name``)."""

    file_name: str
    changes: tuple[Change, ...] = ()
    comments: tuple[Comment, ...] = ()

    @property
    def open(self) -> bool:
        """Whether anything is left to accept, reject or resolve."""
        return bool(self.changes or self.comments)


_KINDS: Final = {
    w("ins"): ChangeKind.INSERTION,
    w("del"): ChangeKind.DELETION,
    w("cellIns"): ChangeKind.INSERTION,
    w("cellDel"): ChangeKind.DELETION,
    w("moveFrom"): ChangeKind.MOVE,
    w("moveTo"): ChangeKind.MOVE,
    **{
        w(tag): ChangeKind.FORMATTING
        for tag in (
            "rPrChange",
            "pPrChange",
            "sectPrChange",
            "tblPrChange",
            "tblPrExChange",
            "trPrChange",
            "tcPrChange",
            "tblGridChange",
            "cellMerge",
            "numberingChange",
        )
    },
}


def find_revisions(package: WordPackage) -> Revisions:
    """Every tracked change and unresolved comment of ``package``, in document order:
    the body, then headers, footers, footnotes and endnotes."""
    parts = _parts(package)
    changes: list[Change] = []
    anchors: dict[str, Place] = {}
    for part, root in parts:
        places = Places(part, root)
        changes += _changes(root, places)
        anchors.update(
            (identifier, place)
            for identifier, place in comment_anchors(root, places)
            if identifier not in anchors
        )
    comments = tuple(
        Comment(author, anchors.get(identifier, Place(Part.UNKNOWN)))
        for identifier, author in open_comments(package)
    )
    return Revisions(package.path.name, tuple(changes), comments)


def _parts(package: WordPackage) -> list[tuple[Part, etree._Element]]:
    named = [(Part.BODY, package.main)]
    named += [(Part.HEADER, name) for name in package.headers()]
    named += [(Part.FOOTER, name) for name in package.footers()]
    named += [(Part.FOOTNOTE, name) for name in package.related(package.main, ooxml.FOOTNOTES)]
    named += [(Part.ENDNOTE, name) for name in package.related(package.main, ooxml.ENDNOTES)]
    found: list[tuple[Part, etree._Element]] = []
    for part, name in named:
        root = package.part(name)
        if root is not None:
            found.append((part, root))
    return found


@dataclass(frozen=True)
class _Event:
    """One revision mark met in document order; ``mark`` for a paragraph mark's."""

    kind: ChangeKind
    author: str
    place: Place
    mark: bool = False


def _changes(root: etree._Element, places: Places) -> list[Change]:
    """The changes of one part, grouped as Word lists them, then those of tables and of
    the page setup, one each.

    Revision marks are taken in document order, each paragraph's mark at its end (it is
    the paragraph's last character): marks of one kind and author with no unchanged text
    between them are one change, across paragraphs too (Enter typed with Track Changes
    on inserts the mark of one paragraph and the words of the next). A change is placed
    where its words are, not at a paragraph mark."""
    stream: list[_Event | None] = []
    for paragraph in paragraphs(root):
        place = places.of(paragraph)
        found: list[tuple[ChangeKind, str] | None] = []
        _events(paragraph, found)
        stream += [_Event(*event, place) if event is not None else None for event in found]
        marks = [_Event(kind, author, place, mark=True) for kind, author in _mark_events(paragraph)]
        stream += marks or [None]  # an unchanged paragraph mark is unchanged text
    changes: list[Change] = []
    current: _Event | None = None
    for event in stream:
        if event is None:
            current = None
            continue
        if current is None or (event.kind, event.author) != (current.kind, current.author):
            changes.append(Change(event.kind, event.author, event.place))
            current = event
        elif current.mark and not event.mark:  # the words after the mark say where
            changes[-1] = Change(event.kind, event.author, event.place)
            current = event
    for element in root.iter(*_KINDS):
        if enclosing(element, w("p")) is None and _enclosing_revision(element) is None:
            changes.append(Change(_KINDS[element.tag], _author(element), places.of(element)))
    return changes


def _mark_events(paragraph: etree._Element) -> list[tuple[ChangeKind, str]]:
    """The revisions of a paragraph's mark and properties: the mark inserted, deleted or
    reformatted, the paragraph's formatting, its section's page setup."""
    properties = paragraph.find(w("pPr"))
    if properties is None:
        return []
    return [
        (_KINDS[element.tag], _author(element))
        for element in properties.iter(*_KINDS)
        if _enclosing_revision(element) is None
    ]


def _events(element: etree._Element, events: list[tuple[ChangeKind, str] | None]) -> None:
    """The changes in a paragraph's content in order, ``None`` for unchanged text."""
    for child in element:
        if child.tag in _KINDS:
            events.append((_KINDS[child.tag], _author(child)))
        elif child.tag == w("r") and child.find(f"{w('rPr')}/{w('rPrChange')}") is not None:
            change = child.find(f"{w('rPr')}/{w('rPrChange')}")
            events.append((ChangeKind.FORMATTING, _author(change)))
        elif child.tag == w("t"):
            if (child.text or "").strip():
                events.append(None)
        elif child.tag not in (w("p"), w("pPr")):  # a text box's paragraph is its own
            _events(child, events)


def _enclosing_revision(element: etree._Element) -> etree._Element | None:
    return next((a for a in element.iterancestors() if a.tag in _KINDS), None)


def _author(element: etree._Element) -> str:
    return (w_attribute(element, "author") or "").strip()
