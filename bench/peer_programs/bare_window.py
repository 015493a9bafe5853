"""The start peer: a bare PySide6 window of the app's size, nothing in it. It prints the
wall-clock time of its first paint and its peak memory as the app does under
``CRISISDRAFT_REPORT_FIRST_PAINT``, then quits. Run from the venv and frozen by the same
PyInstaller as the app (bench/frozen_builds.py)."""

import json
import resource
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


class FirstPaint(QObject):
    def eventFilter(self, watched, event):  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Paint:
            painted = time.time()
            watched.removeEventFilter(self)
            QTimer.singleShot(0, lambda: report(painted))
        return False


def report(painted: float) -> None:
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"first_paint": painted, "peak_rss_mb": peak_mb}), flush=True)
    QApplication.quit()


application = QApplication(sys.argv[:1])
window = QMainWindow()
window.setWindowTitle("Peer")
window.resize(1500, 900)
watcher = FirstPaint()
window.installEventFilter(watcher)
window.show()
sys.exit(application.exec())
