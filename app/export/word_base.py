"""The Word document a draft is written into: CrisisDraft's own clean look, or a
company's reference ``.docx`` (its styles, header and footer: its letterhead).

A reference document is read once (:class:`BaseDocument`) and a fresh copy is opened
for every draft, with its body emptied. Styles the drafts need but the reference lacks
are copied from python-docx's default template, numbering included, so lists work.
"""

from __future__ import annotations

import contextlib
import copy
import functools
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import CONTENT_TYPE as CT, RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.oxml.ns import nsdecls, qn
from docx.oxml.parser import parse_xml
from docx.parts.numbering import NumberingPart
from docx.shared import Cm, Pt, RGBColor

from app.errors import N_, Message, Problem
from app.export.letterhead import DOCX_FAULTS, open_letterhead, reason_of, refusal
from app.export.word_frame import Frame
from app.facts.models import Language

REQUIRED_STYLES = (
    "Normal",
    "Title",
    "Heading 1",
    "Heading 2",
    "Quote",
    "List Bullet",
    "List Bullet 2",
    "List Number",
    "List Number 2",
    "Table Grid",  # the tables' style (the reactive Q&A is one)
)
NAVY = RGBColor(0x1F, 0x2A, 0x44)


#: How a note about what was dropped from a letterhead reads (``what``: a Message).
DROPPED = N_("dropped {what}")


class BaseDocument:
    """A starting point for each exported document; build once per export.

    The base (house style applied, or the reference emptied and completed) is prepared
    once and kept as bytes, so each document only reopens it; the style ids of the
    styles drafts use are looked up once too (python-docx looks them up by name slowly).
    """

    def __init__(self, reference: Path | None = None) -> None:
        self.reference = reference
        #: What was dropped from the reference (active content), as notes to show.
        self.dropped: list[Problem] = []
        if reference is None:
            self._prepared, ids = _house_base()
        else:
            document, dropped = open_letterhead(reference)
            with self.letterhead_faults():
                self._prepared, ids = _prepare(document)
            self.dropped = [
                Problem(
                    reference.name, message_id=DROPPED, params={"what": what}, informational=True
                )
                for what in dropped
            ]
        self.style_ids: dict[str, str] = dict(ids)
        self._frames: dict[tuple[str, int, str], Frame] = {}

    def new(self) -> Any:
        """A fresh python-docx ``Document`` with an empty body and every needed style."""
        return docx.Document(io.BytesIO(self._prepared))

    def frame(self, proofing_tag: str, line_count: int, language: Language) -> Frame:
        """The frame of the documents in ``language``, proofed as ``proofing_tag``, whose
        header says ``line_count`` lines: made the first time one is asked for, then
        shared by every document of the export that fits it."""
        if self.reference is None:  # CrisisDraft's own base never changes: kept
            from app.export.house_frames import house_frame

            return house_frame(proofing_tag, line_count, language)
        key = (proofing_tag, line_count, language)
        found = self._frames.get(key)
        if found is None:
            from app.export.word_writer import frame_document  # it builds on this module

            with self.letterhead_faults():
                found = Frame(frame_document(self, proofing_tag, line_count, language))
            self._frames[key] = found
        return found

    @contextlib.contextmanager
    def letterhead_faults(self) -> Iterator[None]:
        """Turn what python-docx stumbles on in an odd reference document (a value it
        cannot read, a part it expects) into a refusal naming the file. Without a
        reference, such an error is CrisisDraft's own bug and surfaces as one."""
        try:
            yield
        except DOCX_FAULTS as error:
            if self.reference is None:
                raise
            raise refusal(
                self.reference,
                Message(
                    N_("cannot be used as a letterhead ({reason})"), {"reason": reason_of(error)}
                ),
            ) from None


@functools.lru_cache(maxsize=1)
def _house_base() -> tuple[bytes, tuple[tuple[str, str], ...]]:
    """CrisisDraft's own base, prepared once per process (it never changes)."""
    document = docx.Document()
    _apply_house_style(document)
    _slim_down(document)
    return _prepare(document, reference=False)


