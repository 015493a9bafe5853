"""What one entry of the document registry says (:class:`DocumentSpec`), and the kinds
of value it is made of; the registry itself, the table of every document, is
:mod:`app.templates.documents`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from app.facts.vocabulary import DataStatus, DocumentKind, Language, ShortText
from app.templates.text_lengths import LengthRule

if TYPE_CHECKING:
    from app.facts.models import Incident


class Voice(StrEnum):
    """Who speaks to whom: the press release speaks of the organisation, the notices
    speak to their reader, the staff message speaks from leadership."""

    THIRD_PERSON = "third_person"
    SECOND_PERSON = "second_person"
    LEADERSHIP = "leadership"
    BRIEFING = "briefing"  # for the organisation's own speakers, never published
    REPORT = "report"  # the organisation reports to an authority, as "we"


class Channel(StrEnum):
    MEDIA = "media"  # sent to journalists, published on the website
    EMAIL = "email"  # e-mail, letter or web page to one audience
    BRIEFING = "briefing"  # handed to the spokesperson, switchboard and dealer staff
    SHORT_TEXTS = "short_texts"  # posts, a banner and text messages
    AUTHORITY = "authority"  # an authority's form or portal, copied from the draft


@dataclass(frozen=True)
class WordRange:
    """How long the document should be when the facts allow (never padded to reach it)."""

    fewest: int
    most: int


@dataclass(frozen=True)
class ShortTextSpec:
    """One text of a document made of short texts (a post, a banner, an SMS): ``name``
    is a message id (shown translated), ``headings`` the heading the draft prints above
    the text in each language (the templates read them from the context, and the counts
    and checks find each text by it), ``rule`` the limit its channel sets."""

    key: ShortText
    name: str
    headings: Mapping[Language, str]
    rule: LengthRule

    def heading(self, language: Language) -> str:
        return self.headings[language]


@dataclass(frozen=True)
class FactNeed:
    """A fact a document depends on: ``field``, its path, to be given (non-empty), or
    with ``one_of`` to hold one of those values (a status), and ``without``, the
    message id that says what the document lacks when it does not (``check`` and the
    export show it, naming the field)."""

    field: str
    without: str
    one_of: tuple[str, ...] = ()

    def met_by(self, incident: Incident) -> bool:
        value = fact_at(incident, self.field)
        if self.one_of:
            return value is not None and str(value) in self.one_of
        return bool(value)


@dataclass(frozen=True)
class DocumentSpec:
    """One document of the registry. ``name`` is a message id (shown translated);
    ``titles`` and ``audiences`` are the drafts' own words, per language.

    ``contacts`` are the fields of ``contacts`` the document prints; those in
    ``needed_contacts`` it cannot do without (a warning names the field when missing),
    and ``contacts_when_data_affected`` it needs too once data is ``affected`` (the
    data protection officer of a notice to affected people). ``publishable`` is False
    for a text never to leave the organisation: every page then says so.
    ``tells_sites_and_steps``: the document gives the whole account (every site and
    restart step), so the checks hold it to what the other full accounts say; a
    short text, a Q&A or a notice to customers tells only what its reader needs.
    ``short_texts``: the texts of a document made of short texts, in print order, each
    under its own heading and held to its own length. ``grounds``: for a document owed
    only in some incidents (a market announcement, only by a listed organisation), what
    the facts must say for it to be drafted at all (an error without it); ``wants``:
    facts it should have, a warning each when missing (:class:`FactNeed`). ``law_text``: a text the
    law asks for (a market announcement, a regulator notification), whose drafts tell
    the lead it is not legal advice and must be checked by counsel or the data
    protection officer (:mod:`app.export.marks`). ``addressed_to``: the field naming
    the authorities a document goes to (the regulators), each in its own language: the
    document is drafted only in the languages of those it is addressed to
    (:func:`draft_languages`)."""

    kind: DocumentKind
    name: str
    lower_name: str  # the name inside a sentence: "the customer notice"
    titles: Mapping[Language, str]
    audiences: Mapping[Language, str]
    voice: Voice
    channel: Channel
    contacts: tuple[str, ...]
    guidance: tuple[str, ...] = ()
    needed_contacts: tuple[str, ...] = ()
    contacts_when_data_affected: tuple[str, ...] = ()
    words: WordRange | None = None
    publishable: bool = True
    tells_sites_and_steps: bool = True
    short_texts: tuple[ShortTextSpec, ...] = ()
    grounds: tuple[FactNeed, ...] = ()
    wants: tuple[FactNeed, ...] = ()
    law_text: bool = False
    addressed_to: str | None = None

    def title(self, language: Language) -> str:
        return self.titles[language]

    def owed_by(self, incident: Incident) -> bool:
        """Whether ``incident`` gives the grounds for this document (all of them)."""
        return all(grounds.met_by(incident) for grounds in self.grounds)

    def contacts_needed(self, incident: Incident) -> tuple[str, ...]:
        """The contact fields this document needs for ``incident``, in print order."""
        needed = list(self.needed_contacts)
        if incident.data.status is DataStatus.AFFECTED:
            needed += [field for field in self.contacts_when_data_affected if field not in needed]
        return tuple(needed)


def fact_at(incident: Incident, path: str) -> object:
    """The value of the fact at ``path`` ("organisation.listed_on") in ``incident``."""
    value: object = incident
    for part in path.split("."):
        value = getattr(value, part)
    return value
