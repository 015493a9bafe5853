"""The templates in force: built-in, the user's own, shared team folders, and any folder
given on the command line, read and checked once.

Every ``*.md.j2`` file in a library folder is a template (files and folders whose name
starts with ``_`` hold shared macros). A template is known by its ``id`` and language;
one in a more personal library overrides the same id in a more general one:
``--templates`` folders, then the user's library, then shared folders in the order set
in Preferences, then the built-in one. A template with a fault is listed with it and
never used: the next library's template of the same id is used instead.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path, PurePosixPath

from app.errors import N_, Message, Param, TemplateError
from app.facts.models import Language
from app.templates.check_cache import CheckCache
from app.templates.checks import FactSchema, TemplateFault, check_template
from app.templates.documents import DocumentKind
from app.templates.environment import TemplateEnvironment
from app.templates.front_matter import FrontMatterError, split_front_matter
from app.templates.limits import RAN_TOO_LONG, RenderLimitError
from app.templates.metadata import (
    LANGUAGES,
    TEMPLATE_SUFFIX,
    MetadataError,
    TemplateMeta,
    TemplateSet,
    template_meta,
)

MAX_TEMPLATE_BYTES = 256 * 1024


class TooLargeError(Exception):
    """A file in a template folder is far larger than any template."""


def _words(params: Mapping[str, Param]) -> dict[str, str | int]:
    """A fault's parameters as the check cache keeps them: text and numbers."""
    return {name: value if isinstance(value, int) else str(value) for name, value in params.items()}


class LibraryKind(StrEnum):
    COMMAND_LINE = "command_line"
    USER = "user"
    SHARED = "shared"
    BUILT_IN = "built_in"


@dataclass(frozen=True)
class LibraryFolder:
    kind: LibraryKind
    path: Path

    @property
    def read_only(self) -> bool:
        return self.kind is LibraryKind.BUILT_IN


@dataclass(frozen=True, eq=False)  # one per file: compared and hashed by identity
class TemplateInfo:
    """One template file: what it writes, where it comes from, and what is wrong with it."""

    meta: TemplateMeta
    library: LibraryFolder
    relative: PurePosixPath
    loader_name: str  # how the environment finds exactly this file
    faults: tuple[TemplateFault, ...] = ()

    @property
    def path(self) -> Path:
        return self.library.path / self.relative

    @property
    def usable(self) -> bool:
        return not self.faults

    @property
    def built_in(self) -> bool:
        return self.library.kind is LibraryKind.BUILT_IN

    # Shorthands used by the drafts layer.
    @property
    def name(self) -> str:
        return self.relative.as_posix()

    @property
    def title(self) -> str:
        return self.meta.title

    @property
    def document(self) -> DocumentKind:
        return self.meta.document

    @property
    def language(self) -> Language:
        return self.meta.language


