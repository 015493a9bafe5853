"""LibreOffice as a second, independent reader of exported documents (the slow tests
marked ``libreoffice`` use it; they are skipped only where soffice is absent)."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterable
from pathlib import Path

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def libreoffice_texts(documents: Iterable[Path], folder: Path) -> dict[str, str]:
    """Each document's text as LibreOffice reads it, by file stem (converted in
    ``folder``, with a profile of its own so parallel runs do not share one)."""
    assert SOFFICE is not None
    result = subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation=file://{folder / 'lo-profile'}",
            "--headless",
            "--convert-to",
            "txt:Text",
            "--outdir",
            str(folder / "txt"),
            *map(str, documents),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return {
        path.stem: path.read_text(encoding="utf-8-sig") for path in (folder / "txt").glob("*.txt")
    }
