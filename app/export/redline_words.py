"""The words of a redline's opening part (what is compared, the facts changed), in the
language of the document compared: a French press release is compared in French.

These are the document's words, not the interface's (a French-speaking lead comparing
the English press release sends an English redline), so they are written here per
language, as the DRAFT marks are (:mod:`app.export.marks`), not taken from the
interface's catalog. French typography: U+00A0 before a colon and inside « », U+202F
before ; ! ?.
"""

from __future__ import annotations

import json
from typing import Any, Final

from app.facts.models import Language

NBSP = "\u00a0"
NNBSP = "\u202f"

TITLE: Final[dict[Language, str]] = {"en": "Comparison", "fr": "Comparaison"}
#: "Press release in English" (``document``: the document's title in that language)
DOCUMENT_IN: Final[dict[Language, str]] = {
    "en": "{document} in {language}",
    "fr": "{document} en {language}",
}
LANGUAGE_NAMES: Final[dict[Language, dict[Language, str]]] = {
    "en": {"en": "English", "fr": "French"},
    "fr": {"en": "anglais", "fr": "français"},
}
BEFORE: Final[dict[Language, str]] = {"en": "Before", "fr": "Avant"}
AFTER: Final[dict[Language, str]] = {"en": "After", "fr": "Après"}
LABEL: Final[dict[Language, str]] = {"en": "{label}: {text}", "fr": "{label}" + NBSP + ": {text}"}
#: ``edited``: :data:`EDITED_IN_WORD` for a statement that came back from Word, else "".
ISSUED: Final[dict[Language, str]] = {
    "en": "statement {number} of the record{edited}, issued {when}, approved by {approver}",
    "fr": "déclaration {number} du registre{edited}, diffusée le {when}, approuvée par {approver}",
}
EDITED_IN_WORD: Final[dict[Language, str]] = {
    "en": ", edited in Word",
    "fr": ", modifiée dans Word",
}
CURRENT_DRAFT: Final[dict[Language, str]] = {
    "en": "the current draft (not issued)",
    "fr": "le projet actuel (non diffusé)",
}
CHANGES_BY: Final[dict[Language, str]] = {
    "en": "Changes tracked as made by {author}, {when}.",
    "fr": "Modifications suivies au nom de {author}, le {when}.",
}
HOW_TO_READ: Final[dict[Language, str]] = {
    "en": "Accept all the changes to read the text after; reject them all to read the text before.",
    "fr": f"Acceptez toutes les modifications pour lire le texte après{NNBSP}; refusez-les "
    "toutes pour lire le texte avant.",
}
FACTS_CHANGED: Final[dict[Language, str]] = {"en": "Facts changed", "fr": "Faits modifiés"}
NO_FACT_CHANGED: Final[dict[Language, str]] = {
    "en": "No fact changed.",
    "fr": "Aucun fait modifié.",
}
FACTS_UNREADABLE: Final[dict[Language, str]] = {
    "en": "The facts recorded with statement {number} cannot be read (the file was changed "
    "by hand): they are not compared, only the texts.",
    "fr": "Les faits enregistrés avec la déclaration {number} sont illisibles (le fichier a "
    f"été modifié à la main){NNBSP}: ils ne sont pas comparés, seuls les textes le sont.",
}
FACT_LINE: Final[dict[Language, str]] = {
    "en": "{path}: {before} → {after}",
    "fr": "{path}" + NBSP + ": {before} → {after}",
}
NO_VALUE: Final[dict[Language, str]] = {"en": "(none)", "fr": "(aucune valeur)"}
YES_NO: Final[dict[Language, tuple[str, str]]] = {"en": ("yes", "no"), "fr": ("oui", "non")}
QUOTES: Final[dict[Language, tuple[str, str]]] = {
    "en": ("“", "”"),
    "fr": ("«" + NBSP, NBSP + "»"),
}
TEXT_COMPARED: Final[dict[Language, str]] = {
    "en": "Text, with the changes tracked",
    "fr": "Texte, avec les modifications suivies",
}


def fact_value(value: Any, language: Language) -> str:
    """A fact's value as a reader of the redline reads it: a text in quotes, yes or no,
    a list item by item, "(none)" for no value."""
    if value is None or value == "" or value == []:
        return NO_VALUE[language]
    if isinstance(value, bool):
        return YES_NO[language][0 if value else 1]
    if isinstance(value, str):
        opening, closing = QUOTES[language]
        return f"{opening}{value}{closing}"
    if isinstance(value, list) and all(not isinstance(item, dict | list) for item in value):
        return ", ".join(fact_value(item, language) for item in value)
    if isinstance(value, int | float):
        return str(value)
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
