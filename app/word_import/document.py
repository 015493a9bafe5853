"""A Word document brought back: its body as the draft's blocks, the text of its
headers, the language Word proofs it in, its properties and its file's hash, and the
tracked changes and comments left open in it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from lxml import etree  # type: ignore[import-untyped]

from app.drafts.blocks import Block, Draft, DraftInfo
from app.templates.documents import DocumentKind
from app.templates.metadata import TemplateSet
from app.word_import import ooxml
from app.word_import.body import BodyReader
from app.word_import.numbering import Numbering
from app.word_import.package import WordPackage, open_package
from app.word_import.revisions import Revisions, find_revisions
from app.word_import.runs import RunReader
from app.word_import.styles import StyleSheet

#: How the app's export names its template in the Comments property
#: ("Written with CrisisDraft from holding.press_release v1", app/export/word_writer.py).
_WRITTEN_FROM = re.compile(r"CrisisDraft from (?P<set>[a-z]+)\.(?P<document>[a-z_]+) v")


@dataclass(frozen=True)
class ReturnedDocument:
    """What a returned ``.docx`` says, read once (:func:`read_returned_document`).

    ``blocks`` are its body as a draft's blocks (empty paragraphs left out);
    ``header_texts`` the text of every paragraph of its headers, each section's, in
    order (a line break inside one is ``"\\n"``); ``proofing_tags`` how many
    characters of the body Word checks in each language (``"en-GB"``, ``"fr-FR"``);
    ``core_title``, ``core_author`` and ``core_comments`` its Title, Author and
    Comments properties ("" when unset; the app's export names its template in the
    comments, "Written with CrisisDraft from holding.press_release v1");
    ``file_sha256`` the hash of the file's bytes as read; ``revisions`` the tracked
    changes and comments left open in it.
    """

    path: Path
    blocks: tuple[Block, ...]
    header_texts: tuple[str, ...]
    proofing_tags: Counter[str]
    core_title: str
    core_author: str
    core_comments: str
    file_sha256: str
    revisions: Revisions

    def draft(self, info: DraftInfo) -> Draft:
        """The document's body as a draft of ``info``'s document and language: for
        a document the app exported and nobody edited, ``plain_text()`` is the
        exported draft's."""
        return Draft(info=info, blocks=self.blocks)

    @property
    def written_from(self) -> tuple[TemplateSet, DocumentKind] | None:
        """The template set and document the app's export named in the Comments
        property, when it is still there and names ones this app knows."""
        match = _WRITTEN_FROM.search(self.core_comments)
        if match is None:
            return None
        try:
            return TemplateSet(match["set"]), DocumentKind(match["document"])
        except ValueError:
            return None

    @property
    def proofing_tag(self) -> str:
        """The language Word proofs most of the body's text in ("" when none is said)."""
        common = self.proofing_tags.most_common(1)
        return common[0][0] if common else ""


def read_returned_document(path: Path) -> ReturnedDocument:
    """``path`` read as a Word document; raises :class:`~app.errors.CrisisDraftError`
    naming the file and what to do when it is missing, not a ``.docx`` (an old
    ``.doc``, an ``.odt``, another file, a damaged one), protected by a password, or
    far bigger than a statement's document (nothing of it is inflated then)."""
    package = open_package(path)
    styles = StyleSheet(_styles_part(package))
    numbering_parts = package.related(package.main, ooxml.NUMBERING)
    numbering = Numbering(
        package.part(numbering_parts[0]) if numbering_parts else None, styles.numbering_styles()
    )
    languages: Counter[str] = Counter()
    reader = BodyReader(styles, numbering, RunReader(styles, languages))
    body = package.main_part().find(ooxml.w("body"))
    blocks = reader.blocks(body)
    title, author, comments = _core_properties(package)
    return ReturnedDocument(
        path=path,
        blocks=blocks,
        header_texts=_header_texts(package, styles),
        proofing_tags=languages,
        core_title=title,
        core_author=author,
        core_comments=comments,
        file_sha256=package.sha256,
        revisions=find_revisions(package),
    )


def _styles_part(package: WordPackage) -> etree._Element | None:
    named = package.related(package.main, ooxml.STYLES)
    return package.part(named[0]) if named else None


def _header_texts(package: WordPackage, styles: StyleSheet) -> tuple[str, ...]:
    reader = RunReader(styles, Counter())  # a header's language is not the body's
    texts: list[str] = []
    for part in package.headers():
        root = package.part(part)
        if root is None:
            continue
        for paragraph in _all_paragraphs(root):
            style = styles.paragraph_style(paragraph.find(ooxml.w("pPr")))
            text = "".join(span.text for span in reader.spans(paragraph, style))
            if text.strip():
                texts.append(text)
    return tuple(texts)


def _all_paragraphs(root: etree._Element) -> list[etree._Element]:
    """Every paragraph of a header: its own, its tables', its text boxes' (Word keeps
    a text box twice, for old readers too: read once)."""
    fallback = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
    return [
        paragraph
        for paragraph in root.iter(ooxml.w("p"))
        if not any(ancestor.tag == fallback for ancestor in paragraph.iterancestors())
    ]


def _core_properties(package: WordPackage) -> tuple[str, str, str]:
    """The Title, Author and Comments properties (Dublin Core title, creator and
    description)."""
    named = package.related("", ooxml.CORE_PROPERTIES)
    root = package.part(named[0]) if named else None
    if root is None:
        return "", "", ""
    found = (root.find(f"{{{ooxml.DC_NS}}}{name}") for name in ("title", "creator", "description"))
    title, author, comments = (
        (element.text or "").strip() if element is not None else "" for element in found
    )
    return title, author, comments
