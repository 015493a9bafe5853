"""The XML parts of a letterhead, cleaned: what Word would run, fetch or follow goes.

Used by :mod:`app.export.letterhead`, which decides which parts and relationships are
kept; here each WordprocessingML part kept loses its active elements (OLE objects,
ActiveX controls, ``altChunk``), its fields that fetch a file or start a program (simple
or complex, in headers and footers too), the attached template and mail merge source
of the settings, and whatever refers to a relationship that was dropped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from lxml import etree  # type: ignore[import-untyped]

from app.errors import N_, Message

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
O = "urn:schemas-microsoft-com:office:office"  # noqa: E741 - the VML office prefix
MACROS = N_("macros")
ACTIVEX = N_("ActiveX controls")
OLE = N_("embedded files or objects (OLE)")
ALT_CHUNK = N_("a document inserted as a separate file (altChunk)")
ADD_IN = N_("an Office add-in")

#: Fields Word runs on opening or updating that fetch a file or start a program.
FETCHING_FIELDS = frozenset({"INCLUDEPICTURE", "INCLUDETEXT", "INCLUDE", "IMPORT", "LINK", "RD"})
PROGRAM_FIELDS = frozenset({"DDE", "DDEAUTO"})
#: Elements of a WordprocessingML part dropped whole, and what they are.
ACTIVE_ELEMENTS = {
    f"{{{W}}}object": OLE,
    f"{{{W}}}control": ACTIVEX,
    f"{{{W}}}altChunk": ALT_CHUNK,
    f"{{{O}}}OLEObject": OLE,
}
#: Where a reference to a dropped relationship is only an attribute to remove.
LINK_ATTRIBUTE_OWNERS = frozenset(
    {
        "{http://schemas.openxmlformats.org/drawingml/2006/main}blip",
        "{urn:schemas-microsoft-com:vml}imagedata",
        "{urn:schemas-microsoft-com:vml}fill",
    }
)
#: The smallest whole thing to remove around any other reference to a dropped one.
ENCLOSING = (f"{{{W}}}drawing", f"{{{W}}}pict", f"{{{W}}}object", f"{{{MC}}}AlternateContent")
MAX_TARGET_SHOWN = 120
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)

Note = Callable[[Message], None]


class UnusableLetterheadError(Exception):
    """The letterhead cannot be used at all; ``reason`` says why, for the user."""

    def __init__(self, reason: Message) -> None:
        super().__init__(reason.message_id)
        self.reason = reason


def parse(name: str, data: bytes) -> etree._Element:
    """Part ``name`` as XML, read without entities, DTDs or the network; refused when
    it is not well-formed or declares a DOCTYPE (in any encoding: the byte scan before
    looks for ASCII and UTF-16 only)."""
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as error:
        raise UnusableLetterheadError(
            Message(
                N_("its part {part} is damaged ({reason})"), {"part": name, "reason": str(error)}
            )
        ) from None
    if root.getroottree().docinfo.doctype:
        raise UnusableLetterheadError(
            Message(N_("contains XML entity declarations, which are refused for safety"))
        )
    return root


def shown(text: str) -> str:
    """An address or instruction as a note shows it: on one line, at most 120 characters."""
    text = " ".join(text.split())
    return text if len(text) <= MAX_TARGET_SHOWN else text[: MAX_TARGET_SHOWN - 1] + "…"


@dataclass
class Links:
    """The ids of a part's relationships: those kept, and those dropped as active."""

    kept: set[str] = field(default_factory=set)
    dropped: set[str] = field(default_factory=set)


def clean_part(name: str, data: bytes, links: Links, note: Note) -> bytes:
    """A WordprocessingML part without active elements, fetching fields, the attached
    template, or anything that refers to a relationship dropped; other XML as it is."""
    root = parse(name, data)
    if not str(root.tag).startswith(f"{{{W}}}"):
        return data
    changed = _drop_settings(root, links.dropped, note)
    changed |= _drop_active_elements(root, note)
    changed |= _drop_fields(root, note)
    changed |= _drop_references(root, links.kept)
    if not changed:
        return data
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def _drop_settings(root: etree._Element, removed_ids: set[str], note: Note) -> bool:
    """The attached template and a mail merge's data source, which Word opens (when its
    relationship was dropped, it is already noted with its address)."""
    found = list(root.iter(f"{{{W}}}attachedTemplate", f"{{{W}}}mailMerge"))
    for element in found:
        if element.tag == f"{{{W}}}mailMerge":
            note(Message(N_("a mail merge data source")))
        elif element.get(f"{{{R}}}id") not in removed_ids:
            note(Message(N_("an attached template")))
        _remove(element)
    return bool(found)


