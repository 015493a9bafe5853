"""Qt's own words in the interface language: the buttons of standard dialogs (Yes, No,
Cancel, Save, Discard), the file dialog, the menus of text fields, and how dates and
numbers are written in its widgets.

Qt ships them in its ``qtbase_<language>`` catalogs, but loads none by itself: the app
installs the one of the language the user chose, at start (from the saved choice, else
the system's) and again at once when the user picks another one from the Language
menu. Qt's French catalog misses a few texts its own file dialog shows ("&Look in:",
"Files of &type:"): the app supplies those from its own catalog (:data:`QT_GAPS`).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator

from app.gui.texts import N_, Gettext

#: Texts Qt shows, by (context, source text), that its own catalogs lack.
QT_GAPS: dict[tuple[str, str], str] = {
    ("QFileDialog", "&Look in:"): N_("&Look in:"),
    ("QFileDialog", "Files of &type:"): N_("Files of &type:"),
}


class _QtGaps(QTranslator):
    """Translates :data:`QT_GAPS` with the app's catalog; leaves the rest to Qt's."""

    def __init__(self, gettext: Gettext, parent: QObject) -> None:
        super().__init__(parent)
        self._gettext = gettext

    def translate(
        self,
        context: str,
        source_text: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str | None:
        # None is Qt's null string, "not translated here": Qt asks its own catalog next
        # ("" would be taken as a translation, and blank every button).
        message = QT_GAPS.get((context, source_text))
        return self._gettext(message) if message is not None else None

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
        return False


class QtLanguage(QObject):
    """The Qt catalogs installed for one window's interface language."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._installed: list[QTranslator] = []

    def use(self, language: str, gettext: Gettext) -> None:
        """Qt's texts in ``language`` from now on (the app's own: ``gettext``)."""
        self.release()
        application = QCoreApplication.instance()
        if application is None:
            return
        # Dates and numbers as the system writes them when it speaks this language
        # (a British system: 02/09/2025), else as the language usually does.
        system = QLocale.system()
        chosen = QLocale(language)
        QLocale.setDefault(system if system.language() == chosen.language() else chosen)
        if language == "en":
            return  # Qt's source language
        qt = QTranslator(self)
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt.load(QLocale(language), "qtbase", "_", folder):
            self._installed.append(qt)
        self._installed.append(_QtGaps(gettext, self))  # asked first: installed last
        for translator in self._installed:
            application.installTranslator(translator)

    def release(self) -> None:
        """Remove this window's catalogs (the window is closing, or switching)."""
        application = QCoreApplication.instance()
        for translator in self._installed:
            if application is not None:
                application.removeTranslator(translator)
        self._installed = []
