"""The names of the WordprocessingML the reader looks at, in one place.

The reader walks the XML itself (lxml) instead of going through python-docx's document
model: a returned document comes from anyone's Word or LibreOffice, and the reader must
decide what each element means (a list by its numbering, a style by its name, a run
inside a tracked insertion) where python-docx's objects would hide it or fail.
"""

from __future__ import annotations

from typing import Final

W_NS: Final = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS: Final = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
W15_NS: Final = "http://schemas.microsoft.com/office/word/2012/wordml"
W14_NS: Final = "http://schemas.microsoft.com/office/word/2010/wordml"
PACKAGE_RELS_NS: Final = "http://schemas.openxmlformats.org/package/2006/relationships"
CORE_NS: Final = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
DC_NS: Final = "http://purl.org/dc/elements/1.1/"
#: What Word calls "Strict Open XML": the same document in other namespaces.
STRICT_W_NS: Final = "http://purl.oclc.org/ooxml/wordprocessingml/main"

_RELATIONSHIPS: Final = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
OFFICE_DOCUMENT: Final = _RELATIONSHIPS + "officeDocument"
STRICT_OFFICE_DOCUMENT: Final = (
    "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"
)
CORE_PROPERTIES: Final = (
    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
)
STYLES: Final = _RELATIONSHIPS + "styles"
NUMBERING: Final = _RELATIONSHIPS + "numbering"
HEADER: Final = _RELATIONSHIPS + "header"
FOOTER: Final = _RELATIONSHIPS + "footer"
FOOTNOTES: Final = _RELATIONSHIPS + "footnotes"
ENDNOTES: Final = _RELATIONSHIPS + "endnotes"
COMMENTS: Final = _RELATIONSHIPS + "comments"
COMMENTS_EXTENDED: Final = "http://schemas.microsoft.com/office/2011/relationships/commentsExtended"


def w(tag: str) -> str:
    """``tag`` (``"p"``, ``"numId"``) in WordprocessingML's namespace, as lxml names it."""
    return f"{{{W_NS}}}{tag}"


def w_attribute(element: object, name: str, default: str | None = None) -> str | None:
    """The ``w:name`` attribute of ``element`` (an lxml element), else ``default``."""
    value = element.get(w(name))  # type: ignore[attr-defined]
    return default if value is None else str(value)


#: The values of an on/off property (``w:b``, ``w:i``) that say "off"; no value says on.
OFF_VALUES: Final = frozenset({"0", "false", "off", "none"})


def switched_on(element: object | None) -> bool | None:
    """What an on/off property element says: ``None`` when absent (inherit)."""
    if element is None:
        return None
    value = w_attribute(element, "val")
    return value is None or value.lower() not in OFF_VALUES
