"""Every field of the incident format named as the user sees it on the form: the one
table both the wizard's captions and the problems read, so the two cannot drift.

A field path of the lower layers (``contacts.dealers.name``, ``sites[2].status``,
``guidance.staff.fr``) becomes "Dealer contact › Name", "Sites › row 3 › Status",
"Guidance › Staff (French)", in the interface language. The table is keyed by the path
with list items written ``[]``; a name is a tuple of parts (message ids), the last one
the caption of the field's row on its step, the ones before it the group or list that
tells it apart from a field of the same caption elsewhere ("Name" is the organisation's,
a contact's or the spokesperson's). A ``{number}`` in a part counts the list's items
from 1, as rows are counted on the form.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from app.errors import N_, Gettext
from app.templates.documents import SOCIAL_TEXTS

#: Between the parts of a name: a group, a row, a field.
SEPARATOR = " › "

#: A text written once per language, named with its language (the path ends ``.en``).
IN_LANGUAGE: Mapping[str, str] = {
    "en": N_("{field} (English)"),
    "fr": N_("{field} (French)"),
}

_ROW = N_("row {number}")  # a row of a list the form shows as rows
_ITEM = N_("item {number}")  # one of a list typed with commas


def _contact(audience: str, title: str) -> dict[str, tuple[str, ...]]:
    return {
        f"contacts.{audience}": (title,),
        f"contacts.{audience}.name": (title, N_("Name")),
        f"contacts.{audience}.email": (title, N_("Email")),
        f"contacts.{audience}.phone": (title, N_("Phone")),
    }


def _approver(prefix: str, owner: str) -> dict[str, tuple[str, ...]]:
    return {
        f"{prefix}.approver": (owner, N_("Approver")),
        f"{prefix}.approver.name": (owner, N_("Approver"), N_("Name")),
        f"{prefix}.approver.role": (owner, N_("Approver"), N_("Role")),
    }


def _approver_as(path: str, owners: tuple[str, ...], name: str) -> dict[str, tuple[str, ...]]:
    return {
        path: (*owners, name),
        f"{path}.name": (*owners, name, N_("Name")),
        f"{path}.role": (*owners, name, N_("Role")),
    }


_ORGANISATION = N_("Organisation")
_GUIDANCE = N_("Guidance")
_SPOKESPERSON = N_("Spokesperson")
_ANNOUNCER = N_("Responsible for market announcements")
_CUSTOMER_DATA = N_("Customer data")
_RECOVERY = N_("Recovery")
_SITES = N_("Sites")
_SYSTEMS = N_("Systems")
_STEPS = N_("Restart steps")
_APPROVAL = N_("Approval {number}")
_ISSUED = N_("Issued statement {number}")
_EDITED = N_("Edited in Word")
_QA = N_("Questions and answers")
_QUESTION = N_("question {number}")
_SHORT_TEXTS = N_("Short texts")

FIELD_NAMES: Mapping[str, tuple[str, ...]] = {
    "format": (N_("File format"),),
    "format_version": (N_("Format version"),),
    "title": (N_("Working title"),),
    # Step 1: organisation and contacts
    "organisation": (_ORGANISATION,),
    "organisation.name": (_ORGANISATION, N_("Name")),
    "organisation.kind": (N_("Kind of organisation"),),
    "organisation.english": (N_("English of the drafts"),),
    "organisation.city": (N_("City (dateline)"),),
    "organisation.website": (N_("Website"),),
    "organisation.timezone": (N_("Time zone"),),
    "organisation.listed_on": (N_("Listed on"),),
    "organisation.listed_on[]": (N_("Listed on"), _ITEM),
    "organisation.announcement_by": (_ANNOUNCER,),
    "organisation.announcement_by.name": (_ANNOUNCER, N_("Name")),
    "organisation.announcement_by.role": (_ANNOUNCER, N_("Role")),
    "organisation.about": (N_("About the organisation (optional)"),),
    "drafting": (N_("Drafting choices"),),  # the lead's choices, not facts
    "drafting.documents": (N_("Documents this incident needs"),),
    "drafting.documents[]": (N_("Documents this incident needs"), _ITEM),
    "contacts": (N_("Contacts"),),
    **_contact("media", N_("Media contact")),
    **_contact("dealers", N_("Dealer contact")),
    **_contact("staff", N_("Staff contact")),
    **_contact("customers", N_("Customer contact (optional)")),
    **_contact("suppliers", N_("Supplier contact (optional)")),
    **_contact("data_protection", N_("Data protection officer (optional)")),
    "spokesperson": (_SPOKESPERSON,),
    "spokesperson.name": (_SPOKESPERSON, N_("Name")),
    "spokesperson.role": (_SPOKESPERSON, N_("Role")),
    "spokesperson.quote": (_SPOKESPERSON, N_("Quote")),
    # Step 2: what happened
    "incident": (N_("The incident"),),
    "incident.kind": (N_("What happened"),),
    "incident.third_party": (N_("Supplier at fault"),),
    "incident.third_party_role": (N_("How to describe the supplier (optional)"),),
    "incident.indicators": (N_("Indicators of compromise (optional)"),),
    "incident.detected_at": (N_("Detected at"),),
    "incident.statement_at": (N_("Statement time"),),
    "incident.statement_kind": (N_("Which statement"),),
    "incident.statement_url": (N_("Published at (URL)"),),
    "containment": (N_("What you did"),),
    "containment.shutdown": (N_("Systems taken offline"),),
    "containment.proactive": (N_("As a precaution"),),
    # Step 3: systems and sites
    "containment.systems": (_SYSTEMS,),
    "containment.systems[]": (_SYSTEMS, _ROW),
    "containment.systems[].key": (_SYSTEMS, _ROW, N_("System")),
    "containment.systems[].name": (_SYSTEMS, _ROW, N_("System name")),
    "containment.systems[].status": (_SYSTEMS, _ROW, N_("Status")),
    "sites": (_SITES,),
    "sites[]": (_SITES, _ROW),
    "sites[].name": (_SITES, _ROW, N_("Name")),
    "sites[].kind": (_SITES, _ROW, N_("Kind")),
    "sites[].status": (_SITES, _ROW, N_("Status")),
    "impact": (N_("Impact"),),
    "impact.production": (N_("Production"),),
    "impact.retail": (N_("Sales"),),
    "impact.dealers_can_register_vehicles": (N_("Registration by dealers"),),
    "impact.customer_services": (N_("Customer services"),),
    "impact.cross_border": (N_("Cross-border impact"),),
    "impact.severity": (N_("Severity (optional)"),),
    # Step 4: customer data and authorities
    "data": (_CUSTOMER_DATA,),
    "data.status": (_CUSTOMER_DATA, N_("What we can say")),
    "data.categories": (N_("Data affected"),),
    "data.categories[]": (N_("Data affected"), _ITEM),
    "data.payment_data_affected": (N_("Payment data affected"),),
    "data.aware_at": (N_("Aware of the data breach at"),),
    "data.people_affected": (N_("People affected"),),
    "data.likely_consequences": (N_("Likely consequences (optional)"),),
    "data.records_affected": (N_("Records affected"),),
    "data.people_categories": (N_("Categories of people concerned (optional)"),),
    "data.delay_reason": (N_("Reasons for notifying after 72 hours (when late)"),),
    "authorities": (N_("Authorities and specialists"),),
    "authorities.regulators": (N_("Regulators informed"),),
    "authorities.regulators[]": (N_("Regulators informed"), _ITEM),
    "authorities.agencies": (N_("Cybersecurity agencies informed"),),
    "authorities.agencies[]": (N_("Cybersecurity agencies informed"), _ITEM),
    "authorities.law_enforcement": (N_("Law enforcement informed"),),
    "authorities.specialists_engaged": (N_("Specialists"),),
    "record.nis2_in_scope": (N_("NIS2"),),
    "authorities.nis2_authority": (N_("NIS2 authority"),),
    # Step 5: recovery
    "recovery": (_RECOVERY,),
    "recovery.phase": (_RECOVERY, N_("Phase")),
    "recovery.steps": (_STEPS,),
    "recovery.steps[]": (_STEPS, _ROW),
    "recovery.steps[].status": (_STEPS, _ROW, N_("Status")),
    "recovery.expected_restore": (N_("Expected restore"),),
    "recovery.paused_until": (N_("Paused until at least"),),
    "next_update_at": (N_("Next update"),),
    # Step 6: what each audience should do
    "guidance": (_GUIDANCE,),
    "guidance.staff": (_GUIDANCE, N_("Staff")),
    "guidance.dealers": (_GUIDANCE, N_("Dealers")),
    "guidance.customers": (_GUIDANCE, N_("Customers")),
    "guidance.suppliers": (_GUIDANCE, N_("Suppliers")),
    # Step 7, shown with the Q&A only: questions and answers
    "drafting.qa": (_QA,),
    "drafting.qa[]": (_QA, _QUESTION),
    "drafting.qa[].key": (_QA, _QUESTION, N_("Built-in question")),
    "drafting.qa[].question": (_QA, _QUESTION, N_("Your question")),
    "drafting.qa[].answer": (_QA, _QUESTION, N_("Answer")),
    "drafting.qa[].if_pressed": (_QA, _QUESTION, N_("If pressed")),
    # Step 8, shown with the short texts only: each text as the registry names it
    "drafting.short_texts": (_SHORT_TEXTS,),
    **{
        f"drafting.short_texts.{text.key.value}": (_SHORT_TEXTS, text.name) for text in SOCIAL_TEXTS
    },
    # The record (Record › Approve drafts, final exports): shown, not typed
    "record": (N_("Record"),),
    "record.approvals": (N_("Approvals"),),
    "record.approvals[]": (_APPROVAL,),
    "record.approvals[].document": (_APPROVAL, N_("Document")),
    "record.approvals[].language": (_APPROVAL, N_("Language")),
    **_approver("record.approvals[]", _APPROVAL),
    "record.approvals[].approved_at": (_APPROVAL, N_("Approved at")),
    "record.approvals[].text_sha256": (_APPROVAL, N_("Fingerprint of the approved text")),
    "record.approvals[].signer": (_APPROVAL, N_("Approval key")),
    "record.approvals[].signature": (_APPROVAL, N_("Signature")),
    "record.issued": (N_("Statements issued"),),
    "record.issued[]": (_ISSUED,),
    "record.issued[].issued_at": (_ISSUED, N_("Issued at")),
    "record.issued[].document": (_ISSUED, N_("Document")),
    "record.issued[].language": (_ISSUED, N_("Language")),
    "record.issued[].template_id": (_ISSUED, N_("Template")),
    "record.issued[].template_version": (_ISSUED, N_("Template version")),
    **_approver("record.issued[]", _ISSUED),
    "record.issued[].file_name": (_ISSUED, N_("File name")),
    "record.issued[].facts": (_ISSUED, N_("Facts recorded with it")),
    "record.issued[].text": (_ISSUED, N_("Text as issued")),
    "record.issued[].recipients": (_ISSUED, N_("Sent to")),
    "record.issued[].recipients[]": (_ISSUED, N_("Sent to"), _ITEM),
    "record.issued[].edited": (_ISSUED, _EDITED),
    "record.issued[].edited.file_sha256": (_ISSUED, _EDITED, N_("File fingerprint (SHA-256)")),
    "record.issued[].edited.draft_text": (
        _ISSUED,
        _EDITED,
        N_("The app's draft it was edited from"),
    ),
    "record.issued[].edited.problems": (_ISSUED, _EDITED, N_("Problems it was issued despite")),
    "record.issued[].edited.problems[]": (_ISSUED, _EDITED, N_("Problems it was issued despite")),
    **_approver_as(
        "record.issued[].edited.draft_approver", (_ISSUED, _EDITED), N_("Approver of the draft")
    ),
}

_PART = re.compile(r"\[(\d+)\]|([^.\[\]]+)")


def caption(path: str) -> str:
    """The message id of the caption of ``path``'s row on its step (the last part of its
    name), for the wizard to show; a ``KeyError`` for a path the table does not name."""
    return FIELD_NAMES[path][-1]


def field_name(path: str, gettext: Gettext) -> str:
    """``path`` named as the user sees it, in the language of ``gettext``.

    The longest start of ``path`` the table knows is named; what follows it is a
    language ("… (French)") or, for a key the format does not have (a typo in a file),
    that key as it is written, so the user can find it. A path the table knows nothing
    of is returned as it is."""
    parts = _parts(path)
    for end in range(len(parts), 0, -1):
        name = FIELD_NAMES.get(_key(parts[:end]))
        if name is not None:
            return _written(name, parts[:end], parts[end:], gettext)
    return path


def _key(parts: list[str | int]) -> str:
    """The table's key of a parsed path: ``sites[]`` for ``sites[2]``."""
    key = ""
    for part in parts:
        key += "[]" if isinstance(part, int) else f".{part}" if key else part
    return key


def _parts(path: str) -> list[str | int]:
    return [int(index) if index else name for index, name in _PART.findall(path) if index or name]


def _written(
    name: tuple[str, ...], named: list[str | int], rest: list[str | int], gettext: Gettext
) -> str:
    numbers = iter(part + 1 for part in named if isinstance(part, int))
    words = [
        gettext(part).format(number=next(numbers, "?")) if "{number}" in part else gettext(part)
        for part in name
    ]
    if len(rest) == 1 and rest[0] in IN_LANGUAGE:
        words[-1] = gettext(IN_LANGUAGE[str(rest[0])]).format(field=words[-1])
    else:
        words += [f"[{part + 1}]" if isinstance(part, int) else part for part in rest]
    return SEPARATOR.join(words)
