"""What a template says it is: its front matter, with defaults taken from its path.

A template's front matter may give: ``id`` (shared by the English and French versions
of one template, the pair), ``name`` (``{en: ..., fr: ...}``), ``document``,
``language``, ``phase`` (the template set: holding, update, resolution), ``version``,
``title``, ``audience``, ``description``, ``author``. Whatever it leaves out comes from
where the file sits: ``[<phase>/]<document>/<language>.md.j2``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import PurePosixPath
from typing import Any, TypeVar, get_args

from app.errors import N_, MessageError
from app.facts.vocabulary import Language, StatementKind
from app.templates.documents import DOCUMENT_AUDIENCES, DOCUMENT_TITLES, DocumentKind

TEMPLATE_SUFFIX = ".md.j2"
E = TypeVar("E", bound=StrEnum)
LANGUAGES: tuple[str, ...] = get_args(Language)


# A set of templates is written for one kind of statement: the first, an update, the last.
TemplateSet = StatementKind


SET_NAMES: dict[TemplateSet, dict[Language, str]] = {
    TemplateSet.HOLDING: {"en": "First statement", "fr": "Première déclaration"},
    TemplateSet.UPDATE: {"en": "Progress update", "fr": "Point de situation"},
    TemplateSet.RESOLUTION: {"en": "Resolution", "fr": "Retour à la normale"},
}


class MetadataError(MessageError):
    """The front matter names something that does not exist (a document, a set)."""


@dataclass(frozen=True)
class TemplateMeta:
    id: str
    document: DocumentKind
    language: Language
    phase: TemplateSet
    names: dict[str, str] = field(default_factory=dict)
    version: str = "1"
    title: str = ""
    audience: str = ""
    description: str = ""
    author: str = ""

    def name(self, language: str) -> str:
        return self.names.get(language) or self.names.get("en") or self.id


def template_meta(relative: PurePosixPath, front: dict[str, Any]) -> TemplateMeta:
    """The metadata of the template at ``relative`` (inside its library) with ``front``."""
    parts = relative.parts
    from_path: dict[str, str] = {}
    if relative.name.endswith(TEMPLATE_SUFFIX):
        from_path["language"] = relative.name[: -len(TEMPLATE_SUFFIX)]
    if len(parts) >= 2:
        from_path["document"] = parts[-2]
    if len(parts) >= 3 and parts[-3] in TemplateSet._value2member_map_:
        from_path["phase"] = parts[-3]
    document = _choice(front.get("document", from_path.get("document")), DocumentKind, "document")
    language = str(front.get("language", from_path.get("language", "")))
    if language not in LANGUAGES:
        raise MetadataError(
            N_("'{what}' must be one of {allowed}, not '{value}'"),
            what="language",
            allowed=", ".join(LANGUAGES),
            value=language,
        )
    phase = _choice(front.get("phase", from_path.get("phase", "holding")), TemplateSet, "phase")
    names = front.get("name")
    if isinstance(names, str):
        names = {language: names}
    if not isinstance(names, dict):
        names = {
            code: f"{DOCUMENT_TITLES[document][code]} – {SET_NAMES[phase][code]}"  # type: ignore[index]
            for code in LANGUAGES
        }
    return TemplateMeta(
        id=str(front.get("id", f"{phase.value}.{document.value}")),
        document=document,
        language=language,  # type: ignore[arg-type]
        phase=phase,
        names={str(key): str(value) for key, value in names.items()},
        version=str(front.get("version", "1")),
        title=str(front.get("title", DOCUMENT_TITLES[document][language])),  # type: ignore[index]
        audience=str(front.get("audience", DOCUMENT_AUDIENCES[document][language])),  # type: ignore[index]
        description=str(front.get("description", "")),
        author=str(front.get("author", "")),
    )


def _choice(value: object, kind: type[E], what: str) -> E:
    try:
        return kind(str(value))
    except ValueError:
        allowed = ", ".join(member.value for member in kind)
        raise MetadataError(
            N_("'{what}' must be one of {allowed}, not '{value}'"),
            what=what,
            allowed=allowed,
            value=str(value),
        ) from None
