"""Rows within a timeline lane: no label is written over another or over a mark, a
crowded hour shortens labels rather than hiding marks (pure functions: no Qt)."""

from __future__ import annotations

from app.gui.timeline_layout import BARE_MARK_ROWS, LaneRows, Slot, place_bar, place_mark

RADIUS = 7.0


def labels_of(number: int) -> list[tuple[str, float]]:
    full = f"{number}. Progress update"
    return [(full, 7.0 * len(full)), (str(number), 7.0 * len(str(number)))]


def apart(slots: list[Slot]) -> bool:
    """No two slots of one row share a pixel."""
    return not any(
        first is not second
        and first.row == second.row
        and not (first.right <= second.left or second.right <= first.left)
        for first in slots
        for second in slots
    )


def test_marks_far_apart_keep_their_whole_label_in_one_row() -> None:
    rows = LaneRows(max_rows=3)
    xs = [0.0, 300.0, 600.0]
    slots = [place_mark(rows, x, RADIUS, labels_of(n), 1000, xs) for n, x in enumerate(xs, 1)]
    assert [(slot.row, slot.label) for slot in slots] == [
        (0, "1. Progress update"),
        (0, "2. Progress update"),
        (0, "3. Progress update"),
    ]
    assert apart(slots)


def test_a_crowded_hour_shortens_labels_and_keeps_every_mark() -> None:
    rows = LaneRows(max_rows=3)
    xs = [10.0, 12.0, 18.0, 50.0, 90.0, 150.0, 230.0]  # statements minutes apart
    slots = [place_mark(rows, x, RADIUS, labels_of(n), 1000, xs) for n, x in enumerate(xs, 1)]
    assert apart(slots)
    assert len(slots) == len(xs)  # every mark drawn, each with a label here
    assert all(slot.label for slot in slots)
    assert [slot.label for slot in slots[:3]] == ["1", "2", "3"]  # no row taken by "1. ..."
    assert slots[-1].label == "7. Progress update"
    assert rows.count <= 3


def test_labels_near_the_end_are_written_left_of_their_mark() -> None:
    rows = LaneRows(max_rows=3)
    slot = place_mark(rows, 990, RADIUS, labels_of(9), right_edge=1000)
    assert slot.label == "9. Progress update"
    assert slot.right == 990 + RADIUS and slot.label_left < 990


def test_marks_with_no_room_for_a_label_take_rows_of_their_own() -> None:
    rows = LaneRows(max_rows=1)
    first = place_mark(rows, 100, RADIUS, labels_of(1), 1000)
    crowded = [place_mark(rows, 100 + dx, RADIUS, [("long label", 900.0)], 1000) for dx in (3, 6)]
    assert first.label == "1. Progress update"
    assert [slot.label for slot in crowded] == ["", ""]
    assert [slot.row for slot in crowded] == [1, 2]  # below the labelled row, not over it
    beyond = place_mark(rows, 101, RADIUS, [], 1000)
    assert beyond.row == rows.max_rows + BARE_MARK_ROWS - 1  # the last of them, marks only


def test_a_clock_bar_carries_its_text_or_has_it_beside() -> None:
    rows = LaneRows(max_rows=4)
    wide = place_bar(rows, 0, 800, ("GDPR · 12 h left", 120.0), 6, 1000)
    narrow = place_bar(rows, 0, 40, ("NIS2 · 2 h left", 110.0), 6, 1000)
    late = place_bar(rows, 900, 960, ("NIS2 · overdue by 2 d", 150.0), 6, 1000)
    assert (wide.row, wide.label_left, wide.right) == (0, 6, 800)  # on the bar
    assert narrow.row == 1 and narrow.label_left > 40  # after its end, in a row of its own
    assert late.label_left + 150 <= 900  # before its start: the view ends after it
    assert apart([wide, narrow, late])
