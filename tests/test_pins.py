"""Every dependency is pinned to the version CI tested, without download addresses."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _name(requirement: str) -> str:
    """ "pydantic>=2.6,<3" -> "pydantic"; names compare as PyPI does (case, -_.)."""
    bare = re.split(r"[\s<>=!~;\[]", requirement.strip(), maxsplit=1)[0]
    return re.sub(r"[-_.]+", "-", bare).lower()


def _pins() -> dict[str, str]:
    settings = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    pins = {}
    for pin in settings["tool"]["uv"]["constraint-dependencies"]:
        name, _, version = pin.partition("==")
        assert version, f"{pin!r} is not an exact pin (name==version)"
        pins[_name(name)] = version
    return pins


def test_every_declared_dependency_is_pinned() -> None:
    settings = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    declared = list(settings["project"]["dependencies"])
    for group in settings["dependency-groups"].values():
        declared += [item for item in group if isinstance(item, str)]
    unpinned = sorted({_name(item) for item in declared} - set(_pins()))
    assert unpinned == [], f"not pinned: {unpinned}; run packaging/pin.py"


def test_the_local_resolution_is_the_pinned_one() -> None:
    lock = ROOT / "uv.lock"  # made by uv on this machine, never committed
    if not lock.exists():
        pytest.skip("nothing resolved on this machine yet (uv sync makes uv.lock)")
    pins = _pins()
    locked = tomllib.loads(lock.read_text(encoding="utf-8"))["package"]
    wrong = [
        f"{package['name']} {package['version']} (pinned: {pins.get(_name(package['name']))})"
        for package in locked
        if package["name"] != "crisisdraft"
        and pins.get(_name(package["name"])) != package.get("version")
    ]
    assert wrong == [], f"resolved but not pinned as such: {wrong}; run packaging/pin.py"


def test_no_pinned_file_names_a_download_address() -> None:
    for path in (ROOT / "pyproject.toml", ROOT / "packaging" / "requirements.txt"):
        assert "://" not in path.read_text(encoding="utf-8"), path
