"""`crisisdraft export --mark privileged` as a user runs it: drafts for counsel carry the
privilege mark on every page; a final export asked to carry it is refused, nothing
written and nothing recorded."""

from __future__ import annotations

from pathlib import Path

import docx
from pypdf import PdfReader

from app.cli.main import run
from app.files.resources import example_incident
from tests.test_cli import approve, crisisdraft

STEM = "northwind-motors_holding-1_2025-09-02-0900_press_release"
PRESS = ("--doc", "press_release")
PRIVILEGED = {
    "en": "PRIVILEGED & CONFIDENTIAL – PREPARED AT THE REQUEST OF COUNSEL",
    "fr": "CONFIDENTIEL – PRÉPARÉ À LA DEMANDE DU CONSEIL JURIDIQUE",
}
DRAFT = {"en": "DRAFT – NOT FOR RELEASE · ", "fr": "PROJET – NE PAS DIFFUSER · "}


def header_lines(path: Path) -> list[str]:
    header = docx.Document(path).sections[0].header
    return "\n".join(paragraph.text for paragraph in header.paragraphs).splitlines()


def test_export_mark_privileged_marks_every_draft_under_its_draft_mark(
    tmp_path: Path, capsys
) -> None:
    out = tmp_path / "for counsel"
    arguments = ["export", str(example_incident()), "--out", str(out), *PRESS]
    assert run([*arguments, "--mark", "privileged", "--pdf", "--docx"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 4
    for language in ("en", "fr"):
        lines = header_lines(out / f"{STEM}_{language}.docx")
        assert len(lines) == 2
        assert lines[0].startswith(DRAFT[language])
        assert lines[1] == PRIVILEGED[language]
        first_page = PdfReader(out / f"{STEM}_{language}.pdf").pages[0].extract_text()
        assert first_page.splitlines()[1] == PRIVILEGED[language]


def test_export_without_mark_writes_the_draft_mark_alone(tmp_path: Path) -> None:
    assert run(["export", str(example_incident()), "--out", str(tmp_path), *PRESS]) == 0
    for language in ("en", "fr"):
        lines = header_lines(tmp_path / f"{STEM}_{language}.docx")
        assert len(lines) == 1 and lines[0].startswith(DRAFT[language])


def test_a_final_export_marked_privileged_is_refused_and_nothing_written(
    write_incident, tmp_path: Path
) -> None:
    path = write_incident()
    approve(path, *PRESS)
    before = path.read_bytes()
    out = tmp_path / "out"
    final = [
        "export", str(path), "--out", str(out), *PRESS, "--final",
        "--now", "2025-09-02T09:30:00+01:00", "--mark", "privileged",
    ]  # fmt: skip
    english = crisisdraft(*final, "--ui-language", "en")
    assert english.returncode == 2
    assert english.stdout == ""
    assert english.stderr == (
        "crisisdraft: a final document goes to its audience as issued and cannot carry the "
        "privilege mark (privileged & confidential), which is for drafts sent to counsel: "
        "export the final documents without it; nothing was exported\n"
    )
    french = crisisdraft(*final, "--ui-language", "fr")
    assert french.returncode == 2
    assert french.stderr.startswith(
        "crisisdraft: un document final est diffusé tel quel à son public et ne peut pas porter "
        "la mention de confidentialité"
    )
    assert french.stderr.endswith("rien n’a été exporté\n")
    assert not out.exists()
    assert path.read_bytes() == before  # nothing recorded as issued
    history = crisisdraft("history", str(path))
    assert history.returncode == 0, history.stderr
    assert "press_release" not in history.stdout
    # Without the mark, the same final export goes through.
    issued = crisisdraft(*final[:-2])
    assert issued.returncode == 0, issued.stderr
    assert sorted(p.name for p in out.iterdir()) == [f"{STEM}_en.docx", f"{STEM}_fr.docx"]
    assert "press_release" in crisisdraft("history", str(path)).stdout
