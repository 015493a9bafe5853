"""The window's background renders: every asker waiting for a channel hears when its
job ends, whoever asked for it last."""

from __future__ import annotations

import threading

from app.gui.background import BackgroundWork


def test_an_asker_still_hears_of_a_job_another_asker_found_done(qtbot) -> None:
    """Approve waits for every draft while the record check asks for the same drafts and
    finds them done: Approve must still be told (it hung, waiting, before)."""
    work = BackgroundWork(wait_seconds=0.01)
    release = threading.Event()
    first = work.ask("all drafts", "same drafts", lambda: release.wait(10))
    assert not first.done()  # the first asker now waits for `finished`
    release.set()
    first.result(timeout=10)
    second = work.ask("all drafts", "same drafts", lambda: release.wait(10))
    assert second is first and second.done()  # the second asker gets it at once
    with qtbot.waitSignal(work.finished, timeout=2000) as told:
        pass
    assert told.args == ["all drafts"]
    work.close()


def test_a_quick_job_is_waited_for_and_told_to_nobody(qtbot) -> None:
    work = BackgroundWork(wait_seconds=5)
    done = work.ask("preview", 1, lambda: "draft")
    assert done.result() == "draft"
    with qtbot.assertNotEmitted(work.finished, wait=100):
        pass
    work.close()
