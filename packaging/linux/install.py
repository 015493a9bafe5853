#!/usr/bin/env python3
"""Install CrisisDraft for the current user on a Linux desktop, without root.

Run it from the unpacked release (``./install.py``, next to the ``CrisisDraft`` folder)
or point it at any one-folder build (``./install.py --build dist/CrisisDraft``). It puts,
under ``$XDG_DATA_HOME`` (``~/.local/share`` when unset), as the freedesktop.org specs
say a per-user program's files go:

- the app in ``crisisdraft/app/`` (replaced whole on an upgrade), with this script and
  its data files beside it so that ``crisisdraft/uninstall.py`` can undo everything later;
- ``applications/crisisdraft.desktop``, so the app is in the desktop's menu and file
  manager, its ``Exec`` the app's absolute path (``~/.local/bin`` is often not on the
  desktop session's PATH);
- the incident type ``application/x-crisisdraft-incident`` (``*.crisis.json``) through
  ``xdg-mime install --mode user``, and CrisisDraft as its default application
  (``xdg-mime default``), so a double-click on an incident opens it in CrisisDraft;
- the icon in the hicolor theme (``icons/hicolor/512x512/apps/crisisdraft.png``);

and the command line as ``~/.local/bin/crisisdraft`` (a link, never over a file of the
user's). Standard library only: the desktop's python3 runs it, not the app's.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
MIME_TYPE = "application/x-crisisdraft-incident"
DESKTOP_ENTRY = "crisisdraft.desktop"
MIME_PACKAGE = "crisisdraft-incident.xml"
GUI, CLI, COMMAND = "CrisisDraft", "crisisdraft-cli", "crisisdraft"
# Where the spec bundles icons/crisisdraft.png inside a one-folder build (PyInstaller 6
# puts data under _internal/; older layouts put it next to the executables).
BUNDLED_ICON = (
    "_internal/app/_bundled/icons/crisisdraft.png",
    "app/_bundled/icons/crisisdraft.png",
)
# Characters the Desktop Entry spec reserves in Exec: such a path must be quoted.
EXEC_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


class InstallError(Exception):
    """A problem the user can fix, reported as one line without a traceback."""


@dataclass(frozen=True)
class Places:
    """Every path the install writes, from the XDG base directories of one user."""

    data: Path
    config: Path
    bin: Path

    @classmethod
    def from_environment(cls, environ: dict[str, str]) -> Places:
        home = Path(environ.get("HOME") or Path.home())

        def xdg(name: str, default: Path) -> Path:
            value = environ.get(name, "")
            return Path(value) if Path(value).is_absolute() else default  # spec: relative ignored

        return cls(
            xdg("XDG_DATA_HOME", home / ".local/share"),
            xdg("XDG_CONFIG_HOME", home / ".config"),
            home / ".local/bin",
        )

    @property
    def home(self) -> Path:
        return self.data / "crisisdraft"

    @property
    def app(self) -> Path:
        return self.home / "app"

    @property
    def desktop_entry(self) -> Path:
        return self.data / "applications" / DESKTOP_ENTRY

    @property
    def icon(self) -> Path:
        return self.data / "icons/hicolor/512x512/apps/crisisdraft.png"

    @property
    def mime_package(self) -> Path:
        return self.data / "mime/packages" / MIME_PACKAGE

    @property
    def link(self) -> Path:
        return self.bin / COMMAND


def run(*command: str | Path) -> None:
    """Run a desktop tool; its own message if it fails (xdg-mime says what is wrong)."""
    result = subprocess.run([str(part) for part in command], capture_output=True, text=True)
    if result.returncode != 0:
        output = (result.stderr or result.stdout).strip()
        raise InstallError(f"{Path(str(command[0])).name} failed: {output or result.returncode}")


def run_if_present(tool: str, *arguments: str | Path) -> None:
    """Refresh a cache when its tool is installed (desktops without it read the files)."""
    if shutil.which(tool):
        run(tool, *arguments)


def write_text(path: Path, text: str) -> None:
    """Write whole or not at all: a half-written .desktop file breaks the menu."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, delete=False) as f:
        f.write(text)
    Path(f.name).replace(path)


def desktop_value(text: str) -> str:
    r"""Escape a Desktop Entry string value (\\ and, for Exec, %% stand for \ and %)."""
    return text.replace("\\", "\\\\").replace("%", "%%")


def exec_path(path: Path) -> str:
    """The executable as the Exec key wants it: quoted, with escapes, when it must be."""
    text = str(path)
    if EXEC_RESERVED & set(text):
        text = '"' + "".join("\\" + c if c in '"`$\\' else c for c in text) + '"'
    return desktop_value(text)


def desktop_entry(template: str, executable: Path) -> str:
    """The shipped entry with Exec and TryExec pointing at the installed app."""
    lines = []
    for line in template.splitlines():
        if line.startswith("Exec="):
            lines.append(f"Exec={exec_path(executable)} %f")
            lines.append(f"TryExec={desktop_value(str(executable))}")
        elif not line.startswith("TryExec="):
            lines.append(line)
    return "\n".join(lines) + "\n"


