"""Property-based tests: incidents within the contract always export to documents that
open; anything outside it is refused cleanly (IncidentFileError), never a crash."""

from __future__ import annotations

import io
import json
import string
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from app.errors import IncidentFileError
from app.facts.consistency import incident_problems
from app.facts.loading import load_incident, parse_incident
from app.session.incident_session import IncidentSession
from app.session.selection import Selection

# Any printable text, accents, typographic marks and Markdown punctuation included.
TEXT = st.text(
    alphabet=st.characters(
        whitelist_categories=("L", "N", "P", "S", "Zs"), blacklist_characters="\u2028\u2029"
    ),
    min_size=1,
    max_size=120,
).filter(lambda text: text.strip() != "")
BILINGUAL = st.fixed_dictionaries({"en": TEXT, "fr": TEXT})
SYSTEMS = [
    "corporate_it",
    "production",
    "logistics",
    "dealer_systems",
    "online_orders",
    "payments",
    "email",
    "website",
    "customer_services",
]
CATEGORIES = [
    "contact_details",
    "identity",
    "financial",
    "account_credentials",
    "employee_data",
    "vehicle_data",
]
KINDS = ["cyberattack", "ransomware", "it_outage", "third_party_outage"]
ORGANISATION_KINDS = ["vehicle_maker", "parts_supplier", "retailer", "software_vendor", "other"]
OFFSETS = st.sampled_from([UTC, timezone(timedelta(hours=1)), timezone(timedelta(hours=-5))])

# Hundreds of generated incidents, seconds each: run by .ci/run with the other slow tests.
pytestmark = pytest.mark.slow


def maybe(strategy: st.SearchStrategy) -> st.SearchStrategy:
    """A fact that may be unknown (v3: null is "not stated")."""
    return st.one_of(st.none(), strategy)


CONTACT = st.fixed_dictionaries({"name": TEXT, "email": TEXT, "phone": TEXT})


@st.composite
def incidents(draw: st.DrawFn) -> dict:
    """A v3 incident within the contract: any fact may be unknown, and the known ones
    never contradict each other (the contradictions are tested one by one elsewhere)."""
    statement = draw(
        st.datetimes(
            min_value=datetime(2020, 1, 1), max_value=datetime(2030, 1, 1), timezones=OFFSETS
        )
    )
    detected = draw(maybe(st.integers(0, 60 * 24 * 20)))
    kind = draw(maybe(st.sampled_from(KINDS)))
    phase = draw(
        maybe(st.sampled_from(["contained", "investigating", "phased_restart", "restored"]))
    )
    restored = phase == "restored"
    shutdown = draw(maybe(st.sampled_from(["none", "partial", "global"])))
    system_states = ["unavailable", "degraded", "restored"]
    if shutdown != "none":
        system_states.append("shut_down")
    systems = [
        {"key": key, "status": "restored" if restored else draw(st.sampled_from(system_states))}
        for key in draw(st.lists(st.sampled_from(SYSTEMS), max_size=4, unique=True))
    ] + [
        {"name": name, "status": "restored" if restored else draw(st.sampled_from(system_states))}
        for name in draw(st.lists(BILINGUAL, max_size=2))
    ]
    production = draw(maybe(st.sampled_from(["normal", "reduced", "stopped"])))
    sites = []
    for site in draw(
        st.lists(
            st.fixed_dictionaries(
                {
                    "name": TEXT,
                    "kind": st.sampled_from(["plant", "office", "warehouse", "store"]),
                    "status": st.sampled_from(["stopped", "reduced", "operating"]),
                }
            ),
            max_size=4,
        )
    ):
        if restored or (production == "normal" and site["kind"] == "plant"):
            site["status"] = (
                "operating" if restored else draw(st.sampled_from(["reduced", "operating"]))
            )
        sites.append(site)
    steps = [
        dict(
            text,
            status="done"
            if restored
            else draw(st.sampled_from(["done", "in_progress", "planned"])),
        )
        for text in draw(
            st.lists(BILINGUAL, min_size=1 if phase == "phased_restart" else 0, max_size=3)
        )
    ]
    status = draw(maybe(st.sampled_from(["no_evidence", "under_investigation", "affected"])))
    affected = status == "affected"
    statement_kinds = ["holding", "update", *(["resolution"] if restored else [])]
    later_day = st.integers(2, 60).map(lambda days: str((statement + timedelta(days=days)).date()))
    next_update = draw(maybe(st.integers(1, 60 * 24 * 7)))
    third_party = draw(maybe(TEXT)) if kind == "third_party_outage" else None
    return {
        "format": "crisisdraft.incident",
        "format_version": 3,
        "title": draw(TEXT),
        "organisation": {
            "name": draw(TEXT),
            "city": draw(TEXT),
            "website": draw(maybe(TEXT)),
            "timezone": draw(
                st.sampled_from(["Europe/London", "Europe/Paris", "America/Toronto", "Asia/Tokyo"])
            ),
            "kind": draw(maybe(st.sampled_from(ORGANISATION_KINDS))),
            "english": draw(st.sampled_from(["en_GB", "en_US"])),
            "about": draw(maybe(BILINGUAL)),
            "listed_on": draw(st.lists(TEXT, max_size=2)),
        },
        "incident": {
            "kind": kind,
            "detected_at": None
            if detected is None
            else (statement - timedelta(minutes=detected)).isoformat(),
            "statement_at": statement.isoformat(),
            "statement_kind": draw(maybe(st.sampled_from(statement_kinds))),
            "statement_url": draw(maybe(TEXT)),
            "third_party": third_party,
            "third_party_role": draw(BILINGUAL)
            if kind == "third_party_outage" and third_party is None
            else None,
        },
        "containment": {
            "shutdown": shutdown,
            "proactive": draw(maybe(st.booleans())),
            "systems": systems,
        },
        "sites": sites,
        "impact": {
            "production": production,
            "retail": draw(maybe(st.sampled_from(["normal", "disrupted", "stopped"]))),
            "dealers_can_register_vehicles": draw(maybe(st.booleans())),
            "customer_services": draw(
                maybe(st.sampled_from(["available", "limited", "unavailable"]))
            ),
        },
        "data": {
            "status": status,
            "categories": draw(st.lists(st.sampled_from(CATEGORIES), max_size=3, unique=True))
            if affected
            else [],
            "payment_data_affected": draw(maybe(st.booleans())) if affected else None,
            "aware_at": None,
            "people_affected": draw(maybe(st.integers(0, 10**7))) if affected else None,
            "likely_consequences": draw(maybe(BILINGUAL)) if affected else None,
        },
        "authorities": {
            "regulators": draw(st.lists(TEXT, max_size=2)),
            "law_enforcement": draw(maybe(st.booleans())),
            "specialists_engaged": draw(maybe(st.booleans())),
            "agencies": draw(st.lists(TEXT, max_size=2)),
        },
        "recovery": {
            "phase": phase,
            "steps": steps,
            "expected_restore": draw(maybe(later_day)),
            "paused_until": draw(maybe(later_day)),
        },
        "guidance": {
            audience: draw(maybe(BILINGUAL))
            for audience in ("staff", "dealers", "customers", "suppliers")
        },
        "contacts": {
            **{audience: draw(CONTACT) for audience in ("media", "dealers", "staff")},
            **{
                audience: draw(maybe(CONTACT))
                for audience in ("customers", "suppliers", "data_protection")
            },
        },
        "spokesperson": draw(
            maybe(st.fixed_dictionaries({"name": TEXT, "role": BILINGUAL, "quote": BILINGUAL}))
        ),
        "next_update_at": None
        if next_update is None
        else (statement + timedelta(minutes=next_update)).isoformat(),
    }


