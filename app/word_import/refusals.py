"""Why a file brought back cannot be read as a Word document, in the user's words.

Every refusal names the file and says what to do with it in Word or LibreOffice; the
messages are ids with parameters, translated where they are shown.
"""

from __future__ import annotations

from pathlib import Path

from app.errors import N_, CrisisDraftError, Param

MISSING = N_("{file}: there is no such file; check its name and folder")
NOT_A_FILE = N_("{file}: this is a folder, not a Word document; choose the .docx file itself")
UNREADABLE = N_("{file}: cannot be read ({reason}); close it in Word and try again")
TOO_BIG = N_(
    "{file}: the file is {size} MB, more than the {limit} MB a statement's Word document "
    "can be; remove the pictures or embedded files it carries, save it and try again"
)
EXPANDS = N_(
    "{file}: the document would take {size} MB once opened, far more than a statement's "
    "Word document can; it was not opened (it may be damaged or built to do harm): save "
    "it again from Word and try again"
)
OLD_WORD = N_(
    "{file}: this is an old Word document (.doc); open it in Word and save it as a Word "
    "document (.docx), then bring back that file"
)
PASSWORD = N_(
    "{file}: the document is protected by a password; remove the password in Word "
    "(File > Info > Protect Document), save it again and bring it back"
)
OFFICE_BINARY = N_(
    "{file}: this is not a Word document (.docx) but another Office file; save the "
    "statement as a Word document (.docx) and bring back that file"
)
OPEN_DOCUMENT = N_(
    "{file}: this is an OpenDocument text (.odt), not a Word document; save it as a Word "
    "document (.docx) (in LibreOffice: File > Save As, Word 2007-365) and bring back that file"
)
NOT_DOCX = N_(
    "{file}: this is not a Word document (.docx); save the statement as a Word document "
    "(.docx) and bring back that file"
)
STRICT = N_(
    "{file}: the document is saved as Strict Open XML; save it as a Word document (.docx), "
    "not the Strict format, and bring it back"
)
DAMAGED = N_(
    "{file}: the document is damaged (its part {part} cannot be read); open it in Word, "
    "save it again and bring it back"
)


def refusal(path: Path, message_id: str, **params: Param) -> CrisisDraftError:
    """The error refusing ``path`` with ``message_id`` (one of this module's)."""
    return CrisisDraftError(message_id=message_id, params={"file": path.name, **params})
