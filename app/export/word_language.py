"""Telling Word which language a document is in, so it proofs it in that language.

The language is set where Word looks first for text that does not say otherwise (the
document defaults), on every style that names a language of its own (a reference
document's styles often say en-US), and in the settings'
theme font language where the document has one.
"""

from __future__ import annotations

from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn


def set_proofing_language(document: Any, tag: str) -> None:
    """Make ``tag`` (``en-US``, ``fr-FR``) the language Word proofs the document in."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    run_defaults = defaults.find(qn("w:rPrDefault"))
    if run_defaults is None:  # it must come before w:pPrDefault
        run_defaults = OxmlElement("w:rPrDefault")
        defaults.insert(0, run_defaults)
    run_properties = _child(run_defaults, "w:rPr")
    _set_lang(_child(run_properties, "w:lang"), tag)
    for lang in styles.iter(qn("w:lang")):
        _set_lang(lang, tag)
    theme = document.settings.element.find(qn("w:themeFontLang"))
    if theme is not None:  # only where present: settings.xml has a strict element order
        theme.set(qn("w:val"), tag)


def _child(parent: Any, tag: str) -> Any:
    found = parent.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        parent.append(found)
    return found


def _set_lang(element: Any, tag: str) -> None:
    element.set(qn("w:val"), tag)