@settings(max_examples=200, deadline=None)
@given(data=incidents())
def test_every_incident_within_the_contract_loads_with_no_blocking_problem(data) -> None:
    incident = parse_incident(json.dumps(data), source="generated.crisis.json")
    problems = incident_problems(incident, ["en", "fr"])
    assert [str(p) for p in problems if p.blocking] == []


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(data=incidents())
def test_every_incident_within_the_contract_exports_documents_that_open(
    data, renderer, tmp_path_factory
) -> None:
    incident = parse_incident(json.dumps(data), source="generated.crisis.json")
    out = tmp_path_factory.mktemp("pack")
    exported = IncidentSession(incident, renderer).export(Selection(), out)
    assert len(exported) == 6
    for document in exported:
        opened = docx.Document(io.BytesIO(document.path.read_bytes()))
        assert opened.core_properties.title
        assert opened.paragraphs[1].style.name == "Title"


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=8,
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    data=incidents(),
    path=st.lists(
        st.sampled_from(
            [
                "organisation",
                "incident",
                "data",
                "sites",
                "recovery",
                "contacts",
                "kind",
                "status",
                "name",
                "timezone",
                "detected_at",
                "0",
            ]
        ),
        min_size=1,
        max_size=3,
    ),
    value=JSON_VALUES,
)
def test_anything_outside_the_contract_is_refused_cleanly(data, path, value) -> None:
    target = data
    for part in path[:-1]:
        if isinstance(target, dict) and part in target:
            target = target[part]
        elif isinstance(target, list) and target and part == "0":
            target = target[0]
    if isinstance(target, dict):
        target[path[-1]] = value
    try:
        parse_incident(json.dumps(data), source="mutated.crisis.json")
    except IncidentFileError as error:
        assert str(error).startswith("mutated.crisis.json")
        assert error.problems


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    content=st.binary(max_size=400)
    | st.text(alphabet=string.printable, max_size=400).map(str.encode)
)
def test_any_bytes_are_refused_cleanly(content, tmp_path_factory) -> None:
    path: Path = tmp_path_factory.mktemp("bytes") / "random.crisis.json"
    path.write_bytes(content)
    try:
        load_incident(path)
    except IncidentFileError as error:
        assert str(error).startswith("random.crisis.json")


