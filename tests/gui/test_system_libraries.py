"""A Linux desktop without the libraries Qt's X11 plugin needs: the app names the
packages to install instead of letting Qt abort with a message that names none."""

from __future__ import annotations

import ctypes
from pathlib import Path

import pytest

from app.gui.launcher import GuiOptions, run_gui
from app.gui.system_libraries import (
    XCB_LIBRARIES,
    missing_for_this_desktop,
    missing_libraries,
    packages_for,
    uses_xcb,
)

WITHOUT = ("libxcb-icccm.so.4", "libxcb-keysyms.so.1")
SYSTEM_LOADER = ctypes.CDLL


def loader_without(*absent: str):
    """The system's dynamic loader, on a machine where ``absent`` are not installed."""

    def load(name: str) -> object:
        if name in absent:
            raise OSError(f"{name}: cannot open shared object file: No such file or directory")
        return SYSTEM_LOADER(None)

    return load


@pytest.mark.parametrize(
    ("environment", "platform", "expected"),
    [
        ({"DISPLAY": ":0"}, "linux", True),
        ({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, "linux", False),
        ({"QT_QPA_PLATFORM": "xcb"}, "linux", True),
        ({"QT_QPA_PLATFORM": "xcb:dpi=96"}, "linux", True),
        ({}, "linux", False),
        ({"DISPLAY": ":0"}, "win32", False),
        ({"DISPLAY": ":0"}, "darwin", False),
    ],
)
def test_the_libraries_matter_only_where_qt_draws_through_x11(
    environment, platform, expected
) -> None:
    assert uses_xcb(environment, platform) is expected


def test_the_missing_libraries_and_their_packages_are_named_in_order() -> None:
    missing = missing_libraries(loader_without(*WITHOUT))
    assert missing == list(WITHOUT)
    assert packages_for(missing) == ["libxcb-icccm4", "libxcb-keysyms1"]
    assert missing_libraries(loader_without()) == []
    assert missing_for_this_desktop({"WAYLAND_DISPLAY": "w"}, loader_without(*WITHOUT)) == []


def test_every_library_the_readme_lists_is_checked() -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    listed = " ".join(readme.split())
    for package in XCB_LIBRARIES.values():
        if package not in ("libxcb1", "libx11-xcb1", "libxkbcommon0"):  # come with X
            assert package in listed, package


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", "the desktop app needs system libraries this computer lacks"),
        ("fr", "l’application a besoin de bibliothèques système absentes de cet ordinateur"),
    ],
)
def test_the_app_says_which_packages_to_install_and_does_not_start_qt(
    monkeypatch, capsys, language, words
) -> None:
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setattr(ctypes, "CDLL", loader_without(*WITHOUT))
    assert run_gui(GuiOptions(language=language)) == 2
    said = capsys.readouterr().err
    assert said.startswith(f"crisisdraft: {words}")
    assert "libxcb-icccm.so.4, libxcb-keysyms.so.1" in said
    assert "sudo apt-get install libxcb-icccm4 libxcb-keysyms1" in said
    assert said.count("\n") == 1
