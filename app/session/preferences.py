"""The user's preferences that the command line and the desktop app share: which team
folders hold shared templates, which template folders have been told once that they
use the old layout, who approved drafts lately (offered again, never assumed), and the
house profile a new incident starts from (:mod:`app.session.house_profile`).
Kept as JSON in the per-user config folder, written atomically; the desktop app's
window layout stays in Qt's own settings."""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

from app.files import atomic
from app.files.user_folders import APP_NAME
from app.session.house_profile import HouseProfile

MAX_APPROVERS = 20


def preferences_file() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "preferences.json"


@dataclass
class Preferences:
    shared_libraries: list[Path] = field(default_factory=list)
    layout_noted: list[Path] = field(default_factory=list)  # see session.library_notes
    faults_noted: list[str] = field(default_factory=list)  # broken templates told about
    approvers: list[tuple[str, str]] = field(default_factory=list)  # (name, role), latest first
    house_profile: HouseProfile = field(default_factory=HouseProfile)

    @classmethod
    def load(cls, path: Path | None = None) -> Preferences:
        """The saved preferences; defaults when there are none or the file is unreadable."""
        try:
            data = json.loads((path or preferences_file()).read_text(encoding="utf-8"))
            folders = [Path(str(item)) for item in data.get("shared_libraries", [])]
            noted = [Path(str(item)) for item in data.get("layout_noted", [])]
            faults = [str(item) for item in data.get("faults_noted", [])]
            approvers = [(str(name), str(role)) for name, role in data.get("approvers", [])]
            house = HouseProfile.from_data(data.get("house_profile"))
        except (OSError, ValueError, AttributeError, TypeError):
            return cls()
        return cls(
            shared_libraries=folders,
            layout_noted=noted,
            faults_noted=faults,
            approvers=approvers,
            house_profile=house,
        )

    def save(self, path: Path | None = None) -> None:
        target = path or preferences_file()
        target.parent.mkdir(parents=True, exist_ok=True)
        data = {
            "shared_libraries": [str(folder) for folder in self.shared_libraries],
            "layout_noted": [str(folder) for folder in self.layout_noted],
            "faults_noted": self.faults_noted[-500:],
            "approvers": [list(pair) for pair in self.approvers[:MAX_APPROVERS]],
            "house_profile": self.house_profile.to_data(),
        }
        atomic.write_atomically(target, (json.dumps(data, indent=2) + "\n").encode("utf-8"))


def remember_approver(name: str, role: str, path: Path | None = None) -> None:
    """Keep ``name`` and ``role`` first in the list of recent approvers (best effort:
    an unwritable preferences file loses the suggestion, never the approval)."""
    preferences = Preferences.load(path)
    pair = (name, role)
    preferences.approvers = [pair] + [p for p in preferences.approvers if p[0] != name]
    with contextlib.suppress(OSError):
        preferences.save(path)
