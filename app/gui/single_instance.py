"""One CrisisDraft per user: opening an incident file from the file manager while the app
runs brings that file into the running window instead of starting a second app.

A running app listens on a local socket (``QLocalServer``: a Unix socket in Qt's temporary
folder, a named pipe on Windows) whose name is one per user and per profile, so that two
people on one machine, or a test's scratch profile, never reach each other's app. A second
start sends the absolute paths it was given as one JSON line, waits for ``ok`` and exits;
the running app answers at once, then raises its window and opens the file through
File › Open's own path (:meth:`FileActions.open_file`), which asks first about unsaved
changes. macOS does not start a second process: Finder sends the running app a
``QEvent.FileOpen``, handled the same way.

The second start's check is on every start's path, so it is cheap: on Unix, no socket
file means nobody listens, answered without loading QtNetwork; a failed connect takes
well under a millisecond. A socket left by an app that crashed does not block the next
start: the new app finds nobody answering on it, removes it and listens in its place.
``--screenshot`` runs and tests take no part unless they ask (the launcher decides).
"""

from __future__ import annotations

import getpass
import json
import logging
import sys
import zlib
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from PySide6.QtCore import QDir, QEvent, QObject, QTimer, Signal

from app.files.user_folders import data_folder

if TYPE_CHECKING:  # the window side is imported by the window's start, not the check
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

    from app.gui.main_window import MainWindow

logger = logging.getLogger(__name__)
CONNECT_MS = 500  # a running app accepts at once; a hung one should not hold a start long
REPLY_MS = 3000  # it answers before it opens anything (a question may wait on the user)
MAX_MESSAGE = 64 * 1024  # a few paths; anything longer is not ours
REPLY = b"ok\n"


