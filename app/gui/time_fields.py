"""Editors of dates and times: a time in the organisation's zone, stored as ISO 8601
with its offset, and an optional date."""

from __future__ import annotations

from datetime import date, datetime
from functools import cached_property
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QCompleter,
    QDateTimeEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from app.gui.date_entry import DateEntry, DateTimeEntry
from app.gui.fields import BoundField, LineField
from app.gui.incident_model import IncidentModel
from app.gui.texts import N_, TextRegistry

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo


def _full_years(qt_format: str) -> str:
    """A Qt date format with four-digit years (a two-digit year misleads in a log)."""
    return qt_format.replace("yyyy", "yy").replace("yy", "yyyy")


def date_format() -> str:
    """How the interface's locale writes a date (Qt's default locale: see qt_language)."""
    return _full_years(QLocale().dateFormat(QLocale.FormatType.ShortFormat))


def date_time_format() -> str:
    """How the interface's locale writes a date and a time, to the minute."""
    return _full_years(QLocale().dateTimeFormat(QLocale.FormatType.ShortFormat))


def fit_format(edit: QDateTimeEdit) -> None:
    """Size ``edit`` for its display format just set: Qt keeps the width it worked out
    for the format before (a two-digit year, no AM/PM), which cut "12:35 PM" to
    "12:35 P" in English; setting the same range again makes it measure anew."""
    edit.setDateTimeRange(edit.minimumDateTime(), edit.maximumDateTime())


def _shown(local: datetime) -> QDateTime:
    """``local`` (already in the organisation's zone) as the editor shows it."""
    return QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))


def _zone(model: IncidentModel) -> ZoneInfo:
    # zoneinfo loads at the first date shown (its module reads the system's zone
    # paths), not before the window's first paint
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(model.value("organisation.timezone") or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


class DateTimeField(BoundField):
    """A date and time in the organisation's time zone, stored as ISO 8601 with offset.

    With ``optional``, a check box says whether there is a time at all."""

    def __init__(
        self,
        model: IncidentModel,
        path: str,
        texts: TextRegistry,
        *,
        accessible_name: str,
        optional_label: str | None = None,
    ) -> None:
        super().__init__(model, path, texts)
        self.edit = DateTimeEntry()
        self.edit.setCalendarPopup(True)
        texts.add(self.edit.setAccessibleName, accessible_name)
        self.now_button = QPushButton()  # the likeliest answer while the crisis unfolds
        texts.add(self._retranslated, N_("Now"))
        self.now_button.clicked.connect(self.set_now)
        self.enabled: QCheckBox | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        if optional_label is not None:  # on its own line: the row fits a narrow window
            self.enabled = QCheckBox()
            texts.add(self.enabled.setText, optional_label)
            self.enabled.toggled.connect(self._edited)
            outer.addWidget(self.enabled)
        layout = QHBoxLayout()
        outer.addLayout(layout)
        layout.addWidget(self.edit)
        layout.addWidget(self.now_button)
        self.zone_label = QLabel()
        layout.addWidget(self.zone_label)
        layout.addStretch(1)
        # Tab and a click on a problem come to the first part: "Known", else the time
        self.setFocusProxy(self.enabled or self.edit)
        self.edit.dateTimeChanged.connect(self._edited)
        model.changed.connect(self._zone_changed)
        self._refreshing = False
        self.refresh()

    def _retranslated(self, now: str) -> None:
        """The interface language changed: its word for now, its way of writing times."""
        self.now_button.setText(now)
        self.edit.setDisplayFormat(date_time_format())
        fit_format(self.edit)

    def set_now(self) -> None:
        """This minute, in the organisation's time zone (ticking the box if need be)."""
        local = datetime.now(_zone(self.model)).replace(second=0, microsecond=0)
        self._refreshing = True
        try:
            if self.enabled is not None:
                self.enabled.setChecked(True)
            self.edit.setDateTime(
                QDateTime(
                    QDate(local.year, local.month, local.day), QTime(local.hour, local.minute)
                )
            )
        finally:
            self._refreshing = False
        self._edited()

    def _zone_changed(self, path: str) -> None:
        if path == "organisation.timezone":
            self._edited()

    def _edited(self) -> None:
        if self._refreshing:
            return
        if self.enabled is not None and not self.enabled.isChecked():
            self.edit.setEnabled(False)
            self.model.set_value(self.path, None)
            return
        self.edit.setEnabled(True)
        shown = self.edit.dateTime()
        moment = datetime(
            shown.date().year(),
            shown.date().month(),
            shown.date().day(),
            shown.time().hour(),
            shown.time().minute(),
            tzinfo=_zone(self.model),
        )
        self.model.set_value(self.path, moment.isoformat())

    def refresh(self) -> None:
        self._refreshing = True
        try:
            zone = _zone(self.model)
            self.zone_label.setText(zone.key)
            value = self.model.value(self.path)
            if self.enabled is not None:
                self.enabled.setChecked(value is not None)
                self.edit.setEnabled(value is not None)
            try:  # with no time yet, the box offers now: the likeliest answer once known
                local = (
                    datetime.fromisoformat(value).astimezone(zone) if value else datetime.now(zone)
                )
            except (TypeError, ValueError):
                return
            if value or self.enabled is not None:
                self.edit.setDateTime(_shown(local))
        finally:
            self._refreshing = False


class DateField(BoundField):
    """An optional date (``YYYY-MM-DD``), with a check box for "a date is given"."""

    def __init__(self, model: IncidentModel, path: str, texts: TextRegistry, *, label: str) -> None:
        super().__init__(model, path, texts)
        self.enabled = QCheckBox()
        texts.add(self.enabled.setText, label)
        self.edit = DateEntry()
        self.edit.setCalendarPopup(True)
        texts.add(self.edit.setAccessibleName, label)
        # On each change of language (the label's cue): its way of writing dates.
        texts.add(lambda _label: self._show_dates_as(date_format()), label)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.enabled)
        layout.addWidget(self.edit)
        layout.addStretch(1)
        self.setFocusProxy(self.enabled)
        self._refreshing = False
        self.enabled.toggled.connect(self._edited)
        self.edit.dateChanged.connect(self._edited)
        self.refresh()

    def _show_dates_as(self, layout: str) -> None:
        self.edit.setDisplayFormat(layout)
        fit_format(self.edit)

    def _edited(self) -> None:
        if self._refreshing:
            return
        self.edit.setEnabled(self.enabled.isChecked())
        if not self.enabled.isChecked():
            self.model.set_value(self.path, None)
            return
        chosen = self.edit.date()
        self.model.set_value(
            self.path, date(chosen.year(), chosen.month(), chosen.day()).isoformat()
        )

    def refresh(self) -> None:
        self._refreshing = True
        try:
            value: Any = self.model.value(self.path)
            self.enabled.setChecked(bool(value))
            self.edit.setEnabled(bool(value))
            if value:
                try:
                    day = date.fromisoformat(value)
                except ValueError:
                    return
                self.edit.setDate(QDate(day.year, day.month, day.day))
            else:
                self.edit.setDate(QDate.currentDate())
        finally:
            self._refreshing = False


