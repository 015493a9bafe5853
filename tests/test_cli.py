"""The command line as a user runs it: a real process, its output and exit code."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import docx

from app import __version__
from app.files.resources import example_incident


def approve(path: Path, *documents: str, role: str = "General Counsel") -> None:
    """Sam Patel approves the drafts ``documents`` (``--doc`` and its value, ``--lang``...)
    of the incident at ``path`` at 09:20 on the example's day, as a user does."""
    approved = crisisdraft(
        "approve", str(path), *documents, "--by", "Sam Patel", "--role", role,
        "--now", "2025-09-02T09:20:00+01:00",
    )  # fmt: skip
    assert approved.returncode == 0, approved.stderr


def crisisdraft(
    *arguments: str, cwd: Path | None = None, system_language: str = "en_GB.UTF-8"
) -> subprocess.CompletedProcess[str]:
    """The command as a user runs it, on a system in ``system_language`` (English unless
    a test says otherwise, whatever the machine running the tests speaks)."""
    speaking = dict.fromkeys(("LANGUAGE", "LC_ALL", "LC_MESSAGES"), "")
    return subprocess.run(
        [sys.executable, "-m", "app", *arguments],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=False,
        env={**os.environ, **speaking, "LANG": system_language},
    )


def test_export_writes_the_pack_and_lists_the_files(tmp_path: Path) -> None:
    result = crisisdraft("export", str(example_incident()), "--out", str(tmp_path / "drafts"))
    assert result.returncode == 0, result.stderr
    listed = [Path(line).name for line in result.stdout.splitlines()]
    assert len(listed) == 6
    assert "northwind-motors_holding-1_2025-09-02-0900_press_release_fr.docx" in listed
    document = docx.Document(
        tmp_path / "drafts" / "northwind-motors_holding-1_2025-09-02-0900_press_release_en.docx"
    )
    assert document.core_properties.title.startswith("Northwind Motors ")  # the headline


def test_export_can_choose_documents_and_languages(tmp_path: Path) -> None:
    result = crisisdraft(
        "export",
        str(example_incident()),
        "--out",
        str(tmp_path),
        "--lang",
        "fr",
        "--doc",
        "dealer_notice,staff_message",
    )
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "northwind-motors_holding-1_2025-09-02-0900_dealer_notice_fr.docx",
        "northwind-motors_holding-1_2025-09-02-0900_staff_message_fr.docx",
    ]


def test_a_bad_incident_prints_one_line_and_exits_2(tmp_path: Path, write_incident) -> None:
    incident = write_incident("bad.crisis.json", data__status="leaked")
    result = crisisdraft("export", str(incident), "--out", str(tmp_path / "out"))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("crisisdraft: bad.crisis.json: data.status:")
    assert "'no_evidence', 'under_investigation' or 'affected'" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_check_lists_every_problem_and_exits_non_zero(write_incident) -> None:
    incident = write_incident(
        "draft.crisis.json",
        guidance__staff={"en": "Stay home."},
        spokesperson__quote={"en": "We act."},
        incident__kind="third_party_outage",
    )
    result = crisisdraft("check", str(incident))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert any(
        line.startswith("draft.crisis.json: incident.third_party: a supplier's outage needs")
        for line in lines
    )
    assert any(line.startswith("draft.crisis.json: guidance.staff.fr:") for line in lines)
    assert any(line.startswith("draft.crisis.json: spokesperson.quote.fr:") for line in lines)
    assert lines[-1] == "3 problem(s) found."
    english_only = crisisdraft(
        "check", str(write_incident(guidance__staff={"en": "x"})), "--lang", "en"
    )
    assert english_only.returncode == 0
    assert "No problems: ready to export 3 documents." in english_only.stdout


def test_check_prints_the_problems_in_french_with_ui_language_fr(write_incident) -> None:
    incident = write_incident(
        "draft.crisis.json",
        guidance__staff={"en": "Stay home."},
        incident__kind="third_party_outage",
        authorities__law_enforcement=None,
    )
    result = crisisdraft("check", str(incident), "--ui-language", "fr")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert (
        "draft.crisis.json: guidance.staff.fr: le texte français manque\u202f; rédigez-le, "
        "ou retirez le français de l’export"
    ) in lines
    assert any(
        line.startswith("draft.crisis.json: incident.third_party: pour une défaillance")
        for line in lines
    )
    assert (
        "note\u00a0: draft.crisis.json: Non précisé\u00a0: forces de l’ordre "
        "(les projets n’en disent rien)"
    ) in lines
    assert lines[-1] == "2 problème(s) trouvé(s)."
    assert "a supplier's outage" in crisisdraft("check", str(incident)).stdout


