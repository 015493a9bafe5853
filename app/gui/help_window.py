"""The help window: the bundled help pages (app/interface_text/help_pages.py) with a
table of contents, back and forward, and a search over every page, in the interface
language. Nothing is fetched: a link opens another help page or nothing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QKeySequence, QShortcut, QTextDocument
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QStyle,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWhatsThis,
    QWidget,
)

from app.gui.crash_dialog import open_log_folder
from app.gui.texts import N_, Gettext, TextRegistry
from app.interface_text.help_pages import (
    CONTENTS,
    FIRST_INCIDENT,
    STEP_PAGES,
    HelpBook,
    page_name,
    page_url,
)
from app.interface_text.translator import Translator

PAGE_ROLE = Qt.ItemDataRole.UserRole
# Spacing for reading; no colours, so that a dark palette keeps its own.
STYLE = "h1 { margin-bottom: 8px; } h2 { margin-top: 16px; } blockquote { margin: 6px 24px; }"


class HelpBrowser(QTextBrowser):
    """Shows ``help:`` pages from a :class:`HelpBook`; its history gives back/forward,
    and a change of book (language) shows the same pages in the other language."""

    def __init__(self, book: HelpBook) -> None:
        super().__init__()
        self.book = book
        self.setOpenLinks(False)  # links are followed here, help pages only
        self.anchorClicked.connect(self._follow)
        self.document().setDefaultStyleSheet(STYLE)

    def loadResource(self, kind: int, url: QUrl | str) -> Any:  # noqa: N802 (Qt's name)
        name = page_name(url.toString() if isinstance(url, QUrl) else url)
        if name is not None and kind == QTextDocument.ResourceType.HtmlResource.value:
            return self.book.page(name).html
        return super().loadResource(kind, url)

    def _follow(self, url: QUrl) -> None:
        if page_name(url.toString()) is not None:
            self.setSource(url, QTextDocument.ResourceType.HtmlResource)

    @property
    def page(self) -> str | None:
        """The name of the page shown."""
        return page_name(self.source().toString())


class HelpWindow(QWidget):
    """The help, beside the main window (its child, so it closes with it)."""

    def __init__(self, parent: QWidget | None, book: HelpBook, gettext: Gettext) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.texts = TextRegistry()
        self.gettext = gettext
        self.browser = HelpBrowser(book)
        self.back_button = self._tool_button(QStyle.StandardPixmap.SP_ArrowBack, N_("Back"))
        self.forward_button = self._tool_button(
            QStyle.StandardPixmap.SP_ArrowForward, N_("Forward")
        )
        self.guide_button = self._tool_button(
            QStyle.StandardPixmap.SP_DirHomeIcon, N_("First incident")
        )
        self.back_button.clicked.connect(self.browser.backward)
        self.forward_button.clicked.connect(self.browser.forward)
        self.guide_button.clicked.connect(lambda: self.show_page(FIRST_INCIDENT))
        self.browser.backwardAvailable.connect(self.back_button.setEnabled)
        self.browser.forwardAvailable.connect(self.forward_button.setEnabled)
        self.back_button.setEnabled(False)
        self.forward_button.setEnabled(False)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.texts.add(self.search.setPlaceholderText, N_("Search the help"))
        self.texts.add(self.search.setAccessibleName, N_("Search the help"))
        self.search.textChanged.connect(self._filter)
        self.search.returnPressed.connect(self._find)
        QShortcut(QKeySequence.StandardKey.Find, self, self.search.setFocus)  # Ctrl+F
        self.texts.add(self.browser.setAccessibleName, N_("Help page"))
        self.no_match = QLabel()
        self.no_match.setWordWrap(True)
        self.texts.add(self.no_match.setText, N_("No page holds all these words."))
        self.no_match.hide()
        self.contents = QListWidget()
        self.contents.setWordWrap(True)  # long French titles wrap instead of being cut
        self.contents.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.texts.add(self.contents.setAccessibleName, N_("Help contents"))
        for name in CONTENTS:
            item = QListWidgetItem()
            item.setData(PAGE_ROLE, name)
            self.contents.addItem(item)
        self.contents.itemActivated.connect(self._chosen)
        self.contents.itemClicked.connect(self._chosen)
        self.browser.sourceChanged.connect(self._shown)

        tools = QHBoxLayout()
        for button in (self.back_button, self.forward_button, self.guide_button):
            tools.addWidget(button)
        tools.addWidget(self.search, 1)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.contents, 1)
        side_layout.addWidget(self.no_match)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(side)
        splitter.addWidget(self.browser)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([260, 640])
        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addWidget(splitter, 1)
        self.resize(960, 680)
        self._retranslate()

    @property
    def book(self) -> HelpBook:
        return self.browser.book

    def show_page(self, name: str) -> None:
        if name != self.browser.page:
            self.browser.setSource(QUrl(page_url(name)), QTextDocument.ResourceType.HtmlResource)

    def use(self, book: HelpBook, gettext: Gettext) -> None:
        """Show the help in another language: the same page, the same history."""
        self.browser.book = book
        self.gettext = gettext
        self._retranslate()
        if self.browser.page is not None:
            self.browser.reload()
        self._filter(self.search.text())

    def _retranslate(self) -> None:
        self.texts.apply(self.gettext)
        for row in range(self.contents.count()):
            item = self.contents.item(row)
            name = str(item.data(PAGE_ROLE))
            title = self.book.page(name).title
            if name in STEP_PAGES:
                title = f"{STEP_PAGES.index(name) + 1}. {title}"
            item.setText(title)
        self._shown()

    def _tool_button(self, icon: QStyle.StandardPixmap, text: str) -> QToolButton:
        button = QToolButton()
        button.setIcon(self.style().standardIcon(icon))
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.texts.add(button.setText, text)
        return button

    def _chosen(self, item: QListWidgetItem) -> None:
        self.show_page(str(item.data(PAGE_ROLE)))

    def _shown(self, url: QUrl | None = None) -> None:
        """The page on show: its entry in the contents, its title on the window.
        ``url``: the page being shown (the browser's source is set after it says so)."""
        name = page_name(url.toString()) if url is not None else self.browser.page
        title = self.gettext(N_("CrisisDraft Help"))
        if name is None:
            self.setWindowTitle(title)
            return
        self.setWindowTitle(f"{self.book.page(name).title} — {title}")
        for row in range(self.contents.count()):
            item = self.contents.item(row)
            if item.data(PAGE_ROLE) == name and not item.isSelected():
                self.contents.setCurrentItem(item)

    def _filter(self, query: str) -> None:
        """Only the pages that hold every word typed stay in the contents."""
        found = set(self.book.search(query))
        for row in range(self.contents.count()):
            item = self.contents.item(row)
            item.setHidden(item.data(PAGE_ROLE) not in found)
        self.no_match.setVisible(not found)

    def _find(self) -> None:
        """Enter: the first page found (unless the one shown is one), at the words."""
        query = self.search.text().strip()
        found = self.book.search(query)
        if not query or not found:
            return
        if self.browser.page not in found:
            self.show_page(found[0])
        word = query.split()[0]
        if not self.browser.find(word):
            self.browser.moveCursor(self.browser.textCursor().MoveOperation.Start)
            self.browser.find(word)


class HelpActions:
    """What the Help menu asks: help for the step on screen (F1), the first-incident
    guide, What's This, the log folder. The window is made when first asked, one per main window."""

    def __init__(
        self,
        parent: QWidget,
        translator: Callable[[], Translator],
        current_step: Callable[[], int],
    ) -> None:
        self.parent = parent
        self.translator = translator
        self.current_step = current_step
        self.window: HelpWindow | None = None

    def for_step(self) -> None:
        index = self.current_step()
        self.open(STEP_PAGES[index] if 0 <= index < len(STEP_PAGES) else FIRST_INCIDENT)

    def first_incident(self) -> None:
        self.open(FIRST_INCIDENT)

    def show_logs(self) -> None:
        """The folder of crash reports and the log file, in the file manager."""
        open_log_folder(self.parent, self.translator().gettext)

    @staticmethod
    def whats_this() -> None:
        """The next click on a field shows what it does to the drafts."""
        QWhatsThis.enterWhatsThisMode()

    def open(self, name: str) -> None:
        if self.window is None:
            self.window = HelpWindow(self.parent, self._book(), self.translator().gettext)
        self.window.show_page(name)
        self.window.show()
        self.window.raise_()
        self.window.activateWindow()  # the keyboard goes to the help: Ctrl+F, Alt+Left

    def retranslate(self) -> None:
        """The interface language changed: an open help follows it."""
        if self.window is not None:
            self.window.use(self._book(), self.translator().gettext)

    def close(self) -> None:
        if self.window is not None:
            self.window.close()

    def _book(self) -> HelpBook:
        translator = self.translator()
        return HelpBook(translator.language, translator.gettext)
