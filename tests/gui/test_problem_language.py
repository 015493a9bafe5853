"""The problems read in the interface language, and switch with it: each names its field
as the steps caption it (« Contact concessionnaires › Nom »), never by its path in the
file, and writes dates and times as the interface language does, never ISO."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QFormLayout, QGroupBox, QMessageBox

from app.facts.models import Incident
from app.gui.choice_fields import OptionalGroup
from app.gui.export_dialog import ExportDialog
from app.interface_text.field_names import FIELD_NAMES, caption

NBSP = "\u00a0"
NNBSP = "\u202f"
#: What no problem shown in the app may hold: a field path, an ISO date or time.
FIELD_PATH = re.compile(r"\b[a-z_]+(\[\d+\])?\.[a-z_]+\b|\b[a-z]+_[a-z_]+\b")
ISO_MOMENT = re.compile(r"\d{4}-\d\d-\d\d|T\d\d:\d\d|\+\d\d:\d\d")


def problem_texts(window) -> list[str]:
    problems = window.preview.problems
    return [problems.item(i).text() for i in range(problems.count())]


def test_a_contradiction_and_the_not_stated_line_read_in_french(make_main_window, qtbot) -> None:
    window = make_main_window()
    site = window.model.value("sites[0].name")
    window.model.set_value("recovery.phase", "restored")
    window.model.set_value("sites[0].status", "stopped")
    window.model.set_value("authorities.law_enforcement", None)
    window.model.set_value("authorities.specialists_engaged", None)
    window.preview.refresh()
    english = f"recovery is 'restored' but {site} is stopped: set the site to operating"
    qtbot.waitUntil(lambda: any(english in text for text in problem_texts(window)), timeout=2000)
    assert any(
        text.startswith(f"Sites › row 1 › Status: {english}") for text in problem_texts(window)
    )
    # about the whole incident: no place before it (the window is about that incident)
    assert "ℹ Not stated: police, specialists (the drafts say nothing of it)" in problem_texts(
        window
    )

    window.set_language("fr")
    texts = problem_texts(window)
    contradiction = next(text for text in texts if text.startswith("Sites › ligne 1"))
    assert contradiction == (
        f"Sites › ligne 1 › État{NBSP}: la phase de rétablissement est "
        f"«{NBSP}Service rétabli{NBSP}», mais "
        f"le site {site} est à l’arrêt{NBSP}: mettez le site en activité, ou choisissez une "
        "autre phase de rétablissement"
    )
    assert (
        f"ℹ Non précisé{NBSP}: forces de l’ordre, experts (les projets n’en disent rien)" in texts
    )
    assert not any("recovery is" in text or "Not stated" in text for text in texts)
    assert not any("incident:" in text or "sites[0]" in text for text in texts)

    window.set_language("en")
    assert any(english in text for text in problem_texts(window))


def test_a_blank_dealer_contact_name_is_named_as_its_step_names_it(make_main_window, qtbot) -> None:
    window = make_main_window(language="fr")
    window.model.set_value("contacts.dealers.name", "")
    window.preview.refresh()
    expected = (
        f"Contact concessionnaires › Nom{NBSP}: est vide{NNBSP}; remplissez-le, ou retirez "
        "le champ s’il est facultatif"
    )
    qtbot.waitUntil(lambda: expected in problem_texts(window), timeout=2000)
    texts = problem_texts(window)
    assert not any("contacts.dealers" in text or ".crisis.json" in text for text in texts), texts
    # the caption the user reads on step 1 is the name the problem gives
    titles = [box.title().replace("&", "") for box in window.pages[0].findChildren(QGroupBox)]
    assert "Contact concessionnaires" in titles, titles

    window.set_language("en")
    assert any(
        text.startswith("Dealer contact › Name: is empty; write it")
        for text in problem_texts(window)
    )


def test_a_missing_french_text_names_its_field_and_language(make_main_window, qtbot) -> None:
    window = make_main_window(language="fr")
    window.model.set_value("guidance.staff.fr", "")
    window.preview.refresh()
    expected = (
        f"Consignes › Collaborateurs (français){NBSP}: le texte français manque{NNBSP}; "
        "rédigez-le, ou retirez le français de l’export"
    )
    qtbot.waitUntil(lambda: expected in problem_texts(window), timeout=2000)


def test_an_overdue_promise_is_dated_as_the_interface_writes_dates(
    make_main_window, qtbot, make_incident
) -> None:
    """The last statement promised an update for 2 Sept., 18:00 (London): the warning says
    so in the reader's way, on the organisation's clock, in both languages."""
    window = make_main_window(language="fr")
    said: Incident = make_incident(next_update_at="2025-09-02T18:00:00+01:00")
    statement = {
        "issued_at": "2025-09-02T09:30:00+01:00",
        "document": "press_release",
        "language": "en",
        "template_id": "holding-press-release",
        "template_version": "1",
        "approver": {"name": "Sam Patel", "role": "General Counsel"},
        "file_name": "press_release_en.docx",
        "facts": said.facts_snapshot(),
        "text": "Statement",
    }
    record = dict(window.model.value("record"))
    window.model.set_value("record", {**record, "issued": [statement]})
    window.preview.refresh()
    window.preview.check_record()
    french = (
        f"⚠ Prochain point de situation{NBSP}: le point de situation promis pour "
        f"2 sept. 2025, 18:00 est en retard{NBSP}: publiez-en un maintenant"
    )
    qtbot.waitUntil(lambda: french in problem_texts(window), timeout=10_000)
    for text in problem_texts(window):
        assert not ISO_MOMENT.search(text), text
        assert not FIELD_PATH.search(text), text

    window.set_language("en")
    assert (
        "⚠ Next update: the update promised for Sep 2, 2025, 6:00\u202fPM is overdue: "
        "issue one now" in problem_texts(window)
    )


def test_a_blank_incident_lists_its_empty_fields_in_french(make_main_window) -> None:
    window = make_main_window()
    window.set_language("fr")
    window.files.new_blank()
    window.preview.refresh()
    texts = problem_texts(window)
    assert (
        f"Organisation › Nom{NBSP}: est vide{NNBSP}; remplissez-le, ou retirez le champ s’il "
        "est facultatif"
    ) in texts, texts
    assert not any("is empty" in text for text in texts)
    for text in texts:
        assert not FIELD_PATH.search(text), text


def test_every_field_on_the_steps_is_captioned_with_the_name_problems_give_it(
    make_main_window,
) -> None:
    """The steps and the problems read one table: a field's caption on its step is the
    last part of its name in a problem, in both languages."""
    window = make_main_window()
    for language in ("en", "fr"):
        window.set_language(language)
        gettext = window.translator.gettext
        checked = 0
        for page in window.pages:
            for field in page.fields:
                key = re.sub(r"\[\d+\]", "[]", field.path)
                assert key in FIELD_NAMES, f"{field.path} has no name for its problems"
                form = field.parentWidget().layout()
                label = form.labelForField(field) if isinstance(form, QFormLayout) else None
                if label is None or isinstance(field, OptionalGroup):
                    continue  # a part of a row, or "Give this contact": named by its group
                assert label.text().replace("&", "") == gettext(caption(key)), field.path
                checked += 1
        assert checked > 40


def test_a_refused_final_export_names_the_draft_as_the_app_does(
    make_main_window, tmp_path, monkeypatch
) -> None:
    """A final export of drafts nobody approved: the refusal names the document and its
    language in French, not ``press_release (en)``."""
    window = make_main_window(language="fr")
    refusals: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "critical", lambda _parent, _title, text: refusals.append(text)
    )

    def final_export(dialog: ExportDialog) -> int:
        dialog.folder.setText(str(tmp_path / "out"))
        dialog.final.setChecked(True)
        dialog.export()
        return dialog.result()

    monkeypatch.setattr(ExportDialog, "exec", final_export)
    window.exports.export()
    assert len(refusals) == 1
    assert refusals[0].startswith(
        f"Communiqué de presse (anglais){NBSP}: n’est pas approuvé en l’état"
    ), refusals
    assert "press_release" not in refusals[0] and "incident:" not in refusals[0]
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())