def test_check_of_an_invalid_file_lists_all_field_errors(
    tmp_path: Path, example_data: dict
) -> None:
    data = json.loads(json.dumps(example_data))
    data["sites"][0]["kind"] = "factory"
    data["impact"]["production"] = "paused"
    path = tmp_path / "two.crisis.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    result = crisisdraft("check", str(path))
    assert result.returncode == 1
    assert "two.crisis.json: sites[0].kind:" in result.stdout
    assert "two.crisis.json: impact.production:" in result.stdout


def test_render_prints_the_draft_text_in_french() -> None:
    result = crisisdraft(
        "render", str(example_incident()), "--doc", "press_release", "--lang", "fr"
    )
    assert result.returncode == 0, result.stderr
    assert "COMMUNIQUÉ DE PRESSE" in result.stdout
    assert "Coventry, le 2\u00a0septembre 2025" in result.stdout


def test_version_and_help() -> None:
    assert crisisdraft("--version").stdout.strip() == f"crisisdraft {__version__}"
    for command in ("export", "check", "render"):
        shown = crisisdraft(command, "--help")
        assert shown.returncode == 0 and "usage: crisisdraft" in shown.stdout


def test_an_unknown_language_is_a_usage_error(tmp_path: Path) -> None:
    result = crisisdraft("export", str(example_incident()), "--out", str(tmp_path), "--lang", "de")
    assert result.returncode == 2
    assert "unknown language 'de'; use en,fr" in result.stderr


def test_a_missing_reference_document_is_named(tmp_path: Path) -> None:
    result = crisisdraft(
        "export",
        str(example_incident()),
        "--out",
        str(tmp_path / "o"),
        "--reference-docx",
        str(tmp_path / "house.docx"),
    )
    assert result.returncode == 2
    assert "house.docx: the reference document does not exist" in result.stderr
    assert not (tmp_path / "o").exists()


def test_the_command_line_speaks_the_systems_language(tmp_path: Path) -> None:
    missing = str(tmp_path / "nowhere.crisis.json")
    french = crisisdraft("export", missing, "--out", str(tmp_path), system_language="fr_FR.UTF-8")
    assert french.returncode == 2
    assert french.stderr.strip() == (
        "crisisdraft: nowhere.crisis.json: le fichier n’existe pas\u202f; vérifiez le chemin"
    )
    english = crisisdraft("export", missing, "--out", str(tmp_path), "--ui-language", "en")
    assert "the file does not exist; check the path" in english.stderr
    # --ui-language wins over the system's language, for every command
    chosen = crisisdraft("history", missing, "--ui-language", "en", system_language="fr_FR.UTF-8")
    assert "the file does not exist" in chosen.stderr


def test_a_refused_export_and_the_record_speak_french(write_incident, tmp_path: Path) -> None:
    incident = write_incident("draft.crisis.json", guidance__staff={"en": "Stay home."})
    refused = crisisdraft(
        "export", str(incident), "--out", str(tmp_path / "out"), system_language="fr_FR.UTF-8"
    )
    assert refused.returncode == 2
    assert refused.stderr.startswith("crisisdraft: draft.crisis.json: guidance.staff.fr: ")
    assert refused.stderr.strip().endswith("\u202f; rien n’a été exporté")
    history = crisisdraft("history", str(example_incident()), system_language="fr_FR.UTF-8")
    assert history.stdout.strip() == "Aucune déclaration n’a encore été diffusée."


def test_a_templates_folder_in_the_old_layout_works_with_one_note(tmp_path: Path) -> None:
    mine = tmp_path / "mine" / "staff_message"
    mine.mkdir(parents=True)
    (mine / "en.md.j2").write_text("# {{ organisation.name }}: to all staff\n", "utf-8")
    command = ("render", str(example_incident()), "--templates", str(mine.parent))
    command += ("--doc", "staff_message", "--set", "holding")
    first = crisisdraft(*command)
    assert first.returncode == 0, first.stderr
    assert first.stdout.lower().startswith("northwind motors: to all staff")
    assert first.stderr.startswith(f"note: {mine.parent}: its first-statement templates")
    again = crisisdraft(*command)
    assert again.returncode == 0 and again.stderr == ""


