"""The per-user folders CrisisDraft writes to (platformdirs), in one place."""

from __future__ import annotations

from pathlib import Path

import platformdirs

APP_NAME = "CrisisDraft"


def data_folder() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def recovery_folder() -> Path:
    """Where unsaved typed work is kept until it is saved (see :mod:`app.session.recovery`)."""
    return data_folder() / "recovery"


def template_cache_folder() -> Path:
    """Template checks and compiled templates, kept between runs so the app starts fast
    (see ``app.templates.check_cache``); deleting it only costs time."""
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)) / "templates"


def catalog_cache_folder() -> Path:
    """The interface catalogs compiled from a source checkout's .po files (a build ships
    them compiled)."""
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)) / "catalogs"


def frame_cache_folder() -> Path:
    """The ready-made parts of Word documents in CrisisDraft's own look, kept between
    runs so that exporting does not wait for python-docx (see
    ``app.export.house_frames``); deleting it only costs time."""
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)) / "word-frames"


def personal_words_file() -> Path:
    """The words the user added to their dictionary ("Add to dictionary"), one a line
    (see :mod:`app.session.personal_words`)."""
    return data_folder() / "words.txt"


def user_template_library() -> Path:
    """The user's own templates ("my library"): duplicates and edits of any template."""
    return data_folder() / "templates"


def log_folder() -> Path:
    """Crash reports and the app's log file (see ``app.gui.crash_report``): kept on this
    machine for the user to send to their IT or support contact, never sent by the app.
    The system's place for logs: ~/.local/state/CrisisDraft/log on Linux, ~/Library/Logs
    on macOS, %LOCALAPPDATA%\\CrisisDraft\\Logs on Windows."""
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))
