"""The benchmark's figures with their budgets: an absolute limit, or a ratio to a peer
measured in the same run (so a slower machine moves both sides). Printed as a table
with "ok" or "OVER" beside each budgeted figure."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Figure:
    name: str
    value: float | None
    unit: str
    budget: str = ""
    within: bool | None = None  # None: no budget (a peer, or a figure for the record)


class Figures:
    """The run's figures in the order they were measured."""

    def __init__(self) -> None:
        self._figures: dict[str, Figure] = {}

    def add(
        self,
        name: str,
        value: float | None,
        unit: str,
        *,
        at_most: float | None = None,
        note: str = "",
    ) -> None:
        """A figure, within ``at_most`` (same unit) when given."""
        if at_most is None or value is None:
            self._figures[name] = Figure(name, value, unit, note)
            return
        budget = f"<= {at_most:g} {unit}"
        self._figures[name] = Figure(name, value, unit, budget, value <= at_most)

    def ratio(
        self,
        name: str,
        value: float | None,
        peer: str,
        *,
        unit: str,
        at_most: float | None = None,
        at_least: float | None = None,
    ) -> None:
        """A figure whose budget is ``value / peer <= at_most`` (a start against a bare
        window) or ``peer / value >= at_least`` (ours against a slower peer)."""
        base = self._figures[peer].value
        if value is None or base is None or value <= 0 or base <= 0:
            self._figures[name] = Figure(name, value, unit, f"vs {peer}: n/a")
            return
        if at_most is not None:
            times = value / base
            budget = f"{times:.2f}x {peer} (<= {at_most:g}x)"
            self._figures[name] = Figure(name, value, unit, budget, times <= at_most)
        else:
            assert at_least is not None
            times = base / value
            budget = f"{times:.1f}x faster than {peer} (>= {at_least:g}x)"
            self._figures[name] = Figure(name, value, unit, budget, times >= at_least)

    def values(self) -> dict[str, float | None]:
        return {
            name: None if figure.value is None else round(figure.value, 4)
            for name, figure in self._figures.items()
        }

    def over_budget(self) -> list[str]:
        return [name for name, figure in self._figures.items() if figure.within is False]

    def table(self) -> str:
        lines = [f"{'measure':<24}{'value':>11}  {'':<3} budget"]
        for figure in self._figures.values():
            if figure.value is None:
                shown = "n/a"
            elif figure.unit == "s":
                shown = f"{figure.value:.3f} s"
            else:
                shown = f"{figure.value:.1f} {figure.unit}"
            verdict = {True: "ok", False: "OVER", None: ""}[figure.within]
            lines.append(f"{figure.name:<24}{shown:>11}  {verdict:<4} {figure.budget}")
        return "\n".join(lines)