class TimeZoneField(LineField):
    """The organisation's time zone, an IANA name ("Europe/Paris"): any part of it
    typed ("paris", "new_york") offers the zones that contain it."""

    def __init__(
        self, model: IncidentModel, path: str, texts: TextRegistry, *, accessible_name: str
    ) -> None:
        super().__init__(model, path, texts, accessible_name=accessible_name)
        self.edit.editingFinished.connect(self._left)
        # the zones are offered from the first letter typed on (Qt asks the completer
        # after this signal, so the very first letter is completed)
        self.edit.textEdited.connect(lambda _text: self._offer_zones())
        texts.add(self.edit.setPlaceholderText, N_("Type a city or region, e.g. Paris"))

    @cached_property
    def zones(self) -> frozenset[str]:
        """Every zone this computer knows: read when first needed (the scan of the zone
        database takes a while, and the window paints first)."""
        from zoneinfo import available_timezones

        return frozenset(available_timezones())

    def _offer_zones(self) -> None:
        if self.edit.completer() is not None:
            return
        from PySide6.QtCore import Qt  # at the first letter typed, not at the first paint

        completer = QCompleter(sorted(self.zones), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.activated.connect(self._chosen)
        self.edit.setCompleter(completer)

    def _edited(self, text: str) -> None:
        """A zone is written once it is one: "Lon", on the way to Europe/London, is
        not, and writing it would stop every draft while the lead types."""
        if not text or text in self.zones:
            super()._edited(text)

    def _left(self) -> None:
        """The lead moved on: what the box says is the answer, zone or not (a wrong
        one is then told like any other fact)."""
        if self.edit.text() != (self.model.value(self.path) or ""):
            super()._edited(self.edit.text())

    def _chosen(self, zone: str) -> None:
        self.edit.setText(zone)
        self._edited(zone)


__all__ = [
    "DateField",
    "DateTimeField",
    "TimeZoneField",
    "date_format",
    "date_time_format",
    "fit_format",
]
