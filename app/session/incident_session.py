"""One open incident as the user works on it: facts, drafts, problems, approval, export.

The command line and the desktop app drive this object instead of reaching into
facts, templates, drafts, export and record on their own. It holds one loaded incident
and a version number that changes with the facts; the drafts of a version are rendered
when first needed and reused by the checks, the approval and the export, so a final
export renders each draft once. What blocks an export is decided by
:mod:`app.session.problems` and nowhere else.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from contextlib import suppress
from datetime import datetime
from pathlib import Path

from app.drafts.blocks import Draft
from app.drafts.render import DraftRenderer
from app.errors import N_, CrisisDraftError, Problem, ProblemsError
from app.export.marks import Mark, check_mark
from app.export.naming import WORD_ONLY, DocumentFormat
from app.export.pack import Existing, ExportedDocument, planned_paths, write_documents
from app.facts.loading import load_incident
from app.facts.models import Approver, Incident, Language
from app.facts.unfinished_rows import HeldBack
from app.files.approval_key import load_or_create_seed
from app.record.approval import approval_for, approvals_lost, approve
from app.record.issuing import FinalDocument, record_issued
from app.session.document_needs import NotDraftedError, not_drafted
from app.session.drafts import DraftCache
from app.session.file_writes import write_record
from app.session.preferences import remember_approver
from app.session.problems import Problems, find_problems
from app.session.selection import Selection
from app.session.session_record import SessionRecord
from app.session.team_keys import team_keys
from app.templates.documents import DocumentKind, draft_languages
from app.templates.library import TemplateInfo
from app.templates.metadata import TemplateSet


class IncidentSession(SessionRecord):
    """One incident, its drafts and its record, as one user works on them.

    ``renderer`` may be left out by a caller that only reads the record (history,
    comparison, timeline); asking such a session for a draft is a programming error.
    ``source`` names the incident in problems (default: the file's name, or "incident").
    What it reads and writes of the record (issued statements, comparisons, edited
    documents issued, the timeline) is in :class:`~app.session.session_record.SessionRecord`.
    """

    def __init__(
        self,
        incident: Incident,
        renderer: DraftRenderer | None = None,
        *,
        path: Path | None = None,
        source: str | None = None,
    ) -> None:
        self.path = path
        self.source = source or (path.name if path is not None else "incident")
        self._incident = incident
        self._version = 0
        # The app renders in a background thread (see prepare()): the facts and their
        # version change together, under this lock, and are read together.
        self._facts_lock = threading.Lock()
        self._drafts = DraftCache(renderer) if renderer is not None else None
        # The problems found for the facts as they stand, per selection and moment:
        # dropped with anything they depend on (facts, record, library, file name).
        self._problems: dict[tuple[Selection, bool, datetime | None, bool], Problems] = {}
        self._team_keys: frozenset[str] | None = None
        self._held = HeldBack()
        #: After an export with a reference document: what was dropped from it (its
        #: macros, links, fetching fields...), as notes to show; empty otherwise.
        self.letterhead_notes: list[Problem] = []

    @classmethod
    def open(cls, path: Path, renderer: DraftRenderer | None = None) -> IncidentSession:
        """The incident in ``path``; raises :class:`~app.errors.IncidentFileError` (with
        every fault found) when the file cannot be read or breaks the contract."""
        return cls(load_incident(path), renderer, path=path)

    def move_to(self, path: Path | None) -> None:
        """The incident is now kept in ``path`` (saved under a new name, or not yet
        saved): problems name that file from now on."""
        self.path = path
        self.source = path.name if path is not None else "incident"
        self._problems.clear()

    def use_renderer(self, renderer: DraftRenderer) -> None:
        """Render with ``renderer`` from now on (the library was read again): the drafts
        rendered with the old one are dropped."""
        if self._drafts is None:
            self._drafts = DraftCache(renderer)
        else:
            self._drafts.use(renderer)
        self._problems.clear()
        self._team_keys = None  # read again: new preferences may name other shared folders

    # ----- the facts
    @property
    def incident(self) -> Incident:
        return self._incident

    @property
    def version(self) -> int:
        """Changes whenever the incident does; drafts are cached per version."""
        return self._version

    def replace(self, incident: Incident) -> None:
        """New facts or a new record: the problems no longer apply, nor the drafts,
        unless only approvals changed (a draft reads the facts and the statements
        issued, never who approved it: approving in the app keeps its six drafts)."""
        redraft = not _same_draft_inputs(self._incident, incident)
        with self._facts_lock:
            self._incident = incident
            if redraft:
                self._version += 1
        self._problems.clear()

    def hold_back(self, held: HeldBack) -> None:
        """The rows an editor left out of the facts because the user is still filling
        them in (:mod:`app.facts.unfinished_rows`): each is an error of every selection
        until it is filled or removed, and problems name fields as the editor's rows do.
        A session of a file (the command line) has none."""
        if held != self._held:
            self._held = held
            self._problems.clear()

    # ----- drafts
    def draft(
        self,
        document: DocumentKind,
        language: Language,
        template_set: TemplateSet | None = None,
        *,
        mark_missing: bool = False,
    ) -> Draft:
        """The draft as the facts stand, rendered at most once per version; raises its
        template's error, or :class:`NotDraftedError` for a draft that does not exist
        (:func:`not_drafted`). ``mark_missing``: a missing text shows as a marker."""
        cache = self._cache()
        with self._facts_lock:
            version, incident = self._version, self._incident
        if not draft_languages(incident, document, (language,)):  # quick: on every keystroke
            raise NotDraftedError(not_drafted(incident, document, language, source=self.source))
        return cache.draft(
            version, incident, document, language, template_set, mark_missing=mark_missing
        )

    def prepared(self, selection: Selection, *, mark_missing: bool = False) -> bool:
        """Whether every draft of ``selection`` (or its template's error) is rendered for
        the facts as they stand: asking for them, or for their problems, is then quick."""
        held, key = self._cache().holds, (selection.template_set, mark_missing)
        return all(held(self._version, pair + key) for pair in selection.of(self._incident).pairs())

    def prepare(self, selection: Selection, *, mark_missing: bool = False) -> None:
        """Render every draft of ``selection`` not rendered yet, keeping the template
        errors for whoever asks. Safe to call from a background thread while the
        caller's own thread goes on with the session: drafts of facts replaced
        meanwhile are dropped, not kept as current (the desktop app renders so, and its
        window never waits for a template)."""
        for document, language in selection.of(self._incident).pairs():
            # A template's error is kept in the cache: the preview, checks and export say it.
            with suppress(CrisisDraftError):
                self.draft(document, language, selection.template_set, mark_missing=mark_missing)

    def _cache(self) -> DraftCache:
        if self._drafts is None:
            raise RuntimeError("this session was opened without a renderer")
        return self._drafts

    def trial_draft(self, template: TemplateInfo, source: str) -> Draft:
        """The draft ``template`` would write from these facts if its text were
        ``source`` (a template being edited, not yet saved): missing texts are marked,
        nothing is cached; raises the template's error, naming its line."""
        return self._cache().renderer.render(
            self._incident,
            template.meta.document,
            template.meta.language,
            template_set=template.meta.phase,
            mark_missing=True,
            source=source,
            template=template,
        )

    def drafts(self, selection: Selection) -> list[Draft]:
        """Every draft of ``selection``, in its order; raises the first template error."""
        return [
            self.draft(document, language, selection.template_set)
            for document, language in selection.of(self._incident).pairs()
        ]

    def render(
        self, document: DocumentKind, language: Language, template_set: TemplateSet | None
    ) -> Draft:
        """One draft to show as it would be exported: refused when its export would be,
        naming the first error (a template's own error for a template fault) and
        pointing to ``check``."""
        found = self.problems(Selection((language,), (document,), template_set))
        if found.template_faults:
            raise found.template_faults[0]
        if found.blocks_export:
            raise ProblemsError(
                found.errors[:1],
                ending=N_("{problems}; run 'crisisdraft check' for the full list"),
            )
        return self.draft(document, language, template_set)

    # ----- problems, approval, export
    def problems(
        self,
        selection: Selection,
        *,
        clock: Callable[[], datetime] | None = None,
        final: bool = False,
        warnings: bool = True,
    ) -> Problems:
        """Everything wrong with the facts for ``selection`` (see
        :func:`~app.session.problems.find_problems`); with ``clock``, the record checks
        too, as of the moment it reads. Found once per change of the facts (and moment)
        and reused: the preview, the approve and export buttons and the export itself
        ask in turn. Uses (and fills) the draft cache. ``warnings=False``: what blocks
        an export and its notes, without the facts' warnings (the export's own check,
        when nothing asked for them before)."""
        now = clock() if clock is not None else None
        selection = selection.of(self._incident)
        whole = (selection, final, now, True)
        key = whole if warnings or whole in self._problems else (selection, final, now, False)
        found = self._problems.get(key)
        if found is None:

            def draft_of(document: DocumentKind, language: Language) -> Draft:
                return self.draft(document, language, selection.template_set)

            found = find_problems(
                self._incident,
                selection,
                draft_of,
                source=self.source,
                clock=(lambda: now) if now is not None else None,
                final=final,
                known_keys=self._known_keys,
                unfinished=self._held.problems,
                warnings=key[3],
            )
            found = self._as_edited(found)
            self._problems[key] = found
        return found

    def _as_edited(self, found: Problems) -> Problems:
        """``found`` with the facts' field paths told as the editor's rows (the rows'
        own errors already are)."""
        if not self._held.kept:
            return found
        own = {id(problem) for problem in self._held.problems}
        return Problems(
            tuple(p if id(p) in own else self._held.as_edited(p) for p in found.found),
            found.template_faults,
        )

    def _known_keys(self) -> frozenset[str]:
        """The team's approval keys, read once per session (the first time an approval
        is checked): not on the typing path."""
        if self._team_keys is None:
            self._team_keys = team_keys()
        return self._team_keys

    def approved(self, selection: Selection) -> list[Draft]:
        """The drafts of ``selection`` approved as they read now (never approved, or
        changed since, they are left out); raises the first template error."""
        return [draft for draft in self.drafts(selection) if approval_for(self._incident, draft)]

    def approvals_withdrawn(self, current: TemplateSet, instead: TemplateSet) -> list[Draft]:
        """The drafts of ``current`` approved as they read now that would have no
        approval if ``instead`` were used (the approvals stay in the record and apply
        again on coming back to ``current``). Uses the drafts of both sets, rendering
        those not rendered yet; a draft whose template fails counts as not approved."""
        if not self._incident.record.approvals:
            return []
        return approvals_lost(
            self._incident, self._drafts_written(current), self._drafts_written(instead)
        )

    def _drafts_written(self, template_set: TemplateSet) -> list[Draft]:
        written = []
        for document, language in Selection(template_set=template_set).of(self._incident).pairs():
            with suppress(CrisisDraftError):  # the checks and the preview tell its error
                written.append(self.draft(document, language, template_set))
        return written

    def approve(self, selection: Selection, approver: Approver, at: datetime) -> Incident:
        """Approve the drafts of ``selection`` as they read now, by ``approver``; the
        session keeps the approved incident (call :meth:`save_record` to write it)."""
        seed = load_or_create_seed()  # this user's signing key, made on first use
        approved = approve(self._incident, self.drafts(selection), approver, at, seed)
        remember_approver(approver.name, approver.role)  # offered next time, both fronts
        # An approval is of the text as it reads: it never changes a draft, so the
        # drafts of this version stay (a final export reuses them); the problems of a
        # final export (which drafts are approved) do change.
        self._incident = approved
        self._problems.clear()
        return approved

    def export(
        self,
        selection: Selection,
        out_dir: Path,
        *,
        final: bool = False,
        now: datetime | None = None,
        reference_docx: Path | None = None,
        existing: Existing = Existing.REFUSE,
        formats: Sequence[DocumentFormat] = WORD_ONLY,
        mark: Mark = Mark.DRAFT,
    ) -> list[ExportedDocument]:
        """Write the documents of ``selection`` into ``out_dir``, all or nothing, in
        each of ``formats`` (Word, PDF or both: one statement, recorded once), the
        drafts' headers marked as ``mark`` says (the privilege mark for counsel is
        refused on a final export, before anything else is checked).

        Refused, with nothing written, when :meth:`problems` blocks the export: the
        errors read as ``check`` prints them. A final export (``now`` required: when it
        is issued) is also checked against the record, takes approved drafts only, drops
        the DRAFT mark and records what was issued in the session's incident (call
        :meth:`save_record` to write it). What was dropped from ``reference_docx`` is
        in :attr:`letterhead_notes` afterwards. Documents of an earlier export under the
        same names are refused, replaced or kept beside the new ones as ``existing``
        says (see :meth:`earlier_documents`)."""
        if final and now is None:
            raise ValueError("a final export is made at a given time: pass now")
        check_mark(mark, final=final)
        self.letterhead_notes = []
        clock = (lambda: now) if final and now is not None else None
        # Whether anything blocks it: the problems found before if the front asked for
        # them (the app did), else without the warnings, which never block.
        refusal = self.problems(selection, clock=clock, final=final, warnings=False).refusal()
        if refusal is not None:
            raise refusal
        drafts = self.drafts(selection)  # the drafts just checked, from the cache
        chosen = [
            (draft, approval_for(self._incident, draft) if final else None) for draft in drafts
        ]
        written = write_documents(
            self._incident,
            chosen,
            out_dir,
            reference_docx=reference_docx,
            now=now,
            existing=existing,
            formats=formats,
            mark=mark,
        )
        self.letterhead_notes = written.letterhead_notes
        exported = written.documents
        if final and now is not None:
            issued = [
                FinalDocument(document.draft, document.approval, document.path)
                for document in exported
                if document.approval is not None
            ]
            self.replace(record_issued(self._incident, issued, now))
        return exported

    def earlier_documents(
        self, selection: Selection, out_dir: Path, formats: Sequence[DocumentFormat] = WORD_ONLY
    ) -> list[Path]:
        """The documents of an earlier export that exporting ``selection`` into
        ``out_dir`` would meet (same statement, same names): a front asks the user
        what to do with them before it exports."""
        planned = planned_paths(self._incident, self.drafts(selection), out_dir, formats)
        return [path for path in planned if path.exists()]

    def save_record(self) -> None:
        """Write the record (approvals, issued statements) into the incident's file,
        keeping the facts as the file has them and the entries others wrote meanwhile
        (another command, the app): the session then holds the record as written."""
        if self.path is None:
            raise RuntimeError("this session has no incident file to save into")
        merged = write_record(self.path, self._incident.record)
        self._incident = self._incident.model_copy(update={"record": merged})
        self._problems.clear()


def _same_draft_inputs(old: Incident, new: Incident) -> bool:
    """Whether drafts of ``old`` are drafts of ``new``: same facts, same statements
    issued (an update says what changed since the last one); approvals may differ."""
    if old is new:
        return True
    if old.record.issued != new.record.issued:
        return False
    return all(
        getattr(old, name) == getattr(new, name)
        for name in type(old).model_fields
        if name != "record"
    )
