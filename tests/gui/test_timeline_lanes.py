"""The timeline's lanes come from the registry of documents: a customer notice issued
with the third statement has its own lane, named in the interface language, with its
mark in it; a document the lead needs but has not issued yet has an empty lane."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QToolTip

from app.facts.models import Drafting, Incident
from app.record.timeline import FixedLane
from app.templates.documents import DocumentKind
from tests.gui.test_small_screen import screenshots
from tests.gui.test_timeline import YOUNG_NOW, build, open_record, plain, statement_mark, written
from tests.record.long_incident import issued_at

FIRST_THREE = (
    DocumentKind.PRESS_RELEASE,
    DocumentKind.DEALER_NOTICE,
    DocumentKind.STAFF_MESSAGE,
)


@pytest.fixture(scope="module")
def with_customer_notice(example_data, renderer, tmp_path_factory) -> Incident:
    """Three statements of the first three documents; with the third, the customer
    notice was issued in both languages too (as the record keeps any statement)."""
    young = build(example_data, renderer, tmp_path_factory.mktemp("customers"), 3)
    third = [
        statement
        for statement in young.record.issued
        if statement.issued_at == issued_at(3) and statement.document == "press_release"
    ]
    notices = [
        statement.model_copy(
            update={
                "document": "customer_notice",
                "file_name": statement.file_name.replace("press_release", "customer_notice"),
            }
        )
        for statement in third
    ]
    assert [notice.language for notice in notices] == ["en", "fr"]
    record = young.record.model_copy(update={"issued": [*young.record.issued, *notices]})
    return young.model_copy(update={"record": record})


@pytest.mark.parametrize(
    ("language", "name", "languages"),
    [
        ("en", "Customer notice", "English, French"),
        ("fr", "Information aux clients", "anglais, français"),
    ],
)
def test_an_issued_customer_notice_has_its_own_lane(
    qtbot, tmp_path, with_customer_notice, language, name, languages
) -> None:
    window = open_record(qtbot, with_customer_notice, language, now=YOUNG_NOW)
    canvas = window.timeline.canvas
    window.grab().save(str(screenshots(tmp_path) / f"timeline-lanes-{language}.png"))
    lanes = [box.lane for box in canvas.arrangement.lanes]
    assert lanes == [
        FixedLane.INCIDENT,
        *FIRST_THREE,
        DocumentKind.CUSTOMER_NOTICE,
        FixedLane.REGULATORS,
    ]
    assert name in written(canvas)  # the lane's name, as the user reads it
    mark = statement_mark(canvas, 3, DocumentKind.CUSTOMER_NOTICE)
    (box,) = [box for box in canvas.arrangement.lanes if box.lane is DocumentKind.CUSTOMER_NOTICE]
    assert box.top < mark.y < box.top + box.height  # drawn in its own lane

    qtbot.mouseMove(canvas, canvas.mark_point(mark))
    qtbot.waitUntil(QToolTip.isVisible)
    assert plain(QToolTip.text()).splitlines()[1].casefold() == f"{name} ({languages})".casefold()
    window.close()


def test_a_document_the_incident_needs_has_a_lane_before_its_first_statement(
    qtbot, with_customer_notice
) -> None:
    needs = Drafting(documents=["press_release", "supplier_notice"])
    incident = with_customer_notice.model_copy(update={"drafting": needs})
    window = open_record(qtbot, incident, now=YOUNG_NOW)
    canvas = window.timeline.canvas
    lanes = [box.lane for box in canvas.arrangement.lanes]
    # what was issued keeps its lane; the supplier notice waits for its first statement
    assert lanes == [
        FixedLane.INCIDENT,
        *FIRST_THREE,
        DocumentKind.CUSTOMER_NOTICE,
        DocumentKind.SUPPLIER_NOTICE,
        FixedLane.REGULATORS,
    ]
    texts = written(canvas)
    assert "Supplier notice" in texts
    assert "Short texts" not in texts  # neither needed nor issued: no lane
    assert not [
        item for item in canvas.arrangement.items if item.event.lane is DocumentKind.SUPPLIER_NOTICE
    ]
    window.close()
