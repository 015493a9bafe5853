"""Systems grouped by their own state, as one phrase per state in the draft's language.

Every document tells each system's state the same way ("we took X and Y offline", "Z
is unavailable", "W is back"), so the grouping and the joined phrases are made here,
once, and the templates only choose the verb. English catalogue labels take "our"
(first person) or "its" (third person); the lead's own names and the French labels
(which carry their article) are used as they are.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from app.facts.catalogue import system_is_plural, system_label
from app.facts.languages import variant_of
from app.facts.models import BilingualText, Incident, Language, SystemStatus
from app.templates.escaping import escape_markdown as md
from app.templates.formatting import join_words

TextOf = Callable[[BilingualText | None, str], str | None]
_FRENCH_PLURAL = re.compile(r"^(les|des|nos|ses|leurs)\s", re.IGNORECASE)
_ENGLISH_PLURAL = re.compile(r"[^s']s$", re.IGNORECASE)


def system_groups(incident: Incident, language: Language, text: TextOf) -> dict[str, Any]:
    """``{status: {"we", "they", "plural", "count"}}`` for every status, and ``"any"``.

    ``we`` is "our corporate IT systems and the owners' app", ``they`` the same with
    "its"; ``plural`` says which verb form fits the group; an empty group has
    ``count`` 0 and empty phrases.
    """
    locale = variant_of(incident, language).locale
    groups: dict[str, list[tuple[str, str, bool]]] = {status.value: [] for status in SystemStatus}
    for index, system in enumerate(incident.containment.systems):
        if system.key is not None:
            label = md(system_label(system.key, language))
            plural = system_is_plural(system.key, language)
            if language == "en":
                entry = (f"our {label}", f"its {label}", plural)
            else:
                entry = (label, label, plural)
        else:
            name = text(system.name, f"containment.systems[{index}].name") or ""
            entry = (name, name, _looks_plural(name, language))
        groups[system.status.value].append(entry)
    result: dict[str, Any] = {
        status: {
            "we": join_words([we for we, _, _ in entries], locale),
            "they": join_words([they for _, they, _ in entries], locale),
            "plural": len(entries) > 1 or any(plural for _, _, plural in entries),
            "count": len(entries),
        }
        for status, entries in groups.items()
    }
    result["any"] = bool(incident.containment.systems)
    return result


def _looks_plural(name: str, language: Language) -> bool:
    """A guess for the lead's own names: "the owners' app" is one, « les bornes » many."""
    words = name.replace("\\", "").split()
    if language == "fr":
        return bool(_FRENCH_PLURAL.match(name))
    return bool(words) and bool(_ENGLISH_PLURAL.search(words[-1]))
