"""One app per user: an incident file opened from the file manager while the app runs
comes into the running window (asking first about unsaved work), not into a second app."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from app.files.resources import example_incident
from app.gui.launcher import GuiOptions, run_gui
from app.gui.main_window import MainWindow
from app.gui.single_instance import (
    OpenRequests,
    pass_to_running_app,
    serve_window,
    server_name,
    socket_file,
)
from tests.gui.helpers import field, settle
from tests.two_starts import assert_second_start_hands_over

OTHER_ORGANISATION = "Harbour Foods Ltd"


@pytest.fixture
def name() -> Iterator[str]:
    """A socket name of the test's own: never a running app's, nor another test's."""
    chosen = f"crisisdraft-test-{uuid.uuid4().hex[:12]}"
    yield chosen
    QLocalServer.removeServer(chosen)


@pytest.fixture
def served(
    make_main_window, qtbot, name
) -> Iterator[Callable[..., tuple[MainWindow, OpenRequests]]]:
    made: list[OpenRequests] = []

    def serve(**options) -> tuple[MainWindow, OpenRequests]:
        window = make_main_window(**options)
        requests = serve_window(window, name, file_open_events=True)
        qtbot.waitUntil(requests.listening, timeout=5_000)
        made.append(requests)
        return window, requests

    yield serve
    for requests in made:
        QApplication.instance().removeEventFilter(requests)
        requests.close()


SECOND_START = (
    "import sys; from pathlib import Path; "
    "from app.gui.single_instance import pass_to_running_app; "
    "sys.exit(0 if pass_to_running_app([Path(f) for f in sys.argv[2:]], sys.argv[1]) else 1)"
)


def second_start(qtbot, files: list[Path], name: str) -> bool:
    """What a second ``crisisdraft FILE`` does before it makes a window, in a process of
    its own (its socket waits on the window's answer, which this process's event loop
    gives): True when the running app took the files."""
    process = subprocess.Popen([sys.executable, "-c", SECOND_START, name, *map(str, files)])
    try:
        qtbot.waitUntil(lambda: process.poll() is not None, timeout=20_000)
    finally:
        process.kill()
        process.wait()
    return process.returncode == 0


def organisation_shown(window: MainWindow) -> str:
    return field(window, "organisation.name").edit.text()


def test_a_file_opened_while_the_app_runs_comes_into_its_window(
    served, qtbot, name, write_incident
) -> None:
    window, _requests = served()
    assert organisation_shown(window) == "Northwind Motors"
    other = write_incident("harbour.crisis.json", organisation__name=OTHER_ORGANISATION)

    assert second_start(qtbot, [other], name)
    qtbot.waitUntil(lambda: organisation_shown(window) == OTHER_ORGANISATION, timeout=5_000)
    assert window.windowTitle() == "harbour.crisis.json[*] — CrisisDraft"
    assert window.isActiveWindow()
    settle(qtbot, window)
    assert OTHER_ORGANISATION in window.preview.views["en"].toPlainText()


def test_unsaved_typing_is_asked_about_first_and_cancel_keeps_it(
    served, qtbot, name, write_incident, monkeypatch
) -> None:
    window, _requests = served()
    city = field(window, "organisation.city")
    city.edit.selectAll()
    qtbot.keyClicks(city.edit, "Typed in Leeds")
    asked: list[str] = []

    def cancel(parent, title, text, *args, **kwargs):
        asked.append(text)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", cancel)
    other = write_incident("harbour.crisis.json", organisation__name=OTHER_ORGANISATION)

    assert second_start(qtbot, [other], name)  # the second start is answered at once
    qtbot.waitUntil(lambda: bool(asked), timeout=5_000)
    assert "changes that are not saved" in asked[0]
    assert city.edit.text() == "Typed in Leeds"
    assert organisation_shown(window) == "Northwind Motors"
    assert window.isWindowModified()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)


def test_the_incident_already_shown_comes_forward_as_it_is(
    served, qtbot, name, write_incident, monkeypatch
) -> None:
    incident = write_incident("ours.crisis.json")
    window, _requests = served(incident=incident)
    city = field(window, "organisation.city")
    qtbot.keyClicks(city.edit, " and Leeds")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: pytest.fail("asked"))

    assert second_start(qtbot, [incident], name)
    QApplication.processEvents()
    assert city.edit.text() == "Coventry and Leeds"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)


def test_a_second_start_with_no_file_brings_the_window_forward(served, qtbot, name) -> None:
    window, _requests = served()
    other = QWidget()  # another window took the front meanwhile
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    qtbot.waitUntil(other.isActiveWindow, timeout=5_000)

    assert second_start(qtbot, [], name)
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    assert organisation_shown(window) == "Northwind Motors"


def test_while_a_dialog_waits_the_file_waits_and_the_user_is_told(
    served, qtbot, name, write_incident, monkeypatch
) -> None:
    window, _requests = served()
    waiting = QDialog(window)  # e.g. Export, open and waiting for an answer
    waiting.setModal(True)
    waiting.show()
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: told.append(text))
    other = write_incident("harbour.crisis.json", organisation__name=OTHER_ORGANISATION)

    assert second_start(qtbot, [other], name)
    qtbot.waitUntil(lambda: bool(told), timeout=5_000)
    assert told == [
        "CrisisDraft is waiting for an answer in this window. Finish it, then open "
        "harbour.crisis.json again."
    ]
    assert organisation_shown(window) == "Northwind Motors"
    waiting.close()


def test_macos_finder_opens_a_file_in_the_running_window(served, qtbot, write_incident) -> None:
    window, _requests = served()
    other = write_incident("harbour.crisis.json", organisation__name=OTHER_ORGANISATION)
    QApplication.sendEvent(QApplication.instance(), QFileOpenEvent(str(other)))
    qtbot.waitUntil(lambda: organisation_shown(window) == OTHER_ORGANISATION, timeout=5_000)


