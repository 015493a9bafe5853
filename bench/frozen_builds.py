"""The frozen programs the benchmark runs: the app as it ships (``packaging/build.py``'s
one-folder build, given or built on demand) and its peers, frozen by the same
PyInstaller in one-folder mode (a bare PySide6 window, a program that does nothing, a
program that only loads the libraries an export needs).

Builds on demand go to ``build/bench/`` and are reused while their sources and
PyInstaller's version are unchanged (a fingerprint file beside each).
"""

from __future__ import annotations

import hashlib
import importlib.util
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PEER_SOURCES = Path(__file__).resolve().parent / "peer_programs"
CACHE = ROOT / "build" / "bench"
BUILD_SCRIPT = ROOT / "packaging" / "build.py"
#: Peers built as the app is (packaging/crisisdraft.spec: bytecode without docstrings
#: and asserts), where that changes what they measure: loading big libraries.
PEER_OPTIONS = {"libraries_only": ("--optimize", "2")}
#: What decides whether the app's build is still current.
APP_SOURCES = ("app", "templates", "translations", "examples", "packaging", "pyproject.toml")


def folder_size_mb(folder: Path) -> float:
    """The build's size as packaging/build.py reports it (one way of counting). The
    script imports its neighbours (icu_data) as a script run from its folder does."""
    if str(BUILD_SCRIPT.parent) not in sys.path:
        sys.path.insert(0, str(BUILD_SCRIPT.parent))
    spec = importlib.util.spec_from_file_location("crisisdraft_build", BUILD_SCRIPT)
    assert spec is not None and spec.loader is not None
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    return float(build.folder_size_mb(folder))


def _pyinstaller_version() -> str:
    import PyInstaller

    return str(PyInstaller.__version__)


def _fingerprint(paths: list[Path]) -> str:
    digest = hashlib.sha256(_pyinstaller_version().encode())
    for path in paths:
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        for file in files:
            if file.is_file() and "__pycache__" not in file.parts:
                digest.update(str(file.relative_to(ROOT)).encode())
                digest.update(file.read_bytes())
    return digest.hexdigest()


def _current(folder: Path, fingerprint: str) -> bool:
    stamp = folder.parent / f"{folder.name}.fingerprint"
    return folder.is_dir() and stamp.is_file() and stamp.read_text() == fingerprint


def _stamp(folder: Path, fingerprint: str) -> None:
    (folder.parent / f"{folder.name}.fingerprint").write_text(fingerprint)


def app_build(given: Path | None) -> Path:
    """The one-folder app: ``given`` (a ``dist/CrisisDraft`` folder, or the ``dist``
    holding it), else a build of the current sources."""
    if given is not None:
        folder = given / "CrisisDraft" if (given / "CrisisDraft").is_dir() else given
        if (
            not (folder / "crisisdraft-cli").exists()
            and not (folder / "crisisdraft-cli.exe").exists()
        ):
            raise SystemExit(f"bench: {given} holds no one-folder build of CrisisDraft")
        return folder
    dist = CACHE / "app"
    folder = dist / "CrisisDraft"
    fingerprint = _fingerprint([ROOT / name for name in APP_SOURCES])
    if not _current(folder, fingerprint):
        print("bench: building the app (packaging/build.py)...", file=sys.stderr, flush=True)
        subprocess.run(
            [
                sys.executable,
                str(BUILD_SCRIPT),
                "--dist",
                str(dist),
                "--work",
                str(CACHE / "app-work"),
            ],
            check=True,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
        )
        _stamp(folder, fingerprint)
    return folder


def peer_build(name: str) -> Path:
    """The one-folder build of ``peer_programs/<name>.py``; returns its executable."""
    source = PEER_SOURCES / f"{name}.py"
    dist = CACHE / "peers"
    folder = dist / name
    options = PEER_OPTIONS.get(name, ())
    fingerprint = _fingerprint([source]) + " ".join(options)
    if not _current(folder, fingerprint):
        print(f"bench: freezing the peer {name}...", file=sys.stderr, flush=True)
        subprocess.run(
            [
                sys.executable,
                "-m",
                "PyInstaller",
                str(source),
                "--onedir",
                "--noconfirm",
                "--clean",
                "--log-level",
                "WARN",
                "--distpath",
                str(dist),
                "--workpath",
                str(CACHE / "peers-work"),
                "--specpath",
                str(CACHE / "peers-work"),
                *options,
            ],
            check=True,
            cwd=ROOT,
        )
        _stamp(folder, fingerprint)
    return folder / (name + (".exe" if sys.platform == "win32" else ""))


def executable(folder: Path, name: str) -> Path:
    """A program of the app's folder by its name on this platform."""
    return folder / (name + (".exe" if sys.platform == "win32" else ""))
