"""What a new blank incident starts with: the house profile kept in the preferences
(organisation and contacts, :mod:`app.session.house_profile`), every fact of the
incident unknown; where the profile does not say, the English variant and the kind of
organisation the user last chose, remembered in the settings (a team writes for one
organisation, usually in one English)."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from app.facts.editing import IncidentData
from app.gui.choices import ENGLISH_VARIANTS, ORGANISATION_KINDS
from app.gui.incident_model import IncidentModel
from app.session.preferences import Preferences

ENGLISH_KEY = "new_incident/english"
KIND_KEY = "new_incident/organisation_kind"
_ENGLISH = {key for key, _label, _meaning in ENGLISH_VARIANTS}
_KINDS = {key for key, _label, _meaning in ORGANISATION_KINDS}


class NewIncidentDefaults:
    """Remembers the user's choices of ``organisation.english`` and ``organisation.kind``
    (not the values of files opened: only what the user picked) for :meth:`blank`."""

    def __init__(self, settings: QSettings, model: IncidentModel) -> None:
        self.settings = settings
        self.model = model
        model.changed.connect(self._changed)

    def _changed(self, path: str) -> None:
        if path == "organisation.english":
            self.settings.setValue(ENGLISH_KEY, self.model.value(path) or "")
        elif path == "organisation.kind":
            self.settings.setValue(KIND_KEY, self.model.value(path) or "")

    def english(self) -> str:
        value = str(self.settings.value(ENGLISH_KEY, ""))
        return value if value in _ENGLISH else "en_GB"

    def organisation_kind(self) -> str | None:
        value = str(self.settings.value(KIND_KEY, ""))
        return value if value in _KINDS else None

    def blank(self) -> IncidentData:
        profile = Preferences.load().house_profile
        return profile.new_incident(
            english=self.english(), organisation_kind=self.organisation_kind()
        )
