"""`crisisdraft export --pdf` as a user runs it: a real process, the files it writes."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from app.cli.main import run
from app.facts.loading import load_incident
from app.files.resources import example_incident
from tests.test_cli import approve, crisisdraft

STEM = "northwind-motors_holding-1_2025-09-02-0900_press_release_fr"
PRESS_FR = ("--lang", "fr", "--doc", "press_release")


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_export_pdf_writes_pdfs_only(tmp_path: Path, capsys) -> None:
    """In process (the subprocess test below is slow: fpdf2 takes a second to import)."""
    assert run(["export", str(example_incident()), "--out", str(tmp_path), *PRESS_FR, "--pdf"]) == 0
    assert capsys.readouterr().out == f"{tmp_path / STEM}.pdf\n"
    assert [path.name for path in tmp_path.iterdir()] == [f"{STEM}.pdf"]
    assert "Redémarrer les applications mondiales" in pdf_text(tmp_path / f"{STEM}.pdf")


@pytest.mark.slow
def test_export_pdf_and_docx_writes_both_side_by_side(tmp_path: Path) -> None:
    result = crisisdraft(
        "export", str(example_incident()), "--out", str(tmp_path), *PRESS_FR, "--pdf", "--docx"
    )
    assert result.returncode == 0, result.stderr
    assert [Path(line).name for line in result.stdout.splitlines()] == [
        f"{STEM}.docx",
        f"{STEM}.pdf",
    ]
    reader = PdfReader(tmp_path / f"{STEM}.pdf")
    text = pdf_text(tmp_path / f"{STEM}.pdf")
    assert text.startswith("PROJET – NE PAS DIFFUSER · 2 septembre 2025")
    assert "« Nous avons agi rapidement pour protéger nos systèmes" in text
    assert "Page 1 sur 2" in text and "Page 2 sur 2" in text
    assert reader.metadata is not None
    assert reader.metadata.title is not None
    assert reader.metadata.title.startswith("Northwind Motors met ses systèmes hors service")
    assert reader.trailer["/Root"]["/Lang"] == "fr-FR"


def test_a_letterhead_for_pdfs_only_is_a_usage_error(tmp_path: Path) -> None:
    result = crisisdraft(
        "export", str(example_incident()), "--out", str(tmp_path / "out"), "--pdf",
        "--reference-docx", str(tmp_path / "letterhead.docx"),
    )  # fmt: skip
    assert result.returncode == 2
    assert "--reference-docx styles the Word documents: add --docx" in result.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.slow
def test_a_final_pdf_export_drops_the_draft_mark_and_is_recorded(
    write_incident, tmp_path: Path
) -> None:
    path = write_incident()
    approve(path, *PRESS_FR)
    out = tmp_path / "out"
    final = crisisdraft(
        "export", str(path), "--out", str(out), *PRESS_FR, "--pdf", "--final",
        "--now", "2025-09-02T09:30:00+01:00",
    )  # fmt: skip
    assert final.returncode == 0, final.stderr
    assert [path.name for path in out.iterdir()] == [f"{STEM}.pdf"]
    text = pdf_text(out / f"{STEM}.pdf")
    assert "PROJET" not in text and "Page 1 sur 2" in text
    assert [entry.file_name for entry in load_incident(path).record.issued] == [f"{STEM}.pdf"]
