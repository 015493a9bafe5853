"""Following a template's name to a file, never out of its template folder.

Templates from shared folders and packs are untrusted, and so are the names they
include or import. A name is followed one folder level at a time and must be found
exactly as written, letter case included, with no symbolic link on the way, and its
real path must lie inside the real path of its folder: otherwise ``_partials/secret``
could be a link to ``~/.ssh``, and ``_PARTIALS/EN.md.j2`` would read a file on Windows
and macOS (which ignore case) that does not exist on Linux.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import jinja2

from app.errors import N_, format_message

MAX_TEMPLATE_BYTES = 256 * 1024


class PathRefusedError(jinja2.TemplateError):
    """A template name that leads through a link, to a file outside its template folder,
    to a name written in other letter case, or to a file far too large for a template.

    Not a :class:`~jinja2.TemplateNotFound` on purpose: :class:`~jinja2.ChoiceLoader`
    tries the next folder on "not found", and a refused name must stop the render, never
    fall through to another folder's file."""

    def __init__(self, name: str, message_id: str, **params: str) -> None:
        super().__init__(format_message(message_id, {"name": name, **params}, _identity))
        self.name = name
        self.message_id = message_id
        self.params: dict[str, str] = {"name": name, **params}


def _identity(text: str) -> str:
    return text


def confined_file(folder: Path, pieces: Sequence[str], name: str) -> Path | None:
    """The file ``pieces`` name inside ``folder``, None when it is not there, or
    :class:`PathRefusedError` when the name leads through a link, differs from the file's
    own name by letter case only, or resolves outside the folder."""
    current = folder
    for piece in pieces:
        try:
            names = [entry.name for entry in current.iterdir()]
        except OSError:
            return None
        if piece not in names:
            written = [entry for entry in names if entry.casefold() == piece.casefold()]
            if written:
                raise PathRefusedError(
                    name,
                    N_(
                        "uses '{name}', but the file there is written '{written}'; "
                        "template names must match letter case exactly"
                    ),
                    written=written[0],
                )
            return None
        current = current / piece
        if current.is_symlink():
            raise PathRefusedError(
                name,
                N_(
                    "uses '{name}', which is a link; templates may only use files "
                    "inside their own folder"
                ),
            )
    if not pieces or not current.is_file():
        return None
    root = os.path.normcase(folder.resolve())
    real = os.path.normcase(current.resolve())
    if os.path.commonpath([root, real]) != root:  # a junction, a mount point...
        raise PathRefusedError(
            name,
            N_(
                "uses '{name}', which leads outside the template folder; templates may "
                "only use files inside their own folder"
            ),
        )
    return current
