"""Tracked changes and comments left open in a returned document, each with where it
is, so the refusal can tell the user where to look.

A change is what Word's Review pane lists as one: a run of insertions (or deletions,
moves, formatting changes) by one author with no unchanged text between them, the
paragraph mark included (an inserted paragraph is one insertion, not two). Changes in
headers, footers and notes count too (Word's Accept All accepts them). A comment is
open unless Word marked it resolved (``w15:done`` in ``commentsExtended.xml``, on it or
on the comment it answers); a reply counts with the comment it answers.

Body paragraphs are numbered as a reader counts them: those with text, from 1, table
cells' included; the first words of the paragraph (deleted words too: the reviewer
sees them struck through) say which.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum
from typing import Final

from lxml import etree  # type: ignore[import-untyped]

from app.word_import import ooxml
from app.word_import.ooxml import w, w_attribute
from app.word_import.package import WordPackage


class Part(Enum):
    """Where in the document a change or comment is."""

    BODY = "body"
    HEADER = "header"
    FOOTER = "footer"
    FOOTNOTE = "footnote"
    ENDNOTE = "endnote"
    LAYOUT = "layout"  # the page setup of a section
    UNKNOWN = "unknown"  # a comment anchored nowhere


class ChangeKind(Enum):
    INSERTION = "insertion"
    DELETION = "deletion"
    MOVE = "move"
    FORMATTING = "formatting"


@dataclass(frozen=True)
class Place:
    """A place in the document: for the body, the paragraph's number among those with
    text (``paragraph``) and its first ``words``; an empty paragraph has ``words`` ""
    and the number of the paragraph with text before it (0 at the start)."""

    part: Part
    paragraph: int = 0
    words: str = ""


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


_MC_FALLBACK: Final = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
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
_WORDS_SHOWN: Final = 6
_WORDS_LENGTH: Final = 48


def find_revisions(package: WordPackage) -> Revisions:
    """Every tracked change and unresolved comment of ``package``, in document order:
    the body, then headers, footers, footnotes and endnotes."""
    parts = _parts(package)
    changes: list[Change] = []
    anchors: dict[str, Place] = {}
    for part, root in parts:
        places = _Places(part, root)
        changes += _changes(root, places)
        anchors.update(
            (identifier, place)
            for identifier, place in _comment_anchors(root, places)
            if identifier not in anchors
        )
    comments = tuple(
        Comment(author, anchors.get(identifier, Place(Part.UNKNOWN)))
        for identifier, author in _open_comments(package)
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


class _Places:
    """The place of each paragraph of one part."""

    def __init__(self, part: Part, root: etree._Element) -> None:
        self.part = part
        self._places: dict[etree._Element, Place] = {}
        number = 0
        for paragraph in _paragraphs(root):
            words = _first_words(paragraph)
            number += 1 if words else 0
            self._places[paragraph] = Place(part, number, words)

    def of(self, element: etree._Element) -> Place:
        """The place of the paragraph ``element`` is in (or, for a table's row or
        cell, the first paragraph of it); the page setup for what is in none."""
        if self.part is not Part.BODY:
            return Place(self.part)
        paragraph = _enclosing(element, w("p"))
        if paragraph is None:
            paragraph = next(element.iter(w("p")), None)
        if paragraph is None or paragraph not in self._places:
            return Place(Part.LAYOUT)
        return self._places[paragraph]


def _paragraphs(root: etree._Element) -> Iterator[etree._Element]:
    for paragraph in root.iter(w("p")):
        if _enclosing(paragraph, _MC_FALLBACK) is None:
            yield paragraph


@dataclass(frozen=True)
class _Event:
    """One revision mark met in document order; ``mark`` for a paragraph mark's."""

    kind: ChangeKind
    author: str
    place: Place
    mark: bool = False


