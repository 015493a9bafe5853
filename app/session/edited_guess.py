"""Which document and language a Word document brought back most likely is, so that
the desktop app can offer them chosen (the lead still sees and may change them).

The app's export names its files ``…_<document>_<language>.docx`` (see
:mod:`app.export.naming`), and a colleague who edits one mostly keeps that name, or adds
to it ("…_press_release_en (legal).docx"). When the name says nothing, the document
says it: the Comments property the export writes names the template
("Written with CrisisDraft from holding.press_release v1"), and Word proofs the text in
its language. A guess is only a guess: reading the document as the chosen one
(:func:`app.session.edited_issue.read_edited`) still refuses one that is not.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from app.errors import CrisisDraftError
from app.facts.models import LANGUAGES, Language
from app.templates.documents import DocumentKind

#: A document's name in the app's export file names, then its language: "_press_release_en".
_IN_FILE_NAME = re.compile(
    r"(?:^|_)(?P<document>{documents})_(?P<language>{languages})(?![a-z])".format(
        documents="|".join(sorted((kind.value for kind in DocumentKind), key=len, reverse=True)),
        languages="|".join(LANGUAGES),
    )
)


@dataclass(frozen=True)
class EditedGuess:
    """The document and language ``path`` most likely is (each ``None`` when nothing
    says it)."""

    document: DocumentKind | None
    language: Language | None


def guess_edited(path: Path, documents: Sequence[DocumentKind] = ()) -> EditedGuess:
    """What ``path`` most likely is: by its file name as the app's export writes it,
    else by what the document says (the template named in its properties, the
    language Word proofs most of its text in), else the first of ``documents`` (those
    the incident needs). Never raises: a file that cannot be read gives no guess from
    its contents (reading it as a document then says what is wrong with it)."""
    document: DocumentKind | None = None
    language: Language | None = None
    named = _IN_FILE_NAME.search(path.stem.lower())
    if named is not None:
        document = DocumentKind(named["document"])
        language = _language(named["language"])
    if document is not None and language is not None:
        return EditedGuess(document, language)
    from app.word_import import read_returned_document  # lxml only when a file is guessed

    with suppress(CrisisDraftError):
        returned = read_returned_document(path)
        language = language or _language(returned.proofing_tag.split("-")[0].lower())
        written = returned.written_from
        if document is None and written is not None:
            document = written[1]
    if document is None and documents:
        document = documents[0]
    return EditedGuess(document, language)


def _language(code: str) -> Language | None:
    for language in LANGUAGES:
        if language == code:
            return language
    return None
