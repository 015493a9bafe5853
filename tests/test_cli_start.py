"""``crisisdraft --version`` and ``--help`` answer from the parser alone: no pydantic,
no templates, no Word library, no Qt are loaded for them (the frozen app's command line
must answer within twice a do-nothing program's start; bench/run.py --frozen measures
it). Run in a fresh interpreter, as the command starts."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from app import __version__

HEAVY = ("pydantic", "jinja2", "docx", "lxml", "PySide6", "babel", "yaml", "markdown_it")
PROBE = """
import contextlib, io, json, sys
names = set(sys.argv.pop(1).split(","))
sys.argv = ["crisisdraft", *sys.argv[1:]]
from app.cli import main
out = io.StringIO()
with contextlib.redirect_stdout(out):
    try:
        main()
    except SystemExit as stop:
        code = stop.code
# a package named (pydantic) or one of its modules (importlib.metadata)
loaded = sorted(({name.split(".")[0] for name in sys.modules} | set(sys.modules)) & names)
print(json.dumps({"code": code, "out": out.getvalue(), "loaded": loaded}))
"""


def run_probe(*arguments: str) -> dict:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, ",".join(HEAVY), *arguments],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_version_is_printed_without_loading_the_layers_below() -> None:
    answer = run_probe("--version")
    assert answer == {"code": 0, "out": f"crisisdraft {__version__}\n", "loaded": []}


def test_help_lists_every_command_without_loading_the_layers_below() -> None:
    answer = run_probe("--help")
    assert answer["code"] == 0 and answer["loaded"] == []
    for command in ("export", "check", "approve", "issue", "redline", "timeline", "gui"):
        assert f"    {command} " in answer["out"]


@pytest.mark.parametrize("command", ["export", "issue", "redline"])
def test_a_commands_help_still_gives_every_option(command: str) -> None:
    answer = run_probe(command, "--help")
    assert answer["code"] == 0
    assert "--ui-language" in answer["out"] and "INCIDENT" in answer["out"]
    if command in ("export", "redline"):
        assert "--mark" in answer["out"]


#: What an export once its caches are warm has no use for: YAML (template front matter
#: is in the check cache), package metadata (pydantic's plugins are off, python-docx's
#: version is read from its package) and what that metadata brings with it.
NOT_FOR_AN_EXPORT = ("yaml", "importlib.metadata", "email", "socket")


def test_an_export_with_warm_caches_loads_no_yaml_nor_package_metadata(tmp_path) -> None:
    from app.files.resources import example_incident

    command = ["export", str(example_incident()), "--overwrite", "--out", str(tmp_path)]

    def export() -> dict:
        result = subprocess.run(
            [sys.executable, "-c", PROBE, ",".join(NOT_FOR_AN_EXPORT), *command],
            capture_output=True,
            text=True,
            check=True,
            timeout=120,
        )
        return json.loads(result.stdout.strip().splitlines()[-1])

    first = export()  # a first export fills the caches (checks, front matter, frames)
    assert first["code"] == 0 and "yaml" in first["loaded"]
    second = export()
    assert second["code"] == 0 and second["loaded"] == []
    assert len(second["out"].splitlines()) == 6


def test_pydantics_own_plugin_loader_runs_when_only_some_plugins_are_off(tmp_path) -> None:
    """A user who switches off some pydantic plugins by name, not all, gets them looked
    for as pydantic looks for them (in the installed packages' metadata)."""
    from app.files.resources import example_incident

    command = ["export", str(example_incident()), "--overwrite", "--out", str(tmp_path)]
    result = subprocess.run(
        [sys.executable, "-c", PROBE, "importlib.metadata", *command],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
        env={**os.environ, "PYDANTIC_DISABLE_PLUGINS": "logfire"},
    )
    answer = json.loads(result.stdout.strip().splitlines()[-1])
    assert answer["code"] == 0 and answer["loaded"] == ["importlib.metadata"]
    assert len(answer["out"].splitlines()) == 6