# Any character at all, the ones no text may hold included (controls, format characters,
# non-characters, surrogates, private use), and dates of any year with any offset.
# The characters that passed check and then failed export or hid text, found before.
HOSTILE_CHARACTERS = "\x07\x85\ud800\udfff\ufdd0\ufffe\uffff\U0010ffff\u202e\u2066\u200b\ufeff"
ANY_TEXT = (
    st.text(alphabet=st.characters(codec=None), min_size=1, max_size=40)
    | st.tuples(TEXT, st.sampled_from(HOSTILE_CHARACTERS), TEXT).map("".join)
    | TEXT
)
NEAR_YEARS = st.datetimes(min_value=datetime(1995, 1, 1), max_value=datetime(2105, 12, 31))
ANY_YEAR = st.datetimes()
ANY_MOMENT = st.builds(
    lambda moment, zone: moment.replace(tzinfo=zone).isoformat(),
    NEAR_YEARS | ANY_YEAR,
    st.timezones() | st.builds(timezone, st.timedeltas(timedelta(hours=-23), timedelta(hours=23))),
) | st.sampled_from(["0001-01-01T00:00:00+00:00", "9999-12-31T23:59:00-05:00"])
TEXT_FIELDS = [
    ("title",),
    ("organisation", "name"),
    ("organisation", "city"),
    ("organisation", "website"),
    ("incident", "third_party"),
    ("contacts", "media", "name"),
    ("contacts", "staff", "phone"),
    ("guidance", "staff"),
    ("authorities", "regulators"),
]
MOMENT_FIELDS = [
    ("incident", "statement_at"),
    ("incident", "detected_at"),
    ("next_update_at",),
    ("recovery", "expected_restore"),
    ("recovery", "paused_until"),
]


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    data=incidents(),
    text_field=st.sampled_from(TEXT_FIELDS),
    text=ANY_TEXT,
    moment_field=st.sampled_from(MOMENT_FIELDS),
    moment=maybe(ANY_MOMENT),
)
def test_what_check_passes_export_writes_whatever_the_characters_and_dates(
    data, text_field, text, moment_field, moment, renderer, tmp_path_factory
) -> None:
    for field, value in ((text_field, text), (moment_field, moment)):
        target = data
        for part in field[:-1]:
            target = target.setdefault(part, {})
        if field[-1] == "regulators":
            value = [value]
        elif field[-1] == "staff":
            value = {"en": value, "fr": value}
        elif field[-1] in ("expected_restore", "paused_until") and value:
            value = value[:10]
        target[field[-1]] = value
    try:
        incident = parse_incident(json.dumps(data), source="fuzzed.crisis.json")
    except IncidentFileError as error:
        assert str(error).startswith("fuzzed.crisis.json")
        str(error).encode("utf-8")  # printable, surrogates and all
        return
    session = IncidentSession(incident, renderer)
    problems = session.problems(Selection())
    if problems.blocks_export:
        return
    out = tmp_path_factory.mktemp("fuzzed")
    assert len(session.export(Selection(), out)) == 6  # check passed: export writes


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    data=incidents(),
    path=st.lists(
        st.sampled_from(
            [
                "data",
                "recovery",
                "status",
                "phase",
                "paused_until",
                "next_update_at",
                "containment",
                "systems",
                "other_systems",
                "format_version",
                "organisation",
                "0",
            ]
        ),
        min_size=1,
        max_size=3,
    ),
    value=JSON_VALUES,
)
def test_a_record_whose_facts_were_changed_by_hand_never_breaks_its_views(
    data, path, value, renderer
) -> None:
    snapshot = json.loads(json.dumps(data))
    target = snapshot
    for part in path[:-1]:
        if isinstance(target, dict):
            target = target.setdefault(part, {})
    if isinstance(target, dict):
        target[path[-1]] = value
    statement = {
        "issued_at": data["incident"]["statement_at"],
        "document": "press_release",
        "language": "en",
        "template_id": "holding.press_release",
        "template_version": "1",
        "approver": {"name": "Sam Patel", "role": "General Counsel"},
        "file_name": "press.docx",
        "text": "A statement.",
    }
    whole = json.loads(json.dumps(data))
    data["record"] = {"issued": [dict(statement, facts=snapshot), dict(statement, facts=whole)]}
    try:
        incident = parse_incident(json.dumps(data), source="record.crisis.json")
    except IncidentFileError as error:
        assert str(error).startswith("record.crisis.json")
        return
    session = IncidentSession(incident, renderer)
    session.compare_issued(1, 2)
    session.changes_since_last_statement()
    session.timeline(datetime.now(UTC))
    session.problems(Selection())
