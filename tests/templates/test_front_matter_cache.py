"""Front matter kept in the check cache: a library opens without YAML when nothing
changed, and never with a template's old title, version or language once it changed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from app.drafts.render import DraftRenderer, open_library
from app.facts.loading import load_incident
from app.files.resources import example_incident
from app.templates.documents import DocumentKind
from app.templates.library import LibraryKind

PRESS = """---
title: {title}
version: "{version}"
---
# {{{{ organisation.name }}}}: {title}
"""


def _write(folder: Path, title: str, version: str) -> Path:
    path = folder / "holding" / "press_release" / "en.md.j2"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(PRESS.format(title=title, version=version), encoding="utf-8")
    return path


def _mine(folder: Path, cache: Path) -> tuple[str, str, str]:
    """The user's press release as the library reads it, and its heading as rendered."""
    library = open_library(user=folder, cache_folder=cache)
    template = library.find(DocumentKind.PRESS_RELEASE, "en")
    assert template.library.kind is LibraryKind.USER
    incident = load_incident(example_incident())
    draft = DraftRenderer(library).render(incident, DocumentKind.PRESS_RELEASE, "en")
    return template.title, template.meta.version, draft.plain_text().splitlines()[0]


def test_a_changed_front_matter_is_read_anew(tmp_path: Path) -> None:
    mine, cache = tmp_path / "mine", tmp_path / "cache"
    _write(mine, "Statement", "1")
    assert _mine(mine, cache) == ("Statement", "1", "NORTHWIND MOTORS: STATEMENT")
    assert _mine(mine, cache) == ("Statement", "1", "NORTHWIND MOTORS: STATEMENT")
    _write(mine, "Second statement", "2")
    assert _mine(mine, cache) == ("Second statement", "2", "NORTHWIND MOTORS: SECOND STATEMENT")


def test_a_damaged_cache_is_read_again_from_the_templates(tmp_path: Path) -> None:
    mine, cache = tmp_path / "mine", tmp_path / "cache"
    _write(mine, "Statement", "3")
    _mine(mine, cache)
    entries = json.loads((cache / "checks.json").read_text(encoding="utf-8"))
    kept = [value for value in entries.values() if isinstance(value, dict)]
    assert {"title": "Statement", "version": "3"} in [value["front_matter"] for value in kept]
    # Every entry damaged in a way JSON still reads, then the file itself.
    (cache / "checks.json").write_text(
        json.dumps({key: {"front_matter": "title"} for key in entries}), encoding="utf-8"
    )
    assert _mine(mine, cache) == ("Statement", "3", "NORTHWIND MOTORS: STATEMENT")
    (cache / "checks.json").write_text("{ damaged", encoding="utf-8")
    assert _mine(mine, cache) == ("Statement", "3", "NORTHWIND MOTORS: STATEMENT")


def test_front_matter_json_cannot_keep_exactly_is_read_from_the_file_each_time(
    tmp_path: Path,
) -> None:
    mine, cache = tmp_path / "mine", tmp_path / "cache"
    path = mine / "holding" / "press_release" / "en.md.j2"
    path.parent.mkdir(parents=True)
    path.write_text("---\nversion: 2025-01-02\n1: one\n---\n# Dated\n", encoding="utf-8")
    for _ in range(2):
        library = open_library(user=mine, cache_folder=cache)
        assert library.find(DocumentKind.PRESS_RELEASE, "en").meta.version == "2025-01-02"


def test_an_unchanged_library_opens_and_renders_without_yaml(tmp_path: Path) -> None:
    """The check cache holds every built-in template's front matter after one start."""
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from app.drafts.render import DraftRenderer, open_library\n"
        "from app.facts.loading import load_incident\n"
        "from app.files.resources import example_incident\n"
        "from app.templates.documents import DocumentKind\n"
        "library = open_library(cache_folder=Path(sys.argv[1]))\n"
        "incident = load_incident(example_incident())\n"
        "renderer = DraftRenderer(library)\n"
        "for document in DocumentKind:\n"
        "    for language in ('en', 'fr'):\n"
        "        renderer.render(incident, document, language)\n"
        "print('yaml' in sys.modules)\n"
    )
    runs = [
        subprocess.run(
            [sys.executable, "-c", script, str(tmp_path / "cache")],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        for _ in range(2)
    ]
    assert runs == ["True", "False"]
