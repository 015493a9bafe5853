"""Facts that cannot all be true block the export, named by their field path, the same
way in ``incident_problems``, ``crisisdraft check``, ``render`` and ``export`` (draft or
final); facts that are simply not stated never do (issue 12). The command line runs in
this process (``app.cli.run``), so each case costs milliseconds.

Each contradiction is one of the v3 examples with a small edit. The edits are chosen so
that the contradiction is the only blocking problem: a check that fired on anything
else would show here too.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from app.cli import run
from app.errors import Problem
from app.facts import editing
from app.facts.consistency import incident_problems
from app.facts.loading import parse_incident
from app.facts.models import Incident, StatementKind
from tests.conftest import edited, example_document


@dataclass(frozen=True)
class Contradiction:
    example: str  # the v3 example it starts from
    changes: dict[str, Any]  # dotted paths (list items by index) -> new values
    field: str  # the field path the problem must name
    chosen_set: str | None = None  # a set chosen by hand (--set), if any


# Recovery restored, with the first system back (the examples' others stay as they are).
RESTORED = {"recovery.phase": "restored", "containment.systems.0.status": "restored"}

CONTRADICTIONS: dict[str, Contradiction] = {
    "restored while a plant is stopped": Contradiction(
        "supplier-outage", {**RESTORED, "sites.1.status": "operating"}, "sites[0].status"
    ),
    "restored while a plant is reduced": Contradiction(
        "supplier-outage",
        {**RESTORED, "sites.0.status": "operating", "sites.1.status": "reduced"},
        "sites[1].status",
    ),
    "restored with a restart step not done": Contradiction(
        "it-failure",
        {
            **RESTORED,
            "containment.systems.1.status": "restored",
            "containment.systems.2.status": "restored",
        },
        "recovery.steps[0].status",
    ),
    "restored with a system not restored": Contradiction(
        "it-failure",
        {
            **RESTORED,
            "containment.systems.2.status": "restored",
            "recovery.steps.0.status": "done",
        },
        "containment.systems[1].status",
    ),
    "a resolution while recovery is not restored": Contradiction(
        "it-failure", {"incident.statement_kind": "resolution"}, "incident.statement_kind"
    ),
    "a resolution chosen by hand while recovery is not restored": Contradiction(
        "it-failure", {}, "incident.statement_kind", chosen_set="resolution"
    ),
    "restore date before the statement": Contradiction(
        "supplier-outage", {"recovery.expected_restore": "2026-05-11"}, "recovery.expected_restore"
    ),
    "pause ending before the statement": Contradiction(
        "data-affected-paused", {"recovery.paused_until": "2025-09-15"}, "recovery.paused_until"
    ),
    "next update before the statement": Contradiction(
        "it-failure", {"next_update_at": "2026-02-09T14:00:00-06:00"}, "next_update_at"
    ),
    "detected after the statement": Contradiction(
        "it-failure", {"incident.detected_at": "2026-02-09T16:00:00-06:00"}, "incident.detected_at"
    ),
    "production normal while a plant is stopped": Contradiction(
        "supplier-outage", {"impact.production": "normal"}, "impact.production"
    ),
    "no shutdown but a system shut down": Contradiction(
        "it-failure", {"containment.systems.0.status": "shut_down"}, "containment.systems[0].status"
    ),
    "a phased restart with no steps": Contradiction(
        "supplier-outage", {"recovery.phase": "phased_restart"}, "recovery.steps"
    ),
    "a supplier's outage with no supplier": Contradiction(
        "supplier-outage", {"incident.third_party_role": None}, "incident.third_party"
    ),
}
CASES = pytest.mark.parametrize("case", CONTRADICTIONS.values(), ids=CONTRADICTIONS.keys())


def incident_of(data: dict[str, Any], name: str = "test.crisis.json") -> Incident:
    return parse_incident(json.dumps(data), source=name)


def written(tmp_path: Path, data: dict[str, Any], name: str) -> Path:
    path = tmp_path / f"{name}.crisis.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def crisisdraft(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str, str]:
    """The command line run in this process: exit code, standard output, standard error."""
    code = run(list(arguments))
    out, err = capsys.readouterr()
    return code, out, err


def blocking(problems: list[Problem]) -> list[Problem]:
    return [problem for problem in problems if problem.blocking]


def set_options(case: Contradiction) -> list[str]:
    return ["--set", case.chosen_set] if case.chosen_set else []


@pytest.mark.parametrize("name", ["it-failure", "supplier-outage", "data-affected-paused", "blank"])
def test_the_v3_examples_as_shipped_have_no_blocking_problem(name: str) -> None:
    assert blocking(incident_problems(incident_of(example_document(name)), ["en", "fr"])) == []


@CASES
def test_a_contradiction_is_one_blocking_problem_naming_its_field(case: Contradiction) -> None:
    incident = incident_of(edited(example_document(case.example), case.changes))
    chosen = StatementKind(case.chosen_set) if case.chosen_set else None
    problems = blocking(incident_problems(incident, ["en", "fr"], statement_kind=chosen))
    assert [problem.field for problem in problems] == [case.field]
    assert problems[0].where == f"incident: {case.field}"


@CASES
def test_check_prints_the_contradiction_with_its_field_and_fails(
    case: Contradiction, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = edited(example_document(case.example), case.changes)
    path = written(tmp_path, data, case.example)
    now = data["incident"]["statement_at"]
    code, out, _err = crisisdraft(capsys, "check", str(path), "--now", now, *set_options(case))
    assert code != 0
    assert f"{path.name}: {case.field}: " in out
    chosen = StatementKind(case.chosen_set) if case.chosen_set else None
    (problem,) = blocking(
        incident_problems(incident_of(data), ["en", "fr"], source=path.name, statement_kind=chosen)
    )
    assert str(problem) in out.splitlines()
    assert out.splitlines()[-1] == "1 problem(s) found."


@pytest.mark.parametrize("final", [[], ["--final"]], ids=["draft", "final"])
@CASES
def test_export_refuses_the_contradiction_with_the_same_words_and_writes_nothing(
    case: Contradiction, final: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A final export names the facts' problem first too, before any draft is rendered.
    data = edited(example_document(case.example), case.changes)
    path = written(tmp_path, data, case.example)
    before = path.read_bytes()
    out_dir = tmp_path / "drafts"
    code, out, err = crisisdraft(
        capsys, "export", str(path), "--out", str(out_dir), *set_options(case), *final
    )
    assert code == 2
    assert out == ""
    chosen = StatementKind(case.chosen_set) if case.chosen_set else None
    (problem,) = blocking(
        incident_problems(incident_of(data), ["en", "fr"], source=path.name, statement_kind=chosen)
    )
    assert err == f"crisisdraft: {problem}; nothing was exported\n"
    assert not out_dir.exists()
    assert path.read_bytes() == before  # nothing recorded either


@CASES
def test_render_refuses_the_contradiction_naming_its_field(
    case: Contradiction, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = edited(example_document(case.example), case.changes)
    path = written(tmp_path, data, case.example)
    code, out, err = crisisdraft(capsys, "render", str(path), *set_options(case))
    assert (code, out) == (2, "")
    assert err.startswith(f"crisisdraft: {path.name}: {case.field}: ")
    assert err.endswith("; run 'crisisdraft check' for the full list\n")


def test_a_set_chosen_by_hand_is_judged_instead_of_the_facts_own(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The facts say "resolution" while recovery is still under investigation: a
    # contradiction. An update chosen by hand is what would go out, and it is sound.
    data = edited(example_document("it-failure"), {"incident.statement_kind": "resolution"})
    incident = incident_of(data)
    assert [p.field for p in blocking(incident_problems(incident, ["en"]))] == [
        "incident.statement_kind"
    ]
    assert blocking(incident_problems(incident, ["en"], statement_kind=StatementKind.UPDATE)) == []
    path = written(tmp_path, data, "it-failure")
    code, out, _err = crisisdraft(
        capsys, "check", str(path), "--set", "update", "--templates", str(plain_templates(tmp_path))
    )
    assert "incident.statement_kind" not in out
    assert code == 0, out


# What is not stated is information, never an error. The drafts' own wording is tested
# with the built-in templates in tests/drafts; here the command runs with plain templates
# of the user's (``--templates``), so that only the facts can make it fail.
def plain_templates(folder: Path) -> Path:
    """Templates of one heading and one sentence, for every set, document and language."""
    root = folder / "plain-templates"
    for template_set in ("holding", "update", "resolution"):
        for document in ("press_release", "dealer_notice", "staff_message"):
            for language in ("en", "fr"):
                path = root / template_set / document / f"{language}.md.j2"
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text("# {{ organisation.name }}\n\nA statement.\n", encoding="utf-8")
    return root


def notes(problems: list[Problem]) -> list[str]:
    return [problem.message for problem in problems if problem.informational]


def warnings(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if not p.blocking and not p.informational]


BLANK_NOT_STATED = (
    "Not stated: kind of incident, when it began, shutdown, production, sales, customer "
    "services, data, police, specialists, recovery (the drafts say nothing of it)"
)


def test_a_blank_incident_has_nothing_but_one_line_of_what_is_not_stated() -> None:
    problems = incident_problems(incident_of(example_document("blank")), ["en", "fr"])
    assert blocking(problems) == [] and warnings(problems) == []
    assert notes(problems) == [BLANK_NOT_STATED]


def test_check_of_the_blank_example_passes_and_notes_what_is_not_stated(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = written(tmp_path, example_document("blank"), "blank")
    templates = plain_templates(tmp_path)
    code, out, _err = crisisdraft(
        capsys, "check", str(path), "--templates", str(templates), "--now", "2026-03-04T10:00:00Z"
    )
    assert code == 0, out
    assert out.splitlines() == [
        f"note: blank.crisis.json: {BLANK_NOT_STATED}",
        "No problems: ready to export 6 documents.",
    ]


def test_a_new_incident_needs_only_its_names_and_contacts_to_pass(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = editing.blank_incident()
    incident, problems = editing.validate(data)
    assert incident is None  # names and contacts are required: they are not facts to state
    assert {p.field for p in problems} == {
        "organisation.name",
        "organisation.city",
        *(f"contacts.{who}.name" for who in ("media", "dealers", "staff")),
    }
    blank = example_document("blank")
    for part in ("organisation.name", "organisation.city", "contacts"):
        editing.set_value(data, part, editing.get_value(blank, part))
    incident, problems = editing.validate(data)
    assert incident is not None, problems
    checked = incident_problems(incident, ["en", "fr"])
    assert blocking(checked) == [] and warnings(checked) == []
    assert notes(checked) == [BLANK_NOT_STATED]
    path = tmp_path / "new.crisis.json"
    editing.save_incident_data(path, data)
    code, out, _err = crisisdraft(
        capsys, "check", str(path), "--templates", str(plain_templates(tmp_path))
    )
    assert code == 0, out


def test_an_it_failure_notes_data_police_and_specialists_as_not_stated(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = example_document("it-failure")
    problems = incident_problems(incident_of(data), ["en", "fr"])
    assert blocking(problems) == [] and warnings(problems) == []
    line = "Not stated: data, police, specialists (the drafts say nothing of it)"
    assert notes(problems) == [line]
    path = written(tmp_path, data, "it-failure")
    code, out, _err = crisisdraft(
        capsys,
        "check",
        str(path),
        "--templates",
        str(plain_templates(tmp_path)),
        "--now",
        data["incident"]["statement_at"],
    )
    assert code == 0, out
    assert f"note: it-failure.crisis.json: {line}" in out.splitlines()
    assert "warning:" not in out


def test_everything_stated_leaves_no_note(make_incident) -> None:
    # The v1 contract example states every claim: nothing to note.
    assert incident_problems(make_incident(), ["en", "fr"]) == []


@pytest.mark.parametrize("kind", ["cyberattack", "ransomware"])
def test_unknown_data_in_an_attack_is_a_warning_that_blocks_nothing(
    kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = edited(
        example_document("data-affected-paused"),
        {"incident.kind": kind, "data.status": None, "data.aware_at": None},
    )
    problems = incident_problems(incident_of(data), ["en", "fr"])
    assert blocking(problems) == []
    (warning,) = warnings(problems)
    assert warning.field == "data.status"
    assert "the press will ask" in warning.message
    assert notes(problems) == ["Not stated: data (the drafts say nothing of it)"]
    path = written(tmp_path, data, "attack")
    code, out, _err = crisisdraft(
        capsys,
        "check",
        str(path),
        "--templates",
        str(plain_templates(tmp_path)),
        "--now",
        data["incident"]["statement_at"],
    )
    assert f"warning: attack.crisis.json: data.status: {warning.message}" in out.splitlines()
    assert code == 0, out


def test_unknown_data_in_an_it_failure_is_no_warning() -> None:
    assert warnings(incident_problems(incident_of(example_document("it-failure")), ["en"])) == []