def _prepare(document: Any, *, reference: bool = True) -> tuple[bytes, tuple[tuple[str, str], ...]]:
    if reference:
        _empty_body(document)
        _drop_broken_list_styles(document)
        _add_missing_styles(document)
    ids = tuple(
        (style.name, style.style_id)
        for style in document.styles
        if style.name in REQUIRED_STYLES or style.name == "Draft Mark"
    )
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue(), ids


def _empty_body(document: Any) -> None:
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def _add_missing_styles(document: Any) -> None:
    present = {style.name for style in document.styles}
    missing = [name for name in REQUIRED_STYLES if name not in present]
    if not missing:
        return
    default = docx.Document()
    for name in missing:
        source = default.styles[name].element
        element = copy.deepcopy(source)
        _renumber_list_style(element, default, document)
        document.styles.element.append(element)


LIST_STYLES = frozenset({"List Bullet", "List Bullet 2", "List Number", "List Number 2"})


def _drop_broken_list_styles(document: Any) -> None:
    """A letterhead's list style whose numbering is missing (no ``numPr``, no
    ``numbering.xml``, a number that is not defined) is replaced by python-docx's own,
    so lists are numbered and a second list can start again at one."""
    styles = document.styles.element
    numbering = _numbering(document, create=False)
    for style in list(styles.findall(qn("w:style"))):
        name = style.find(qn("w:name"))
        if name is None or name.get(qn("w:val"), "").title() not in LIST_STYLES:
            continue
        if not _numbered(style, numbering):
            styles.remove(style)


def _numbered(style: Any, numbering: Any) -> bool:
    num_id = style.find(".//" + qn("w:numId"))
    if num_id is None or numbering is None:
        return False
    num = next(
        (
            n
            for n in numbering.findall(qn("w:num"))
            if n.get(qn("w:numId")) == num_id.get(qn("w:val"))
        ),
        None,
    )
    abstract_id = num.find(qn("w:abstractNumId")) if num is not None else None
    return abstract_id is not None and any(
        abstract.get(qn("w:abstractNumId")) == abstract_id.get(qn("w:val"))
        for abstract in numbering.findall(qn("w:abstractNum"))
    )


def _numbering(document: Any, *, create: bool) -> Any:
    """The ``w:numbering`` element of ``document``; None when it has none, unless
    ``create`` (python-docx cannot create the part itself)."""
    try:
        return document.part.part_related_by(RT.NUMBERING).element
    except KeyError:
        if not create:
            return None
    element = parse_xml(f"<w:numbering {nsdecls('w')}/>")
    part = NumberingPart(
        PackURI("/word/numbering.xml"), CT.WML_NUMBERING, element, document.part.package
    )
    document.part.relate_to(part, RT.NUMBERING)
    return part.element


def _renumber_list_style(style: Any, source_document: Any, target_document: Any) -> None:
    """Give a copied list style its own numbering definition in the target document."""
    num_ids = style.findall(".//" + qn("w:numId"))
    if not num_ids:
        return
    source_numbering = source_document.part.numbering_part.element
    target_numbering = _numbering(target_document, create=True)
    old_num_id = num_ids[0].get(qn("w:val"))
    source_num = next(
        num for num in source_numbering.findall(qn("w:num")) if num.get(qn("w:numId")) == old_num_id
    )
    abstract_id = source_num.find(qn("w:abstractNumId")).get(qn("w:val"))
    abstract = next(
        item
        for item in source_numbering.findall(qn("w:abstractNum"))
        if item.get(qn("w:abstractNumId")) == abstract_id
    )
    used_abstract = [
        int(a.get(qn("w:abstractNumId"))) for a in target_numbering.findall(qn("w:abstractNum"))
    ]
    new_abstract_id = str(max(used_abstract, default=-1) + 1)
    new_abstract = copy.deepcopy(abstract)
    new_abstract.set(qn("w:abstractNumId"), new_abstract_id)
    for link in new_abstract.findall(qn("w:numStyleLink")) + new_abstract.findall(
        qn("w:styleLink")
    ):
        new_abstract.remove(link)
    # abstractNum elements must precede num elements in numbering.xml
    first_num = target_numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(new_abstract)
    else:
        target_numbering.append(new_abstract)
    new_num = target_numbering.add_num(int(new_abstract_id))
    for element in num_ids:
        element.set(qn("w:val"), str(new_num.numId))