def test_with_no_app_running_the_check_answers_at_once(name) -> None:
    started = time.perf_counter()
    assert not pass_to_running_app([example_incident()], name)
    assert time.perf_counter() - started < 0.05


@pytest.mark.skipif(sys.platform == "win32", reason="named pipes end with their process")
def test_a_socket_left_by_a_crashed_app_does_not_block_the_next(
    served, qtbot, name, write_incident
) -> None:
    left = socket_file(name)
    assert left is not None
    crashed = socket.socket(socket.AF_UNIX)  # bound and never removed, as a killed app leaves it
    crashed.bind(str(left))
    crashed.close()
    assert left.exists()
    assert not pass_to_running_app([example_incident()], name)  # nobody answers on it

    window, requests = served()
    assert requests.listening()
    other = write_incident("harbour.crisis.json", organisation__name=OTHER_ORGANISATION)
    assert second_start(qtbot, [other], name)
    qtbot.waitUntil(lambda: organisation_shown(window) == OTHER_ORGANISATION, timeout=5_000)


def test_the_socket_is_where_the_check_looks_for_it(served) -> None:
    _window, requests = served()
    assert requests.server is not None
    assert str(socket_file(requests.name) or requests.name) == requests.server.fullServerName()


def test_a_screenshot_run_takes_no_part(served, qtbot, tmp_path, monkeypatch, write_incident):
    window, requests = served()
    monkeypatch.setattr("app.gui.single_instance.server_name", lambda: requests.name)
    other = write_incident("harbour.crisis.json", organisation__name=OTHER_ORGANISATION)
    picture = tmp_path / "shot.png"
    assert run_gui(GuiOptions(incident=other, screenshot=picture, size=(1280, 720))) == 0
    assert picture.stat().st_size > 0  # it made its own window
    QApplication.processEvents()
    assert organisation_shown(window) == "Northwind Motors"


@pytest.mark.skipif(sys.platform != "linux", reason="the profile is chosen by XDG_* folders")
def test_two_users_or_profiles_get_different_names(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "one"))
    first = server_name()
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "two"))
    second = server_name()
    monkeypatch.setattr("getpass.getuser", lambda: "someone-else")
    assert len({first, second, server_name()}) == 3


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="the profile is chosen by XDG_* folders")
def test_a_second_process_hands_its_file_to_the_first(tmp_path, monkeypatch) -> None:
    """Two real starts of ``python -m app``: the second exits 0 within seconds (a start's
    imports, then a few ms) and the first one's window holds the file."""
    assert_second_start_hands_over([sys.executable, "-m", "app"], tmp_path, monkeypatch, 10)


def test_without_qtnetwork_a_start_runs_alone(served, name, monkeypatch, caplog) -> None:
    """A build or system where QtNetwork cannot load: a start makes its own window and
    says why in the log, instead of failing."""
    import PySide6

    _window, _requests = served()  # an app listens on the name
    monkeypatch.setitem(sys.modules, "PySide6.QtNetwork", None)
    monkeypatch.delattr(PySide6, "QtNetwork")
    assert not pass_to_running_app([example_incident()], name)
    assert not OpenRequests(name).listen()
    assert "files opened from outside start their own app" in caplog.text


@pytest.mark.parametrize(
    "message",
    [
        b"not json\n",
        b'{"open": "/a/file.crisis.json"}\n',  # a text, not a list
        b'{"open": ["relative.crisis.json"]}\n',
        b'{"close": []}\n',
        b"x" * (70 * 1024),  # no end of line in sight
    ],
)
def test_a_message_that_is_not_a_file_to_open_is_dropped(served, qtbot, name, message) -> None:
    window, _requests = served()
    sender = QLocalSocket()
    sender.connectToServer(name)
    assert sender.waitForConnected(1_000)
    sender.write(message)
    sender.flush()
    qtbot.waitUntil(
        lambda: sender.state() == QLocalSocket.LocalSocketState.UnconnectedState, timeout=5_000
    )
    assert not sender.readAll().data()  # no "ok"
    QApplication.processEvents()
    assert organisation_shown(window) == "Northwind Motors"
    assert window.windowTitle() == "Untitled incident[*] — CrisisDraft"


def test_a_file_the_app_was_started_with_waits_for_the_window_to_load(
    qtbot, tmp_path, name, write_incident
) -> None:
    """macOS hands the file a user double-clicked to the app just after it starts, while
    the window is still loading: it opens once the window is whole, and only then does
    the app listen for second starts."""
    from PySide6.QtCore import QSettings

    from app.gui.launcher import GuiOptions, finish_window, open_window
    from app.session.recovery import RecoveryStore

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    options = GuiOptions(language="en")
    window = open_window(options, settings, RecoveryStore(tmp_path / "recovery"))
    qtbot.addWidget(window)
    requests = serve_window(window, name, file_open_events=True)
    try:
        window.show()
        other = write_incident("harbour.crisis.json", organisation__name=OTHER_ORGANISATION)
        QApplication.sendEvent(QApplication.instance(), QFileOpenEvent(str(other)))
        qtbot.wait(50)
        assert not requests.listening()
        assert window.model.path is None  # not yet: the window is loading
        finish_window(window, options)
        qtbot.waitUntil(lambda: organisation_shown(window) == OTHER_ORGANISATION, timeout=5_000)
        assert window.windowTitle() == "harbour.crisis.json[*] — CrisisDraft"
        qtbot.waitUntil(requests.listening, timeout=5_000)
    finally:
        QApplication.instance().removeEventFilter(requests)
        requests.close()
        window.close()
