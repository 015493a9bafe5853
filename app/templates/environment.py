"""The one sandboxed Jinja environment in which every template runs.

Templates may come from a user's or a team's folder, so they are untrusted: they run in
a :class:`SandboxedEnvironment` (no access to private attributes or unsafe calls), with
:class:`StrictUndefined` (a misspelt fact is an error, never an empty gap), and a loader
confined to the template folders. Facts arrive already escaped as Markdown text (see
:mod:`app.templates.escaping`), so a fact cannot inject structure.
Filters that write dates, times and lists read the language and time zone from the
render context, so the same template text works for any organisation.
"""

from __future__ import annotations

import hashlib
import os
import re
import types
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import jinja2
from babel.numbers import format_decimal
from jinja2 import (
    ChoiceLoader,
    FileSystemBytecodeCache,
    FileSystemLoader,
    PrefixLoader,
    StrictUndefined,
    pass_context,
)
from jinja2.loaders import split_template_path
from jinja2.runtime import Context

from app import __version__
from app.errors import N_, Message, TemplateError
from app.facts.languages import locale_of
from app.facts.models import SiteKind
from app.templates import formatting
from app.templates.checks import TOO_DEEP
from app.templates.confined_paths import MAX_TEMPLATE_BYTES, PathRefusedError, confined_file
from app.templates.documents import short_text_spec
from app.templates.escaping import as_typed
from app.templates.formatting import NARROW_NBSP, NBSP
from app.templates.front_matter import FrontMatterError, ParsedBlocks, split_front_matter
from app.templates.limits import (
    BoundedSandbox,
    RenderLimitError,
    bounded_filter,
    bounded_lipsum,
    bounded_range,
    render_within_limits,
)
from app.templates.text_lengths import FITTING, Fitting, first_sentence, fit_within

NOT_FOUND = N_("uses a template that does not exist: '{name}'")


class _FrontMatterLoader(FileSystemLoader):
    """Loads templates from the folders in order, with front matter blanked out.

    A name is followed one folder level at a time and must be found exactly as written,
    case included, with no symbolic link on the way, and its real path must lie inside
    the real path of its folder: a template from a shared folder or a pack may name
    ``_partials/secret`` as a link to ``~/.ssh``, or ``_PARTIALS/EN.md.j2`` on a file
    system that ignores case, and would otherwise read outside its library (or read
    differently on Windows and macOS than on Linux). ``parsed``: the front matter met
    before (the library's check cache), so that loading a template needs no YAML.
    """

    def __init__(self, folders: list[str], parsed: ParsedBlocks | None) -> None:
        super().__init__(folders, encoding="utf-8")
        self.parsed = parsed

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        pieces = split_template_path(template)  # refuses ".." and backslashes
        for searchpath in self.searchpath:
            path = confined_file(Path(searchpath), pieces, template)
            if path is not None:
                break
        else:
            raise jinja2.TemplateNotFound(template)
        mtime = path.stat().st_mtime
        if path.stat().st_size > MAX_TEMPLATE_BYTES:
            raise PathRefusedError(template, N_("uses '{name}', which is larger than 256 KB"))
        source = path.read_text(encoding=self.encoding)

        def uptodate() -> bool:
            try:
                return path.stat().st_mtime == mtime
            except OSError:
                return False

        try:
            body = split_front_matter(source, self.parsed).body
        except FrontMatterError as error:
            raise jinja2.TemplateSyntaxError(str(error), error.line, template, str(path)) from None
        return body, os.path.normpath(path), uptodate


def _language(context: Context) -> Any:
    """The draft's locale (``en_US``...), or its language when a context has no locale."""
    return context.get("locale") or context["language"]


def _zone(context: Context) -> ZoneInfo:
    return ZoneInfo(context["timezone"])


@pass_context
def _long_date(context: Context, value: date) -> str:
    if isinstance(value, datetime):
        value = value.astimezone(_zone(context)).date()
    return formatting.long_date(value, _language(context))


@pass_context
def _weekday_date(context: Context, value: date) -> str:
    if isinstance(value, datetime):
        value = value.astimezone(_zone(context)).date()
    return formatting.weekday_date(value, _language(context))


@pass_context
def _clock_time(context: Context, value: datetime) -> str:
    return formatting.clock_time(value, _zone(context), _language(context))


@pass_context
def _date_and_time(context: Context, value: datetime) -> str:
    return formatting.date_and_time(value, _zone(context), _language(context))


@pass_context
def _weekday_date_and_time(context: Context, value: datetime) -> str:
    return formatting.weekday_date_and_time(value, _zone(context), _language(context))


@pass_context
def _join_words(context: Context, items: Iterable[str], style: str = "standard") -> str:
    return formatting.join_words(items, _language(context), style=style)


