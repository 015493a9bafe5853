"""Exporting the pack: six documents by default, all or nothing."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import docx
import pytest

from app.errors import ExportError, TemplateError
from app.export.naming import document_file_name
from app.export.pack import Existing
from app.facts.models import Approver
from app.record.approval import approval_for
from app.record.issuing import FinalDocument, record_issued
from app.session.incident_session import IncidentSession
from app.session.problems import ExportBlockedError
from app.session.selection import Selection
from app.templates.documents import DocumentKind


def export(
    incident,
    renderer,
    out: Path,
    selection: Selection | None = None,
    existing: Existing = Existing.REFUSE,
):
    """A draft export as the CLI and the app make it: through a session."""
    session = IncidentSession(incident, renderer)
    return session.export(selection or Selection(), out, existing=existing)


EXPECTED_NAMES = sorted(
    f"northwind-motors_holding-1_2025-09-02-0900_{doc}_{lang}.docx"
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
    staff_fr = docx.Document(
        out / "northwind-motors_holding-1_2025-09-02-0900_staff_message_fr.docx"
    )
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

    def failing(destination: Path, data: bytes, *, sync: bool = True) -> Path:
        calls["count"] += 1
        if calls["count"] == 4:
            raise OSError(28, "No space left on device", str(destination))
        return real(destination, data, sync=sync)

    monkeypatch.setattr(atomic, "write_temporary", failing)
    out = tmp_path / "new-folder"
    with pytest.raises(ExportError, match="No space left on device"):
        export(make_incident(), renderer, out)
    assert not out.exists()


def folder_state(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def test_a_reexport_that_fails_at_any_step_leaves_the_earlier_documents(
    tmp_path: Path, make_incident, renderer, monkeypatch
) -> None:
    """Each step of a re-export over an earlier one (writing each new file, keeping each
    old one aside, moving each new one into place) fails in turn: the folder must be
    exactly as the earlier export left it, every time."""
    from app.files import atomic

    out = tmp_path / "drafts"
    export(make_incident(), renderer, out)
    earlier = folder_state(out)
    assert len(earlier) == 6
    changed = make_incident(title="Second statement", next_update_at=None)
    steps = {"count": 0, "fail_at": 0}

    def failing(real):
        def step(*args, **kwargs):
            steps["count"] += 1
            if steps["count"] == steps["fail_at"]:
                raise OSError(28, "No space left on device", str(args[0]))
            return real(*args, **kwargs)

        return step

    for name in ("write_temporary", "backup", "commit"):
        monkeypatch.setattr(atomic, name, failing(getattr(atomic, name)))
    steps["fail_at"] = 10**9
    export(changed, renderer, tmp_path / "dry-run")  # count the steps of one export
    total = steps["count"]
    assert total == 6 + 6  # six writes, six moves (nothing to keep aside in a new folder)
    for fail_at in range(1, 6 * 3 + 1):  # writes, backups, moves over the earlier six
        steps.update(count=0, fail_at=fail_at)
        with pytest.raises(ExportError, match="No space left on device"):
            export(changed, renderer, out, existing=Existing.REPLACE)
        assert folder_state(out) == earlier, f"step {fail_at} lost or changed a document"
    steps.update(count=0, fail_at=10**9)
    export(changed, renderer, out, existing=Existing.REPLACE)
    assert folder_state(out) != earlier and len(folder_state(out)) == 6


def test_exported_documents_and_saved_incidents_get_the_users_usual_permissions(
    tmp_path: Path, make_incident, renderer
) -> None:
    """Not the owner-only mode of temporary files: what the user's other new files get
    (their umask), and a replaced file keeps its own."""
    import stat

    from app.facts import editing
    from app.files import atomic
    from app.files.resources import example_incident

    usual = 0o666 & ~atomic._umask()
    assert usual != 0o600  # a usual umask (022 or 002) on this machine
    written = export(make_incident(), renderer, tmp_path / "drafts")
    assert {stat.S_IMODE(d.path.stat().st_mode) for d in written} == {usual}
    saved = tmp_path / "mine.crisis.json"
    editing.save_incident_data(saved, editing.read_incident_data(example_incident()))
    assert stat.S_IMODE(saved.stat().st_mode) == usual
    saved.chmod(0o640)  # the user's own choice survives a save
    editing.save_incident_data(saved, editing.read_incident_data(example_incident()))
    assert stat.S_IMODE(saved.stat().st_mode) == 0o640


def test_an_earlier_export_of_the_statement_is_refused_replaced_or_kept_as_asked(
    tmp_path: Path, make_incident, renderer
) -> None:
    out = tmp_path / "out"
    press = Selection(("en",), (DocumentKind.PRESS_RELEASE,))
    name = "northwind-motors_holding-1_2025-09-02-0900_press_release_en.docx"
    export(make_incident(), renderer, out, press)
    earlier = (out / name).read_bytes()
    changed = make_incident(title="Second draft", organisation__city="Birmingham")
    with pytest.raises(ExportError) as refused:
        export(changed, renderer, out, press)  # never silently over an earlier export
    assert str(refused.value) == (
        f"{out} already holds 1 of these documents from an earlier export ({name}); "
        "choose another folder, or say to replace them (--overwrite) or keep both "
        "(--keep-both); nothing was exported"
    )
    assert (out / name).read_bytes() == earlier
    kept = export(changed, renderer, out, press, Existing.KEEP_BOTH)
    assert [d.path.name for d in kept] == [name.replace(".docx", " (2).docx")]
    assert (out / name).read_bytes() == earlier
    export(changed, renderer, out, press, Existing.KEEP_BOTH)
    assert (out / name.replace(".docx", " (3).docx")).exists()
    export(changed, renderer, out, press, Existing.REPLACE)
    assert "BIRMINGHAM" in "\n".join(p.text for p in docx.Document(out / name).paragraphs)


def test_a_later_statement_never_takes_an_earlier_ones_names(make_incident, renderer) -> None:
    first = make_incident()
    assert (
        document_file_name(first, DocumentKind.PRESS_RELEASE, "fr", "holding.press_release")
        == "northwind-motors_holding-1_2025-09-02-0900_press_release_fr.docx"
    )
    session = IncidentSession(first, renderer)
    issued_at = datetime.fromisoformat("2025-09-02T09:30:00+01:00")
    approved = session.approve(Selection(), Approver(name="Sam Patel", role="Counsel"), issued_at)
    final = [
        FinalDocument(draft, approval, Path("x.docx"))
        for draft in session.drafts(Selection())
        if (approval := approval_for(approved, draft)) is not None
    ]
    issued = record_issued(approved, final, issued_at)
    later = issued.model_copy(
        update={
            "incident": issued.incident.model_copy(
                update={"statement_at": datetime.fromisoformat("2025-09-10T17:00:00+01:00")}
            )
        }
    )
    assert (
        document_file_name(later, DocumentKind.PRESS_RELEASE, "fr", "update.press_release")
        == "northwind-motors_update-2_2025-09-10-1700_press_release_fr.docx"
    )
