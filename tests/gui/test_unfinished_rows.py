"""A row being filled in (a site added, not named yet) is a problem on that row: the
preview goes on showing the drafts, the list names the row, the export waits."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLineEdit

from app.gui.fields import LineField
from app.gui.row_marks import ICON_NAME, marked_text
from app.templates.metadata import TemplateSet
from tests.gui.helpers import click, rows, settle

NBSP = "\u00a0"
ROW_ERROR_FR = f"Sites › ligne 4 › Nom{NBSP}: écrivez le nom du site ou retirez la ligne"


def problem_texts(window) -> list[str]:
    problems = window.preview.problems
    return [problems.item(i).text() for i in range(problems.count())]


def new_site_name(window) -> QLineEdit:
    name = rows(window, "sites")._row_fields[-1][0]
    assert isinstance(name, LineField) and name.path == "sites[3].name"
    return name.edit


def shown_preview(window) -> str:
    return "\n".join(
        view.toPlainText() for view in window.preview.views.values() if view.isVisible()
    )


def test_a_site_added_is_marked_on_its_row_while_the_preview_keeps_the_drafts(
    make_main_window, qtbot
) -> None:
    window = make_main_window(language="fr", step=3)
    window.preview.set_language_mode("fr")
    settle(qtbot, window)
    before = shown_preview(window)
    assert "Solihull" in before

    qtbot.mouseClick(rows(window, "sites").add_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)

    name = new_site_name(window)
    assert marked_text(name) == ROW_ERROR_FR
    assert name.toolTip() == ROW_ERROR_FR
    assert name.findChild(QAction, ICON_NAME) is not None  # the warning icon in the box
    assert shown_preview(window) == before  # the drafts, without the row being filled
    assert any(text.endswith(ROW_ERROR_FR) for text in problem_texts(window)), problem_texts(window)
    assert window.preview.problems_title.text().startswith("À corriger avant l’exportation")
    assert window.sessions.ready(TemplateSet.HOLDING) is None  # approve and export wait
    # the other sites' fields carry no mark
    first = rows(window, "sites")._row_fields[0][0]
    assert isinstance(first, LineField) and marked_text(first.edit) is None

    qtbot.keyClicks(name, "Castle Bromwich")
    settle(qtbot, window)
    assert marked_text(name) is None
    assert name.toolTip() == "" and name.findChild(QAction, ICON_NAME) is None
    assert not any("Sites ›" in text for text in problem_texts(window))
    assert "Castle Bromwich" in shown_preview(window)
    assert window.model.value("sites[3].name") == "Castle Bromwich"


def test_a_step_without_text_is_left_out_of_the_drafts_and_named_in_english(
    make_main_window, qtbot
) -> None:
    window = make_main_window(step=5)
    window.preview.set_language_mode("en")
    settle(qtbot, window)
    before = shown_preview(window)
    steps = rows(window, "recovery.steps")
    count = len(steps.items())
    qtbot.mouseClick(steps.add_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    error = f"Restart steps › row {count + 1}: write the step or remove the row"
    assert any(text.endswith(error) for text in problem_texts(window)), problem_texts(window)
    step = steps._row_fields[-1][0]
    assert marked_text(step.editors["en"]) == error
    assert shown_preview(window) == before


def test_removing_the_half_filled_row_clears_its_error(make_main_window, qtbot) -> None:
    window = make_main_window(step=3)
    sites = rows(window, "sites")
    qtbot.mouseClick(sites.add_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert any("Sites › row 4 › Name" in text for text in problem_texts(window))
    sites.remove_item(3)
    settle(qtbot, window)
    assert not any("Sites ›" in text for text in problem_texts(window))
    assert window.sessions.ready(TemplateSet.HOLDING) is not None


def test_a_problem_of_a_later_row_names_the_row_the_user_sees(make_main_window, qtbot) -> None:
    """With the second site unnamed, the third site's contradiction is still the third
    row's (the facts the drafts see have one site fewer)."""
    window = make_main_window(step=3)
    window.model.set_value("sites[1].name", "")
    window.model.set_value("recovery.phase", "restored")
    for index in (0, 1):
        window.model.set_value(f"sites[{index}].status", "operating")
    settle(qtbot, window)
    fields = {p.field for p in window.preview.shown_problems().errors}
    assert "sites[1].name" in fields and "sites[2].status" in fields, fields
    status = rows(window, "sites")._row_fields[2][2]
    assert marked_text(status.combo) is not None
    assert marked_text(rows(window, "sites")._row_fields[1][2].combo) is None


def test_ticking_quote_a_spokesperson_keeps_the_drafts_until_the_name_is_typed(
    make_main_window, qtbot
) -> None:
    """Found walking a first statement: the ticked box added a spokesperson with no name,
    and the whole preview waited for it; the group is held back like a row instead."""
    window = make_main_window(language="fr", step=1)
    window.preview.set_language_mode("en")
    window.model.set_value("spokesperson", None)
    settle(qtbot, window)
    before = shown_preview(window)
    assert "Northwind Motors" in before and "Alex Morgan" not in before
    quote = next(f for page in window.pages for f in page.fields if f.path == "spokesperson")
    click(qtbot, quote.box)
    settle(qtbot, window)

    assert window.model.value("spokesperson") is not None
    assert shown_preview(window) == before  # no quote yet, and never a blank preview
    told = [text for text in problem_texts(window) if "porte-parole" in text.lower()]
    assert told and "Nom" in told[0], problem_texts(window)
    assert window.sessions.ready(TemplateSet.HOLDING) is None  # the export waits

    name = next(f for page in window.pages for f in page.fields if f.path == "spokesperson.name")
    qtbot.keyClicks(name.edit, "Alex Morgan")
    settle(qtbot, window)
    still = [text for text in problem_texts(window) if "porte-parole" in text.lower()]
    assert not [text for text in still if "› Nom" in text], still  # now its role and quote
