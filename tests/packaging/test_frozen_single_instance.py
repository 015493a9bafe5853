"""The shipped app is one app per user: with the frozen CrisisDraft running, opening an
incident file (as the file manager does, ``CrisisDraft gui FILE``) hands it to the
running window and exits at once (slow: the build). Its QtNetwork and the desktop's
libraries it links to are the build's and the system's, not the venv's."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.two_starts import assert_second_start_hands_over

SECOND_START_S = 5  # the frozen command line's start, a connect and a reply


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="the profile is chosen by XDG_* folders")
def test_a_second_frozen_start_hands_its_file_to_the_running_app(
    frozen_app: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    program = [str(frozen_app / "CrisisDraft")]
    assert_second_start_hands_over(program, tmp_path, monkeypatch, SECOND_START_S)
