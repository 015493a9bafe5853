"""The app's own interface text in English and French, through gettext.

Catalogs live in ``translations/<lang>/LC_MESSAGES/crisisdraft.po`` (made with
``pybabel extract/update`` from ``babel.cfg``). They are read with Babel and compiled in
memory, so the app runs from a source checkout, a wheel or a frozen build without a
compile step; ``pybabel compile`` still checks them in the tests. A :class:`Translator`
is built once and passed to the widgets that need it: nothing is put in builtins.
"""

from __future__ import annotations

import gettext
import io
import locale
import os
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from app.facts.vocabulary import Language
from app.files.resources import bundled
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
    """The .po compiled in memory where the source catalog is present (so an edit shows
    at once, never a stale .mo), else the .mo a build ships; with neither (a broken
    install), the English text rather than a crash."""
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
    with path.open("rb") as stream:
        catalog = read_po(stream, locale=language, domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


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
