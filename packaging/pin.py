"""Pin every package CI tested, without download addresses: ``uv.lock`` -> pyproject.

``uv.lock`` records where each file was downloaded from, so it is not committed. This
script reads it (``uv lock`` makes it) and writes the exact version of every package it
resolved into ``[tool.uv] constraint-dependencies`` in ``pyproject.toml``, between two
marker lines, so a fresh machine, CI and the packaging build all install what CI ran.
It also re-exports ``packaging/requirements.txt`` for the platform builds (pip).

Run after changing a dependency:  uv lock --upgrade-package NAME && uv run python packaging/pin.py
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BEGIN = "# pins: begin (written by packaging/pin.py from uv.lock; do not edit by hand)"
END = "# pins: end"


def locked_versions(lock: Path) -> dict[str, str]:
    """Package name -> version for every package of the lock but the project itself."""
    data = tomllib.loads(lock.read_text(encoding="utf-8"))
    return {
        package["name"]: package["version"]
        for package in data["package"]
        if package["name"] != "crisisdraft" and "version" in package
    }


def pins_block(versions: dict[str, str]) -> str:
    lines = [BEGIN, "constraint-dependencies = ["]
    lines += [f'    "{name}=={version}",' for name, version in sorted(versions.items())]
    lines += ["]", END]
    return "\n".join(lines)


def write_pins(pyproject: Path, versions: dict[str, str]) -> None:
    text = pyproject.read_text(encoding="utf-8")
    start, end = text.index(BEGIN), text.index(END) + len(END)
    pyproject.write_text(text[:start] + pins_block(versions) + text[end:], encoding="utf-8")


def main() -> int:
    lock = ROOT / "uv.lock"
    if not lock.exists():
        subprocess.run(["uv", "lock"], cwd=ROOT, check=True)
    write_pins(ROOT / "pyproject.toml", locked_versions(lock))
    exported = subprocess.run(
        [
            "uv",
            "export",
            "--no-hashes",
            "--no-default-groups",
            "--group",
            "build",
            "--no-emit-project",
            "--format",
            "requirements-txt",
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    (ROOT / "packaging" / "requirements.txt").write_text(exported, encoding="utf-8")
    print(f"pinned {len(locked_versions(lock))} packages in pyproject.toml")
    return 0


if __name__ == "__main__":
    sys.exit(main())