def test_diff_before_any_statement_says_there_is_nothing_to_compare() -> None:
    result = crisisdraft("diff", str(example_incident()), "1", "2")
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "crisisdraft: northwind-cyberattack.crisis.json: no statement has been issued yet, "
        "so there is none to compare"
    )


def test_a_template_error_reads_in_french(tmp_path: Path) -> None:
    mine = tmp_path / "mine" / "holding" / "press_release"
    mine.mkdir(parents=True)
    (mine / "fr.md.j2").write_text("# Bonjour\n\n{% if %}\n", encoding="utf-8")
    command = ("render", str(example_incident()), "--templates", str(tmp_path / "mine"))
    result = crisisdraft(*command, "--lang", "fr", "--ui-language", "fr")
    assert result.returncode == 2
    where = mine / "fr.md.j2"
    assert result.stderr.startswith(f"crisisdraft: {where}:3: erreur de syntaxe\u00a0: ")


def test_output_piped_to_a_reader_that_left_stops_quietly(tmp_path: Path) -> None:
    """`crisisdraft render ... | head -1`: the reader closes the pipe; no traceback."""
    reader, writer = os.pipe()
    os.close(reader)  # gone before the command writes a line
    try:
        result = subprocess.run(
            [sys.executable, "-m", "app", "render", str(example_incident()), "--lang", "en"],
            stdout=writer,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    finally:
        os.close(writer)
    assert result.returncode == 141
    assert result.stderr == ""


def test_export_over_an_earlier_export_is_refused_unless_told_what_to_do(tmp_path: Path) -> None:
    out = tmp_path / "drafts"
    first = crisisdraft("export", str(example_incident()), "--out", str(out), "--lang", "en")
    assert first.returncode == 0, first.stderr
    again = crisisdraft("export", str(example_incident()), "--out", str(out), "--lang", "en")
    assert again.returncode == 2
    assert again.stderr.startswith(f"crisisdraft: {out} already holds 3 of these documents")
    assert "nothing was exported" in again.stderr
    kept = crisisdraft(
        "export", str(example_incident()), "--out", str(out), "--lang", "en", "--keep-both"
    )
    assert kept.returncode == 0, kept.stderr
    assert all(line.endswith(" (2).docx") for line in kept.stdout.splitlines())
    replaced = crisisdraft(
        "export", str(example_incident()), "--out", str(out), "--lang", "en", "--overwrite"
    )
    assert replaced.returncode == 0, replaced.stderr
    assert len(list(out.iterdir())) == 6


def test_check_dates_an_overdue_promise_as_its_language_writes_dates(
    write_incident, make_incident
) -> None:
    """The command line keeps field paths (scripts read them; they are the file's keys)
    but writes a date and time as the command's language does, never ISO."""
    said = make_incident(next_update_at="2025-09-02T18:00:00+01:00")
    statement = {
        "issued_at": "2025-09-02T09:30:00+01:00",
        "document": "press_release",
        "language": "en",
        "template_id": "holding-press-release",
        "template_version": "1",
        "approver": {"name": "Sam Patel", "role": "General Counsel"},
        "file_name": "press_release_en.docx",
        "facts": said.facts_snapshot(),
        "text": "Statement",
    }
    path = write_incident("late.crisis.json", record={"issued": [statement]})
    now = ("--now", "2025-09-03T09:00:00+01:00")
    english = crisisdraft("check", str(path), *now).stdout.splitlines()
    assert (
        "warning: late.crisis.json: next_update_at: the update promised for "
        "Sep 2, 2025, 6:00\u202fPM is overdue: issue one now"
    ) in english
    french = crisisdraft("check", str(path), *now, "--ui-language", "fr").stdout.splitlines()
    assert (
        "avertissement\u00a0: late.crisis.json: next_update_at: le point de situation promis "
        "pour 2 sept. 2025, 18:00 est en retard\u00a0: publiez-en un maintenant"
    ) in french
