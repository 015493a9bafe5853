"""Word documents brought back to the app as colleagues send them: the window's own
export of a press release, edited with python-docx as Word saves an edit."""

from __future__ import annotations

from pathlib import Path

import docx

from app.gui.main_window import MainWindow
from app.session.selection import Selection
from app.templates.documents import DocumentKind

PRESS = DocumentKind.PRESS_RELEASE
#: A sentence legal adds to the press release (the facts do not support it).
CLAIMS = {
    "en": " No customer data was affected.",
    "fr": " Aucune donnée de client n’a été touchée.",
}
#: A sentence the chief executive adds (nothing the facts contradict).
APOLOGIES = {"en": " We apologise again.", "fr": " Nous vous présentons à nouveau nos excuses."}


def exported_press_release(window: MainWindow, folder: Path, language: str = "en") -> Path:
    """The press release of the window's incident exported as a draft into ``folder``,
    as the lead sends it to legal."""
    session = window.sessions.current()
    assert session is not None, "the window's facts are not an incident"
    [written] = session.export(Selection((language,), (PRESS,)), folder)  # type: ignore[arg-type]
    return written.path


def edited_copy(path: Path, added: str, *, keep_mark: bool = False, name: str = "") -> Path:
    """``path`` as a colleague saves it from Word: ``added`` at the end of the first
    paragraph that ends a sentence, the DRAFT mark taken out of the header (unless
    ``keep_mark``), saved beside it as ``name`` (default: "… (legal).docx")."""
    document = docx.Document(str(path))
    paragraph = next(
        p for p in document.paragraphs if len(p.text) > 80 and p.text.endswith(".") and p.runs
    )
    paragraph.runs[-1].text += added
    if not keep_mark:
        for section in document.sections:
            for line in section.header.paragraphs:
                for run in line.runs:
                    run.text = ""
    edited = path.with_name(name or f"{path.stem} (legal).docx")
    document.save(str(edited))
    return edited
