"""The window's one session follows the facts being edited."""

from __future__ import annotations


def test_the_window_keeps_one_session_in_step_with_the_facts(make_main_window) -> None:
    window = make_main_window()
    session = window.sessions.current()
    assert session is not None
    version = session.version
    window.model.set_value("organisation.city", "Birmingham")
    assert window.sessions.current() is session
    assert session.version > version
    assert session.incident.organisation.city == "Birmingham"
    window.files.new_from_example()  # other facts loaded: a session of their own
    assert window.sessions.current() is not session


def test_facts_that_cannot_be_read_have_no_session(make_main_window) -> None:
    window = make_main_window()
    window.model.set_value("organisation.name", 12)
    assert window.model.validated()[0] is None
    assert window.sessions.current() is None


def test_approve_and_export_refuse_what_the_session_finds_blocking(
    make_main_window, monkeypatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    window = make_main_window()
    window.model.set_value("guidance.staff", {"en": "Stay at home."})  # no French text
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warned.append(text))
    window.record.approve()
    window.exports.export()
    assert warned == ["Fix the problems listed under the preview first."] * 2
    assert not window.model.value("record.approvals")
    window.preview.refresh()  # the list under the preview names it
    assert any(p.blocking and p.field == "guidance.staff.fr" for p in window.problems.found)
