"""The app's help: one page per step of the wizard and a few guides, in each interface
language, read from the bundled ``help/<language>/<page>.md`` and turned into HTML here
for the GUI's help window. Everything is on disk: the help works offline.

The pages are Markdown, as the templates are, so that whoever writes them needs no tool
and reads them anywhere. A page's first ``#`` heading is its title. Pages link to each
other as ``[text](other-page.md)``: readable in any editor, and rewritten here to
``help:other-page`` for the window. Raw HTML is off, as in the drafts.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token

from app.errors import N_, Gettext
from app.files.resources import bundled

SCHEME = "help"
FIRST_INCIDENT = "first-incident"
#: One page per step, in the wizard's order (the review step last); a step's page
#: title is the step's title (a test holds them together). A step the incident does not
#: need (the Q&A's, the short texts') keeps its page, its place and its number here.
STEP_PAGES: tuple[str, ...] = (
    "organisation-and-contacts",
    "what-happened",
    "systems-and-sites",
    "customer-data-and-authorities",
    "recovery",
    "what-each-audience-should-do",
    "questions-and-answers",
    "short-texts",
    "review-and-export",
)
GUIDES: tuple[str, ...] = ("statements", "not-known-yet", "approval-and-export", "record")
#: The table of contents: the first-incident guide, the steps, then the guides.
CONTENTS: tuple[str, ...] = (FIRST_INCIDENT, *STEP_PAGES, *GUIDES)

_PAGE_LINK = re.compile(r"^(?P<page>[a-z0-9-]+)\.md(?P<anchor>#[\w-]+)?$")
_TITLE = re.compile(r"^#\s+(?P<title>.+?)\s*#*\s*$", re.MULTILINE)


@dataclass(frozen=True)
class HelpPage:
    """One page in one language: ``html`` is what the window shows, ``text`` (the
    Markdown) is what a search looks in."""

    name: str
    title: str
    text: str
    html: str


def help_folder(language: str) -> Path:
    return bundled("help") / language


def page_url(name: str) -> str:
    """The address a page has in the help window (and in its links)."""
    return f"{SCHEME}:{name}"


def page_name(url: str) -> str | None:
    """The page an address shows (``help:recovery#x`` -> ``recovery``), else None."""
    scheme, _colon, rest = url.partition(":")
    if scheme != SCHEME or not rest:
        return None
    return rest.split("#", 1)[0]


class HelpBook:
    """The help in one language, each page read and rendered once, when first asked.

    A page missing from the install is a page that says so and what to do, not an
    error: the help must never be what breaks the app."""

    def __init__(self, language: str, gettext: Gettext, folder: Path | None = None) -> None:
        self.language = language
        self._gettext = gettext
        self._folder = folder
        self._parser = _parser()
        self._pages: dict[str, HelpPage] = {}

    @property
    def folder(self) -> Path:
        if self._folder is None:
            self._folder = help_folder(self.language)
        return self._folder

    def page(self, name: str) -> HelpPage:
        if name not in self._pages:
            self._pages[name] = self._read(name)
        return self._pages[name]

    def search(self, query: str) -> list[str]:
        """The pages (in contents order) whose title or text holds every word of
        ``query``, ignoring case and accents (a French word typed without its accents,
        as many keyboards make people do, still finds its page)."""
        words = _folded(query).split()
        if not words:
            return list(CONTENTS)
        found = []
        for name in CONTENTS:
            page = self.page(name)
            haystack = _folded(f"{page.title}\n{page.text}")
            if all(word in haystack for word in words):
                found.append(name)
        return found

    def _read(self, name: str) -> HelpPage:
        try:
            path = self.folder / f"{name}.md"
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            return self._missing(name, error)
        found = _TITLE.search(text)
        title = found.group("title") if found else name
        return HelpPage(name, title, text, self._render(text))

    def _missing(self, name: str, error: Exception) -> HelpPage:
        _ = self._gettext
        title = _(N_("Help page missing"))
        body = _(
            N_("The help page “{page}” cannot be read ({error}); reinstall CrisisDraft.")
        ).format(page=name, error=getattr(error, "strerror", None) or error)
        html_text = f"<h1>{html.escape(title)}</h1><p>{html.escape(body)}</p>"
        return HelpPage(name, title, "", html_text)

    def _render(self, text: str) -> str:
        tokens = self._parser.parse(text)
        for token in tokens:
            for child in token.children or []:
                if child.type == "link_open":
                    _point_at_page(child)
        return str(self._parser.renderer.render(tokens, self._parser.options, {}))


def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False}).disable(["html_block", "html_inline", "image"])


def _point_at_page(link: Token) -> None:
    """``other-page.md#part`` -> ``help:other-page#part``; any other address is left
    as written (the window opens help pages only: nothing is fetched)."""
    target = str(link.attrs.get("href", ""))
    found = _PAGE_LINK.match(target)
    if found:
        link.attrs["href"] = page_url(found.group("page")) + (found.group("anchor") or "")


def _folded(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def links(page: HelpPage) -> list[str]:
    """Every address ``page`` links to, as its HTML gives it."""
    return [html.unescape(url) for url in re.findall(r'href="([^"]*)"', page.html)]
