"""Writing a pack: drafts already rendered and checked become ``.docx`` and/or PDF files,
all or nothing.

What may be exported is decided by the session (:mod:`app.session.problems`) before
anything reaches here. Every document is built in memory first; only then are files
written, each to a temporary name, and moved into place together. On any error nothing
new is left in the folder.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from app.drafts.blocks import Draft
from app.drafts.per_recipient import per_authority
from app.drafts.short_texts import with_counts
from app.errors import N_, ExportError, Problem
from app.export.marks import Mark, check_mark
from app.export.naming import WORD_ONLY, DocumentFormat, document_file_name
from app.facts.models import Approval, Incident
from app.files import atomic

if TYPE_CHECKING:
    from app.export.word_document import FrameSource


class Existing(Enum):
    """What an export does with documents already in the folder under the same names
    (an earlier export of the same statement): the user decides, never the export."""

    REFUSE = "refuse"  # say which, write nothing (the command line's default)
    REPLACE = "replace"  # the earlier documents are replaced
    KEEP_BOTH = "keep both"  # the new ones get the next free name: "... (2).docx"


@dataclass(frozen=True)
class ExportedDocument:
    path: Path
    draft: Draft
    approval: Approval | None


@dataclass(frozen=True)
class WrittenPack:
    """The documents written, and what was dropped from the reference document (its
    active content: notes to show the user, the export went ahead without it)."""

    documents: list[ExportedDocument]
    letterhead_notes: list[Problem]


def planned_paths(
    incident: Incident,
    drafts: Sequence[Draft],
    out_dir: Path,
    formats: Sequence[DocumentFormat] = WORD_ONLY,
) -> list[Path]:
    """Where ``drafts`` would be written in ``out_dir`` (before any clash is resolved):
    each draft (each of its parts, when it is cut per authority) in each of
    ``formats``, in that order."""
    parts = [part for draft in drafts for part in per_authority(incident, draft)]
    return _paths(incident, parts, out_dir, formats)


def _paths(
    incident: Incident, parts: Sequence[Draft], out_dir: Path, formats: Sequence[DocumentFormat]
) -> list[Path]:
    """Where ``parts`` (drafts already cut per authority) go, each in every format."""
    return [
        out_dir
        / document_file_name(
            incident,
            part.info.document,
            part.info.language,
            part.info.template_id,
            file_format,
            part.info.recipient,
        )
        for part in parts
        for file_format in formats
    ]


def write_documents(
    incident: Incident,
    drafts: Sequence[tuple[Draft, Approval | None]],
    out_dir: Path,
    *,
    reference_docx: Path | None = None,
    now: datetime | None = None,
    existing: Existing = Existing.REFUSE,
    formats: Sequence[DocumentFormat] = WORD_ONLY,
    mark: Mark = Mark.DRAFT,
) -> WrittenPack:
    """Write drafts already rendered and checked, all or nothing, each in every one of
    ``formats`` (``reference_docx`` styles the Word documents only): a draft with an
    approval is a final document (no DRAFT mark, approver in its properties). The
    caller decides what may be written; this only turns drafts into files. Documents
    already in ``out_dir`` under the same names are dealt with as ``existing`` says.
    ``mark`` puts the privilege mark on every draft (refused, nothing written, when a
    draft has an approval)."""
    check_mark(mark, final=any(approval is not None for _draft, approval in drafts))
    moment = now or datetime.now(UTC)
    writer = _Writer(formats, reference_docx, mark)
    exported: list[ExportedDocument] = []
    files: dict[Path, bytes] = {}
    parts = [
        (part, approval) for draft, approval in drafts for part in per_authority(incident, draft)
    ]
    chosen = [(part, approval, file_format) for part, approval in parts for file_format in formats]
    paths = _resolve_clashes(
        _paths(incident, [part for part, _approval in parts], out_dir, formats), existing
    )
    for (draft, approval, file_format), path in zip(chosen, paths, strict=True):
        files[path] = writer.write(file_format, draft, moment, approval)
        exported.append(ExportedDocument(path, draft, approval))
    _write_all(out_dir, files)
    return WrittenPack(exported, writer.dropped)


class _Writer:
    """Turns a draft into the bytes of one format. Made once per export: the Word base
    (a reference document read and checked once) only when Word documents are written,
    and python-docx or fpdf2 imported only when their format needs them (startup stays
    quick: CrisisDraft's own look needs no python-docx once its frames are cached)."""

    def __init__(
        self, formats: Sequence[DocumentFormat], reference_docx: Path | None, mark: Mark
    ) -> None:
        self.mark = mark
        self.base: FrameSource | None = None
        if DocumentFormat.DOCX in formats and reference_docx is None:
            from app.export.house_frames import HouseFrames

            self.base = HouseFrames()
        elif DocumentFormat.DOCX in formats:
            from app.export.word_base import BaseDocument

            self.base = BaseDocument(reference_docx)

    @property
    def dropped(self) -> list[Problem]:
        """What was dropped from the reference document, as notes."""
        return list(self.base.dropped) if self.base is not None else []

    def write(
        self,
        file_format: DocumentFormat,
        draft: Draft,
        now: datetime,
        approval: Approval | None,
    ) -> bytes:
        # A document of short texts shows under each its count and limit, for approval:
        # counted here, once, on the text as rendered and sent (after French typography).
        draft = with_counts(draft)
        if file_format is DocumentFormat.PDF:
            from app.export.pdf_writer import draft_to_pdf

            return draft_to_pdf(draft, now=now, approval=approval, mark=self.mark)
        from app.export.word_document import draft_to_docx

        assert self.base is not None  # made for the formats asked
        with self.base.letterhead_faults():
            return draft_to_docx(draft, self.base, now=now, approval=approval, mark=self.mark)


def _resolve_clashes(paths: list[Path], existing: Existing) -> list[Path]:
    """``paths``, or free names beside them (:attr:`Existing.KEEP_BOTH`); refused with
    the names of the earlier documents (:attr:`Existing.REFUSE`)."""
    there = [path for path in paths if path.exists()]
    if not there or existing is Existing.REPLACE:
        return paths
    if existing is Existing.REFUSE:
        raise ExportError(
            message_id=N_(
                "{folder} already holds {count} of these documents from an earlier export "
                "({files}); choose another folder, or say to replace them (--overwrite) or "
                "keep both (--keep-both); nothing was exported"
            ),
            params={
                "folder": str(paths[0].parent),
                "count": len(there),
                "files": ", ".join(path.name for path in there),
            },
        )
    return [_free_name(path) if path.exists() else path for path in paths]


def _free_name(path: Path) -> Path:
    """``name (2).docx``, ``name (3).docx``...: the first that is not taken."""
    number = 2
    while (candidate := path.with_name(f"{path.stem} ({number}){path.suffix}")).exists():
        number += 1
    return candidate


def _write_all(out_dir: Path, files: dict[Path, bytes]) -> None:
    created_folder = not out_dir.exists()
    temporaries: dict[Path, Path] = {}
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        for destination, data in files.items():
            # Not synced one by one: the folder is, once they are all in place.
            temporaries[destination] = atomic.write_temporary(destination, data, sync=False)
        # Earlier documents of the same names are replaced only once every new one is
        # complete, and come back if any replacement fails.
        atomic.replace_all(temporaries)
        atomic.sync_folder(out_dir)
        for destination in files:  # what an export killed half-way here left behind
            atomic.sweep_stale_temporaries(destination)
    except OSError as error:
        for temporary in temporaries.values():
            atomic.discard(temporary)
        if created_folder:
            with contextlib.suppress(OSError):
                out_dir.rmdir()
        reason = error.strerror or str(error)
        raise ExportError(
            message_id=N_(
                "{file}: cannot write the documents ({reason}); choose another folder, free "
                "some space, or close the files in Word; nothing was exported"
            ),
            params={"file": str(error.filename or out_dir), "reason": reason},
        ) from None
