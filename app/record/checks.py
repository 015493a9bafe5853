"""Consistency checks before a statement goes out, across time, languages and audiences.

They catch what a template edit or a rushed update can get wrong: a data status that
quietly changes from what was said before, a promised update that is overdue, English
and French versions that disagree on a number or a name, an audience not told a site or
a restart step the others are told, and absolute claims the facts do not support.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from datetime import datetime

from app.drafts.blocks import Draft
from app.errors import N_, Problem, Term, When
from app.facts.languages import LANGUAGE_NAMES
from app.facts.migration import read_snapshot
from app.facts.models import LANGUAGES, DataStatus, Incident, Language, RecoveryPhase
from app.record.data_checks import data_told_differently, told_unevenly, uneven
from app.templates.documents import DOCUMENT_NAMES, DocumentKind, spec_of

DraftKey = tuple[str, Language]
ACKNOWLEDGES_CHANGE: dict[Language, re.Pattern[str]] = {
    "en": re.compile(r"\bnow\b", re.IGNORECASE),
    "fr": re.compile(r"désormais|à présent|maintenant", re.IGNORECASE),
}
ABSOLUTE_CLAIMS: dict[Language, list[tuple[re.Pattern[str], str]]] = {
    "en": [
        (
            re.compile(
                r"no (customer |personal )?data (was|has been|have been) "
                r"(affected|taken|stolen|accessed)",
                re.I,
            ),
            N_("no data was affected"),
        ),
        (
            re.compile(r"(customer |your )?data (is|are|remains?) (safe|secure)", re.I),
            N_("data is safe"),
        ),
        (re.compile(r"no need to take any action", re.I), N_("no need to take any action")),
        (
            re.compile(r"\b(minor|small|limited) (impact|disruption|incident)", re.I),
            N_("minimising words"),
        ),
        (re.compile(r"fully (restored|operational|back)", re.I), N_("fully restored")),
    ],
    "fr": [
        (
            re.compile(
                r"aucune donnée (de clients? |clients? |personnelle )?n.a été "
                r"(touchée|dérobée|volée|affectée)",
                re.I,
            ),
            "aucune donnée n’a été touchée",
        ),
        (
            re.compile(
                r"données (des clients |de nos clients )?(sont|restent) "
                r"(en sécurité|protégées|sûres)",
                re.I,
            ),
            "données en sécurité",
        ),
        (
            re.compile(r"aucune action (n.est|à) (nécessaire|entreprendre|mener)", re.I),
            "aucune action nécessaire",
        ),
        (re.compile(r"(impact|incident|perturbation) (mineur|limité)e?", re.I), "minimisation"),
        (
            re.compile(r"(entièrement|totalement|complètement) (rétabli|opérationnel)", re.I),
            "entièrement rétabli",
        ),
    ],
}
# A data status as the problems name it: the value of the file, or its absence
_DATA_STATUS: dict[DataStatus | None, str] = {
    DataStatus.NO_EVIDENCE: N_("no_evidence"),
    DataStatus.UNDER_INVESTIGATION: N_("under_investigation"),
    DataStatus.AFFECTED: N_("affected"),
    None: N_("not stated"),
}
#: The numbers of a text (dates, times, counts), compared across languages and edits.
NUMBERS = re.compile(r"\d+")
_TWELVE_HOUR = re.compile(r"\b(\d{1,2}):(\d{2})\s?([AP])M\b")


def _as_24_hour(text: str) -> str:
    """American English writes "3:00 PM" where French writes « 15 h 00 »: compare the
    same hour, not the same digits."""

    def convert(match: re.Match[str]) -> str:
        hour = int(match.group(1)) % 12 + (12 if match.group(3) == "P" else 0)
        return f"{hour}:{match.group(2)}"

    return _TWELVE_HOUR.sub(convert, text)


def record_problems(
    incident: Incident, drafts: Mapping[DraftKey, Draft], now: datetime, *, source: str = "incident"
) -> list[Problem]:
    """Every consistency problem of the current drafts against the record and each other."""
    problems: list[Problem] = []
    problems += unreadable_snapshots(incident, source=source)
    problems += _data_status_changes(incident, drafts, source)
    problems += _overdue_promises(incident, now, source)
    problems += _languages_disagree(drafts, source)
    problems += _audiences_disagree(incident, drafts, source)
    problems += data_told_differently(incident, drafts, source)
    problems += _absolute_claims(incident, drafts, source)
    return problems


def _name(key: DraftKey) -> str:
    return f"{key[0]} ({key[1]})"


def _data_status_changes(
    incident: Incident, drafts: Mapping[DraftKey, Draft], source: str
) -> list[Problem]:
    if not incident.record.issued:
        return []
    last = max(incident.record.issued, key=lambda statement: statement.issued_at)
    snapshot = read_snapshot(last.facts)
    before = snapshot.data.status if snapshot else None  # unreadable: said nothing we know
    now_status = incident.data.status
    if before is None or before == now_status:
        return []  # nothing was said of data before: saying something now changes no claim
    if before is DataStatus.AFFECTED:
        return [
            Problem(
                f"{source}: data.status",
                message_id=N_(
                    "earlier statements said that data has been affected; the new status "
                    "'{status}' contradicts them: keep 'affected' unless that was wrong, "
                    "and then say so plainly"
                ),
                params={"status": Term(_DATA_STATUS[now_status])},
                field="data.status",
            )
        ]
    if now_status is None:
        return [
            Problem(
                f"{source}: data.status",
                message_id=N_(
                    "earlier statements said '{status}' of customer data; this one says "
                    "nothing of data, which readers will notice: say what is known now"
                ),
                params={"status": Term(_DATA_STATUS[before])},
                field="data.status",
                blocking=False,
            )
        ]
    return [
        Problem(
            f"{source}: {_name(key)}",
            message_id=N_(
                "the data status changed since the last statement ('{before}' → "
                "'{now}'), and this draft does not say that it changed "
                '("now", « désormais »): acknowledge the change'
            ),
            params={"before": Term(_DATA_STATUS[before]), "now": Term(_DATA_STATUS[now_status])},
            field="data.status",
            documents=(key[0],),
            draft_language=key[1],
        )
        for key, draft in drafts.items()
        if not ACKNOWLEDGES_CHANGE[key[1]].search(draft.plain_text())
    ]


def unreadable_snapshots(incident: Incident, *, source: str = "incident") -> list[Problem]:
    """A warning for each issued statement whose snapshot of facts cannot be read (it was
    emptied or broken by hand): the checks, comparisons and timeline leave it out, and
    the user should know why they say nothing of it."""
    return [
        Problem(
            f"{source}: record.issued[{index}].facts",
            message_id=N_(
                "the facts recorded with statement {number} ({document}, {language}) cannot "
                "be read (the file was changed by hand): comparisons, checks and the "
                "timeline leave them out"
            ),
            params={
                "number": index + 1,
                "document": Term(DOCUMENT_NAMES[DocumentKind(statement.document)]),
                "language": Term(LANGUAGE_NAMES[statement.language]),
            },
            field=f"record.issued[{index}].facts",
            blocking=False,
        )
        for index, statement in enumerate(incident.record.issued)
        if read_snapshot(statement.facts) is None
    ]


def _overdue_promises(incident: Incident, now: datetime, source: str) -> list[Problem]:
    problems = []
    if incident.record.issued:
        last = max(incident.record.issued, key=lambda statement: statement.issued_at)
        snapshot = read_snapshot(last.facts)
        promised_at = snapshot.next_update_at if snapshot else None
        if promised_at and promised_at < now:
            problems.append(
                Problem(
                    f"{source}: next_update_at",
                    message_id=N_("the update promised for {promised} is overdue: issue one now"),
                    params={"promised": When(incident.local(promised_at))},
                    field="next_update_at",
                    blocking=False,
                )
            )
    if incident.next_update_at is not None and incident.next_update_at < now:
        problems.append(
            Problem(
                f"{source}: next_update_at",
                message_id=N_(
                    "this draft promises a next update at a time already past: give a later time"
                ),
                field="next_update_at",
                blocking=False,
            )
        )
    return problems


def _languages_disagree(drafts: Mapping[DraftKey, Draft], source: str) -> list[Problem]:
    problems = []
    for (document, language), english in drafts.items():
        french = drafts.get((document, "fr"))
        if language != "en" or french is None or spec_of(document).addressed_to:
            continue  # a text to authorities goes to each in its own language: no pair
        numbers_en = Counter(int(n) for n in NUMBERS.findall(_as_24_hour(english.plain_text())))
        numbers_fr = Counter(int(n) for n in NUMBERS.findall(french.plain_text()))
        if numbers_en != numbers_fr:
            only_en = sorted((numbers_en - numbers_fr).elements())
            only_fr = sorted((numbers_fr - numbers_en).elements())
            problems.append(
                Problem(
                    f"{source}: {document}",
                    message_id=N_(
                        "the English and French versions disagree on dates, times or numbers "
                        "(only in English: {only_en}; only in French: {only_fr})"
                    ),
                    params={"only_en": str(only_en or "-"), "only_fr": str(only_fr or "-")},
                    documents=(document,),
                )
            )
    return problems


def fact_names(incident: Incident, language: Language) -> list[str]:
    """The names every audience must be told alike: the sites and the restart steps."""
    names = [site.name for site in incident.sites]
    names += [text for step in incident.recovery.steps if (text := step.get(language))]
    return names


def _audiences_disagree(
    incident: Incident, drafts: Mapping[DraftKey, Draft], source: str
) -> list[Problem]:
    problems = []
    for language in LANGUAGES:
        texts = {
            key[0]: draft.plain_text().replace("'", "’")
            for key, draft in drafts.items()
            if key[1] == language and spec_of(key[0]).tells_sites_and_steps
        }
        if len(texts) < 2:
            continue
        names = {name.replace("'", "’"): name for name in fact_names(incident, language)}
        problems += [
            uneven(
                source,
                language,
                (told, untold),
                N_(
                    "'{name}' is given to {told} but not here: every "
                    "audience must be told the same sites and restart steps"
                ),
                {"name": names[shown]},
            )
            for shown, told, untold in told_unevenly(texts, list(names))
        ]
    return problems


def _absolute_claims(
    incident: Incident, drafts: Mapping[DraftKey, Draft], source: str
) -> list[Problem]:
    problems = []
    restored = incident.recovery.phase is RecoveryPhase.RESTORED
    for key, draft in drafts.items():
        text = draft.plain_text()
        for pattern, kind in ABSOLUTE_CLAIMS[key[1]]:
            if kind in ("fully restored", "entièrement rétabli") and restored:
                continue
            match = pattern.search(text)
            if match:
                problems.append(
                    Problem(
                        f"{source}: {_name(key)}",
                        message_id=N_(
                            "“{claim}” is a claim the facts do not support ({kind}); "
                            "say what is known, at this stage"
                        ),
                        params={
                            "claim": match.group(0),
                            # the French drafts' claims are named in French already
                            "kind": Term(kind) if key[1] == "en" else kind,
                        },
                        documents=(key[0],),
                        draft_language=key[1],
                    )
                )
    return problems
