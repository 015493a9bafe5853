"""The one question asked before approving or exporting: are the drafts ready?

Approve and Export both need every draft of the set rendered and nothing blocking
them. Drafts are rendered in the background (:mod:`app.gui.background`); when the
user asks before they are all done, a progress dialog says so (after a moment, so a
quick render shows nothing) and the action goes on once they are, the window drawing
meanwhile; Cancel gives up. Then, if anything blocks them, the user is told to fix
the problems listed under the preview.
"""

from __future__ import annotations

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from app.gui.session_feed import ALL_DRAFTS_CHANNEL, SessionFeed
from app.gui.texts import N_, Gettext
from app.session.incident_session import IncidentSession
from app.templates.metadata import TemplateSet

PROGRESS_AFTER_MS = 400  # a wait shorter than this shows no dialog
LOOK_AGAIN_MS = 250


def ready_or_say(
    parent: QWidget,
    sessions: SessionFeed,
    template_set: TemplateSet,
    title: str,
    gettext: Gettext,
) -> IncidentSession | None:
    """The session when the drafts of ``template_set`` can be approved or exported;
    else ``None``, having told the user why in a dialog titled ``title`` (or the user
    cancelled the wait for the drafts)."""
    if not wait_for_drafts(parent, sessions, template_set, title, gettext):
        return None
    session = sessions.ready(template_set)
    if session is None:
        QMessageBox.warning(
            parent, title, gettext(N_("Fix the problems listed under the preview first."))
        )
    return session


def wait_for_drafts(
    parent: QWidget,
    sessions: SessionFeed,
    template_set: TemplateSet,
    title: str,
    gettext: Gettext,
) -> bool:
    """Whether every draft of the set is rendered, waiting for the background if
    need be (the window's event loop runs meanwhile); ``False`` if cancelled."""
    if sessions.drafted(template_set):
        return True
    if sessions.background.closed:
        return False
    progress = QProgressDialog(
        gettext(N_("Writing the drafts (a template is taking its time)…")),
        gettext(N_("Cancel")),
        0,
        0,
        parent,
    )
    progress.setWindowTitle(title)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(PROGRESS_AFTER_MS)
    waiting = QEventLoop()

    def job_ended(channel: str) -> None:
        if channel == ALL_DRAFTS_CHANNEL and sessions.drafted(template_set):
            waiting.quit()

    sessions.background.finished.connect(job_ended)
    progress.canceled.connect(waiting.quit)
    # And now and then, whatever is announced: a wake-up lost by any path (or a quit()
    # that came before exec()) can delay the action a moment, never hang the window.
    looking = QTimer()
    looking.setInterval(LOOK_AGAIN_MS)
    looking.timeout.connect(lambda: job_ended(ALL_DRAFTS_CHANNEL))
    looking.start()
    progress.setValue(0)  # starts the clock of the minimum duration
    # Asked again after every wake-up, and the answer kept: drafts found done may be
    # dropped by the next question (a template stopped by a limit is redrafted by the
    # next in rank), so "done" is what the last answer said, never a second asking.
    drafted = sessions.drafted(template_set)
    try:
        while not drafted and not progress.wasCanceled() and not sessions.background.closed:
            waiting.exec()
            drafted = sessions.drafted(template_set)
    finally:
        looking.stop()
        sessions.background.finished.disconnect(job_ended)
        cancelled = progress.wasCanceled()
        progress.close()
        progress.deleteLater()
    return drafted and not cancelled
