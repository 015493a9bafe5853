"""The one place that finds files shipped with the app: templates, examples, catalogs,
icons, the PDF documents' fonts.

From a source checkout (or an editable install) they sit at the project's top level;
in a wheel they are under ``app/_bundled``; in a PyInstaller build, under the bundle's
``_MEIPASS`` folder. Nothing is ever looked up relative to the working directory.
"""

from __future__ import annotations

import sys
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parents[1]  # app/
EXAMPLE_INCIDENT_NAME = "northwind-cyberattack.crisis.json"


def bundled(name: str) -> Path:
    """The folder or file ``name`` (``templates``, ``examples``, ``translations``, ``icons``,
    ``fonts``)."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    candidates = [Path(frozen_root) / "app" / "_bundled" / name] if frozen_root else []
    candidates += [_PACKAGE_DIR / "_bundled" / name, _PACKAGE_DIR.parent / name]
    for candidate in candidates:
        if candidate.exists():
            return candidate
    raise FileNotFoundError(f"CrisisDraft's bundled '{name}' is missing; reinstall CrisisDraft")


def built_in_templates() -> Path:
    return bundled("templates")


def example_incident() -> Path:
    return bundled("examples") / EXAMPLE_INCIDENT_NAME


def example_incidents() -> list[Path]:
    """Every bundled example, one per shape of incident the format can tell."""
    return sorted(bundled("examples").glob("*.crisis.json"))


def app_icon() -> Path:
    return bundled("icons") / "crisisdraft.png"