def find_icon(build: Path) -> Path:
    for candidate in [build / name for name in BUNDLED_ICON] + [HERE / "crisisdraft.png"]:
        if candidate.is_file():
            return candidate
    raise InstallError(f"no crisisdraft.png in {build}: is it a complete CrisisDraft build?")


def copy_app(build: Path, places: Places) -> None:
    """Copy the build beside the old one, then swap: an interrupted copy leaves the old app."""
    fresh = places.home / "app.new"
    shutil.rmtree(fresh, ignore_errors=True)
    shutil.copytree(build, fresh, symlinks=True)
    shutil.rmtree(places.app, ignore_errors=True)
    fresh.rename(places.app)
    for name in ("install.py", "uninstall.py", DESKTOP_ENTRY, MIME_PACKAGE):
        shutil.copy2(HERE / name, places.home / name)


def link_command(places: Places) -> str | None:
    """~/.local/bin/crisisdraft -> the command line; a note when that name is taken."""
    target = places.app / CLI
    if not target.is_file():
        return None
    if places.link.is_symlink() or not places.link.exists():
        places.bin.mkdir(parents=True, exist_ok=True)
        places.link.unlink(missing_ok=True)
        places.link.symlink_to(target)
        return None
    return f"{places.link} exists and is not CrisisDraft's: the command line stays at {target}"


def install(build: Path, places: Places) -> list[str]:
    """Install the one-folder build at ``build``; returns notes for the user."""
    if not (build / GUI).is_file() or not os.access(build / GUI, os.X_OK):
        raise InstallError(
            f"{build} is not a CrisisDraft build (no {GUI} program in it): "
            "give --build the folder that holds CrisisDraft and crisisdraft-cli"
        )
    icon = find_icon(build)
    places.home.mkdir(parents=True, exist_ok=True)
    copy_app(build, places)
    places.icon.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(icon, places.icon)
    template = (HERE / DESKTOP_ENTRY).read_text(encoding="utf-8")
    write_text(places.desktop_entry, desktop_entry(template, places.app / GUI))
    if shutil.which("xdg-mime"):
        run("xdg-mime", "install", "--mode", "user", places.home / MIME_PACKAGE)
        run("xdg-mime", "default", DESKTOP_ENTRY, MIME_TYPE)
    else:
        places.mime_package.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(places.home / MIME_PACKAGE, places.mime_package)
        run_if_present("update-mime-database", places.data / "mime")
        set_default(places, DESKTOP_ENTRY)
    run_if_present("update-desktop-database", places.desktop_entry.parent)
    notes = [note for note in [link_command(places)] if note]
    if places.link.is_symlink() and str(places.bin) not in os.environ.get("PATH", "").split(":"):
        notes.append(f"add {places.bin} to your PATH to type '{COMMAND}' in a terminal")
    return notes


def set_default(places: Places, entry: str | None) -> None:
    """Set (or, with None, remove) our line in mimeapps.list, as xdg-mime's generic mode does."""
    path = places.config / "mimeapps.list"
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    ours = f"{MIME_TYPE}={DESKTOP_ENTRY}"
    kept = [line for line in lines if line.strip() != ours]
    if entry is not None:
        if "[Default Applications]" not in kept:
            kept += ["[Default Applications]"]
        kept.insert(kept.index("[Default Applications]") + 1, f"{MIME_TYPE}={entry}")
    if kept != lines:
        write_text(path, "\n".join(kept) + "\n")


def uninstall(places: Places) -> None:
    """Remove what install() put, and only that."""
    if places.mime_package.exists():
        if shutil.which("xdg-mime"):
            run("xdg-mime", "uninstall", "--mode", "user", places.mime_package)
        places.mime_package.unlink(missing_ok=True)
        run_if_present("update-mime-database", places.data / "mime")
    set_default(places, None)
    places.desktop_entry.unlink(missing_ok=True)
    run_if_present("update-desktop-database", places.desktop_entry.parent)
    places.icon.unlink(missing_ok=True)
    if places.link.is_symlink() and places.app in places.link.readlink().parents:
        places.link.unlink()
    shutil.rmtree(places.home, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--build", type=Path, default=HERE / GUI, help="the one-folder build to install"
    )
    parser.add_argument("--uninstall", action="store_true", help="remove CrisisDraft")
    options = parser.parse_args(argv)
    places = Places.from_environment(dict(os.environ))
    try:
        if options.uninstall:
            uninstall(places)
            print("CrisisDraft is uninstalled (your incident files are untouched).")
            return 0
        notes = install(options.build.resolve(), places)
    except (InstallError, OSError) as error:
        print(f"CrisisDraft was not installed: {error}", file=sys.stderr)
        return 1
    print(f"CrisisDraft is installed in {places.app} and in your applications menu.")
    print(f"To remove it: {places.home / 'uninstall.py'}")
    for note in notes:
        print(f"Note: {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
