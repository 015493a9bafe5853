"""Where templates come from: the built-in folder, overridden by the user's folders.

Templates are laid out as ``<doc>/<lang>.md.j2``; a folder given with ``--templates``
is laid out the same way, and its files replace the built-in ones of the same path.
Files whose names start with ``_`` (such as ``_partials/``) hold shared macros.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from app.errors import TemplateError
from app.facts.models import Language
from app.templates.documents import DOCUMENT_AUDIENCES, DOCUMENT_TITLES, DocumentKind
from app.templates.environment import TemplateEnvironment
from app.templates.front_matter import FrontMatterError, split_front_matter

TEMPLATE_SUFFIX = ".md.j2"


@dataclass(frozen=True)
class TemplateInfo:
    """One template as the user knows it: what it writes, and which file it comes from."""

    document: DocumentKind
    language: Language
    title: str
    audience: str
    description: str
    path: Path
    name: str  # the loader name, e.g. "press_release/fr.md.j2"
    built_in: bool


class TemplateLibrary:
    """The templates in force: user folders first (in the order given), then built-in.

    The Jinja environment is built once per library and reused for every render.
    """

    def __init__(self, built_in: Path, overrides: Sequence[Path] = ()) -> None:
        for folder in overrides:
            if not folder.is_dir():
                raise TemplateError(
                    "is not a folder of templates; give a folder laid out as <doc>/<lang>.md.j2",
                    template=str(folder),
                )
        self.built_in = built_in
        self.folders: tuple[Path, ...] = (*overrides, built_in)
        self.environment = TemplateEnvironment(self.folders)

    @staticmethod
    def template_name(document: DocumentKind, language: Language) -> str:
        return f"{document.value}/{language}{TEMPLATE_SUFFIX}"

    def find(self, document: DocumentKind, language: Language) -> TemplateInfo:
        """The template that writes ``document`` in ``language``, with its front matter."""
        name = self.template_name(document, language)
        for folder in self.folders:
            path = folder / name
            if path.is_file():
                return self._describe(document, language, name, path, folder == self.built_in)
        raise TemplateError(
            f"no template for the {document.value} in '{language}'; add {name} "
            "to your templates folder",
            template=name,
        )

    def _describe(
        self, document: DocumentKind, language: Language, name: str, path: Path, built_in: bool
    ) -> TemplateInfo:
        try:
            meta = split_front_matter(path.read_text(encoding="utf-8")).meta
        except FrontMatterError as error:
            raise TemplateError(str(error), template=str(path), line=error.line) from None
        except (OSError, UnicodeDecodeError) as error:
            raise TemplateError(
                f"cannot be read as UTF-8 text ({error})", template=str(path)
            ) from None
        declared = meta.get("language", language)
        if declared != language:
            raise TemplateError(
                f"says it is in '{declared}' but sits at {name}; move it or fix 'language'",
                template=str(path),
            )
        return TemplateInfo(
            document=document,
            language=language,
            title=str(meta.get("title", DOCUMENT_TITLES[document][language])),
            audience=str(meta.get("audience", DOCUMENT_AUDIENCES[document][language])),
            description=str(meta.get("description", "")),
            path=path,
            name=name,
            built_in=built_in,
        )