def server_name() -> str:
    """The running app's socket name: a digest of the user and of their data folder (the
    profile), short enough for Unix socket paths."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no name for this account: the folder still differs
        user = ""
    # crc32 (zlib is loaded already) rather than hashlib, whose OpenSSL would load into
    # every start for this: a name, not a secret; two 32-bit sums of the text and of it
    # reversed keep names of different profiles apart.
    text = f"{user}\n{data_folder()}".encode()
    digest = f"{zlib.crc32(text):08x}{zlib.crc32(text[::-1]):08x}"
    return f"crisisdraft-{digest}"


def socket_file(name: str) -> Path | None:
    """Where ``QLocalServer`` puts the socket of ``name`` on Unix (``None`` on Windows,
    where it is a named pipe and not a file)."""
    return None if sys.platform == "win32" else Path(QDir.tempPath()) / name


def pass_to_running_app(files: Sequence[Path], name: str | None = None) -> bool:
    """True when a CrisisDraft of this user runs and took ``files`` (made absolute; none
    only brings its window forward): the caller then exits. False when none runs, or
    it does not answer in time: the caller starts its own window."""
    name = name or server_name()
    path = socket_file(name)
    if path is not None and not path.exists():
        return False  # nobody listens, and QtNetwork stays unloaded
    network = _qt_network()
    if network is None:
        return False
    socket = network.QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(CONNECT_MS):
        return False
    _let_it_come_forward()
    message = {"open": [str(file.absolute()) for file in files]}
    socket.write(json.dumps(message).encode("utf-8") + b"\n")
    taken = socket.waitForBytesWritten(REPLY_MS) and _reply(socket) == REPLY
    socket.disconnectFromServer()
    return taken


def _reply(socket: QLocalSocket) -> bytes:
    while not socket.canReadLine():
        if not socket.waitForReadyRead(REPLY_MS):
            return b""
    return bytes(socket.readLine().data())


def _qt_network() -> ModuleType | None:
    """QtNetwork, or ``None`` where it cannot load (a build without it, a system missing
    a library it links to): the app then runs without the one-app check, as before."""
    try:
        from PySide6 import QtNetwork
    except ImportError as error:
        logger.warning("files opened from outside start their own app: %s", error)
        return None
    return QtNetwork


def _let_it_come_forward() -> None:
    """Windows lets only the process in front bring a window forward: this start was
    just launched by the user, so it hands that right on to the running app."""
    if sys.platform == "win32":
        import ctypes

        user32 = ctypes.windll.user32  # type: ignore[attr-defined,unused-ignore]
        user32.AllowSetForegroundWindow(-1)  # ASFW_ANY


class OpenRequests(QObject):
    """The running app's ear: files sent by a second start, and macOS's FileOpen events
    (as an event filter of the application). Signals: ``asked(list[Path])``, after the
    sender was answered (an empty list: come forward, open nothing)."""

    asked = Signal(list)

    def __init__(self, name: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name or server_name()
        self.server: QLocalServer | None = None  # made by listen(): QtNetwork loads then

    def listen(self) -> bool:
        """Start listening; a socket left by a crashed app is removed first. False when
        another app of this user already listens (two started at once): this one then
        runs alone, as it would have without the check."""
        network = _qt_network()
        if network is None:
            return False
        server_class = network.QLocalServer
        if self.server is None:
            self.server = server_class(self)
            self.server.setSocketOptions(server_class.SocketOption.UserAccessOption)
            self.server.newConnection.connect(self._accept)
        if self.server.listen(self.name):
            return True
        if _answers(self.name):
            logger.warning("another CrisisDraft listens on %s", self.name)
            return False
        server_class.removeServer(self.name)  # left by an app that ended without closing it
        return self.server.listen(self.name)

    def listening(self) -> bool:
        return self.server is not None and self.server.isListening()

    def close(self) -> None:
        if self.server is not None:
            self.server.close()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.FileOpen:
            from PySide6.QtGui import QFileOpenEvent

            if isinstance(event, QFileOpenEvent) and event.file():
                self._ask([Path(event.file())])
                return True
        return False

    def _accept(self) -> None:
        assert self.server is not None  # it called
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            if socket.bytesAvailable() > MAX_MESSAGE:
                socket.abort()
            return
        try:
            files = _files_asked(json.loads(bytes(socket.readLine().data())))
        except ValueError:
            logger.warning("a message that is not a file to open came on %s", self.name)
            socket.abort()
            return
        socket.write(REPLY)
        socket.flush()
        self._ask(files)

    def _ask(self, files: list[Path]) -> None:
        # after the sender or the event is done with: opening may ask a question, whose
        # event loop must not run inside theirs
        QTimer.singleShot(0, lambda: self.asked.emit(files))


def _files_asked(message: object) -> list[Path]:
    """The absolute paths of a ``{"open": [...]}`` message; ``ValueError`` for any other."""
    files = message.get("open") if isinstance(message, dict) else None
    if not isinstance(files, list) or not all(isinstance(file, str) for file in files):
        raise ValueError("not a list of files")
    paths = [Path(file) for file in files]
    if not all(path.is_absolute() for path in paths):
        raise ValueError("a relative path")
    return paths


def _answers(name: str) -> bool:
    """True when an app answers on ``name`` (connects); False for a left-over socket."""
    from PySide6.QtNetwork import QLocalSocket  # loaded by listen() already

    socket = QLocalSocket()
    socket.connectToServer(name)
    live = socket.waitForConnected(CONNECT_MS)
    socket.abort()
    return live


def serve_window(
    window: MainWindow, name: str | None = None, *, file_open_events: bool | None = None
) -> OpenRequests:
    """Make ``window`` the one that files opened from outside come to, until the app
    quits (listening starts when the event loop runs: ``listening()`` says when).
    ``file_open_events`` (macOS's way; by default on macOS only): a filter on the
    application sees every event of the app, which other systems need not pay for."""
    from PySide6.QtWidgets import QApplication

    requests = OpenRequests(name, window)
    requests.asked.connect(lambda files: bring_into(window, files))
    application = QApplication.instance()
    if application is not None:
        if sys.platform == "darwin" if file_open_events is None else file_open_events:
            application.installEventFilter(requests)
        application.aboutToQuit.connect(requests.close)
    # once the window is whole: QtNetwork need not load before the first paint, and a
    # second start is answered by a window that can open its file
    if window.loaded:
        QTimer.singleShot(0, requests.listen)
    else:
        window.finished_loading.connect(requests.listen)
    return requests


def bring_into(window: MainWindow, files: list[Path]) -> None:
    """Raise ``window`` and open the first of ``files`` (the window holds one incident):
    File › Open's own path, which asks first about unsaved changes. While a dialog waits
    for an answer, the file waits too: the user is told to finish it and open it again.
    Files asked for while the window is still loading (macOS sends the file a user
    double-clicked to start the app right after the start) wait for it."""
    if not window.loaded:
        window.finished_loading.connect(lambda: bring_into(window, files))
        return
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QMessageBox

    from app.gui.texts import N_  # with Babel behind it: not for the start's check

    window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()
    if not files or _same_file(files[0], window.model.path):
        return  # the incident on screen: brought forward as it is, unsaved work and all
    if len(files) > 1:
        logger.warning("%d files asked at once: the window opens the first", len(files))
    busy = QApplication.activeModalWidget()
    if busy is not None:
        busy.raise_()
        busy.activateWindow()
        _ = window.translator.gettext
        QMessageBox.information(
            busy,
            _(N_("Finish first")),
            _(
                N_(
                    "CrisisDraft is waiting for an answer in this window. Finish it, then "
                    "open {file} again."
                )
            ).format(file=files[0].name),
        )
        return
    window.files.open_file(files[0])


def _same_file(asked: Path, shown: Path | None) -> bool:
    try:
        return shown is not None and asked.samefile(shown)
    except OSError:  # one of them is gone: not the same
        return False
