"""An export in CrisisDraft's own look takes its ready-made document parts from the
per-user cache: the command line then exports without loading python-docx, and a
damaged cache only costs making them again (app/export/house_frames.py)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import docx

from app.export.house_frames import house_frame
from app.files.resources import example_incident
from app.files.user_folders import frame_cache_folder
from tests.test_cli_start import PROBE

EXPORT = ["export", str(example_incident()), "--overwrite", "--out"]


def exported(out: Path) -> dict:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, "docx,lxml", *EXPORT, str(out)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def headlines(out: Path) -> list[str]:
    return [docx.Document(str(path)).core_properties.title for path in sorted(out.glob("*.docx"))]


def test_the_second_export_loads_no_word_library_and_writes_the_same_documents(
    tmp_path: Path,
) -> None:
    first = exported(tmp_path / "first")
    assert first["code"] == 0 and first["loaded"] == ["docx", "lxml"]  # frames made, kept
    assert len(list(frame_cache_folder().glob("*.docx"))) == 2  # English and French
    second = exported(tmp_path / "second")
    assert second["code"] == 0 and second["loaded"] == []
    assert len(second["out"].splitlines()) == 6
    assert headlines(tmp_path / "second") == headlines(tmp_path / "first")
    names = [path.name for path in sorted((tmp_path / "second").glob("*.docx"))]
    document = docx.Document(str(tmp_path / "second" / names[0]))
    assert document.sections[0].header.paragraphs[0].text.startswith("DRAFT – NOT FOR RELEASE")


def test_a_damaged_cache_is_made_again(tmp_path: Path, renderer, make_incident) -> None:
    from app.export.house_frames import HouseFrames
    from app.export.word_document import draft_to_docx
    from app.templates.documents import DocumentKind

    draft = renderer.render(make_incident(), DocumentKind.PRESS_RELEASE, "en")
    house_frame.cache_clear()
    draft_to_docx(draft, HouseFrames())
    (cached,) = frame_cache_folder().glob("en-*.docx")
    cached.write_bytes(b"not a zip")
    house_frame.cache_clear()  # as in a new process
    document = docx.Document(io.BytesIO(draft_to_docx(draft, HouseFrames())))
    assert document.paragraphs[0].text == draft.blocks[0].text
    assert cached.read_bytes().startswith(b"PK")  # made again and kept
    house_frame.cache_clear()


def test_frames_are_kept_under_python_docxs_installed_version() -> None:
    """Read from its package without importlib.metadata: the same version the
    installed metadata gives, so a new python-docx makes its frames anew."""
    from importlib import metadata

    from app.export.house_frames import _python_docx_version

    assert _python_docx_version() == metadata.version("python-docx")
