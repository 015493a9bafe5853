"""The house rules a reader relies on: where a thing lives follows from folder names, and
the layers depend one way (checked by import-linter's contracts in pyproject.toml)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_app_holds_only_packages() -> None:
    loose = sorted(
        path.name
        for path in (ROOT / "app").glob("*.py")
        if path.name not in ("__init__.py", "__main__.py")
    )
    assert loose == [], f"modules outside a package: {loose}"


def test_the_import_contracts_are_kept() -> None:
    linter = shutil.which("lint-imports")
    assert linter is not None, "import-linter is a dev dependency: run uv sync"
    result = subprocess.run(
        [linter], cwd=ROOT, capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stdout[-3000:]
    assert "0 broken" in result.stdout
