"""What the Linux build carries: every file over 1 MB is on packaging/large-files.toml
with the reason it ships, and the whole stays within its size (slow: a full build)."""

from __future__ import annotations

import sys
import tomllib
from fnmatch import fnmatch
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ALLOWED = ROOT / "packaging" / "large-files.toml"
LARGE = 1_000_000
#: Issue 18's budget for the Linux build, unpacked.
MOST_MB = 110

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux build's list"),
]


def allowed_patterns() -> dict[str, str]:
    entries = tomllib.loads(ALLOWED.read_text(encoding="utf-8"))["file"]
    return {entry["path"]: entry["why"] for entry in entries}


def large_files(build: Path) -> dict[str, int]:
    return {
        path.relative_to(build).as_posix(): path.stat().st_size
        for path in build.rglob("*")
        if path.is_file() and not path.is_symlink() and path.stat().st_size > LARGE
    }


def test_every_large_file_is_listed_with_its_reason(frozen_app: Path) -> None:
    patterns = allowed_patterns()
    assert all(why.strip() for why in patterns.values()), "each entry says why it ships"
    unlisted = {
        name: f"{size / 1e6:.1f} MB"
        for name, size in large_files(frozen_app).items()
        if not any(fnmatch(name, pattern) for pattern in patterns)
    }
    assert unlisted == {}, f"not in {ALLOWED.name}: leave them out or say why they ship"


def test_every_listed_file_is_in_the_build(frozen_app: Path) -> None:
    """An entry for a file the build no longer carries is stale: the list says what ships."""
    names = list(large_files(frozen_app))
    patterns = allowed_patterns()
    stale = [pattern for pattern in patterns if not any(fnmatch(n, pattern) for n in names)]
    assert stale == []


def test_the_build_is_within_its_size(frozen_app: Path) -> None:
    size = sum(
        path.stat().st_size
        for path in frozen_app.rglob("*")
        if path.is_file() and not path.is_symlink()
    )
    assert size / 1e6 <= MOST_MB, f"{size / 1e6:.0f} MB"


def test_icu_carries_the_apps_languages_only(frozen_app: Path) -> None:
    """ICU's data library, cut by packaging/icu_data.py, is a few MB, not 32."""
    data = [p for p in frozen_app.rglob("libicudata.so.*") if not p.is_symlink()]
    assert data, "Qt's ICU is missing from the build"
    assert all(path.stat().st_size < 8e6 for path in data)
