"""When the preview redraws after a change: at once, within the keystroke, while redrawing
is quick; after a pause in the typing when it is not (a slow machine, a very long
template). Quick is judged on the median of the last few redraws, so one slowed by
something else (another program, Python's garbage collector) does not make the next
keystrokes wait for a pause."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable

#: The pause in the typing a slow redraw waits for.
DEBOUNCE_MS = 120
#: A redraw that takes under a third of the time between two keys of a fast typist
#: (150 ms) runs at once: the next key waits for it less than a frame or two, while
#: waiting for a pause would show the change 120 ms later. (At 16 ms, the two
#: languages' drafts, 12-17 ms a redraw, were put off one keystroke in two.)
FAST_REFRESH_MS = 50.0
RECENT_REFRESHES = 5  # how many of the last redraws say whether redrawing is quick


class RefreshPace:
    """The times of the last few redraws, and what they say about the next one."""

    def __init__(self) -> None:
        self._recent: deque[float] = deque([0.0] * RECENT_REFRESHES, RECENT_REFRESHES)

    def took(self, milliseconds: float) -> None:
        """A redraw (not a wait for the background's first render) took this long."""
        self._recent.append(milliseconds)

    def quick(self) -> bool:
        """Whether the next redraw can run within the keystroke."""
        return median(self._recent) < FAST_REFRESH_MS


def median(values: Iterable[float]) -> float:
    """The middle value; the statistics module would load decimal and fractions into the
    window's start for this."""
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2
