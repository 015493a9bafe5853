"""Template packs: a set of templates in one zip, to share between teams or sites.

A pack is untrusted input. Reading one checks every entry before anything is written:
only ``*.md.j2`` files (and the manifest) with plain relative paths, no entry that would
land outside the library (``..``, absolute paths, drive letters, links), a bounded number
of entries and bounded sizes, read with a cap rather than trusting the zip's own figures
(zip bombs). An import is planned first (what it adds, what it replaces), then applied.

Entries must also be files every system can hold: Windows refuses ``CON`` or ``a?b``,
Windows and macOS see ``Notice.md.j2`` and ``notice.md.j2`` as one file, so a pack that
imports on Linux could silently lose a file on a colleague's laptop. A damaged,
encrypted or oddly compressed pack is refused with a message, never a traceback. And a
pack may not ship shared wording under the name of a built-in one
(``_partials/en.md.j2``): every built-in template includes it by that name, so it would
reword all of them without anything in the import plan saying so.
"""

from __future__ import annotations

import json
import re
import unicodedata
import zipfile
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

from app.errors import N_, CrisisDraftError, Message, Param
from app.files import atomic
from app.files.resources import built_in_templates
from app.templates.front_matter import FrontMatterError, split_front_matter
from app.templates.library import TemplateInfo
from app.templates.metadata import TEMPLATE_SUFFIX, MetadataError, template_meta

MANIFEST = "crisisdraft-pack.json"
MAX_ENTRIES = 500
MAX_ENTRY_BYTES = 256 * 1024
MAX_PACK_BYTES = 20 * 1024 * 1024


class PackError(CrisisDraftError):
    """A pack that cannot be read or must not be imported; nothing was written."""


@dataclass(frozen=True)
class PackEntry:
    relative: PurePosixPath
    text: str
    template_id: str
    language: str


@dataclass(frozen=True)
class ImportStep:
    entry: PackEntry
    replaces: bool  # a file of that path is already in the library


def write_template_pack(templates: Sequence[TemplateInfo], destination: Path, name: str) -> None:
    """Put ``templates`` (with the shared macros of their libraries) in a zip, atomically."""
    files: dict[str, bytes] = {}
    for template in templates:
        files[template.relative.as_posix()] = template.path.read_bytes()
        if not template.built_in:
            for partial in sorted(template.library.path.glob("_*/*.j2")):
                files[partial.relative_to(template.library.path).as_posix()] = partial.read_bytes()
    manifest = {
        "name": name,
        "created": datetime.now(UTC).isoformat(),
        "templates": [
            {"id": t.meta.id, "language": t.meta.language, "path": t.relative.as_posix()}
            for t in templates
        ],
    }
    temporary = atomic.write_temporary(destination, b"")
    try:
        with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=2))
            for relative, data in files.items():
                archive.writestr(relative, data)
        atomic.commit(temporary, destination)
    except BaseException:
        atomic.discard(temporary)
        raise


def read_template_pack(path: Path, *, built_in: Path | None = None) -> list[PackEntry]:
    """Every template of the pack at ``path``, checked; raises :class:`PackError`.

    ``built_in`` is the built-in library whose shared wording a pack may not replace
    (the bundled one unless a test says otherwise)."""

    def refuse(why: str, **params: Param) -> PackError:
        return PackError(
            message_id=N_("{file}: {why}; the pack was not imported"),
            params={"file": path.name, "why": Message(why, params)},
        )

    if not zipfile.is_zipfile(path):
        raise refuse(N_("is not a template pack (not a zip file)"))
    try:
        with zipfile.ZipFile(path) as archive:
            entries = _read_entries(archive, refuse)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError):
        raise refuse(N_("is damaged and cannot be read")) from None
    if not any(entry.template_id for entry in entries):
        raise refuse(N_("holds no template"))
    shadowed = _built_in_wording(built_in or built_in_templates())
    for entry in entries:
        original = shadowed.get(_same_file_key(entry.relative.as_posix()))
        if original is not None and original.read_text(encoding="utf-8") != entry.text:
            raise refuse(
                N_(
                    "entry '{name}' would replace the built-in shared wording '{built_in}' "
                    "in every template; give it another name in the pack"
                ),
                name=entry.relative.as_posix(),
                built_in=original.relative_to(built_in or built_in_templates()).as_posix(),
            )
    return entries


