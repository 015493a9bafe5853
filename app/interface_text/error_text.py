"""What a front says when an action fails: the error's own message in the interface
language, so that a French user never reads an English sentence in a dialog."""

from __future__ import annotations

from app.errors import N_, CrisisDraftError, Gettext


def error_text(error: BaseException, gettext: Gettext) -> str:
    """``error`` told in the language of ``gettext``: a user's mistake as its message
    says it, a file the system refused with the file and the system's reason."""
    if isinstance(error, CrisisDraftError):
        return error.translated(gettext)
    if isinstance(error, OSError):
        return gettext(
            N_("{file}: the system refused ({reason}); choose another place or close the file")
        ).format(file=error.filename or "", reason=error.strerror or error.__class__.__name__)
    return str(error)
