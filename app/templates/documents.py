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
from types import MappingProxyType
from typing import TYPE_CHECKING, Final

from app.errors import N_
from app.facts.authorities import by_language
from app.facts.vocabulary import DataStatus, DocumentKind as DocumentKind, Language, ShortText
from app.templates.document_spec import (
    Channel as Channel,
    DocumentSpec as DocumentSpec,
    FactNeed as FactNeed,
    ShortTextSpec as ShortTextSpec,
    Voice as Voice,
    WordRange as WordRange,
    fact_at,
)
from app.templates.text_lengths import LengthRule, Measure

if TYPE_CHECKING:
    from app.facts.models import Incident


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


#: What a NIS2 text needs: the record marks the organisation in scope, and the lead
#: names the authority it reports to.
_NIS2_GROUNDS: Final = (
    FactNeed(
        "record.nis2_in_scope",
        N_(
            "does not mark the organisation in scope of NIS2, so no NIS2 report is owed and "
            "none is drafted; tick NIS2 under Authorities if the organisation is in scope"
        ),
    ),
    FactNeed(
        "authorities.nis2_authority",
        N_(
            "names no NIS2 authority, so there is no one to address the report to; name the "
            "CSIRT or competent authority (ANSSI, NCSC-IE) under Authorities"
        ),
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
        grounds=(
            FactNeed(
                "organisation.listed_on",
                N_(
                    "names no stock exchange, so no market announcement is owed and none is "
                    "drafted; name the exchange under Organisation if the organisation or its "
                    "parent is listed, or leave the market announcement out"
                ),
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
    DocumentSpec(
        DocumentKind.REGULATOR_NOTIFICATION,
        N_("Regulator notification"),
        N_("regulator notification"),
        _texts(
            "Personal data breach notification",
            "Notification de violation de données à caractère personnel",
        ),
        _texts(
            "The data protection supervisory authority",
            "L’autorité de contrôle de la protection des données",
        ),
        Voice.REPORT,
        Channel.AUTHORITY,
        contacts=("data_protection",),
        needed_contacts=("data_protection",),
        tells_sites_and_steps=False,
        law_text=True,
        addressed_to="authorities.regulators",
        grounds=(
            FactNeed(
                "data.status",
                N_(
                    "does not say that personal data is affected or under investigation, so "
                    "no notification to a regulator is owed (GDPR art. 33) and none is "
                    "drafted; set what can be said of data under Customer data, or leave "
                    "the regulator notification out"
                ),
                one_of=(DataStatus.AFFECTED.value, DataStatus.UNDER_INVESTIGATION.value),
            ),
            FactNeed(
                "authorities.regulators",
                N_(
                    "names no regulator, so there is no one to address a notification to; "
                    "name the supervisory authority (ICO, CNIL) under Authorities"
                ),
            ),
        ),
    ),
    DocumentSpec(
        DocumentKind.NIS2_EARLY_WARNING,
        N_("NIS2 early warning"),
        N_("NIS2 early warning"),
        _texts("NIS2 early warning", "Alerte précoce NIS 2"),
        _texts("The CSIRT or competent authority", "Le CSIRT ou l’autorité compétente"),
        Voice.REPORT,
        Channel.AUTHORITY,
        contacts=(),
        tells_sites_and_steps=False,
        law_text=True,
        addressed_to="authorities.nis2_authority",
        grounds=_NIS2_GROUNDS,
    ),
    DocumentSpec(
        DocumentKind.NIS2_NOTIFICATION,
        N_("NIS2 incident notification"),
        N_("NIS2 incident notification"),
        _texts("NIS2 incident notification", "Notification d’incident NIS 2"),
        _texts("The CSIRT or competent authority", "Le CSIRT ou l’autorité compétente"),
        Voice.REPORT,
        Channel.AUTHORITY,
        contacts=(),
        law_text=True,
        addressed_to="authorities.nis2_authority",
        grounds=_NIS2_GROUNDS,
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
    return tuple(kind for kind in in_order(documents) if spec_of(kind).owed_by(incident))


def recipients(incident: Incident, document: DocumentKind) -> Mapping[Language, tuple[str, ...]]:
    """The authorities ``document`` is addressed to in each language (the registry's
    ``addressed_to``), every language present; empty for a document addressed to no
    one by name (it goes to its audience in every language)."""
    field = spec_of(document).addressed_to
    if field is None:
        return MappingProxyType({})
    value = fact_at(incident, field)
    names = [] if value is None else [value] if isinstance(value, str) else list(value)  # type: ignore[call-overload]
    return by_language(names)


def draft_languages(
    incident: Incident, document: DocumentKind, languages: tuple[Language, ...]
) -> tuple[Language, ...]:
    """Those of ``languages`` ``document`` is drafted in for ``incident``: none when the
    facts give no grounds for it (a market announcement with no exchange named); all of
    them, but for a document addressed to authorities, only the languages they are
    written to in (the ICO's notification in English, the CNIL's in French). The one
    place that decides which drafts exist."""
    if not spec_of(document).owed_by(incident):
        return ()
    addressed = recipients(incident, document)
    if not addressed:
        return languages
    return tuple(language for language in languages if addressed[language])


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
