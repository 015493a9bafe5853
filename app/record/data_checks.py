"""Whether every draft that tells of the data tells the same data: the categories
affected and the number of people, in each language. The press, customers, staff, the
market and the regulator are told these facts from the same fields, so a difference
comes from a template edited for one audience, and is exactly the inconsistency that
costs most once a regulator or an exchange has been told otherwise."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from babel.numbers import format_decimal

from app.drafts.blocks import Draft
from app.errors import N_, Problem, terms
from app.facts.catalogue import data_category_label
from app.facts.languages import locale_of
from app.facts.models import LANGUAGES, DataStatus, Incident, Language
from app.templates import formatting
from app.templates.documents import DOCUMENT_NAMES, DocumentKind

DraftKey = tuple[str, Language]


def data_facts(incident: Incident, language: Language) -> list[str]:
    """The words each draft telling of the data gives alike: each category's label and
    the number of people (as the drafts write it), when data is affected."""
    data = incident.data
    if data.status is not DataStatus.AFFECTED:
        return []
    told = [data_category_label(key, language) for key in data.categories]
    if data.people_affected and data.people_affected > 1:
        locale = formatting.babel_locale(locale_of(language))
        told.append(_plain(format_decimal(data.people_affected, locale=locale)))
    return told


def data_told_differently(
    incident: Incident, drafts: Mapping[DraftKey, Draft], source: str
) -> list[Problem]:
    """One problem per fact of the data that some drafts of a language give and other
    drafts telling of the data leave out."""
    problems = []
    for language in LANGUAGES:
        facts = data_facts(incident, language)
        texts = {
            document: _plain(draft.plain_text())
            for (document, draft_language), draft in drafts.items()
            if draft_language == language
        }
        tellers = {d: text for d, text in texts.items() if any(fact in text for fact in facts)}
        problems += [
            uneven(
                source,
                language,
                (told, untold),
                N_(
                    "'{fact}' is told to {told} but not here: every audience told of "
                    "the data must be told the same categories and number of people"
                ),
                {"fact": fact},
            )
            for fact, told, untold in told_unevenly(tellers, facts)
        ]
    return problems


def told_unevenly(
    texts: Mapping[str, str], facts: list[str]
) -> Iterator[tuple[str, list[str], list[str]]]:
    """Each of ``facts`` that some of ``texts`` (by document) give and others do not,
    with the documents that give it and those that leave it out."""
    for fact in facts:
        told = [document for document, text in texts.items() if fact in text]
        untold = [document for document, text in texts.items() if fact not in text]
        if told and untold:
            yield fact, told, untold


def uneven(
    source: str,
    language: Language,
    documents: tuple[list[str], list[str]],
    message_id: str,
    params: dict[str, str],
) -> Problem:
    """The problem of a fact given to the first of ``documents`` (a list of document
    keys) and left out of the second, placed on those that leave it out."""
    told, untold = documents
    return Problem(
        f"{source}: {', '.join(untold)} ({language})",
        message_id=message_id,
        params={**params, "told": terms([DOCUMENT_NAMES[DocumentKind(d)] for d in told])},
        documents=tuple(untold),
        draft_language=language,
    )


def _plain(text: str) -> str:
    return text.replace("\u202f", " ").replace("\u00a0", " ").replace("’", "'")
