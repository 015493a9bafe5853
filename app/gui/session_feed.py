"""The window's one :class:`~app.session.incident_session.IncidentSession`, kept in step
with the Qt model of the facts being edited.

The model holds what the user typed, which may not yet be a valid incident; the session
holds the last valid one with its drafts and problems. The window builds one feed and
passes it to the widgets and actions that render, check, approve or export, so they all
share one draft cache: what the preview rendered is what approval and export reuse.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from app.gui.incident_model import IncidentModel
from app.session.selection import Selection
from app.templates.metadata import TemplateSet

if TYPE_CHECKING:
    from app.drafts.render import DraftRenderer
    from app.gui.background import BackgroundWork
    from app.session.incident_session import IncidentSession

#: The background channel of every draft of a set (mark_missing off): the record checks
#: under the preview, the approval count, Approve and Export all ask on it, so one
#: render serves them all and each hears when it is done.
ALL_DRAFTS_CHANNEL = "all drafts"


def this_minute() -> datetime:
    """The clock the window checks the record by: the current minute, so the views that
    ask in turn (preview, approve and export buttons) share one check per minute."""
    return datetime.now(UTC).replace(second=0, microsecond=0)


class SessionFeed:
    """Hands out the session of ``model``'s current facts, rendering with ``renderer``.

    Each valid change of the facts reaches the session (``replace``) when the session
    is next asked for (:meth:`current`), not on the keystroke itself: typing costs
    nothing here until a view needs drafts or problems. Facts newly loaded into the
    model (a file opened, a new incident) get a session of their own."""

    def __init__(
        self, model: IncidentModel, renderer: DraftRenderer, background: BackgroundWork
    ) -> None:
        self.model = model
        #: Where the window's drafts are rendered (see :meth:`prepare`).
        self.background = background
        self._renderer = renderer
        self._limits_seen = renderer.library.limits_hit
        self._session: IncidentSession | None = None
        self._revision = -1  # the model revision the session holds
        model.reset.connect(self._forget)

    def _forget(self) -> None:
        self._session = None

    @property
    def renderer(self) -> DraftRenderer:
        """The renderer of the libraries as last read."""
        return self._renderer

    def use_renderer(self, renderer: DraftRenderer) -> None:
        """The libraries were read again: render with ``renderer`` from now on."""
        self._renderer = renderer
        self._limits_seen = renderer.library.limits_hit
        if self._session is not None:
            self._session.use_renderer(renderer)

    def current(self) -> IncidentSession | None:
        """The session of the facts as they stand, ``None`` while they are not a valid
        incident (the model's problems say why)."""
        incident, _problems = self.model.validated()
        if incident is None:
            return None
        if self._session is None:
            # loaded with the first session, after the window's first paint
            from app.session.incident_session import IncidentSession

            self._session = IncidentSession(incident, self._renderer, path=self.model.path)
        elif self._revision != self.model.revision:
            self._session.replace(incident)
        if self._session.path != self.model.path:
            self._session.move_to(self.model.path)
        self._session.hold_back(self.model.held_back())  # a row being filled in
        self._revision = self.model.revision
        return self._session

    def prepare(
        self,
        channel: str,
        session: IncidentSession,
        selection: Selection,
        *,
        mark_missing: bool = False,
    ) -> bool:
        """Whether the drafts of ``selection`` are rendered for the facts as they stand,
        rendering them in the background if not: ``True`` when they are (at once, or
        within the short wait of :class:`BackgroundWork`), ``False`` while they are
        still being rendered; ``background.finished(channel)`` then says when to ask
        again. A renderer's bug is raised here, on the window's thread."""
        self._redraft_after_limits()
        if session.prepared(selection, mark_missing=mark_missing):
            return True
        key = (id(session), session.version, id(self._renderer), selection, mark_missing)

        def job() -> None:
            session.prepare(selection, mark_missing=mark_missing)

        future = self.background.ask(channel, key, job)
        if future.done() and not session.prepared(selection, mark_missing=mark_missing):
            # A finished job of the same key is of an older session or renderer that
            # happened to have the same id: render again.
            self.background.forget(channel)
            future = self.background.ask(channel, key, job)
        if not future.done() or future.cancelled():
            return False
        future.result()  # raises what the job raised (a bug: templates' errors are kept)
        return session.prepared(selection, mark_missing=mark_missing)

    def _redraft_after_limits(self) -> None:
        """A render limit has disabled a template since the drafts were made: its drafts
        (its error) are dropped, so that every asker gets the next template in rank's."""
        hit = self._renderer.library.limits_hit
        if hit != self._limits_seen:
            self._limits_seen = hit
            if self._session is not None:
                self._session.use_renderer(self._renderer)

    def ready(self, template_set: TemplateSet) -> IncidentSession | None:
        """The session when nothing blocks approving or exporting the drafts of
        ``template_set`` (the session's problems, the record checks as of now, the very
        problems the preview lists), else ``None``. Call it once :meth:`drafted` is true:
        it renders what is not rendered yet."""
        session = self.current()
        if session is None:
            return None
        every_draft = Selection(template_set=template_set)
        if session.problems(every_draft, clock=this_minute).blocks_export:
            return None
        return session

    def drafted(self, template_set: TemplateSet) -> bool:
        """Whether every draft of ``template_set`` is rendered (or the facts cannot be
        read, so there is nothing to render), rendering them in the background if not
        (``finished`` on :data:`ALL_DRAFTS_CHANNEL` says when they are)."""
        session = self.current()
        return session is None or self.prepare(
            ALL_DRAFTS_CHANNEL, session, Selection(template_set=template_set)
        )
