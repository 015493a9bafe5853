"""The packaged app carries everything: build the one-folder app for this platform and
run the frozen executables as a user would (slow: a full PyInstaller build)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from app.files.resources import example_incident
from app.interface_text.help_pages import CONTENTS

ROOT = Path(__file__).resolve().parents[2]
SUFFIX = ".exe" if sys.platform == "win32" else ""


@pytest.mark.slow
def test_the_frozen_command_line_exports_the_example(frozen_app: Path, tmp_path: Path) -> None:
    cli = frozen_app / f"crisisdraft-cli{SUFFIX}"
    version = subprocess.run([str(cli), "--version"], capture_output=True, text=True, check=True)
    assert version.stdout.strip() == "crisisdraft 0.1.0"
    result = subprocess.run(
        [str(cli), "export", str(example_incident()), "--out", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    written = sorted((tmp_path / "out").iterdir())
    assert len(written) == 6
    french = docx.Document(
        tmp_path / "out" / "northwind-motors_holding-1_2025-09-02-0900_press_release_fr.docx"
    )
    text = "\n".join(paragraph.text for paragraph in french.paragraphs)
    assert "Coventry, le 2\u00a0septembre 2025" in text  # Babel's French data is in the build
    header = french.sections[0].header.paragraphs[0].text
    assert header.startswith("PROJET – NE PAS DIFFUSER")


@pytest.mark.slow
def test_the_frozen_command_line_writes_american_english(frozen_app: Path, tmp_path: Path) -> None:
    cli = frozen_app / f"crisisdraft-cli{SUFFIX}"
    american = example_incident().parent / "it-failure.crisis.json"
    result = subprocess.run(
        [str(cli), "render", str(american), "--doc", "press_release", "--lang", "en"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "NASHVILLE, February 9, 2026 –" in result.stdout  # Babel's en_US data is in the build
    assert "9:00 AM CST" in result.stdout


@pytest.mark.slow
def test_the_frozen_app_renders_its_window_in_french(frozen_app: Path, tmp_path: Path) -> None:
    shot = tmp_path / "frozen.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [
            str(frozen_app / f"CrisisDraft{SUFFIX}"),
            "gui",
            "--lang",
            "fr",
            "--screenshot",
            str(shot),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 20_000


@pytest.mark.slow
def test_the_build_carries_no_unused_qt_module(frozen_app: Path) -> None:
    qt_libraries = {p.name.split(".")[0] for p in frozen_app.rglob("libQt6*")} | {
        p.stem for p in frozen_app.rglob("Qt6*.dll")
    }
    # QtNetwork ships for its local socket only (a second start hands its file over).
    assert not {"libQt6Qml", "libQt6Quick", "Qt6Qml", "Qt6Quick"} & qt_libraries


@pytest.mark.slow
def test_the_frozen_app_carries_the_help_in_both_languages(frozen_app: Path) -> None:
    bundled = next(frozen_app.rglob("_bundled"))
    for language in ("en", "fr"):
        pages = sorted(path.stem for path in (bundled / "help" / language).glob("*.md"))
        assert pages == sorted(CONTENTS), language


@pytest.mark.slow
def test_the_frozen_command_line_writes_pdfs_in_their_fonts(frozen_app: Path, tmp_path) -> None:
    cli = frozen_app / f"crisisdraft-cli{SUFFIX}"
    out = tmp_path / "out"
    result = subprocess.run(
        [str(cli), "export", str(example_incident()), "--out", str(out), "--pdf",
         "--lang", "fr", "--doc", "press_release"],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # no word of the image library the build leaves out
    (pdf,) = out.iterdir()
    reader = PdfReader(pdf)
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert text.startswith("PROJET – NE PAS DIFFUSER") and "« Nous avons agi rapidement" in text
    assert b"Carlito" in pdf.read_bytes()  # the bundled font, embedded


@pytest.mark.slow
def test_the_frozen_app_carries_the_dictionaries(frozen_app: Path, tmp_path: Path) -> None:
    # pyspellchecker's English and French lists (no PyInstaller hook collects them)...
    lists = sorted(path.name for path in frozen_app.rglob("spellchecker/resources/*.json.gz"))
    assert lists == ["en.json.gz", "fr.json.gz"]
    # ...and ours, which the language check of `check` reads
    english = "Production colleagues should not report for their shifts until further notice."
    data = json.loads(example_incident().read_text(encoding="utf-8"))
    data["guidance"]["staff"] = {"en": english, "fr": english}
    incident = tmp_path / "pasted.crisis.json"
    incident.write_text(json.dumps(data), encoding="utf-8")
    cli = frozen_app / f"crisisdraft-cli{SUFFIX}"
    result = subprocess.run(
        [str(cli), "check", str(incident)], capture_output=True, text=True, timeout=300, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "guidance.staff.fr: this French text reads as English" in result.stdout