@pass_context
def _site_names(context: Context, sites: Iterable[Mapping[str, str]]) -> str:
    pairs = [(site["name"], SiteKind(site["kind"])) for site in sites]
    return formatting.name_sites(pairs, _language(context))


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _lower_first(text: str) -> str:
    """ "Directeur général" -> "directeur général", but "PDG" stays "PDG"."""
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


_READER_WORDS = re.compile(r"\b(you|your|yours|yourself|vous|votre|vos)\b", re.IGNORECASE)


def _addresses_reader(text: str | None) -> bool:
    """True when a text speaks to its reader ("If your car...", « Si votre véhicule... »):
    it fits a notice written to that reader, not a press release about them."""
    return bool(text) and bool(_READER_WORDS.search(str(text)))


@pass_context
def _number(context: Context, value: int) -> str:
    """ "1,200" / « 1 200 », as the draft's language writes numbers."""
    text = format_decimal(value, locale=formatting.babel_locale(locale_of(_language(context))))
    return text.replace(NARROW_NBSP, NBSP)


@pass_context
def _fit_within(context: Context, parts: Sequence[object], short_text: str) -> str:
    """The parts of a short text, fitted within its limit (see
    :func:`app.templates.text_lengths.fit_within`): ``[...] | fit_within("sms_staff")``;
    in the wordings every language can fit when the renderer gives a :class:`Fitting`."""
    try:
        rule = short_text_spec(short_text).rule
    except (KeyError, ValueError):
        raise ValueError(f"'{short_text}' is not a short text of the registry") from None
    fitting = context.get(FITTING)
    if isinstance(fitting, Fitting):
        return fitting.fit(rule, short_text, parts)
    return fit_within(rule, parts)


FILTERS: Mapping[str, Callable[..., Any]] = {
    "addresses_reader": _addresses_reader,
    "number": _number,
    "long_date": _long_date,
    "weekday_date": _weekday_date,
    "time": _clock_time,
    "datetime": _date_and_time,
    "weekday_datetime": _weekday_date_and_time,
    "join": _join_words,
    "site_names": _site_names,
    "french_of": formatting.french_of,  # « de Northwind Motors », « d'Airbus »
    "upper_first": _upper_first,
    "lower_first": _lower_first,
    "fit_within": _fit_within,
    "first_sentence": first_sentence,
    "as_typed": as_typed,  # a technical value, character for character (escaping.py)
}


