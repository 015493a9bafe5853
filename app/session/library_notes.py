"""What a front tells the user, once, about the template library it opened: a folder
still laid out the old way (its templates keep working), and a user's or team's
template that cannot be used (the next template in rank is used instead, until it is
fixed). Each note is given once, whichever front shows it first: taking the notes
records them in the shared preferences.
"""

from __future__ import annotations

import contextlib
import hashlib
from pathlib import Path

from app.errors import N_, Message, Problem
from app.session.preferences import Preferences
from app.templates.library import TemplateInfo, TemplateLibrary


def take_library_notes(
    library: TemplateLibrary, preferences_file: Path | None = None
) -> list[Problem]:
    """The notes about ``library`` not given before: layout first, then faults."""
    return take_layout_notes(library, preferences_file) + take_fault_notes(
        library, preferences_file
    )


def take_layout_notes(
    library: TemplateLibrary, preferences_file: Path | None = None
) -> list[Problem]:
    """A note for each folder of ``library`` laid out the old way that has not had one:
    its templates keep working, and how to lay them out now. Each folder gets its note
    once, whichever front shows it: taking the notes records them in the preferences."""
    preferences = Preferences.load(preferences_file)
    folders = [
        folder.path
        for folder in library.old_layout_folders()
        if folder.path not in preferences.layout_noted
    ]
    if not folders:
        return []
    preferences.layout_noted += folders
    with contextlib.suppress(OSError):  # a note shown twice is better than no template
        preferences.save(preferences_file)
    return [
        Problem(
            str(folder),
            message_id=N_(
                "its first-statement templates are at the top of the folder "
                "(<doc>/<lang>.md.j2), as before every set had a folder of its own; they "
                "keep working. To lay them out as the built-in ones are, move them into a "
                "folder named 'holding' (holding/<doc>/<lang>.md.j2)"
            ),
            informational=True,
        )
        for folder in folders
    ]


def take_fault_notes(
    library: TemplateLibrary, preferences_file: Path | None = None
) -> list[Problem]:
    """A note for each user's or team's template that cannot be used and has not had
    one in this form of its text: it is disabled (listed with its fault, never run
    again) and the next template in rank writes that draft. Editing the template and
    breaking it anew gives a new note."""
    preferences = Preferences.load(preferences_file)
    broken = [
        template
        for template in library.problems()
        if not template.built_in and _fault_key(template) not in preferences.faults_noted
    ]
    if not broken:
        return []
    preferences.faults_noted += [_fault_key(template) for template in broken]
    with contextlib.suppress(OSError):
        preferences.save(preferences_file)
    return [
        Problem(
            str(template.path),
            message_id=N_(
                "this template cannot be used ({fault}), so the next one in rank writes "
                "this draft until it is fixed (see Templates › Template library)"
            ),
            params={"fault": _fault_message(template)},
            informational=True,
        )
        for template in broken
    ]


def _fault_message(template: TemplateInfo) -> Message:
    """The template's first fault with its line, translated where the note is shown."""
    fault = template.faults[0]
    said = Message(fault.message_id, fault.params)
    if not fault.line:
        return said
    return Message(N_("line {line}: {fault}"), {"line": fault.line, "fault": said})


def _fault_key(template: TemplateInfo) -> str:
    """The template's file and its text as it is: one note per broken version."""
    try:
        text = template.path.read_bytes()
    except OSError:
        text = b""
    return f"{template.path}#{hashlib.sha256(text).hexdigest()[:16]}"
