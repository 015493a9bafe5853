"""Template packs: a set of templates in one zip, to share between teams or sites.

A pack is untrusted input. Reading one checks every entry before anything is written:
only ``*.md.j2`` files (and the manifest) with plain relative paths, no entry that would
land outside the library (``..``, absolute paths, drive letters, links), a bounded number
of entries and bounded sizes, read with a cap rather than trusting the zip's own figures
(zip bombs). An import is planned first (what it adds, what it replaces), then applied.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

from app.errors import N_, CrisisDraftError, Message, Param
from app.files import atomic
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


def read_template_pack(path: Path) -> list[PackEntry]:
    """Every template of the pack at ``path``, checked; raises :class:`PackError`."""

    def refuse(why: str, **params: Param) -> PackError:
        return PackError(
            message_id=N_("{file}: {why}; the pack was not imported"),
            params={"file": path.name, "why": Message(why, params)},
        )

    if not zipfile.is_zipfile(path):
        raise refuse(N_("is not a template pack (not a zip file)"))
    entries: list[PackEntry] = []
    total = 0
    with zipfile.ZipFile(path) as archive:
        members = archive.infolist()
        if len(members) > MAX_ENTRIES:
            raise refuse(
                N_("has {count} entries, more than the {most} allowed"),
                count=len(members),
                most=MAX_ENTRIES,
            )
        for member in members:
            if member.is_dir():
                continue
            relative = _safe_relative(member.filename)
            if relative is None or (member.external_attr >> 28) == 0o12:  # symlink
                raise refuse(
                    N_("entry '{name}' would be written outside the library"),
                    name=member.filename,
                )
            if relative.name == MANIFEST:
                continue
            if not relative.name.endswith((TEMPLATE_SUFFIX, ".j2")):
                raise refuse(N_("entry '{name}' is not a template"), name=member.filename)
            data = _read_capped(archive, member)
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
    if not any(entry.template_id for entry in entries):
        raise refuse(N_("holds no template"))
    return entries


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
