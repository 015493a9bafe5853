"""Exporting the pack: six documents by default, all or nothing."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from app.errors import ExportError, TemplateError
from app.session.incident_session import IncidentSession
from app.session.problems import ExportBlockedError
from app.session.selection import Selection


def export(incident, renderer, out: Path, selection: Selection | None = None):
    """A draft export as the CLI and the app make it: through a session."""
    return IncidentSession(incident, renderer).export(selection or Selection(), out)


EXPECTED_NAMES = sorted(
    f"2025-09-02_northwind-motors_{doc}_{lang}.docx"
    for doc in ("press_release", "dealer_notice", "staff_message")
    for lang in ("en", "fr")
)


def test_the_example_exports_six_documents_named_by_date_organisation_doc_and_language(
    tmp_path: Path, make_incident, renderer
) -> None:
    out = tmp_path / "out"
    written = [d.path for d in export(make_incident(), renderer, out)]
    assert sorted(path.name for path in written) == EXPECTED_NAMES
    # no temporary file left behind
    assert sorted(path.name for path in out.iterdir()) == EXPECTED_NAMES
    staff_fr = docx.Document(out / "2025-09-02_northwind-motors_staff_message_fr.docx")
    text = "\n".join(paragraph.text for paragraph in staff_fr.paragraphs)
    assert "Leur rémunération n’est pas affectée." in text
    assert "rien n’indique que des données de clients aient été dérobées" in text


def test_missing_french_text_blocks_the_whole_export(
    tmp_path: Path, make_incident, renderer
) -> None:
    incident = make_incident(guidance__staff={"en": "Stay home."})
    out = tmp_path / "out"
    with pytest.raises(ExportBlockedError) as error:
        export(incident, renderer, out)
    assert "guidance.staff.fr" in str(error.value)
    assert "nothing was exported" in str(error.value)
    assert not out.exists()
    written = [d.path for d in export(incident, renderer, out, Selection(languages=("en",)))]
    assert len(written) == 3


def test_a_broken_template_leaves_nothing_behind(tmp_path: Path, make_incident) -> None:
    from app.drafts.render import DraftRenderer
    from app.files.resources import built_in_templates
    from app.templates.library import TemplateLibrary

    mine = tmp_path / "mine" / "staff_message"
    mine.mkdir(parents=True)
    (mine / "fr.md.j2").write_text("# Bonjour\n\n{{ guidance.nobody }}\n", encoding="utf-8")
    renderer = DraftRenderer(TemplateLibrary(built_in_templates(), [tmp_path / "mine"]))
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(TemplateError, match=r"staff_message/fr.md.j2:3: .*'nobody'"):
        export(make_incident(), renderer, out)
    assert list(out.iterdir()) == []


def test_an_output_path_that_is_a_file_gives_a_message(
    tmp_path: Path, make_incident, renderer
) -> None:
    blocker = tmp_path / "drafts"
    blocker.write_text("I am a file", encoding="utf-8")
    with pytest.raises(ExportError, match="cannot write the documents"):
        export(make_incident(), renderer, blocker / "pack")
    assert blocker.read_text(encoding="utf-8") == "I am a file"


def test_a_write_that_fails_midway_removes_what_it_wrote(
    tmp_path: Path, make_incident, renderer, monkeypatch
) -> None:
    from app.files import atomic

    real = atomic.write_temporary
    calls = {"count": 0}

    def failing(destination: Path, data: bytes) -> Path:
        calls["count"] += 1
        if calls["count"] == 4:
            raise OSError(28, "No space left on device", str(destination))
        return real(destination, data)

    monkeypatch.setattr(atomic, "write_temporary", failing)
    out = tmp_path / "new-folder"
    with pytest.raises(ExportError, match="No space left on device"):
        export(make_incident(), renderer, out)
    assert not out.exists()
