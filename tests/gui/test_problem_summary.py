"""The line over the problems counts what blocks the export, the warnings and the notes
apart: "ready to export" never sits silently over a list of warnings."""

from __future__ import annotations


def listed(window) -> tuple[int, int, int]:
    """Errors, warnings and notes, as the list under the preview marks them."""
    items = [window.preview.problems.item(i).text() for i in range(window.preview.problems.count())]
    warnings = sum(text.startswith("⚠ ") for text in items)
    notes = sum(text.startswith("ℹ ") for text in items)
    return len(items) - warnings - notes, warnings, notes


def test_ready_to_export_says_how_many_warnings_come_with_it(make_main_window, qtbot) -> None:
    window = make_main_window()
    qtbot.waitUntil(lambda: listed(window)[1] > 0)  # the record checks, after a pause
    errors, warnings, notes = listed(window)
    assert errors == 0
    title = window.preview.problems_title.text()
    assert title.startswith("Ready to export · ")
    assert f"Warnings: {warnings}" in title
    assert (f"Notes: {notes}" in title) == (notes > 0)
    assert window.review.summary.text() == title


def test_a_blank_incident_counts_what_blocks_the_export_in_french(make_main_window, qtbot) -> None:
    window = make_main_window(language="fr")
    window.files.new_blank()
    qtbot.waitUntil(lambda: listed(window)[0] > 0)
    errors, _warnings, _notes = listed(window)
    title = window.preview.problems_title.text()
    assert title.startswith(f"À corriger avant l’exportation\u00a0: {errors}")
    assert "Ready" not in title and "Warnings" not in title
