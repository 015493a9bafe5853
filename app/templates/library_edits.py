"""Changing library folders: duplicating a template into the user's library, saving an
edited template. Built-in templates are never written to."""

from __future__ import annotations

from pathlib import Path

from app.errors import N_, TemplateError
from app.files import atomic
from app.templates.library import TemplateInfo


def duplicate_template(template: TemplateInfo, library: Path) -> Path:
    """Copy ``template`` into ``library`` at the same place; an existing copy is kept."""
    target = library / template.relative
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        atomic.write_atomically(target, template.path.read_bytes())
    return target


def save_template_text(template: TemplateInfo, text: str) -> None:
    """Write edited text over ``template``'s file, unless it is a built-in template."""
    if template.library.read_only:
        raise TemplateError(
            message_id=N_(
                "built-in templates cannot be changed; duplicate it to your library first"
            ),
            template=str(template.path),
        )
    atomic.write_atomically(template.path, text.encode("utf-8"))


def save_template_copy(template: TemplateInfo, text: str, library: Path) -> Path:
    """Write ``text`` as ``template``'s file in another library (a shared folder)."""
    target = library / template.relative
    target.parent.mkdir(parents=True, exist_ok=True)
    atomic.write_atomically(target, text.encode("utf-8"))
    return target
