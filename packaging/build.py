"""Build the one-folder app for this platform: ``uv run --group build python packaging/build.py``.

Compiles the interface catalogs to .mo, runs PyInstaller on ``crisisdraft.spec`` and says
where the app is and how large it is. The result is ``dist/CrisisDraft/`` (and, on macOS,
``dist/CrisisDraft.app``), with ``crisisdraft-cli`` for the command line (a link to
``CrisisDraft`` outside Windows).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import icu_data  # this folder's (run as a script, packaging/ is on the path)

from app.facts.vocabulary import LANGUAGES

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"


def folder_size_mb(folder: Path) -> float:
    """Bytes on disk; links (Qt's library aliases) are not counted twice."""
    files = (path for path in folder.rglob("*") if path.is_file() and not path.is_symlink())
    return sum(path.stat().st_size for path in files) / 1e6


def link_command_line(app: Path) -> None:
    """``crisisdraft-cli`` beside ``CrisisDraft`` outside Windows: the same program (only
    Windows tells a console program from a windowed one), linked rather than built twice."""
    if sys.platform == "win32":
        return
    link = app / "crisisdraft-cli"
    link.unlink(missing_ok=True)
    link.symlink_to("CrisisDraft")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dist", type=Path, default=DIST, help="where the app is put")
    parser.add_argument(
        "--work", type=Path, default=ROOT / "build", help="PyInstaller's work folder"
    )
    options = parser.parse_args()
    subprocess.run(
        [sys.executable, str(ROOT / "translations" / "catalogs.py"), "compile"], check=True
    )
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            str(ROOT / "packaging" / "crisisdraft.spec"),
            "--noconfirm",
            "--clean",
            "--distpath",
            str(options.dist),
            "--workpath",
            str(options.work),
        ],
        check=True,
        cwd=ROOT,
    )
    app = options.dist / "CrisisDraft"
    link_command_line(app)
    icu_data.trim_build(app, LANGUAGES)
    print(f"Built {app} ({folder_size_mb(app):.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
