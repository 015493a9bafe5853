"""Remembering template checks between runs, so a large library opens quickly.

Checking a template means parsing it (about 2 ms for a typical one): a team library of
hundreds of templates would add a second to every start. The result of a check depends
only on the template's text, the facts it may read and the versions of CrisisDraft and
Jinja, so it is stored under a hash of those; a changed template has a new hash and is
checked again. It keeps each template's parsed front matter the same way (under a hash
of the block's text), so an unchanged library opens without loading YAML. The cache is
a plain JSON file, written atomically; a missing or damaged one only means checking
everything again.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import jinja2

from app import __version__
from app.files import atomic
from app.templates.checks import FactSchema, TemplateFault

MAX_ENTRIES = 5000


class CheckCache:
    def __init__(self, path: Path, known_facts: FactSchema | None) -> None:
        self.path = path
        self._salt = json.dumps(
            [__version__, jinja2.__version__, known_facts], sort_keys=True, default=str
        ).encode("utf-8")
        self._entries: dict[str, Any] = {}
        self._changed = False
        try:
            loaded = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(loaded, dict):
                self._entries = loaded
        except (OSError, ValueError):
            pass

    def key(self, source: str) -> str:
        return hashlib.sha256(self._salt + source.encode("utf-8")).hexdigest()

    def get(self, key: str) -> list[TemplateFault] | None:
        stored = self._entries.get(key)
        if not isinstance(stored, list):
            return None
        faults: list[TemplateFault] = []
        for entry in stored:
            if not (isinstance(entry, list) and len(entry) == 3):
                return None  # a damaged entry, or one of an older layout: check again
            message_id, params, line = entry
            if not isinstance(params, dict) or not (line is None or isinstance(line, int)):
                return None
            words = {str(k): v if isinstance(v, int) else str(v) for k, v in params.items()}
            faults.append(TemplateFault(str(message_id), line, words))
        return faults

    def front_matter(self, block: str) -> dict[str, Any] | None:
        """The front matter ``block`` was parsed into before, if it was."""
        stored = self._entries.get(self._front_matter_key(block))
        if not (isinstance(stored, dict) and isinstance(stored.get("front_matter"), dict)):
            return None
        meta: dict[str, Any] = stored["front_matter"]
        return meta

    def put_front_matter(self, block: str, meta: dict[str, Any]) -> None:
        """Keep what ``block`` was parsed into, when JSON keeps it exactly (YAML can give
        dates, or keys that are not text: those are parsed again on every read)."""
        try:
            exact = json.loads(json.dumps(meta)) == meta
        except (TypeError, ValueError):
            exact = False
        if exact:
            self._entries[self._front_matter_key(block)] = {"front_matter": meta}
            self._changed = True

    def _front_matter_key(self, block: str) -> str:
        return self.key("front matter\0" + block)

    def put(self, key: str, faults: list[TemplateFault]) -> None:
        self._entries[key] = [
            [fault.message_id, dict(fault.params), fault.line] for fault in faults
        ]
        self._changed = True

    def save(self) -> None:
        """Write the cache if it learnt something; a failure to write is not an error."""
        if not self._changed:
            return
        entries = dict(list(self._entries.items())[-MAX_ENTRIES:])
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic.write_atomically(self.path, json.dumps(entries).encode("utf-8"))
        except OSError:
            return
        self._changed = False