class TemplateEnvironment:
    """Compiles templates once and renders them to Markdown text, or raises TemplateError."""

    def __init__(
        self,
        folders: Sequence[Path],
        *,
        bytecode_cache: Path | None = None,
        on_limit: Callable[[str, RenderLimitError, int | None], None] | None = None,
        parsed: ParsedBlocks | None = None,
    ) -> None:
        """``on_limit(name, error, line)`` hears of a saved template (by loader name)
        stopped by a render limit in its own file, so its library can remember it;
        ``parsed`` gives the front matter parsed before."""
        self._on_limit = on_limit
        # "@2/update/press_release/en.md.j2" is exactly that file of the third folder;
        # a plain name ("_partials/en.md.j2") is looked up through the folders in order,
        # so a library can override the shared wording too.
        exact = PrefixLoader(
            {
                f"@{index}": _FrontMatterLoader([str(folder)], parsed)
                for index, folder in enumerate(folders)
            }
        )
        by_rank = _FrontMatterLoader([str(folder) for folder in folders], parsed)
        self.jinja = BoundedSandbox(
            loader=ChoiceLoader([exact, by_rank]),
            undefined=StrictUndefined,
            autoescape=False,
            trim_blocks=True,
            lstrip_blocks=True,
            auto_reload=False,
            bytecode_cache=_bytecode_cache(bytecode_cache),
            optimized=False,  # constant folding would run template code at compile time
        )
        self.jinja.finalize = self.jinja.finalize_output
        # Jinja's own "join" would bypass language rules; ours replaces it on purpose.
        self.jinja.filters.update(FILTERS)
        self.jinja.globals["range"] = bounded_range
        self.jinja.globals["lipsum"] = bounded_lipsum
        for name, function in list(self.jinja.filters.items()):
            self.jinja.filters[name] = bounded_filter(name, function)

    def render(self, name: str, context: Mapping[str, Any]) -> str:
        """Render template ``name`` with ``context``; every failure names file and line."""
        try:
            template = self.jinja.get_template(name)
        except PathRefusedError as error:
            raise TemplateError(
                message_id=error.message_id, params=error.params, template=name
            ) from None
        except jinja2.TemplateSyntaxError as error:
            raise _syntax_error(error, error.filename or name) from None
        except jinja2.TemplateNotFound as error:
            raise TemplateError(
                message_id=NOT_FOUND, params={"name": str(error.name)}, template=name
            ) from None
        except RecursionError:  # the parser, on brackets or blocks nested hundreds deep
            raise TemplateError(message_id=TOO_DEEP, template=name) from None
        return self._run(template, name, context)

    def render_source(self, source: str, name: str, context: Mapping[str, Any]) -> str:
        """Render template text being edited (not yet saved), as if it were ``name``."""
        try:
            template = self.jinja.from_string(split_front_matter(source).body)
        except FrontMatterError as error:
            raise TemplateError(
                message_id=error.message_id, params=error.params, template=name, line=error.line
            ) from None
        except jinja2.TemplateSyntaxError as error:
            raise _syntax_error(error, name) from None
        except RecursionError:
            raise TemplateError(message_id=TOO_DEEP, template=name) from None
        return self._run(template, name, context)

    def _run(self, template: jinja2.Template, name: str, context: Mapping[str, Any]) -> str:
        try:
            return render_within_limits(template, context)
        except RenderLimitError as error:
            where, line = _template_frame(error, template.filename or name)
            if self._on_limit is not None and where == template.filename:
                self._on_limit(name, error, line)
            raise TemplateError(
                message_id=N_("stopped: the template {why}"),
                params={"why": Message(error.message_id, error.params)},
                template=where,
                line=line,
            ) from None
        except PathRefusedError as error:
            where, line = _template_frame(error, template.filename or name)
            raise TemplateError(
                message_id=error.message_id, params=error.params, template=where, line=line
            ) from None
        except jinja2.TemplateNotFound as error:
            where, line = _template_frame(error, template.filename or name)
            raise TemplateError(
                message_id=NOT_FOUND, params={"name": str(error.name)}, template=where, line=line
            ) from None
        except jinja2.TemplateSyntaxError as error:  # in an included or imported template
            raise _syntax_error(error, error.filename or name) from None
        except jinja2.UndefinedError as error:
            where, line = _template_frame(error, template.filename or name)
            raise TemplateError(
                message_id=N_("{reason}; check the fact's name against the incident format"),
                params={"reason": error.message or ""},
                template=where,
                line=line,
            ) from None
        except jinja2.exceptions.SecurityError as error:
            where, line = _template_frame(error, template.filename or name)
            raise TemplateError(
                message_id=N_("not allowed in a template: {reason}"),
                params={"reason": str(error)},
                template=where,
                line=line,
            ) from None
        except TemplateError:
            raise
        except RecursionError as error:  # a macro or recursive loop calling itself
            where, line = _template_frame(error, template.filename or name)
            raise TemplateError(
                message_id=N_(
                    "calls itself without end (a macro, or a recursive loop, with no case "
                    "that stops it); a statement never needs that"
                ),
                template=where,
                line=line,
            ) from None
        except Exception as error:
            where, line = _template_frame(error, template.filename or name)
            raise TemplateError(
                message_id=N_("fails while rendering: {kind}: {reason}"),
                params={"kind": type(error).__name__, "reason": str(error)},
                template=where,
                line=line,
            ) from None


def _syntax_error(error: jinja2.TemplateSyntaxError, where: str) -> TemplateError:
    """A template that cannot be parsed, named with its line (Jinja says why, in English)."""
    return TemplateError(
        message_id=N_("syntax error: {reason}"),
        params={"reason": error.message or ""},
        template=where,
        line=error.lineno,
    )


def _bytecode_cache(folder: Path | None) -> FileSystemBytecodeCache | None:
    """Compiled templates kept between runs, or none if unwritable. Jinja keys them by
    the template's source only, but the code compiled for a filter call depends on the
    filter (one that takes the render context is called with it): the files are named
    after this version of CrisisDraft and its filters too, so an upgrade never runs a
    template compiled for other filters."""
    if folder is None:
        return None
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return FileSystemBytecodeCache(str(folder), pattern=f"__jinja2_{_filters_key()}_%s.cache")


def _filters_key() -> str:
    calls = sorted(
        f"{name}:{getattr(function, 'jinja_pass_arg', '')}" for name, function in FILTERS.items()
    )
    return hashlib.sha256(" ".join([__version__, *calls]).encode("utf-8")).hexdigest()[:16]


def _template_frame(error: BaseException, fallback: str) -> tuple[str, int | None]:
    """The template file and line where ``error`` was raised (Jinja rewrites tracebacks
    so that template frames carry the template's file name and line number)."""
    found: tuple[str, int | None] = (fallback, None)
    trace: types.TracebackType | None = error.__traceback__
    while trace is not None:
        filename = trace.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            found = (filename, trace.tb_lineno)
        elif filename == "<template>":  # text being edited, rendered from a string
            found = (fallback, trace.tb_lineno)
        trace = trace.tb_next
    return found
