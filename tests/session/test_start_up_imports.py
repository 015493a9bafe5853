"""The app's start loads neither python-docx nor lxml: the Word writer, the redline and
the reader of edited Word documents are imported when they are used (the window paints
first). Run in a fresh interpreter, as the app starts."""

from __future__ import annotations

import subprocess
import sys

PROBE = (
    "import sys\n"
    "import app.cli.main, app.gui.main_window, app.session.incident_session\n"
    "print(sorted(m for m in ('docx', 'lxml') if m in sys.modules))\n"
)


def test_the_window_and_the_session_load_no_word_library() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True, timeout=120
    )
    assert result.stdout.strip() == "[]"
