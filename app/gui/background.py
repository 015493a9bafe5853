"""Rendering the window does not wait for.

A template from a shared folder or a pack may run up to its time limit (two seconds;
see :mod:`app.templates.limits`) before it is stopped; on the window's own thread that
is a frozen window. So the window's drafts are rendered by one background thread, one
job at a time. The window asks for a job and waits for it a few frames at most
(:data:`WAIT_SECONDS`): a quick render (every built-in template, almost every other)
is shown within the keystroke's frame as before; a slower one goes on in the
background while the window says it is drafting, and :attr:`BackgroundWork.finished`
tells the asker, on the window's thread, to ask again. The window's thread looks for
ended jobs on a short timer (running only while a job is awaited): the background
thread never touches a Qt object, as emitting a signal from a plain Python thread
crashed the interpreter at exit (PySide 6.12).

The two threads share Python's interpreter lock, which the running thread hands over
only every few milliseconds: with Python's default (5 ms) a keystroke typed while a
slow template renders took 100 to 240 ms to be handled; with :data:`SWITCH_SECONDS`
(0.5 ms) it takes 20 to 40 ms (measured with a template stopped by its time limit).
The interval only matters while both threads want to run.

Jobs are grouped by *channel* (one per asker: the preview, the record checks, the
template editor). A channel keeps only its latest job: asking for other work
cancels the one still queued, so typing never builds a queue of stale renders.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Hashable
from concurrent.futures import (
    CancelledError,
    Future,
    ThreadPoolExecutor,
    TimeoutError as FutureTimeout,
)
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal

logger = logging.getLogger(__name__)

#: How long the window waits for a job before drawing what it has and saying it is
#: drafting: about three frames, below what a typist notices.
WAIT_SECONDS = 0.05
#: How often Python's lock passes between the threads (see above).
SWITCH_SECONDS = 0.0005
#: How often the window's thread looks for ended jobs while an asker waits.
LOOK_MS = 10

T = TypeVar("T")


class BackgroundWork(QObject):
    """One background thread for the window's renders, and which job each asker has.

    ``finished(channel)`` is emitted on the window's thread when a channel's job ends
    (done, failed or stopped by its template's limit); the asker then asks again and
    gets the result at once."""

    finished = Signal(str)

    def __init__(self, wait_seconds: float = WAIT_SECONDS) -> None:
        super().__init__()
        sys.setswitchinterval(min(sys.getswitchinterval(), SWITCH_SECONDS))
        self.wait_seconds = wait_seconds
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="crisisdraft-drafts")
        self._jobs: dict[str, tuple[Hashable, Future[Any]]] = {}
        self._awaited: set[str] = set()  # channels whose asker waits for `finished`
        self._closed = False
        self._drained: Future[None] | None = None  # done once every job has ended (closed)
        self._looking = QTimer(self)
        self._looking.setInterval(LOOK_MS)
        self._looking.timeout.connect(self._look_for_ended_jobs)

    def ask(self, channel: str, key: Hashable, job: Callable[[], T]) -> Future[T]:
        """The future of ``job`` for ``channel``, started now unless the channel's
        latest job has the same ``key``; waited for up to :attr:`wait_seconds`.

        The future returned may not be done (or cancelled: the window closed): the
        caller then shows that it is drafting and asks again on ``finished(channel)``.
        No wait when another channel's job is still running (this one is queued
        behind it)."""
        if self._closed:  # the window is closing: a late timer's job is not wanted
            closed: Future[T] = Future()
            closed.cancel()
            return closed
        known = self._jobs.get(channel)
        if known is not None and known[0] == key and not known[1].cancelled():
            future = known[1]
        else:
            if known is not None:
                known[1].cancel()  # still queued: never started, never finishes
            future = self._executor.submit(job)
            self._jobs[channel] = (key, future)
        others = [other for _key, other in self._jobs.values() if other is not future]
        if all(other.done() for other in others):  # not queued behind another's job
            try:
                future.result(timeout=self.wait_seconds)
            except (FutureTimeout, CancelledError):
                pass
            except Exception:
                logger.debug("a background job failed; its asker is told")
        if not future.done():
            self._awaited.add(channel)
            self._looking.start()
        # A done job leaves the channel awaited if it was: another asker of the same
        # channel may be waiting for `finished` (the wait for drafts before Approve, while
        # the record check asks for the same drafts); it is told at the next look.
        return future

    def busy(self, channel: str) -> bool:
        """Whether ``channel`` has a job not finished yet."""
        known = self._jobs.get(channel)
        return known is not None and not known[1].done()

    def idle(self) -> bool:
        """Whether no job is running or queued and every asker has been told its job
        ended (what the window shows is what the facts give; tests wait for this)."""
        return not self._awaited and all(future.done() for _key, future in self._jobs.values())

    def forget(self, channel: str) -> None:
        """Drop ``channel``'s job (its result is no longer wanted)."""
        known = self._jobs.pop(channel, None)
        if known is not None:
            known[1].cancel()

    @property
    def closed(self) -> bool:
        """Whether :meth:`close` was called (no job is started, nothing announced)."""
        return self._closed

    def ended(self) -> bool:
        """Whether, after :meth:`close`, the job that was running has ended too (the
        thread is idle for good). A closed window does not wait for it; a test does,
        so that a slow template's render never runs on into the next test."""
        return self._drained is not None and self._drained.done()

    def close(self) -> None:
        """Stop taking work; queued jobs are cancelled and the one running ends by
        itself (a template stops at its limit), without the window waiting for it."""
        if self._closed:
            return
        self._closed = True
        self._looking.stop()
        for _key, future in self._jobs.values():
            future.cancel()
        self._jobs.clear()
        self._awaited.clear()
        # One thread runs the jobs in order: this one ends after the one still running
        # (a job replaced in its channel while running is no longer in ``_jobs``).
        self._drained = self._executor.submit(_nothing)
        self._executor.shutdown(wait=False, cancel_futures=False)

    def _look_for_ended_jobs(self) -> None:
        """On the window's thread: tell each waiting asker whose job has ended."""
        for channel in sorted(self._awaited):
            known = self._jobs.get(channel)
            if known is None or known[1].done():
                self._awaited.discard(channel)
                self.finished.emit(channel)
        if not self._awaited:
            self._looking.stop()


def _nothing() -> None:
    """The last job of a closed :class:`BackgroundWork`: its end says all others ended."""