class TemplateLibrary:
    """All templates of all library folders, checked, with the one in force per id."""

    def __init__(
        self,
        built_in: Path,
        overrides: Sequence[Path] = (),
        *,
        user: Path | None = None,
        shared: Sequence[Path] = (),
        known_facts: FactSchema | None = None,
        cache_folder: Path | None = None,
    ) -> None:
        for path in overrides:
            if not path.is_dir():
                raise TemplateError(
                    message_id=N_(
                        "is not a folder of templates; give a folder laid out as "
                        "<set>/<doc>/<lang>.md.j2"
                    ),
                    template=str(path),
                )
        folders = [LibraryFolder(LibraryKind.COMMAND_LINE, path) for path in overrides]
        if user is not None:
            folders.append(LibraryFolder(LibraryKind.USER, user))
        folders += [LibraryFolder(LibraryKind.SHARED, path) for path in shared]
        folders.append(LibraryFolder(LibraryKind.BUILT_IN, built_in))
        self.folders: tuple[LibraryFolder, ...] = tuple(folders)
        self.built_in = built_in
        self.known_facts = known_facts
        self._check_keys: dict[str, str] = {}  # loader name -> check cache key
        self._cache = (
            CheckCache(cache_folder / "checks.json", known_facts) if cache_folder else None
        )
        self.environment = TemplateEnvironment(
            [folder.path for folder in self.folders],
            bytecode_cache=cache_folder / "compiled" if cache_folder else None,
            on_limit=self._remember_limit,
            parsed=self._cache,
        )
        self.templates: list[TemplateInfo] = []
        #: How many templates a render limit has disabled since the library was read:
        #: a front that shows library notes asks again when it grows.
        self.limits_hit = 0
        for index, folder in enumerate(self.folders):
            self.templates += self._read_folder(index, folder)
        if self._cache is not None:
            self._cache.save()

    # ----- reading
    def _read_folder(self, index: int, folder: LibraryFolder) -> list[TemplateInfo]:
        if not folder.path.is_dir():
            return []
        found = []
        for path in sorted(folder.path.rglob(f"*{TEMPLATE_SUFFIX}")):
            relative = PurePosixPath(path.relative_to(folder.path).as_posix())
            if any(part.startswith((".", "_")) for part in relative.parts) or path.is_symlink():
                continue
            found.append(self._read_template(index, folder, relative, path))
        return found

    def _read_template(
        self, index: int, folder: LibraryFolder, relative: PurePosixPath, path: Path
    ) -> TemplateInfo:
        loader_name = f"@{index}/{relative.as_posix()}"
        faults: list[TemplateFault] = []
        front: dict[str, object] = {}
        source = ""
        try:
            if path.stat().st_size > MAX_TEMPLATE_BYTES:
                raise TooLargeError
            source = path.read_text(encoding="utf-8")
            split = split_front_matter(source, self._cache)
            front = split.meta
        except FrontMatterError as error:
            faults.append(TemplateFault(error.message_id, error.line, _words(error.params)))
        except TooLargeError:
            faults.append(
                TemplateFault(N_("is larger than 256 KB, far more than any template needs"))
            )
        except (OSError, UnicodeDecodeError) as error:
            faults.append(
                TemplateFault(N_("cannot be read: {reason}"), None, {"reason": str(error)})
            )
        try:
            meta = template_meta(relative, front)
        except MetadataError as error:
            faults.append(TemplateFault(error.message_id, 1, _words(error.params)))
            meta = _unknown_meta(relative)
        if not faults:
            faults += self._check(split.body, loader_name)
        return TemplateInfo(meta, folder, relative, loader_name, tuple(faults))

    def _check(self, body: str, loader_name: str) -> list[TemplateFault]:
        if self._cache is None:
            return check_template(self.environment.jinja, body, loader_name, self.known_facts)
        key = self._cache.key(body)
        self._check_keys[loader_name] = key
        faults = self._cache.get(key)
        if faults is None:
            faults = check_template(self.environment.jinja, body, loader_name, self.known_facts)
            self._cache.put(key, faults)
        return faults

    def _remember_limit(self, loader_name: str, error: RenderLimitError, line: int | None) -> None:
        """A template stopped by a render limit (loops, size) is a fault of its text, like
        a static one: kept in the check cache under that text, so the next start lists it
        and uses the next template in rank instead of running it again; from now on in
        this session too. An edited template has a new key and is tried again.

        Running out of time is kept for this session only: it depends on the machine too
        (a profiler, a laptop at its slowest), and a later start may well finish. A
        built-in template is never set aside: it ships with the app, checked by its
        tests, and the one render that stopped says so to whoever asked for it."""
        if any(t.loader_name == loader_name and t.built_in for t in self.templates):
            return
        fault = TemplateFault(error.message_id, line, _words(error.params))
        self.templates = [
            replace(t, faults=(fault,)) if t.loader_name == loader_name else t
            for t in self.templates
        ]
        self.limits_hit += 1
        key = self._check_keys.get(loader_name)
        if self._cache is not None and key is not None and error.message_id != RAN_TOO_LONG:
            self._cache.put(key, [fault])
            self._cache.save()

    # ----- choosing
    def in_force(self, template_id: str, language: Language) -> TemplateInfo | None:
        """The usable template of ``template_id`` in ``language`` with the highest rank."""
        for template in self.templates:  # already in rank order
            if (
                template.usable
                and template.meta.id == template_id
                and template.meta.language == language
            ):
                return template
        return None

    def find(
        self,
        document: DocumentKind,
        language: Language,
        template_set: TemplateSet = TemplateSet.HOLDING,
    ) -> TemplateInfo:
        """The template that writes ``document`` in ``language`` for ``template_set``."""
        preferred = self.in_force(f"{template_set.value}.{document.value}", language)
        if preferred is not None:
            return preferred
        for template in self.templates:
            meta = template.meta
            if template.usable and (meta.document, meta.language, meta.phase) == (
                document,
                language,
                template_set,
            ):
                return template
        broken = [
            t
            for t in self.templates
            if (t.meta.document, t.meta.language, t.meta.phase)
            == (document, language, template_set)
        ]
        where = f"{template_set.value}/{document.value}/{language}{TEMPLATE_SUFFIX}"
        if not broken:
            raise TemplateError(
                message_id=N_("no usable template for the {document} in '{language}' ({set})"),
                params={
                    "document": document.value,
                    "language": language,
                    "set": template_set.value,
                },
                template=where,
            )
        fault = broken[0].faults[0]
        raise TemplateError(
            message_id=N_(
                "no usable template for the {document} in '{language}' ({set}): {file}: {fault}"
            ),
            params={
                "document": document.value,
                "language": language,
                "set": template_set.value,
                "file": str(broken[0].path),
                "fault": Message(fault.message_id, fault.params),
            },
            template=where,
            line=fault.line,
        )

    def overridden_by(self, template: TemplateInfo) -> TemplateInfo | None:
        """The template in force instead of ``template``, when it is not itself in force."""
        winner = self.in_force(template.meta.id, template.meta.language)
        return winner if winner is not None and winner is not template else None

    def unpaired(self, template: TemplateInfo) -> list[str]:
        """Languages in which this template's id has no version."""
        have = {t.meta.language for t in self.templates if t.meta.id == template.meta.id}
        return [language for language in LANGUAGES if language not in have]

    def problems(self) -> list[TemplateInfo]:
        return [template for template in self.templates if not template.usable]

    def old_layout_folders(self) -> list[LibraryFolder]:
        """The user's, team's or command line's folders that keep first-statement
        templates at their top (``<doc>/<lang>.md.j2``, the layout before every set had
        its folder). They still work: the set defaults to the first statement."""
        return list(
            dict.fromkeys(
                template.library
                for template in self.templates
                if not template.built_in and len(template.relative.parts) == 2
            )
        )


def _unknown_meta(relative: PurePosixPath) -> TemplateMeta:
    return TemplateMeta(
        id=relative.as_posix(),
        document=DocumentKind.PRESS_RELEASE,
        language="en",
        phase=TemplateSet.HOLDING,
    )
