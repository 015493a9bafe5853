"""The app's own interface text in English and French, through gettext.

Catalogs live in ``translations/<lang>/LC_MESSAGES/crisisdraft.po`` (made with
``pybabel extract/update`` from ``babel.cfg``). From a source checkout they are compiled
with Babel on first use and kept beside the .po in ``__pycache__`` (as Python keeps its
bytecode; else in the per-user cache), under a name that changes with the .po (so an edit
shows at once, never a stale catalog): the next start reads them with the standard
library's gettext without loading Babel. A frozen build ships them compiled.
``pybabel compile`` still checks them in the tests. A :class:`Translator` is built once
and passed to the widgets that need it: nothing is put in builtins.
"""

from __future__ import annotations

import gettext
import io
import locale
import os
from pathlib import Path

from app.facts.vocabulary import Language
from app.files import atomic
from app.files.resources import bundled
from app.files.user_folders import catalog_cache_folder
from app.interface_text.languages import UI_LANGUAGES as UI_LANGUAGES

DOMAIN = "crisisdraft"


def catalog_path(language: str, suffix: str = ".po") -> Path:
    return bundled("translations") / language / "LC_MESSAGES" / f"{DOMAIN}{suffix}"


class Translator:
    """Interface text in one language; ``gettext`` is the ``_`` the widgets call."""

    def __init__(self, language: str) -> None:
        self.language: Language = next((code for code in UI_LANGUAGES if code == language), "en")
        self._translations: gettext.NullTranslations = _load(self.language)

    def gettext(self, message: str) -> str:
        return self._translations.gettext(message)

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        return self._translations.ngettext(singular, plural, count)


def _load(language: str) -> gettext.NullTranslations:
    """The .po compiled where the source catalog is present (:func:`_compiled_po`), else
    the .mo a build ships; with neither (a broken install), the English text rather than
    a crash."""
    try:
        compiled_path = catalog_path(language, ".mo")
        path = catalog_path(language)
    except FileNotFoundError:
        return gettext.NullTranslations()
    if not path.exists():
        if compiled_path.exists():
            with compiled_path.open("rb") as stream:
                return gettext.GNUTranslations(stream)
        return gettext.NullTranslations()
    return gettext.GNUTranslations(io.BytesIO(_compiled_po(path, language)))


def _compiled_po(path: Path, language: str) -> bytes:
    """``path`` compiled to .mo: as compiled before, when this very .po (its size and time
    of change) was, else compiled now with Babel and kept for the next start: beside the
    .po in ``__pycache__`` (as Python keeps its bytecode), else in the per-user cache; when
    neither can be written, it is compiled again next time."""
    status = path.stat()
    name = f"{DOMAIN}-{language}-{status.st_size}-{status.st_mtime_ns}.mo"
    folders = (path.parent / "__pycache__", catalog_cache_folder())
    for folder in folders:
        try:
            return (folder / name).read_bytes()
        except OSError:
            continue
    from babel.messages.mofile import write_mo  # only when the .po changed
    from babel.messages.pofile import read_po

    with path.open("rb") as stream:
        catalog = read_po(stream, locale=language, domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    for folder in folders:
        if _keep(folder, name, compiled.getvalue()):
            break
    return compiled.getvalue()


def _keep(folder: Path, name: str, compiled: bytes) -> bool:
    """Keep ``compiled`` as ``folder/name``, removing the catalogs compiled from the same
    language's .po before an edit; False when the folder cannot be written."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        atomic.write_atomically(folder / name, compiled)
    except OSError:
        return False
    for older in folder.glob(name.rsplit("-", 2)[0] + "-*.mo"):
        if older.name != name:
            older.unlink(missing_ok=True)
    return True


def system_language() -> Language:
    """The interface language the user's system asks for (else English): the variables gettext
    reads (``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``, first set wins), else the
    locale Python was started with (Windows and macOS set no variables)."""
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable)
        if value:
            code = value.split(":")[0]
            break
    else:
        code = locale.getlocale()[0] or ""
    return next((ui for ui in UI_LANGUAGES if code.lower().startswith(ui)), "en")
