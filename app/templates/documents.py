"""The documents CrisisDraft writes: one registry that every layer asks.

Each document is one :class:`DocumentSpec`: what it is called, whom it is for, in what
voice and through what channel, how long it may be, which contacts and guidance it
prints, whether it may be published, and its lane on the timeline. The GUI's lists, the
CLI's ``--doc``, the export, the approvals, the record, the timeline and the checks all
read this table, so adding a document is its key (:class:`DocumentKind`, in the
contract's vocabulary), one entry here and its templates
(``templates/<set>/<document>/<language>.md.j2``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType
from typing import TYPE_CHECKING, Final

from app.errors import N_
from app.facts.vocabulary import DataStatus, DocumentKind as DocumentKind, Language, ShortText
from app.templates.text_lengths import LengthRule, Measure

if TYPE_CHECKING:
    from app.facts.models import Incident


class Voice(StrEnum):
    """Who speaks to whom: the press release speaks of the organisation, the notices
    speak to their reader, the staff message speaks from leadership."""

    THIRD_PERSON = "third_person"
    SECOND_PERSON = "second_person"
    LEADERSHIP = "leadership"
    BRIEFING = "briefing"  # for the organisation's own speakers, never published


class Channel(StrEnum):
    MEDIA = "media"  # sent to journalists, published on the website
    EMAIL = "email"  # e-mail, letter or web page to one audience
    BRIEFING = "briefing"  # handed to the spokesperson, switchboard and dealer staff
    SHORT_TEXTS = "short_texts"  # posts, a banner and text messages


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
    """A fact a document depends on: ``field``, its path, to be given (non-empty), and
    ``without``, the message id that says what the document lacks when it is not
    (``check`` and the export show it, naming the field)."""

    field: str
    without: str

    def met_by(self, incident: Incident) -> bool:
        value: object = incident
        for part in self.field.split("."):
            value = getattr(value, part)
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
    protection officer (:mod:`app.export.marks`)."""

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
    grounds: FactNeed | None = None
    wants: tuple[FactNeed, ...] = ()
    law_text: bool = False

    def title(self, language: Language) -> str:
        return self.titles[language]

    def contacts_needed(self, incident: Incident) -> tuple[str, ...]:
        """The contact fields this document needs for ``incident``, in print order."""
        needed = list(self.needed_contacts)
        if incident.data.status is DataStatus.AFFECTED:
            needed += [field for field in self.contacts_when_data_affected if field not in needed]
        return tuple(needed)


def _texts(en: str, fr: str) -> Mapping[Language, str]:
    return MappingProxyType({"en": en, "fr": fr})


#: The short texts of the ``social`` document: posts and a banner that link to the
#: statement, and SMS for when e-mail is down (one segment each).
SOCIAL_TEXTS: Final = (
    ShortTextSpec(
        ShortText.X_POST,
        N_("X post"),
        _texts("X post", "Publication sur X"),
        LengthRule(Measure.X_WEIGHTED, 280),
    ),
    ShortTextSpec(
        ShortText.LINKEDIN,
        N_("LinkedIn post"),
        _texts("LinkedIn post", "Publication sur LinkedIn"),
        LengthRule(Measure.FIRST_SENTENCE, 140),
    ),
    ShortTextSpec(
        ShortText.BANNER,
        N_("Website banner"),
        _texts("Website banner", "Bandeau du site web"),
        LengthRule(Measure.CHARACTERS, 200),
    ),
    ShortTextSpec(
        ShortText.SMS_STAFF,
        N_("SMS to staff"),
        _texts("SMS to staff", "SMS aux collaborateurs"),
        LengthRule(Measure.SMS, 160),
    ),
    ShortTextSpec(
        ShortText.SMS_DEALERS,
        N_("SMS to dealers"),
        _texts("SMS to dealers", "SMS aux concessionnaires"),
        LengthRule(Measure.SMS, 160),
    ),
)


