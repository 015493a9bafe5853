"""The texts to authorities in the desktop app: the regulator notification previewed in
the ICO's language only (the French pane says why there is none), the facts only those
texts print typed on the steps that own them, the GDPR clock drawn green in the
record's timeline once the notification is issued, and one file per regulator when two
read the same language."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from app.files.resources import bundled
from app.gui.choice_fields import ChoiceField
from app.gui.export_dialog import ExportDialog
from app.gui.fields import BilingualField, LineField, NumberField
from app.templates.documents import DocumentKind
from tests.gui.helpers import click, field, settle, type_text
from tests.gui.test_timeline import green_points, open_record
from tests.record.test_notification_edges import sent

EXAMPLE = bundled("examples") / "data-affected-paused.crisis.json"
# (the facts the notification went with are not kept here: no reasons are known of)
NOTIFIED = "GDPR / UK GDPR: supervisory authority notified (ICO) after the 72 h"


def with_notification(tmp_path: Path) -> Path:
    facts = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    facts["drafting"] = {"documents": ["press_release", "regulator_notification"]}
    path = tmp_path / "data-affected-paused.crisis.json"
    path.write_text(json.dumps(facts, ensure_ascii=False), encoding="utf-8")
    return path


def test_the_ico_notification_is_previewed_in_english_and_the_french_pane_says_why_not(
    make_main_window, qtbot, tmp_path: Path
) -> None:
    window = make_main_window(incident=with_notification(tmp_path))
    preview = window.preview
    preview.documents.setCurrentIndex(preview.documents.findData("regulator_notification"))
    preview.set_language_mode("both")
    settle(qtbot, window)
    assert preview.document is DocumentKind.REGULATOR_NOTIFICATION
    english = preview.views["en"].toPlainText()
    assert "Personal data breach notification" in english
    assert "To: Information Commissioner's Office (ICO)" in english
    assert "Approximate number of people concerned: Not yet known; to follow." in english
    assert "NOT LEGAL ADVICE" in english  # the lead's note, under the DRAFT mark
    french = preview.views["fr"].toPlainText()
    assert "no regulator notification in this language: it goes to ICO" in french
    window.grab().save(str(tmp_path / "notification-preview.png"))


def test_the_facts_of_the_texts_to_authorities_are_typed_on_their_steps(
    make_main_window, qtbot, tmp_path: Path
) -> None:
    window = make_main_window(incident=with_notification(tmp_path))
    window.go_to_step(3)  # customer data and authorities
    records = field(window, "data.records_affected")
    assert isinstance(records, NumberField)
    qtbot.keyClicks(records.edit, "48000")
    reason = field(window, "data.delay_reason")
    assert isinstance(reason, BilingualField)
    qtbot.keyClicks(reason.editors["en"], "The stolen files were only identified on 15 September.")
    type_text(qtbot, reason.editors["fr"], "Les fichiers dérobés n’ont été identifiés que le 15.")
    authority = field(window, "authorities.nis2_authority")
    assert isinstance(authority, LineField)
    qtbot.keyClicks(authority.edit, "ANSSI")
    window.go_to_step(2)  # systems and sites: the impact
    cross_border = field(window, "impact.cross_border")
    assert isinstance(cross_border, ChoiceField)
    click(qtbot, cross_border.buttons[True])
    window.go_to_step(1)  # what happened
    indicators = field(window, "incident.indicators")
    assert isinstance(indicators, LineField)
    qtbot.keyClicks(indicators.edit, "203.0.113.7")
    incident, problems = window.model.validated()
    assert incident is not None, problems
    assert incident.data.records_affected == 48000
    assert incident.data.delay_reason is not None
    assert incident.data.delay_reason.fr == "Les fichiers dérobés n’ont été identifiés que le 15."
    assert incident.authorities.nis2_authority == "ANSSI"
    assert incident.impact.cross_border is True
    assert incident.incident.indicators == "203.0.113.7"
    settle(qtbot, window)
    preview = window.preview
    preview.documents.setCurrentIndex(preview.documents.findData("regulator_notification"))
    settle(qtbot, window)
    shown = preview.views["en"].toPlainText()
    assert "Approximate number of records concerned: about 48,000" in shown
    assert "Reason for notifying after 72 hours: The stolen files were only identified" in shown


def test_the_gdpr_clock_is_green_once_the_notification_is_issued(
    qtbot, make_incident, tmp_path: Path
) -> None:
    issued = sent("2025-09-16T17:05:00+01:00", "ICO")
    incident = make_incident(
        data__status="affected",
        data__aware_at="2025-09-09T18:00:00+01:00",
        authorities__regulators=["ICO"],
        record={"issued": [issued]},
    )
    window = open_record(qtbot, incident, now=datetime.fromisoformat("2025-09-16T18:00:00+01:00"))
    canvas = window.timeline.canvas
    [bar] = [item for item in canvas.arrangement.items if item.event.text() == NOTIFIED]
    assert bar.event.met and not bar.event.overdue
    assert bar.slot.label == f"{NOTIFIED} · met"
    assert green_points(canvas) > 100
    window.grab().save(str(tmp_path / "gdpr-met.png"))


def test_a_notification_chosen_without_its_grounds_says_why_and_blocks_nothing(
    make_main_window, qtbot, tmp_path: Path, monkeypatch
) -> None:
    facts = json.loads(with_notification(tmp_path).read_text(encoding="utf-8"))
    facts["data"] = {"status": "no_evidence"}
    path = tmp_path / "no-evidence.crisis.json"
    path.write_text(json.dumps(facts, ensure_ascii=False), encoding="utf-8")
    window = make_main_window(incident=path)
    preview = window.preview
    preview.documents.setCurrentIndex(preview.documents.findData("regulator_notification"))
    settle(qtbot, window)  # shown at once: nothing to wait for
    shown = preview.views["en"].toPlainText()
    assert "does not say that personal data is affected or under investigation" in shown
    assert any(p.field == "data.status" and p.blocking for p in preview.problems_list())
    # Export says at once what blocks it (no draft to wait for, no endless progress).
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: told.append(text))
    window.exports.export()
    assert told == ["Fix the problems listed under the preview first."]


def test_two_english_regulators_get_a_file_each_from_the_export_dialog(
    make_main_window, tmp_path: Path, monkeypatch
) -> None:
    facts = json.loads(with_notification(tmp_path).read_text(encoding="utf-8"))
    facts["authorities"]["regulators"] = ["ICO", "DPC"]
    facts["drafting"] = {"documents": ["regulator_notification"]}
    path = tmp_path / "two-regulators.crisis.json"
    path.write_text(json.dumps(facts, ensure_ascii=False), encoding="utf-8")
    window = make_main_window(incident=path)
    incident, _problems = window.model.validated()
    assert incident is not None
    dialog = ExportDialog(
        window, incident, window.renderer, window.translator.gettext, tmp_path / "out", "x"
    )
    told: list[str] = []
    monkeypatch.setattr(
        QMessageBox,
        "information",
        lambda _parent, _title, text, *a: told.append(text) or QMessageBox.StandardButton.Close,
    )
    dialog.export()
    names = sorted(p.name.split("_regulator_notification_")[1] for p in dialog.written)
    assert names == ["en_dpc.docx", "en_ico.docx"]
    assert told[0].startswith("2 Word documents written to")
