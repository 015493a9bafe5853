"""The three installers agree on what an incident file is, and take the project's version
from the command line: read from the files the release workflow builds them with (the Windows
and macOS installers cannot be built here; packaging/README.md says how they are)."""

from __future__ import annotations

import importlib.util
import plistlib
import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
MIME_NS = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}


def info_plist() -> ModuleType:
    """packaging/macos/info_plist.py, loaded as the spec loads it (a file, not a package)."""
    spec = importlib.util.spec_from_file_location("info_plist", PACKAGING / "macos/info_plist.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def linux_mime_type() -> ElementTree.Element:
    tree = ElementTree.parse(PACKAGING / "linux/crisisdraft-incident.xml")
    (mime_type,) = tree.getroot().findall("m:mime-type", MIME_NS)
    return mime_type


def test_macos_and_linux_declare_the_same_incident_extension_under_json() -> None:
    mime_type = linux_mime_type()
    (glob,) = mime_type.findall("m:glob", MIME_NS)
    assert glob.get("pattern") == "*.crisis.json"
    assert int(glob.get("weight", "50")) > 50  # wins over *.json (weight 50)
    assert mime_type.find("m:sub-class-of", MIME_NS).get("type") == "application/json"  # type: ignore[union-attr]

    entries = info_plist().document_type_entries()
    (exported,) = entries["UTExportedTypeDeclarations"]
    extensions = exported["UTTypeTagSpecification"]["public.filename-extension"]
    assert ["*." + extension for extension in extensions] == [glob.get("pattern")]
    assert exported["UTTypeConformsTo"] == ["public.json"]
    claimed = {
        content_type: document["LSHandlerRank"]
        for document in entries["CFBundleDocumentTypes"]
        for content_type in document["LSItemContentTypes"]
    }
    # The app owns its type and is only offered, never the default, for other JSON.
    assert claimed == {exported["UTTypeIdentifier"]: "Owner", "public.json": "Alternate"}
    plistlib.dumps(entries)  # only types a property list can hold


def test_linux_desktop_entry_and_install_script_name_the_declared_type() -> None:
    declared = linux_mime_type().get("type")
    entry = (PACKAGING / "linux/crisisdraft.desktop").read_text(encoding="utf-8")
    assert f"MimeType={declared};" in entry.splitlines()
    script = (PACKAGING / "linux/install.py").read_text(encoding="utf-8")
    assert f'MIME_TYPE = "{declared}"' in script


def test_the_windows_installer_takes_its_version_from_the_command_line() -> None:
    script = (PACKAGING / "windows/crisisdraft.iss").read_text(encoding="utf-8")
    setup = dict(
        line.split("=", 1)
        for line in script.split("[Setup]")[1].split("\n[")[0].splitlines()
        if "=" in line and not line.startswith(";")
    )
    assert setup["AppVersion"] == "{#Version}"
    assert "#ifndef Version\n  #error" in script  # no build without /DVersion=
    assert "#define Version" not in script
    workflow = (ROOT / ".github/workflows/release.yml").read_text(encoding="utf-8")
    assert '"/DVersion=${{ steps.version.outputs.version }}"' in workflow
    # The version the build backend gives the installed project, wherever it is written.
    assert "print(version('crisisdraft'))" in workflow


def test_the_windows_installer_needs_no_admin_rights_and_leaves_json_to_the_user() -> None:
    script = (PACKAGING / "windows/crisisdraft.iss").read_text(encoding="utf-8")
    assert "\nPrivilegesRequired=lowest\n" in script
    assert "\nDefaultDirName={userpf}\\{#AppName}\n" in script
    roots = re.findall(r"^Root: (\w+);", script, flags=re.MULTILINE)
    assert roots and set(roots) == {"HKCU"}
    # .json gains CrisisDraft in "Open with"; its default (an unnamed value) is never set.
    assert 'Subkey: "Software\\Classes\\.json\\OpenWithProgids"' in script
    assert not re.search(
        r'Subkey: "Software\\Classes\\\.json"; ValueType: string; ValueName: ""', script
    )
    assert 'Name: "french"; MessagesFile: "compiler:Languages\\French.isl"' in script
