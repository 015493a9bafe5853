"""Shared fixtures: incidents are built from the bundled example with small edits."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from app.drafts.render import DraftRenderer, open_library
from app.facts.loading import parse_incident
from app.facts.models import Incident
from app.files.resources import bundled, example_incident
from app.templates.library import TemplateLibrary

IncidentMaker = Callable[..., Incident]


@pytest.fixture(scope="session")
def example_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(example_incident().read_text(encoding="utf-8"))
    return data


def example_document(name: str) -> dict[str, Any]:
    """The bundled example ``examples/<name>.crisis.json`` as JSON data, a fresh copy to
    edit (``blank``, ``it-failure``, ``supplier-outage``, ``data-affected-paused`` are v3;
    ``northwind-cyberattack`` is the v1 contract example)."""
    path = bundled("examples") / f"{name}.crisis.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def edited(data: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    """A copy of ``data`` with dotted paths (``"data.status"``) set to new values."""
    result = copy.deepcopy(data)
    for path, value in changes.items():
        target = result
        *parents, last = path.split(".")
        for part in parents:
            target = target[int(part)] if isinstance(target, list) else target[part]
        if isinstance(target, list):
            target[int(last)] = value
        else:
            target[last] = value
    return result


@pytest.fixture
def make_incident(example_data: dict[str, Any]) -> IncidentMaker:
    def make(**changes: Any) -> Incident:
        dotted = {key.replace("__", "."): value for key, value in changes.items()}
        return parse_incident(json.dumps(edited(example_data, dotted)), source="test.crisis.json")

    return make


@pytest.fixture
def write_incident(example_data: dict[str, Any], tmp_path: Path) -> Callable[..., Path]:
    def write(name: str = "incident.crisis.json", **changes: Any) -> Path:
        dotted = {key.replace("__", "."): value for key, value in changes.items()}
        path = tmp_path / name
        path.write_text(json.dumps(edited(example_data, dotted)), encoding="utf-8")
        return path

    return write


#: A slow test may build the frozen app in its set-up (tests/packaging) or run the
#: benchmark against its peers: half an hour before it counts as hung, not pyproject's five
#: minutes.
SLOW_TEST_TIMEOUT_S = 1800


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.get_closest_marker("slow") and not item.get_closest_marker("timeout"):
            item.add_marker(pytest.mark.timeout(SLOW_TEST_TIMEOUT_S))


@pytest.fixture(scope="session")
def library() -> TemplateLibrary:
    return open_library()


@pytest.fixture(scope="session")
def renderer(library: TemplateLibrary) -> DraftRenderer:
    return DraftRenderer(library)


@pytest.fixture(autouse=True)
def private_user_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch) -> None:
    """Each test gets empty per-user folders (library, preferences), also in subprocesses."""
    home = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    # The commands speak the system's language: English here, whatever the machine speaks.
    monkeypatch.setenv("LANGUAGE", "en")
