"""What CrisisDraft.app's Info.plist says about incident files, for packaging/crisisdraft.spec.

The spec merges ``document_type_entries()`` into the ``info_plist`` of its ``BUNDLE``.
Kept here, as plain data, so that a test can check it against the Linux MIME type
(tests/packaging/test_installer_files.py) without running PyInstaller.

Why two document types: macOS finds a file's type from its path extension, which
Foundation defines as what follows the LAST period ("x.crisis.json" has the extension
"json", CFURLCopyPathExtension / NSString.pathExtension), so Finder sees every incident
as ``public.json``, as Windows does (packaging/windows/crisisdraft.iss). Hence:

- ``org.crisisdraft.incident``, exported, conforming to ``public.json``, with the tag
  "crisis.json": the app's own type, named for what it is. Launch Services does not
  match a two-part extension against a file name, so this type alone would not make
  Finder offer CrisisDraft; it documents the format and is what the app owns.
- ``public.json`` at rank ``Alternate``: CrisisDraft is listed in Finder's "Open With"
  for JSON files (so for every incident) without becoming the default JSON app, which
  stays the user's choice (Get Info > Open with > Change All…). The app reads the
  file's "format" and says clearly when a JSON file is not an incident.

Opening a file sends the running app a QFileOpenEvent (app/gui handles it).
"""

from __future__ import annotations

INCIDENT_UTI = "org.crisisdraft.incident"
INCIDENT_EXTENSION = "crisis.json"  # packaging/linux/crisisdraft-incident.xml: *.crisis.json
INCIDENT_NAME = "CrisisDraft incident file"


def document_types() -> list[dict[str, object]]:
    """CFBundleDocumentTypes: the files CrisisDraft opens, and how strongly it claims them."""
    return [
        {
            "CFBundleTypeName": INCIDENT_NAME,
            "CFBundleTypeRole": "Editor",
            "LSHandlerRank": "Owner",
            "LSItemContentTypes": [INCIDENT_UTI],
        },
        {
            "CFBundleTypeName": "JSON document",
            "CFBundleTypeRole": "Editor",
            "LSHandlerRank": "Alternate",
            "LSItemContentTypes": ["public.json"],
        },
    ]


def exported_types() -> list[dict[str, object]]:
    """UTExportedTypeDeclarations: the incident type, which this app defines."""
    return [
        {
            "UTTypeIdentifier": INCIDENT_UTI,
            "UTTypeDescription": INCIDENT_NAME,
            "UTTypeConformsTo": ["public.json"],
            "UTTypeTagSpecification": {"public.filename-extension": [INCIDENT_EXTENSION]},
        }
    ]


def document_type_entries() -> dict[str, object]:
    """The Info.plist keys to merge into the spec's ``info_plist``."""
    return {
        "CFBundleDocumentTypes": document_types(),
        "UTExportedTypeDeclarations": exported_types(),
    }
