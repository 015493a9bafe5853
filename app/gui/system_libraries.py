"""The system libraries Qt draws windows with on a Linux desktop, checked before Qt is.

PySide6 brings Qt itself, but Qt's X11 platform plugin (``xcb``) needs libraries from the
system. When one is missing, Qt aborts the process with its own message ("Could not
load the Qt platform plugin...") that names no package, so a fresh machine fails at
the first ``uv run crisisdraft`` without saying what to do. This module finds the
missing ones first, by asking the system's dynamic loader for each library the
plugin links to, and names the packages that provide them. Windows and macOS need
none. It imports no Qt: it runs before Qt is loaded.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping

#: Each library Qt's xcb plugin (Qt 6.5 and later) loads, with the Debian and Ubuntu
#: package that provides it (the README lists the same ones).
XCB_LIBRARIES: Mapping[str, str] = {
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
}

Loader = Callable[[str], object]


def uses_xcb(environment: Mapping[str, str], platform: str = sys.platform) -> bool:
    """Whether Qt will draw through X11 here: a Linux or BSD desktop with an X display,
    no Wayland session (where Qt uses its Wayland plugin) and no platform chosen by
    hand other than ``xcb``."""
    if platform in ("win32", "darwin"):
        return False
    chosen = environment.get("QT_QPA_PLATFORM", "")
    if chosen:
        return chosen.split(":")[0] == "xcb"
    return bool(environment.get("DISPLAY")) and not environment.get("WAYLAND_DISPLAY")


def missing_libraries(load: Loader | None = None) -> list[str]:
    """The libraries of :data:`XCB_LIBRARIES` the dynamic loader (``load``, by default
    the system's) cannot find."""
    if load is None:
        import ctypes  # only on an X11 desktop, where the check runs

        load = ctypes.CDLL
    missing = []
    for library in XCB_LIBRARIES:
        try:
            load(library)
        except OSError:
            missing.append(library)
    return missing


def packages_for(libraries: list[str]) -> list[str]:
    """The Debian and Ubuntu packages that provide ``libraries``, in the same order."""
    return [XCB_LIBRARIES[library] for library in libraries]


def missing_for_this_desktop(
    environment: Mapping[str, str] | None = None, load: Loader | None = None
) -> list[str]:
    """What the app's window needs and the system lacks here (none off X11)."""
    if not uses_xcb(os.environ if environment is None else environment):
        return []
    return missing_libraries(load)
