"""The Linux desktop integration, as the desktop's own tools see it: after
packaging/linux/install.py, xdg-mime says a *.crisis.json file is an incident that
CrisisDraft opens, and after uninstall.py nothing of it is left.

Everything runs in a scratch HOME, XDG_DATA_HOME and XDG_CONFIG_HOME, with xdg-mime in
its generic mode (XDG_CURRENT_DESKTOP=X-Generic, no display), as on CI. What is under
test is the install, not the app: the one-folder build is a stand-in with the real
layout (the CrisisDraft and crisisdraft-cli programs, the bundled icon), the programs
being tiny shell scripts, since building the real app takes minutes
(tests/packaging/test_frozen_build.py runs the real one).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
INCIDENT_TYPE = "application/x-crisisdraft-incident"

pytestmark = pytest.mark.skipif(
    shutil.which("xdg-mime") is None,
    reason="xdg-mime is not installed (apt-get install xdg-utils shared-mime-info; .ci/run does)",
)


@dataclass
class Desktop:
    """A user's scratch desktop session: its environment and the commands run in it."""

    root: Path
    env: dict[str, str]

    @property
    def data(self) -> Path:
        return self.root / "data"

    def run(self, *command: str | Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(part) for part in command],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )

    def query(self, *arguments: str | Path) -> str:
        result = self.run("xdg-mime", "query", *arguments)
        return result.stdout.strip()


@pytest.fixture
def desktop(tmp_path: Path) -> Desktop:
    env = {
        "PATH": os.environ["PATH"],
        "HOME": str(tmp_path / "home"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_DIRS": "/usr/local/share:/usr/share",
        "XDG_CURRENT_DESKTOP": "X-Generic",
        "LANG": "C.UTF-8",
    }
    (tmp_path / "home").mkdir()
    return Desktop(tmp_path, env)


def fake_build(folder: Path, marker: str = "1") -> Path:
    """A one-folder build's layout with shell scripts standing in for the programs."""
    icons = folder / "_internal" / "app" / "_bundled" / "icons"
    icons.mkdir(parents=True)
    shutil.copy2(ROOT / "icons" / "crisisdraft.png", icons)
    for name in ("CrisisDraft", "crisisdraft-cli"):
        program = folder / name
        program.write_text(f"#!/bin/sh\necho {name} {marker}\n", encoding="utf-8")
        program.chmod(0o755)
    return folder


def incident_files(desktop: Desktop) -> tuple[Path, Path]:
    """The example incident, and a JSON file that is not one, where a user keeps them."""
    documents = desktop.root / "home" / "Documents"
    documents.mkdir()
    incident = documents / "northwind.crisis.json"
    shutil.copy2(ROOT / "examples" / "northwind-cyberattack.crisis.json", incident)
    other = documents / "settings.json"
    other.write_text('{"theme": "dark"}\n', encoding="utf-8")
    return incident, other


def install(desktop: Desktop, build: Path) -> subprocess.CompletedProcess[str]:
    return desktop.run(sys.executable, LINUX / "install.py", "--build", build)


def test_incident_files_open_in_crisisdraft_and_uninstall_leaves_nothing(
    desktop: Desktop,
) -> None:
    incident, other = incident_files(desktop)
    installed = install(desktop, fake_build(desktop.root / "build"))
    assert installed.returncode == 0, installed.stderr
    assert "CrisisDraft is installed in" in installed.stdout

    filetype = desktop.query("filetype", incident)
    assert filetype == INCIDENT_TYPE, (
        f"xdg-mime says {filetype!r}; in its generic mode it asks `mimetype` "
        "(libfile-mimeinfo-perl), without which it only reads the content (JSON)"
    )
    assert desktop.query("filetype", other) == "application/json"
    assert desktop.query("default", INCIDENT_TYPE) == "crisisdraft.desktop"

    app = desktop.data / "crisisdraft" / "app"
    entry = desktop.data / "applications" / "crisisdraft.desktop"
    assert f"Exec={app / 'CrisisDraft'} %f" in entry.read_text(encoding="utf-8").splitlines()
    assert (desktop.data / "icons/hicolor/512x512/apps/crisisdraft.png").is_file()
    command = desktop.root / "home" / ".local" / "bin" / "crisisdraft"
    assert desktop.run(command).stdout == "crisisdraft-cli 1\n"
    if shutil.which("desktop-file-validate"):
        validated = desktop.run("desktop-file-validate", entry)
        assert validated.returncode == 0, validated.stdout + validated.stderr

    removed = desktop.run(sys.executable, desktop.data / "crisisdraft" / "uninstall.py")
    assert removed.returncode == 0, removed.stderr
    assert desktop.query("filetype", incident) == "application/json"
    assert desktop.query("default", INCIDENT_TYPE) == ""
    assert not (desktop.data / "crisisdraft").exists()
    assert not entry.exists()
    assert not (desktop.data / "mime/packages/crisisdraft-incident.xml").exists()
    assert not command.exists() and not command.is_symlink()
    assert incident.is_file()


def test_an_upgrade_replaces_the_app_and_keeps_the_users_own_command(desktop: Desktop) -> None:
    bin_folder = desktop.root / "home" / ".local" / "bin"
    bin_folder.mkdir(parents=True)
    (bin_folder / "crisisdraft").write_text("#!/bin/sh\necho mine\n", encoding="utf-8")
    assert install(desktop, fake_build(desktop.root / "old")).returncode == 0
    (desktop.data / "crisisdraft" / "app" / "left-over").write_text("", encoding="utf-8")

    upgraded = install(desktop, fake_build(desktop.root / "new", marker="2"))

    assert upgraded.returncode == 0, upgraded.stderr
    app = desktop.data / "crisisdraft" / "app"
    assert desktop.run(app / "CrisisDraft").stdout == "CrisisDraft 2\n"
    assert not (app / "left-over").exists()
    assert (bin_folder / "crisisdraft").read_text(encoding="utf-8") == "#!/bin/sh\necho mine\n"
    assert f"{bin_folder / 'crisisdraft'} exists and is not CrisisDraft's" in upgraded.stdout


def test_a_folder_that_is_not_a_build_is_refused_with_what_to_do(desktop: Desktop) -> None:
    (desktop.root / "Downloads").mkdir()

    refused = install(desktop, desktop.root / "Downloads")

    assert refused.returncode == 1
    assert "Traceback" not in refused.stderr
    assert "is not a CrisisDraft build (no CrisisDraft program in it)" in refused.stderr
    assert "give --build the folder that holds CrisisDraft" in refused.stderr
    assert not (desktop.data / "applications" / "crisisdraft.desktop").exists()


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="no desktop-file-utils")
def test_the_shipped_desktop_entry_is_valid() -> None:
    validated = subprocess.run(
        ["desktop-file-validate", str(LINUX / "crisisdraft.desktop")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert validated.returncode == 0, validated.stdout + validated.stderr
