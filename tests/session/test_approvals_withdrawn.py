"""What changing the template set withdraws: the approvals of the drafts in use that
the other set's drafts (other texts) would not have."""

from __future__ import annotations

from datetime import datetime

from app.facts.models import Approver
from app.session.incident_session import IncidentSession
from app.session.selection import Selection
from app.templates.documents import DocumentKind
from app.templates.metadata import TemplateSet

COUNSEL = Approver(name="Sam Patel", role="General Counsel")
APPROVED_AT = datetime.fromisoformat("2025-09-02T09:20:00+01:00")
HOLDING, UPDATE = TemplateSet.HOLDING, TemplateSet.UPDATE


def named(drafts) -> list[tuple[str, str]]:
    return [(draft.info.document.value, draft.info.language) for draft in drafts]


def test_the_approved_drafts_of_the_set_in_use_are_withdrawn_by_another_set(
    make_incident, renderer
) -> None:
    session = IncidentSession(make_incident(), renderer)
    assert session.approvals_withdrawn(HOLDING, UPDATE) == []  # nothing approved
    press = Selection(("en",), (DocumentKind.PRESS_RELEASE,), HOLDING)
    session.approve(press, COUNSEL, APPROVED_AT)
    assert named(session.approvals_withdrawn(HOLDING, UPDATE)) == [("press_release", "en")]
    assert session.approvals_withdrawn(UPDATE, HOLDING) == []  # nothing approved there
    assert session.approvals_withdrawn(HOLDING, HOLDING) == []


def test_a_draft_approved_in_both_sets_is_not_withdrawn(make_incident, renderer) -> None:
    session = IncidentSession(make_incident(), renderer)
    staff = (("fr",), (DocumentKind.STAFF_MESSAGE,))
    session.approve(Selection(*staff, HOLDING), COUNSEL, APPROVED_AT)
    session.approve(Selection(*staff, UPDATE), COUNSEL, APPROVED_AT)
    # the update's approval replaced the holding one (one approval per document and
    # language): going to the update withdraws nothing, coming back would
    assert session.approvals_withdrawn(HOLDING, UPDATE) == []
    assert named(session.approvals_withdrawn(UPDATE, HOLDING)) == [("staff_message", "fr")]
