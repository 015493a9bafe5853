"""The timeline's colours, taken from the widget's palette so the picture reads on a
light or a dark theme alike: text and grid from the palette's text over its base,
statements in the highlight colour, and the colours that must mean something (late in
red, promises in amber, regulators in violet, a deadline met in green) at a lightness
chosen against the base."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette

from app.record.timeline import EventKind

#: Hues (degrees) of what has a meaning of its own, whatever the theme.
LATE_HUE = 2
PROMISE_HUE = 36
REGULATOR_HUE = 275
PHASE_HUE = 210
MET_HUE = 130


def blend(first: QColor, second: QColor, share: float) -> QColor:
    """``first`` with ``share`` (0 to 1) of ``second`` mixed in."""
    keep = 1 - share
    return QColor.fromRgbF(
        first.redF() * keep + second.redF() * share,
        first.greenF() * keep + second.greenF() * share,
        first.blueF() * keep + second.blueF() * share,
    )


def on_base(hue: int, base: QColor) -> QColor:
    """A saturated colour of ``hue`` that stands out from ``base``: dark on a light
    base, light on a dark one."""
    light_base = base.lightnessF() > 0.5
    return QColor.fromHslF(hue / 360, 0.75, 0.36 if light_base else 0.72)


@dataclass(frozen=True)
class TimelineColours:
    base: QColor  # the picture's background
    text: QColor
    faint_text: QColor  # hour ticks, lane names' column rule
    band: QColor  # every other day
    header: QColor  # behind the axis and the lane names
    grid: QColor  # hour ticks
    day_line: QColor  # midnights
    statement: QColor
    detected: QColor
    phase: QColor
    promise: QColor
    regulator: QColor
    late: QColor
    met: QColor
    now: QColor
    focus: QColor

    @classmethod
    def from_palette(cls, palette: QPalette) -> TimelineColours:
        base = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        highlight = palette.color(QPalette.ColorRole.Highlight)
        # The highlight is meant to be read under highlighted text, not on the base:
        # it is moved towards the text until it stands out from the base.
        statement = highlight
        if abs(highlight.lightnessF() - base.lightnessF()) < 0.3:
            statement = blend(highlight, text, 0.45)
        late = on_base(LATE_HUE, base)
        return cls(
            base=base,
            text=text,
            faint_text=blend(text, base, 0.35),
            band=blend(base, text, 0.06),
            header=blend(base, text, 0.11),
            grid=blend(base, text, 0.14),
            day_line=blend(base, text, 0.4),
            statement=statement,
            detected=text,
            phase=on_base(PHASE_HUE, base),
            promise=on_base(PROMISE_HUE, base),
            regulator=on_base(REGULATOR_HUE, base),
            late=late,
            met=on_base(MET_HUE, base),
            now=late,
            focus=highlight,
        )

    def of(self, kind: EventKind, overdue: bool, met: bool = False) -> QColor:
        """The colour of an event's mark, bar or flag."""
        if overdue:
            return self.late
        if met:
            return self.met
        return {
            EventKind.DETECTED: self.detected,
            EventKind.ISSUED: self.statement,
            EventKind.PROMISED_UPDATE: self.promise,
            EventKind.PHASE: self.phase,
            EventKind.DEADLINE: self.regulator,
        }[kind]
