"""LibreOffice opens every exported document: a second, independent reader of the
files (CI installs it; the test is skipped only where soffice is absent)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from app.session.incident_session import IncidentSession
from app.session.selection import Selection

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.libreoffice
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_opens_every_exported_document_and_reads_its_text(
    tmp_path: Path, make_incident, renderer
) -> None:
    assert SOFFICE is not None
    session = IncidentSession(make_incident(), renderer)
    written = [d.path for d in session.export(Selection(), tmp_path / "out")]
    profile = tmp_path / "lo-profile"
    result = subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "txt:Text",
            "--outdir",
            str(tmp_path / "txt"),
            *map(str, written),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    texts = {
        path.stem: path.read_text(encoding="utf-8-sig") for path in (tmp_path / "txt").glob("*.txt")
    }
    assert set(texts) == {path.stem for path in written}
    assert (
        "no evidence that any customer data has been taken"
        in texts["northwind-motors_holding-1_2025-09-02-0900_press_release_en"]
    )
    assert (
        "Données des clients"
        in texts["northwind-motors_holding-1_2025-09-02-0900_press_release_fr"]
    )