def _read_entries(archive: zipfile.ZipFile, refuse: Callable[..., PackError]) -> list[PackEntry]:
    """The checked entries of an open pack (see :func:`read_template_pack`)."""
    entries: list[PackEntry] = []
    total = 0
    members = archive.infolist()
    if len(members) > MAX_ENTRIES:
        raise refuse(
            N_("has {count} entries, more than the {most} allowed"),
            count=len(members),
            most=MAX_ENTRIES,
        )
    seen: dict[str, str] = {}
    for member in members:
        if member.is_dir():
            continue
        relative = _safe_relative(member.filename)
        if relative is None or (member.external_attr >> 28) == 0o12:  # symlink
            raise refuse(
                N_("entry '{name}' would be written outside the library"),
                name=member.filename,
            )
        if not _portable(relative.parts):
            raise refuse(
                N_(
                    "entry '{name}' has a name Windows or macOS cannot hold (a reserved "
                    'name such as CON or NUL, a character such as < > : " | ? *, or a '
                    "dot or space at the end); rename it in the pack"
                ),
                name=member.filename,
            )
        key = _same_file_key(member.filename)
        if key in seen:
            raise refuse(
                N_("entries '{name}' and '{other}' would be the same file on Windows or macOS"),
                name=seen[key],
                other=member.filename,
            )
        seen[key] = member.filename
        if relative.name == MANIFEST:
            continue
        if not relative.name.endswith((TEMPLATE_SUFFIX, ".j2")):
            raise refuse(N_("entry '{name}' is not a template"), name=member.filename)
        if member.flag_bits & 0x1:
            raise refuse(
                N_("entry '{name}' is encrypted; a pack may not be protected by a password"),
                name=member.filename,
            )
        if member.compress_type not in _READABLE_COMPRESSION:
            raise refuse(
                N_(
                    "entry '{name}' is compressed in a way CrisisDraft cannot read; "
                    "make the pack again with ordinary zip compression"
                ),
                name=member.filename,
            )
        try:
            data = _read_capped(archive, member)
        except zipfile.BadZipFile:
            raise refuse(
                N_("entry '{name}' is damaged (its checksum does not match)"),
                name=member.filename,
            ) from None
        if data is None:
            raise refuse(
                N_("entry '{name}' is larger than {size} KB"),
                name=member.filename,
                size=MAX_ENTRY_BYTES // 1024,
            )
        total += len(data)
        if total > MAX_PACK_BYTES:
            raise refuse(N_("unpacks to more than 20 MB"))
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            raise refuse(N_("entry '{name}' is not UTF-8 text"), name=member.filename) from None
        entries.append(_entry(relative, text))
    return entries


_READABLE_COMPRESSION = frozenset({zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED})
_RESERVED = re.compile(r"(CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³])", re.IGNORECASE)
_FORBIDDEN = re.compile(r'[<>:"|?*\x00-\x1f\x7f]')


def _portable(parts: Iterable[str]) -> bool:
    """Whether every part of a path is a name Windows, macOS and Linux all accept."""
    return not any(
        _RESERVED.fullmatch(part.split(".")[0].rstrip(" "))
        or _FORBIDDEN.search(part)
        or part.endswith((".", " "))
        for part in parts
    )


def _same_file_key(name: str) -> str:
    """What Windows and macOS see as the same name: letter case and Unicode form aside."""
    return unicodedata.normalize("NFC", name).casefold()


def _built_in_wording(built_in: Path) -> dict[str, Path]:
    """The built-in library's shared files (those under a ``_`` folder or named ``_...``),
    by :func:`_same_file_key` of their path in the library."""
    return {
        _same_file_key(path.relative_to(built_in).as_posix()): path
        for path in built_in.rglob("*.j2")
        if any(part.startswith("_") for part in path.relative_to(built_in).parts)
    }


def plan_import(entries: Sequence[PackEntry], library: Path) -> list[ImportStep]:
    return [ImportStep(entry, (library / entry.relative).exists()) for entry in entries]


def apply_import(steps: Sequence[ImportStep], library: Path) -> list[Path]:
    """Write the planned files into ``library`` (never outside it); return their paths."""
    root = library.resolve()
    written = []
    for step in steps:
        target = (library / step.entry.relative).resolve()
        if root not in target.parents:
            raise PackError(
                message_id=N_("'{name}' would be written outside the library"),
                params={"name": str(step.entry.relative)},
            )
        target.parent.mkdir(parents=True, exist_ok=True)
        atomic.write_atomically(target, step.entry.text.encode("utf-8"))
        written.append(target)
    return written


def _safe_relative(name: str) -> PurePosixPath | None:
    if "\\" in name or name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        return None
    relative = PurePosixPath(name)
    if any(part in ("", "..", ".") for part in relative.parts) or not relative.parts:
        return None
    return relative


def _read_capped(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> bytes | None:
    """The entry's bytes, or None past the cap (whatever size the zip claims)."""
    with archive.open(member) as stream:
        data = stream.read(MAX_ENTRY_BYTES + 1)
    return None if len(data) > MAX_ENTRY_BYTES else data


def _entry(relative: PurePosixPath, text: str) -> PackEntry:
    if relative.parts[0].startswith("_") or not relative.name.endswith(TEMPLATE_SUFFIX):
        return PackEntry(relative, text, "", "")  # shared macros travel with their templates
    try:
        meta = template_meta(relative, split_front_matter(text).meta)
    except (FrontMatterError, MetadataError) as error:
        return PackEntry(relative, text, f"(unreadable: {error})", "")
    return PackEntry(relative, text, meta.id, meta.language)
