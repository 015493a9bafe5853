"""Make and check the interface catalogs: ``uv run python translations/catalogs.py update``.

update   extract messages.pot from the code (babel.cfg) and merge it into en/ and fr/
compile  compile the .po files to .mo (the app reads .po directly; builds ship .mo)
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CATALOGS = ROOT / "translations"
POT = CATALOGS / "messages.pot"
DOMAIN = "crisisdraft"
LANGUAGES = ("en", "fr")


def pybabel(*arguments: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", *arguments], cwd=ROOT, check=True
    )


def update() -> None:
    pybabel(
        "extract",
        "-F",
        "babel.cfg",
        "-k",
        "N_",
        "--no-location",
        "--sort-output",
        "--project",
        "CrisisDraft",
        "--copyright-holder",
        "CrisisDraft",
        "-o",
        str(POT),
        "app",
    )
    for language in LANGUAGES:
        po = CATALOGS / language / "LC_MESSAGES" / f"{DOMAIN}.po"
        command = "update" if po.exists() else "init"
        pybabel(command, "-D", DOMAIN, "-i", str(POT), "-d", str(CATALOGS), "-l", language)


def compile_catalogs() -> None:
    pybabel("compile", "-D", DOMAIN, "-d", str(CATALOGS), "--statistics")


if __name__ == "__main__":
    {"update": update, "compile": compile_catalogs}[
        sys.argv[1] if len(sys.argv) > 1 else "update"
    ]()
