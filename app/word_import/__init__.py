"""Word documents brought back after others edited them: read into the draft's
blocks, their headers, proofing language and properties, with the tracked changes and
comments they still hold, and refused with a clear message when they cannot be read.

Knows nothing of Qt, the session or the GUI: it takes a path and gives values.
"""

from __future__ import annotations

from pathlib import Path

from app.errors import CrisisDraftError
from app.word_import.document import ReturnedDocument, read_returned_document
from app.word_import.package import open_package
from app.word_import.places import Part, Place
from app.word_import.revision_messages import revisions_refusal
from app.word_import.revisions import Change, ChangeKind, Comment, Revisions, find_revisions


def open_revisions(path: Path) -> Revisions:
    """The tracked changes and unresolved comments of ``path`` (refused as
    :func:`read_returned_document` refuses a file)."""
    return find_revisions(open_package(path))


def unresolved_revisions(path: Path) -> CrisisDraftError | None:
    """The error to raise when ``path`` still holds tracked changes or comments not
    resolved, saying how many, where and what to do; ``None`` when it holds none."""
    return revisions_refusal(open_revisions(path))


__all__ = [
    "Change",
    "ChangeKind",
    "Comment",
    "Part",
    "Place",
    "ReturnedDocument",
    "Revisions",
    "open_revisions",
    "read_returned_document",
    "revisions_refusal",
    "unresolved_revisions",
]