_SPECS: Final = (
    DocumentSpec(
        DocumentKind.PRESS_RELEASE,
        N_("Press release"),
        N_("press release"),
        _texts("Press release", "Communiqué de presse"),
        _texts("Media and the public", "Médias et grand public"),
        Voice.THIRD_PERSON,
        Channel.MEDIA,
        contacts=("media",),
        needed_contacts=("media",),
        words=WordRange(250, 600),
    ),
    DocumentSpec(
        DocumentKind.DEALER_NOTICE,
        N_("Dealer notice"),
        N_("dealer notice"),
        _texts("Dealer notice", "Note aux concessionnaires"),
        _texts("Dealers and retailers", "Réseau de concessionnaires"),
        Voice.SECOND_PERSON,
        Channel.EMAIL,
        contacts=("dealers",),
        guidance=("dealers", "customers"),
        needed_contacts=("dealers",),
    ),
    DocumentSpec(
        DocumentKind.STAFF_MESSAGE,
        N_("Staff message"),
        N_("staff message"),
        _texts("Staff message", "Message aux collaborateurs"),
        _texts("All employees", "Ensemble des collaborateurs"),
        Voice.LEADERSHIP,
        Channel.EMAIL,
        contacts=("staff", "media"),
        guidance=("staff",),
        needed_contacts=("staff",),
    ),
    DocumentSpec(
        DocumentKind.CUSTOMER_NOTICE,
        N_("Customer notice"),
        N_("customer notice"),
        _texts("Customer notice", "Information aux clients"),
        _texts("Customers and buyers", "Clients et acheteurs"),
        Voice.SECOND_PERSON,
        Channel.EMAIL,
        contacts=("customers", "data_protection"),
        guidance=("customers",),
        needed_contacts=("customers",),
        contacts_when_data_affected=("data_protection",),
        words=WordRange(200, 350),
        tells_sites_and_steps=False,
    ),
    DocumentSpec(
        DocumentKind.SUPPLIER_NOTICE,
        N_("Supplier notice"),
        N_("supplier notice"),
        _texts("Supplier notice", "Note aux fournisseurs"),
        _texts("Parts and service suppliers", "Fournisseurs de pièces et de services"),
        Voice.SECOND_PERSON,
        Channel.EMAIL,
        contacts=("suppliers",),
        guidance=("suppliers",),
        needed_contacts=("suppliers",),
    ),
    DocumentSpec(
        DocumentKind.QA,
        N_("Reactive Q&A"),
        N_("reactive Q&A"),
        _texts("Reactive Q&A", "Questions-réponses"),
        _texts(
            "Spokesperson, switchboard and dealer staff",
            "Porte-parole, standard et équipes des concessions",
        ),
        Voice.BRIEFING,
        Channel.BRIEFING,
        contacts=("media",),
        publishable=False,
        tells_sites_and_steps=False,
    ),
    DocumentSpec(
        DocumentKind.SOCIAL,
        N_("Short texts"),
        N_("short texts"),
        _texts("Short texts", "Textes courts"),
        _texts("Social media, website, text messages", "Réseaux sociaux, site web, SMS"),
        Voice.THIRD_PERSON,
        Channel.SHORT_TEXTS,
        contacts=("staff", "dealers"),
        tells_sites_and_steps=False,
        short_texts=SOCIAL_TEXTS,
    ),
    DocumentSpec(
        DocumentKind.MARKET_ANNOUNCEMENT,
        N_("Market announcement"),
        N_("market announcement"),
        _texts("Market announcement", "Communiqué au marché"),
        _texts(
            "Investors, through the exchange's announcement service",
            "Investisseurs, via le service d’information réglementaire de la bourse",
        ),
        Voice.THIRD_PERSON,
        Channel.MEDIA,
        contacts=("media",),
        law_text=True,
        grounds=FactNeed(
            "organisation.listed_on",
            N_(
                "names no stock exchange, so no market announcement is owed and none is "
                "drafted; name the exchange under Organisation if the organisation or its "
                "parent is listed, or leave the market announcement out"
            ),
        ),
        wants=(
            FactNeed(
                "organisation.announcement_by",
                N_(
                    "not given, so the market announcement names no one responsible for its "
                    "release, as the exchange's rules ask; name that person under Organisation"
                ),
            ),
        ),
    ),
)

#: Every document, in the order lists, exports and the timeline show them.
DOCUMENTS: Final[Mapping[DocumentKind, DocumentSpec]] = MappingProxyType(
    {spec.kind: spec for spec in _SPECS}
)

#: The documents an incident needs when neither it nor the house profile says: the
#: three every crisis starts with.
FIRST_DOCUMENTS: Final[tuple[DocumentKind, ...]] = (
    DocumentKind.PRESS_RELEASE,
    DocumentKind.DEALER_NOTICE,
    DocumentKind.STAFF_MESSAGE,
)


def spec_of(document: DocumentKind | str) -> DocumentSpec:
    """The registry's entry for ``document`` (a kind or its key)."""
    return DOCUMENTS[DocumentKind(document)]


def in_order(documents: object) -> tuple[DocumentKind, ...]:
    """``documents`` (kinds or keys, any order, repeats allowed) in the registry's order."""
    wanted = {DocumentKind(str(document)) for document in documents}  # type: ignore[attr-defined]
    return tuple(kind for kind in DOCUMENTS if kind in wanted)


def documents_of(incident: Incident) -> tuple[DocumentKind, ...]:
    """The documents this incident needs: as the lead chose them, else the first three."""
    chosen = incident.drafting.documents
    if chosen is None:
        return FIRST_DOCUMENTS
    return in_order(chosen)


def owed_documents(incident: Incident, documents: object = DOCUMENTS) -> tuple[DocumentKind, ...]:
    """Those of ``documents`` (every document by default) that ``incident`` gives the
    grounds for, in the registry's order: what "every document" means for it."""
    return tuple(
        kind
        for kind in in_order(documents)
        if (grounds := spec_of(kind).grounds) is None or grounds.met_by(incident)
    )


#: Each document as the interface and its messages name it (message ids, translated
#: where shown; the drafts' own titles are ``DOCUMENT_TITLES``).
DOCUMENT_NAMES: Final[Mapping[DocumentKind, str]] = MappingProxyType(
    {kind: spec.name for kind, spec in DOCUMENTS.items()}
)
DOCUMENT_TITLES: Final[Mapping[DocumentKind, Mapping[Language, str]]] = MappingProxyType(
    {kind: spec.titles for kind, spec in DOCUMENTS.items()}
)
DOCUMENT_AUDIENCES: Final[Mapping[DocumentKind, Mapping[Language, str]]] = MappingProxyType(
    {kind: spec.audiences for kind, spec in DOCUMENTS.items()}
)


def short_text_spec(key: ShortText | str) -> ShortTextSpec:
    """The registry's entry for the short text ``key`` (a ShortText or its value)."""
    wanted = ShortText(key)
    for spec in DOCUMENTS.values():
        for text in spec.short_texts:
            if text.key is wanted:
                return text
    raise KeyError(wanted)