def _changes(root: etree._Element, places: _Places) -> list[Change]:
    """The changes of one part, grouped as Word lists them, then those of tables and of
    the page setup, one each.

    Revision marks are taken in document order, each paragraph's mark at its end (it is
    the paragraph's last character): marks of one kind and author with no unchanged text
    between them are one change, across paragraphs too (Enter typed with Track Changes
    on inserts the mark of one paragraph and the words of the next). A change is placed
    where its words are, not at a paragraph mark."""
    stream: list[_Event | None] = []
    for paragraph in _paragraphs(root):
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
        if _enclosing(element, w("p")) is None and _enclosing_revision(element) is None:
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


def _enclosing(element: etree._Element, tag: str) -> etree._Element | None:
    return next(element.iterancestors(tag), None)


def _author(element: etree._Element) -> str:
    return (w_attribute(element, "author") or "").strip()


def _first_words(paragraph: etree._Element) -> str:
    """The paragraph's first words as they read once its changes are accepted; for a
    paragraph wholly deleted, its deleted words (the reviewer sees them struck out)."""
    words: list[str] = []
    for tag in (w("t"), w("delText")):
        texts = [
            text.text or ""
            for text in paragraph.iter(tag)
            if _enclosing(text, w("p")) is paragraph and _enclosing(text, w("moveFrom")) is None
        ]
        words = "".join(texts).split()
        if words:
            break
    shown = " ".join(words[:_WORDS_SHOWN])
    if len(shown) > _WORDS_LENGTH:
        shown = shown[:_WORDS_LENGTH].rstrip()
    return shown + ("…" if shown != " ".join(words) else "")


def _comment_anchors(root: etree._Element, places: _Places) -> Iterator[tuple[str, Place]]:
    """Each comment's id and where it is anchored (its range's start, else its mark)."""
    for element in root.iter(w("commentRangeStart"), w("commentReference")):
        identifier = w_attribute(element, "id")
        if identifier is None:
            continue
        if _enclosing(element, w("p")) is None:  # a range starting between paragraphs
            following = next(element.itersiblings(w("p")), None)
            element = following if following is not None else element
        yield identifier, places.of(element)


def _open_comments(package: WordPackage) -> list[tuple[str, str]]:
    """The id and author of each comment not resolved, replies left out (they count
    with the comment they answer)."""
    named = package.related(package.main, ooxml.COMMENTS)
    root = package.part(named[0]) if named else None
    if root is None:
        return []
    extended = package.related(package.main, ooxml.COMMENTS_EXTENDED)
    threads = _Threads(package.part(extended[0]) if extended else None)
    found: list[tuple[str, str]] = []
    for comment in root.iter(w("comment")):
        paragraphs = comment.findall(w("p"))
        paragraph_id = paragraphs[-1].get(f"{{{ooxml.W14_NS}}}paraId") if paragraphs else None
        if threads.is_reply(paragraph_id) or threads.is_resolved(paragraph_id):
            continue
        found.append((w_attribute(comment, "id") or "", _author(comment)))
    return found


class _Threads:
    """Which comments are replies and which are resolved (``commentsExtended.xml``,
    keyed by the id of each comment's last paragraph)."""

    def __init__(self, root: etree._Element | None) -> None:
        self._parent: dict[str, str] = {}
        self._done: set[str] = set()
        if root is None:
            return
        for entry in root.iter(f"{{{ooxml.W15_NS}}}commentEx"):
            identifier = entry.get(f"{{{ooxml.W15_NS}}}paraId")
            if identifier is None:
                continue
            parent = entry.get(f"{{{ooxml.W15_NS}}}paraIdParent")
            if parent:
                self._parent[identifier] = parent
            if (entry.get(f"{{{ooxml.W15_NS}}}done") or "0").lower() in ("1", "true", "on"):
                self._done.add(identifier)

    def is_reply(self, identifier: str | None) -> bool:
        return identifier is not None and identifier in self._parent

    def is_resolved(self, identifier: str | None) -> bool:
        seen: set[str] = set()
        while identifier is not None and identifier not in seen:
            if identifier in self._done:
                return True
            seen.add(identifier)
            identifier = self._parent.get(identifier)
        return False