_KEEP_STYLES = frozenset(
    {
        *REQUIRED_STYLES,
        "Draft Mark",
        "Default Paragraph Font",
        "Normal Table",
        "No List",
        "Table Grid",
        "Header",
        "Footer",
        "List Paragraph",
    }
)
_UNUSED_PARTS = ("stylesWithEffects", "customXml", "thumbnail", "webSettings")


def _slim_down(document: Any) -> None:
    """Keep only the styles drafts use (python-docx's template carries 164 of them, 800 KB
    of XML with its "styles with effects" twin): documents open, save and load faster."""
    styles = document.styles.element
    keep = {name.lower() for name in _KEEP_STYLES}  # the XML says "heading 1", Word "Heading 1"
    by_id = {style.get(qn("w:styleId")): style for style in styles.findall(qn("w:style"))}
    names = {
        style_id: style.find(qn("w:name")).get(qn("w:val")).lower()
        for style_id, style in by_id.items()
    }
    for style_id, style in by_id.items():  # keep what the kept styles are based on, or link to
        if names[style_id] in keep:
            for tag in ("w:basedOn", "w:link", "w:next"):
                linked = style.find(qn(tag))
                if linked is not None and linked.get(qn("w:val")) in names:
                    keep.add(names[linked.get(qn("w:val"))])
    for style_id, style in by_id.items():
        if names[style_id] not in keep:
            styles.remove(style)
    latent = styles.find(qn("w:latentStyles"))
    if latent is not None:
        styles.remove(latent)
    for owner in (document.part, document.part.package):
        relationships = owner.rels
        for rel_id, rel in list(relationships.items()):
            if any(
                unused in rel.reltype or unused in str(rel.target_ref) for unused in _UNUSED_PARTS
            ):
                relationships.pop(rel_id)


def _apply_house_style(document: Any) -> None:
    """CrisisDraft's default look: A4, generous margins, one sober typeface, navy titles."""
    for section in document.sections:
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        section.left_margin = section.right_margin = Cm(2.5)
        section.top_margin, section.bottom_margin = Cm(2.2), Cm(2.0)
        section.header_distance = section.footer_distance = Cm(1.0)
    styles = document.styles
    normal = styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15
    for name, size, space_before in (
        ("Title", 20, 6),
        ("Heading 1", 14, 14),
        ("Heading 2", 12, 10),
    ):
        style = styles[name]
        style.font.name = "Calibri"
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.color.rgb = NAVY
        style.paragraph_format.space_before = Pt(space_before)
        style.paragraph_format.space_after = Pt(6)
        style.paragraph_format.keep_with_next = True
    title_borders = styles["Title"].element.pPr.find(qn("w:pBdr"))
    if title_borders is not None:
        styles["Title"].element.pPr.remove(title_borders)
    quote = styles["Quote"]
    quote.font.italic = True
    quote.font.color.rgb = RGBColor(0x33, 0x33, 0x33)
    quote.paragraph_format.left_indent = Cm(1.0)
    quote.paragraph_format.right_indent = Cm(1.0)
    if "Draft Mark" not in {style.name for style in styles}:
        mark = styles.add_style("Draft Mark", WD_STYLE_TYPE.PARAGRAPH)
        mark.base_style = styles["Normal"]
        mark.font.size = Pt(9)
        mark.font.bold = True
        mark.font.color.rgb = RGBColor(0xB0, 0x1E, 0x1E)
