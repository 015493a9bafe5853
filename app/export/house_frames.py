"""The frames of CrisisDraft's own look (an export without a letterhead), kept between
runs: the command line exports without loading python-docx.

A frame (:mod:`app.export.word_frame`) depends only on the house base document, the
proofing language, the number of header lines and the words of the page numbers, and
python-docx takes longer to load and make one than an export takes to write six
documents. So each frame made is kept in the per-user cache folder, under a name that
says what it was made from (this version of CrisisDraft, of python-docx, and of the
code that makes frames); a missing, stale or damaged file only costs making it again.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib.util
import re
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

from app import __version__
from app.errors import Problem
from app.export.word_frame import Frame
from app.facts.models import Language
from app.files import atomic
from app.files.user_folders import frame_cache_folder

#: The modules whose code decides what a frame holds.
_FRAME_MAKERS = ("word_base.py", "word_writer.py", "word_language.py", "word_frame.py")


class HouseFrames:
    """The frames of an export in CrisisDraft's own look (the counterpart of
    :class:`app.export.word_base.BaseDocument`, which a letterhead needs)."""

    dropped: tuple[Problem, ...] = ()  # nothing is ever dropped from the house look

    def frame(self, proofing_tag: str, line_count: int, language: Language) -> Frame:
        return house_frame(proofing_tag, line_count, language)

    @contextlib.contextmanager
    def letterhead_faults(self) -> Iterator[None]:
        yield  # an error here is CrisisDraft's own bug, and surfaces as one


@functools.lru_cache(maxsize=32)
def house_frame(proofing_tag: str, line_count: int, language: Language) -> Frame:
    """The frame, from this process's memory, else from the cache folder, else made
    (and kept there; a folder that cannot be written is no error)."""
    folder = frame_cache_folder()
    path = folder / f"{proofing_tag}-{line_count}-{language}-{_makers_key()}.docx"
    with contextlib.suppress(OSError, ValueError, KeyError, zipfile.BadZipFile):
        return Frame(path.read_bytes())
    from app.export.word_base import BaseDocument  # python-docx: only to make one
    from app.export.word_writer import frame_document

    data = frame_document(BaseDocument(), proofing_tag, line_count, language)
    frame = Frame(data)
    with contextlib.suppress(OSError):
        folder.mkdir(parents=True, exist_ok=True)
        for stale in folder.glob(f"*-{language}-*.docx"):
            if not stale.name.endswith(f"-{_makers_key()}.docx"):
                atomic.discard(stale)
        atomic.write_atomically(path, data)
    return frame


@functools.cache
def _makers_key() -> str:
    """What the frames were made from: a frozen build's version says it all; from the
    sources, their code too (a change to the house look needs no new version number)."""
    parts = [__version__, _python_docx_version()]
    if not getattr(sys, "frozen", False):
        here = Path(__file__).parent
        for name in _FRAME_MAKERS:
            with contextlib.suppress(OSError):
                parts.append(hashlib.sha256((here / name).read_bytes()).hexdigest())
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:16]


def _python_docx_version() -> str:
    """The ``__version__`` line of python-docx's package, read without importing it (the
    point of the frames) nor ``importlib.metadata``, which searches every installed
    package's metadata and loads 20 modules (``email``, ``socket``, ``zipfile``...) for
    it; its whole text when the line is not there ("" if the file cannot be read)."""
    spec = importlib.util.find_spec("docx")
    if spec is None or spec.origin is None:
        return ""
    try:
        text = Path(spec.origin).read_text(encoding="utf-8")
    except (OSError, ValueError):
        return ""
    line = re.search(r"""^__version__\s*=\s*["']([^"']+)["']""", text, re.MULTILINE)
    return line.group(1) if line else hashlib.sha256(text.encode("utf-8")).hexdigest()
