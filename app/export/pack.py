"""Exporting a pack: every chosen document in every chosen language, all or nothing.

Everything is checked and rendered in memory first (facts, texts in each language,
templates, the reference document); only then are files written, each to a temporary
name, and moved into place together. On any error nothing new is left in the folder.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from app.drafts.blocks import Draft
from app.drafts.render import DraftRenderer
from app.errors import N_, ExportError, Problem
from app.export.naming import document_file_name
from app.facts.consistency import incident_problems
from app.facts.models import Approval, Incident, Language
from app.files import atomic
from app.templates.documents import DocumentKind
from app.templates.metadata import TemplateSet

if TYPE_CHECKING:
    from app.export.word_base import BaseDocument


@dataclass(frozen=True)
class ExportRequest:
    """What the user asked for: which documents, in which languages, where, how."""

    out_dir: Path
    languages: Sequence[Language] = ("en", "fr")
    documents: Sequence[DocumentKind] = tuple(DocumentKind)
    reference_docx: Path | None = None
    template_set: TemplateSet | None = None  # None: the statement the facts are for


class ExportBlockedError(ExportError):
    """The incident has problems that would show in the documents; nothing was written."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        more = (
            f" (and {len(problems) - 1} more: run 'crisisdraft check')" if len(problems) > 1 else ""
        )
        super().__init__(f"{problems[0]}{more}; nothing was exported")


@dataclass(frozen=True)
class ExportedDocument:
    path: Path
    draft: Draft
    approval: Approval | None


ApprovalLookup = Callable[[Draft], Approval | None]


def export_pack(
    incident: Incident,
    request: ExportRequest,
    renderer: DraftRenderer,
    *,
    source: str = "incident",
    now: datetime | None = None,
    approval_of: ApprovalLookup | None = None,
) -> list[ExportedDocument]:
    """Write the documents. Raises :class:`ExportError` and writes nothing when anything
    is wrong. With ``approval_of`` the export is final: every draft must be approved as
    it stands, and the documents carry no DRAFT mark."""
    problems = incident_problems(
        incident, request.languages, source=source, statement_kind=request.template_set
    )
    blocking = [problem for problem in problems if problem.blocking]
    if blocking:
        raise ExportBlockedError(blocking)
    # python-docx (and lxml) load only when a document is written: not at the app's start.
    from app.export import word_base

    base = word_base.BaseDocument(request.reference_docx)
    rendered: list[tuple[Draft, Approval | None]] = []
    unapproved: list[Problem] = []
    for document in request.documents:
        for language in request.languages:
            draft = renderer.render(incident, document, language, template_set=request.template_set)
            approval = approval_of(draft) if approval_of is not None else None
            if approval_of is not None and approval is None:
                unapproved.append(not_approved(draft, source))
                continue
            rendered.append((draft, approval))
    if unapproved:
        raise ExportBlockedError(unapproved)
    return write_documents(incident, rendered, request, now=now, base=base)


def not_approved(draft: Draft, source: str) -> Problem:
    """Why a final export refuses ``draft``: its text as it stands has no approval."""
    return Problem(
        f"{source}: {draft.info.document.value} ({draft.info.language})",
        message_id=N_(
            "is not approved as it stands (never approved, or changed since): "
            "approve it before a final export"
        ),
    )


def write_documents(
    incident: Incident,
    drafts: Sequence[tuple[Draft, Approval | None]],
    request: ExportRequest,
    *,
    now: datetime | None = None,
    base: BaseDocument | None = None,
) -> list[ExportedDocument]:
    """Write drafts already rendered and checked, all or nothing: a draft with an
    approval is a final document (no DRAFT mark, approver in its properties). The
    caller decides what may be written; this only turns drafts into files."""
    from app.export import word_base
    from app.export.word_writer import draft_to_docx

    if base is None:
        base = word_base.BaseDocument(request.reference_docx)
    moment = now or datetime.now(UTC)
    exported: list[ExportedDocument] = []
    files: dict[Path, bytes] = {}
    for draft, approval in drafts:
        name = document_file_name(incident, draft.info.document, draft.info.language)
        path = request.out_dir / name
        files[path] = draft_to_docx(draft, base, now=moment, approval=approval)
        exported.append(ExportedDocument(path, draft, approval))
    _write_all(request.out_dir, files)
    return exported


def _write_all(out_dir: Path, files: dict[Path, bytes]) -> None:
    created_folder = not out_dir.exists()
    written: list[Path] = []
    temporaries: dict[Path, Path] = {}
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        for destination, data in files.items():
            temporaries[destination] = atomic.write_temporary(destination, data)
        for destination, temporary in temporaries.items():
            atomic.commit(temporary, destination, sync=False)
            written.append(destination)
        atomic.sync_folder(out_dir)
    except OSError as error:
        for temporary in temporaries.values():
            atomic.discard(temporary)
        for path in written:
            atomic.discard(path)
        if created_folder:
            with contextlib.suppress(OSError):
                out_dir.rmdir()
        reason = error.strerror or str(error)
        raise ExportError(
            f"{error.filename or out_dir}: cannot write the documents ({reason}); "
            "choose another folder, free some space, or close the files in Word; "
            "nothing was exported"
        ) from None
