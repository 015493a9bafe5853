"""The renders the drafts of one version of the facts share.

A pack of every document in both languages, and a preview of both languages with the
checks behind it, ask for the same renders more than once:

- a document of short texts is fitted jointly (see
  :class:`~app.templates.text_lengths.Fitting`): its English draft renders the French
  template too, to learn its parts, and the French draft the English one;
- the preview asks for drafts with missing texts marked, the checks and the export for
  the same drafts without.

Neither needs a second render. A template's render depends on its context only, and
the context with missing texts marked is the context without them whenever the latter
can be built at all: marks stand only where a text is missing, and a text missing
stops the unmarked context before any template runs (:class:`MissingTextError`). So a
template rendered once for a version serves every draft of that version that uses it,
marked or not, and the render of a template "alone" (each text fitted within its own
language) serves both its own draft and the other language's fitting.

The render context of each language is built once too, and each render given a copy
of it: a template may change the lists and dicts it is given (the sandbox allows
``list.append``), and such a change stays within its own render.

One object per version: :class:`~app.session.drafts.DraftCache` starts a new one when
the facts change, so nothing here compares incidents. Several threads may fill it at
once (the app's preview and its background checks): a value computed twice is the same
value, and the first one kept is the one handed out.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

from app.drafts.blocks import Draft
from app.drafts.context import template_context
from app.errors import CrisisDraftError
from app.facts.models import Incident, Language
from app.templates.library import TemplateInfo
from app.templates.text_lengths import Fitting

_Value = TypeVar("_Value")
_Made = TypeVar("_Made")


class SharedRenders:
    """What the drafts of one version of one incident's facts have rendered so far.

    Keyed by template (a :class:`TemplateInfo` is one file: compared by identity), for
    saved templates only: text being edited is never shared.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._complete: dict[Language, CrisisDraftError | None] = {}
        self._contexts: dict[tuple[Language, bool], dict[str, Any]] = {}
        self._alone: dict[TemplateInfo, tuple[str, Fitting] | CrisisDraftError] = {}
        self._drafts: dict[TemplateInfo, Draft] = {}

    def check_complete(self, incident: Incident, language: Language) -> None:
        """Raise what building the unmarked context of ``language`` raises (a missing
        text), found once per language; then a draft of it is the marked draft."""
        with self._lock:
            known = self._complete.get(language, ...)
        if known is ...:
            try:
                self.context(incident, language, mark_missing=False)
                known = None
            except CrisisDraftError as error:
                known = error
            with self._lock:
                known = self._complete.setdefault(language, known)
        if known is not None:
            raise known

    def context(self, incident: Incident, language: Language, mark_missing: bool) -> dict[str, Any]:
        """A copy of the render context of ``language`` (see
        :func:`~app.drafts.context.template_context`), built on first use; raises what
        building it raises (a missing text, unless ``mark_missing``), every time."""
        key = (language, mark_missing)
        with self._lock:
            built = self._contexts.get(key)
        if built is None:
            made = template_context(incident, language, mark_missing=mark_missing)
            with self._lock:
                built = self._contexts.setdefault(key, made)
                if not mark_missing:  # built, so no text is missing: the marked one too
                    self._contexts.setdefault((language, True), made)
        copied: dict[str, Any] = _copied(built, {})
        return copied

    def alone(
        self, template: TemplateInfo, render: Callable[[], tuple[str, Fitting]]
    ) -> tuple[str, Fitting]:
        """The Markdown of ``template`` with each short text fitted alone, and the parts
        it recorded (``render()`` on first use; its template error raised again after)."""
        found = self._kept(self._alone, template, render)
        if isinstance(found, CrisisDraftError):
            raise found
        return found

    def draft(self, template: TemplateInfo, render: Callable[[], Draft]) -> Draft:
        """The draft ``template`` writes (``render()`` on first use; an error is not
        kept: the session's draft cache keeps it per draft)."""
        return self._once(self._drafts, template, render)

    def _kept(
        self,
        kept: dict[TemplateInfo, _Value | CrisisDraftError],
        template: TemplateInfo,
        render: Callable[[], _Value],
    ) -> _Value | CrisisDraftError:
        """:meth:`_once`, keeping a template error as the value (raised again later)."""

        def rendered() -> _Value | CrisisDraftError:
            try:
                return render()
            except CrisisDraftError as error:
                return error

        return self._once(kept, template, rendered)

    def _once(
        self, kept: dict[TemplateInfo, _Made], template: TemplateInfo, make: Callable[[], _Made]
    ) -> _Made:
        """``kept[template]``, made by ``make()`` outside the lock on first use; made
        twice by two threads at once, the first one kept is handed out to both."""
        with self._lock:
            found = kept.get(template)
        if found is None:
            made = make()
            with self._lock:
                found = kept.setdefault(template, made)
        return found


def _copied(value: Any, made: dict[int, Any]) -> Any:
    """``value`` with each of its dicts and lists copied (a render context holds only
    those and values that cannot change: texts, numbers, dates), and shared as in
    ``value``: a site in ``sites`` and in ``sites_by_status`` stays one dict."""
    kind = value.__class__
    if kind is not dict and kind is not list:
        return value
    found = made.get(id(value))
    if found is not None:
        return found
    if kind is dict:
        copy: dict[Any, Any] | list[Any] = {}
        made[id(value)] = copy
        for key, item in value.items():
            copy[key] = _copied(item, made)
    else:
        copy = []
        made[id(value)] = copy
        copy.extend(_copied(item, made) for item in value)
    return copy
