"""Property-based tests: incidents within the contract always export to documents that
open; anything outside it is refused cleanly (IncidentFileError), never a crash."""

from __future__ import annotations

import io
import json
import string
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import docx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.errors import IncidentFileError
from app.export.pack import ExportRequest, export_pack
from app.facts.loading import load_incident, parse_incident

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
OFFSETS = st.sampled_from([UTC, timezone(timedelta(hours=1)), timezone(timedelta(hours=-5))])


@st.composite
def incidents(draw: st.DrawFn) -> dict:
    detected = draw(
        st.datetimes(
            min_value=datetime(2020, 1, 1), max_value=datetime(2030, 1, 1), timezones=OFFSETS
        )
    )
    statement = detected + timedelta(minutes=draw(st.integers(0, 60 * 24 * 20)))
    kind = draw(st.sampled_from(["cyberattack", "ransomware", "it_outage", "third_party_outage"]))
    shutdown = draw(st.sampled_from(["none", "partial", "global"]))
    systems = (
        []
        if shutdown == "none"
        else draw(st.lists(st.sampled_from(SYSTEMS), min_size=1, max_size=4, unique=True))
    )
    status = draw(st.sampled_from(["no_evidence", "under_investigation", "affected"]))
    affected = status == "affected"
    contact = st.fixed_dictionaries({"name": TEXT, "email": TEXT, "phone": TEXT})
    next_update = draw(st.one_of(st.none(), st.integers(1, 60 * 24 * 7)))
    return {
        "format": "crisisdraft.incident",
        "format_version": 1,
        "title": draw(TEXT),
        "organisation": {
            "name": draw(TEXT),
            "city": draw(TEXT),
            "website": draw(st.one_of(st.none(), TEXT)),
            "timezone": draw(
                st.sampled_from(["Europe/London", "Europe/Paris", "America/Toronto", "Asia/Tokyo"])
            ),
        },
        "incident": {
            "kind": kind,
            "detected_at": detected.isoformat(),
            "statement_at": statement.isoformat(),
            "third_party": draw(TEXT) if kind == "third_party_outage" else None,
        },
        "containment": {
            "shutdown": shutdown,
            "proactive": draw(st.booleans()),
            "systems": systems,
            "other_systems": [] if shutdown == "none" else draw(st.lists(BILINGUAL, max_size=2)),
        },
        "sites": draw(
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
        ),
        "impact": {
            "production": draw(st.sampled_from(["normal", "reduced", "stopped"])),
            "retail": draw(st.sampled_from(["normal", "disrupted", "stopped"])),
            "dealers_can_register_vehicles": draw(st.booleans()),
            "customer_services": draw(st.sampled_from(["available", "limited", "unavailable"])),
        },
        "data": {
            "status": status,
            "categories": draw(
                st.lists(st.sampled_from(CATEGORIES), min_size=1, max_size=3, unique=True)
            )
            if affected
            else [],
            "payment_data_affected": draw(st.booleans()) if affected else False,
        },
        "authorities": {
            "regulators": draw(st.lists(TEXT, max_size=2)),
            "law_enforcement": draw(st.booleans()),
            "specialists_engaged": draw(st.booleans()),
        },
        "recovery": {
            "phase": draw(
                st.sampled_from(["contained", "investigating", "phased_restart", "restored"])
            ),
            "steps": [
                dict(text, status=draw(st.sampled_from(["done", "in_progress", "planned"])))
                for text in draw(st.lists(BILINGUAL, max_size=3))
            ],
            "expected_restore": draw(st.one_of(st.none(), st.dates().map(str))),
        },
        "guidance": {
            audience: draw(st.one_of(st.none(), BILINGUAL))
            for audience in ("staff", "dealers", "customers")
        },
        "contacts": {audience: draw(contact) for audience in ("media", "dealers", "staff")},
        "spokesperson": draw(
            st.one_of(
                st.none(),
                st.fixed_dictionaries({"name": TEXT, "role": BILINGUAL, "quote": BILINGUAL}),
            )
        ),
        "next_update_at": None
        if next_update is None
        else (statement + timedelta(minutes=next_update)).isoformat(),
    }


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
    exported = export_pack(incident, ExportRequest(out), renderer)
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
