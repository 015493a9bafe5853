"""What a session reads and writes of the incident's record: the statements issued and
their comparisons, a Word document edited outside the app issued, the redline between
two statements, the timeline. Part of :class:`~app.session.incident_session.IncidentSession`
(its methods are the session's), kept apart so each file holds one job."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Protocol

from app.drafts.blocks import Draft
from app.errors import Problem
from app.export.marks import Mark
from app.facts.models import Approver, Incident, IssuedStatement, Language
from app.record.diff import FactChange
from app.record.timeline import TimelineEvent
from app.session import edited_issue, record_view
from app.session.edited_issue import EditedIssue
from app.session.preferences import remember_approver
from app.session.redline_statements import Side, WrittenRedline, write_statements_redline
from app.templates.documents import DocumentKind
from app.templates.metadata import TemplateSet


class WorkedIncident(Protocol):
    """What the record's methods use of the session they are part of."""

    source: str

    @property
    def incident(self) -> Incident: ...

    def draft(
        self,
        document: DocumentKind,
        language: Language,
        template_set: TemplateSet | None = None,
        *,
        mark_missing: bool = False,
    ) -> Draft: ...

    def replace(self, incident: Incident) -> None: ...


class SessionRecord:
    """The record side of an incident session (mixed into ``IncidentSession``)."""

    def read_edited(
        self: WorkedIncident,
        path: Path,
        document: DocumentKind,
        language: Language,
        at: datetime,
        *,
        template_set: TemplateSet | None = None,
    ) -> EditedIssue:
        """The Word document ``path``, edited outside the app, read back as ``document``
        in ``language`` and checked as of ``at`` (see :mod:`app.session.edited_issue`);
        compared with the app's draft from ``template_set`` (default: the one its
        document properties name, else the statement's)."""
        return edited_issue.read_edited(
            self.incident,
            path,
            document,
            language,
            self.draft,
            at,
            source=self.source,
            template_set=template_set,
        )

    def issue_edited(
        self: WorkedIncident,
        issue: EditedIssue,
        approver: Approver,
        at: datetime,
        *,
        despite: bool = False,
        worded: Callable[[Problem], str] | None = None,
    ) -> Incident:
        """Record ``issue`` as issued at ``at``, approved by ``approver`` (call
        :meth:`save_record` to write it); refused while a check fails, unless
        ``despite``: the record then keeps its problems as ``worded`` says them (the
        front's language; English by default)."""
        issued = edited_issue.issued_edited(
            self.incident, issue, approver, at, despite=despite, worded=worded
        )
        remember_approver(approver.name, approver.role)
        self.replace(issued)
        return issued

    def issued(self: WorkedIncident) -> list[IssuedStatement]:
        return list(self.incident.record.issued)

    def compare_issued(self: WorkedIncident, first: int, second: int) -> record_view.Comparison:
        return record_view.compare_issued(self.incident, first, second, source=self.source)

    def redline(
        self: WorkedIncident,
        first: Side,
        second: Side,
        out: Path,
        *,
        now: datetime,
        template_set: TemplateSet | None = None,
        mark: Mark = Mark.DRAFT,
    ) -> WrittenRedline:
        """Write the Word redline from ``first`` to ``second`` (numbers as ``history``
        counts them, or ``"draft"``: the current draft, from ``template_set``) into
        ``out``; see :mod:`app.session.redline_statements`. A side that is the draft
        needs a session opened with a renderer."""

        def draft_of(document: DocumentKind, language: Language) -> Draft:
            return self.draft(document, language, template_set)

        return write_statements_redline(
            self.incident,
            first,
            second,
            out,
            draft_of=draft_of,
            now=now,
            source=self.source,
            mark=mark,
        )

    def timeline(self: WorkedIncident, now: datetime) -> list[TimelineEvent]:
        return record_view.timeline(self.incident, now)

    def changes_since_last_statement(self: WorkedIncident) -> list[FactChange] | None:
        return record_view.changes_since_last_statement(self.incident)
