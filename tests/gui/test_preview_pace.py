"""When the preview redraws: at once, within the keystroke, while redrawing is quick;
after a pause in the typing when it is slow. One slow redraw (the machine busy for a
moment) does not make the next keystrokes wait.

The preview's clock is the test's: a redraw takes no time unless the test says it is
slow, and the background is waited for as long as it takes, so what is judged quick
does not depend on how busy the test machine is."""

from __future__ import annotations

from types import SimpleNamespace

from app.export import preview_html
from app.gui import preview as preview_module
from tests.gui.helpers import field, settle

SLOW_SECONDS = 0.04  # per language drawn: 80 ms a redraw with both shown


def clocked(monkeypatch, slow: list[bool]) -> None:
    """The preview reads the test's clock; drawing a page moves it on while ``slow[0]``."""
    now = [0.0]
    monkeypatch.setattr(preview_module, "time", SimpleNamespace(perf_counter=lambda: now[0]))
    drawn = preview_html.draft_to_html

    def draw(*args, **kwargs):
        if slow[0]:
            now[0] += SLOW_SECONDS
        return drawn(*args, **kwargs)

    monkeypatch.setattr(preview_html, "draft_to_html", draw)


def typed_and_shown(qtbot, window, text: str) -> bool:
    """Type ``text``; whether the preview showed it within the keystroke."""
    qtbot.keyClicks(field(window, "organisation.name").edit, text)
    return window.preview.shown_revision == window.model.revision


def quick_window(make_main_window, qtbot, monkeypatch, slow: list[bool]):
    window = make_main_window(preview="both")
    clocked(monkeypatch, slow)
    # the drafts are always rendered within the keystroke's wait for the background,
    # however busy the test machine: only the clock above says what is slow
    monkeypatch.setattr(window.background, "wait_seconds", 10.0)
    field(window, "organisation.name").edit.setFocus()
    for letter in "vwxyz":  # redraws on the test's clock (the window's first ones were real)
        typed_and_shown(qtbot, window, letter)
        settle(qtbot, window)
    return window


def test_one_slow_redraw_does_not_hold_the_next_keystrokes(
    make_main_window, qtbot, monkeypatch
) -> None:
    slow = [False]
    window = quick_window(make_main_window, qtbot, monkeypatch, slow)
    assert typed_and_shown(qtbot, window, "a")
    slow[0] = True
    assert typed_and_shown(qtbot, window, "b")
    slow[0] = False
    assert [typed_and_shown(qtbot, window, letter) for letter in "cdef"] == [True] * 4
    assert "vwxyzabcdef" in window.preview.views["fr"].toPlainText()


def test_slow_redraws_wait_for_a_pause_in_the_typing(make_main_window, qtbot, monkeypatch):
    slow = [False]
    window = quick_window(make_main_window, qtbot, monkeypatch, slow)
    slow[0] = True
    shown = [typed_and_shown(qtbot, window, letter) for letter in "abcdefgh"]
    assert shown[:3] == [True] * 3  # until most of the last redraws were slow
    assert shown[3:] == [False] * 5  # then each waits for a pause
    settle(qtbot, window)  # the pause: the preview catches up
    assert "vwxyzabcdefgh" in window.preview.views["en"].toPlainText()
    slow[0] = False
    for letter in "ijklm":  # quick again (another program stopped): after a pause each
        typed_and_shown(qtbot, window, letter)
        settle(qtbot, window)
    assert typed_and_shown(qtbot, window, "n")