def _drop_active_elements(root: etree._Element, note: Note) -> bool:
    found = list(root.iter(*ACTIVE_ELEMENTS))
    for element in found:
        note(Message(ACTIVE_ELEMENTS[str(element.tag)]))
        _remove(element)
    return bool(found)


@dataclass
class _Field:
    """A complex field being read: its instruction so far and every run inside it."""

    instruction: str = ""
    runs: list[etree._Element] = field(default_factory=list)


def _drop_fields(root: etree._Element, note: Note) -> bool:
    """Fields that fetch or start programs, simple (``fldSimple``) or complex
    (``fldChar`` begin, ``instrText``, separate, end, possibly nested and split over
    runs and paragraphs): the whole field goes, its shown result with it."""
    doomed: list[etree._Element] = []
    for simple in root.iter(f"{{{W}}}fldSimple"):
        doomed.extend(_finished(_Field(str(simple.get(f"{{{W}}}instr", "")), [simple]), note))
    open_fields: list[_Field] = []
    for run in root.iter(f"{{{W}}}r"):
        for field_ in open_fields:
            field_.runs.append(run)
        for mark in _field_marks(run):
            if mark == "begin":
                open_fields.append(_Field(runs=[run]))
            elif mark == "end":
                if open_fields:
                    doomed.extend(_finished(open_fields.pop(), note))
            elif isinstance(mark, str):
                continue  # "separate": the result shown follows
            elif open_fields:
                open_fields[-1].instruction += str(mark.text or "")
            else:  # an instruction outside any field: judged on its own
                doomed.extend(_finished(_Field(str(mark.text or ""), [run]), note))
    for unfinished in open_fields:
        doomed.extend(_finished(unfinished, note))
    for element in doomed:
        _remove(element)
    return bool(doomed)


def _field_marks(run: etree._Element) -> Iterator[str | etree._Element]:
    """In order: "begin"/"separate"/"end" for a run's field characters, and its
    instruction text elements."""
    for child in run:
        if child.tag == f"{{{W}}}fldChar":
            yield str(child.get(f"{{{W}}}fldCharType", ""))
        elif child.tag in (f"{{{W}}}instrText", f"{{{W}}}delInstrText"):
            yield child


def _finished(field_: _Field, note: Note) -> list[etree._Element]:
    found = _field_note(field_.instruction)
    if found is None:
        return []
    note(found)
    return field_.runs


def _field_note(instruction: str) -> Message | None:
    """What a field instruction does, when it is one to drop; else None."""
    words = instruction.split(None, 1)
    if not words:
        return None
    name = words[0].upper()
    argument = words[1] if len(words) > 1 else ""
    if name in FETCHING_FIELDS:
        return Message(
            N_("a field that fetches {target} ({field})"),
            {"field": name, "target": shown(_first_argument(argument))},
        )
    if name in PROGRAM_FIELDS:
        return Message(
            N_("a field that starts a program ({field} {target})"),
            {"field": name, "target": shown(argument.replace("\\\\", "\\"))},
        )
    return None


def _first_argument(arguments: str) -> str:
    """A field's first argument as the user would write it: a quoted text (where
    ``\\\\`` stands for one backslash) or the first word."""
    arguments = arguments.strip()
    if arguments.startswith('"'):
        end = arguments.find('"', 1)
        first = arguments[1:end] if end > 0 else arguments[1:]
    else:
        first = arguments.split(None, 1)[0] if arguments else ""
    return first.replace("\\\\", "\\")


def _drop_references(root: etree._Element, kept_ids: set[str]) -> bool:
    """Whatever refers to a relationship that is not kept (dropped, or never there in
    a damaged file): a linked picture loses its link, a hyperlink keeps its text
    without the link, anything else goes whole."""
    changed = False
    for element in list(root.iter()):
        references = [
            name
            for name, value in element.attrib.items()
            if str(name).startswith(f"{{{R}}}") and value not in kept_ids
        ]
        if not references:
            continue
        changed = True
        if element.tag in LINK_ATTRIBUTE_OWNERS:
            for name in references:
                del element.attrib[name]
        elif element.tag == f"{{{W}}}hyperlink":
            _unwrap(element)
        elif element is not root:
            _remove(_enclosing(element))
    return changed


def _enclosing(element: etree._Element) -> etree._Element:
    for ancestor in element.iterancestors(*ENCLOSING):
        return ancestor
    return element


def _remove(element: etree._Element) -> None:
    parent = element.getparent()
    if parent is not None:
        parent.remove(element)


def _unwrap(element: etree._Element) -> None:
    parent = element.getparent()
    if parent is None:
        return
    index = parent.index(element)
    for offset, child in enumerate(list(element)):
        parent.insert(index + offset, child)
    parent.remove(element)
