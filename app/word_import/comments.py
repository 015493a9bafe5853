"""The comments of a returned document that are not resolved, and where each is
anchored. A comment is open unless Word marked it resolved (``w15:done`` in
``commentsExtended.xml``, on it or on the comment it answers); a reply counts with the
comment it answers, not on its own.
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree  # type: ignore[import-untyped]

from app.word_import import ooxml
from app.word_import.ooxml import w, w_attribute
from app.word_import.package import WordPackage
from app.word_import.places import Place, Places, enclosing


def comment_anchors(root: etree._Element, places: Places) -> Iterator[tuple[str, Place]]:
    """Each comment's id and where it is anchored (its range's start, else its mark)."""
    for element in root.iter(w("commentRangeStart"), w("commentReference")):
        identifier = w_attribute(element, "id")
        if identifier is None:
            continue
        if enclosing(element, w("p")) is None:  # a range starting between paragraphs
            following = next(element.itersiblings(w("p")), None)
            element = following if following is not None else element
        yield identifier, places.of(element)


def open_comments(package: WordPackage) -> list[tuple[str, str]]:
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
        found.append(
            (w_attribute(comment, "id") or "", (w_attribute(comment, "author") or "").strip())
        )
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
