"""What each field of the wizard does to the drafts, in a sentence or two: the text
Help › What's This? (Shift+F1) shows for its editor. The help pages say the same at
length, with the drafts' own sentences (help/<language>/<step>.md).

One table keyed by field path, as the captions are (field_names.py), rather than texts
scattered over the step modules: an editor finds its text by the path it edits, so a
field declared anywhere (a step, a row of a list, the part of a row) gets its text with
no extra argument, and a test can check that every editor has one. List items are
written ``[]`` (``sites[].status``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from app.errors import N_

_ITEM_INDEX = re.compile(r"\[\d+\]")


def _contact(audience: str, use: str) -> dict[str, str]:
    """A contact's toggle (optional contacts) and its three parts share one text."""
    return {f"contacts.{audience}{part}": use for part in ("", ".name", ".email", ".phone")}


def _list(path: str, whole: str, **parts: str) -> dict[str, str]:
    """A list shown as rows: the list's text, and each part's (``name=...``)."""
    return {path: whole, **{f"{path}[].{part}": text for part, text in parts.items()}}


WHATS_THIS: Mapping[str, str] = {
    # 1. Organisation and contacts
    "title": N_("Your own name for the incident, to find it again; the drafts do not print it."),
    "organisation.name": N_(
        "The organisation's name, in every draft and every headline, as typed: it is never "
        "translated."
    ),
    "organisation.kind": N_(
        "What the drafts may speak of: vehicles, plants, dealers, registration. Until it is "
        "chosen, they speak as for “Other”."
    ),
    "organisation.english": N_(
        "British or American spelling, dates and times in the English drafts; the French "
        "drafts do not change."
    ),
    "organisation.city": N_(
        "The place at the head of the press release: “COVENTRY, 2 September 2025 –”."
    ),
    "organisation.website": N_(
        "The press release ends by saying that updates will be published at this address."
    ),
    "organisation.timezone": N_(
        "Every date and time of the drafts is written in this zone, with its name "
        "(“12:00 BST”). Type part of a city or region to choose it."
    ),
    "organisation.listed_on": N_(
        "The stock exchanges the organisation or its parent is listed on: a market "
        "announcement is then owed, and names them. Left empty: none is drafted."
    ),
    "organisation.announcement_by": N_(
        "Ticked: the market announcement names this person as responsible for its "
        "release, as the exchange's rules ask (often the company secretary)."
    ),
    "organisation.announcement_by.name": N_(
        "Named at the end of the market announcement as responsible for its release."
    ),
    "organisation.announcement_by.role": N_(
        "Follows the name in the market announcement, written in each language."
    ),
    "organisation.about": N_(
        "A short presentation in each language: the press release ends with it, under "
        "“About” and the organisation's name."
    ),
    "drafting.documents": N_(
        "The documents this incident needs, one per audience: the preview, Approve and "
        "Export offer them, the record's timeline gives each its lane. A document ticked "
        "may need a contact below. New incidents start from the house profile's choice."
    ),
    **_contact(
        "media",
        N_(
            "Closes the press release under “Media contact”; the staff message sends "
            "journalists' questions to it."
        ),
    ),
    **_contact(
        "dealers",
        N_("Whom dealers call: printed in the dealer notice under “Whom to call”."),
    ),
    **_contact(
        "staff",
        N_("Where staff get help: printed in the staff message under “Where to get help”."),
    ),
    **_contact(
        "customers",
        N_(
            "When customer data is affected, the drafts give this contact to anyone with "
            "questions about their data."
        ),
    ),
    **_contact(
        "suppliers",
        N_(
            "Kept for a notice to suppliers; the press release, dealer notice and staff "
            "message do not print it."
        ),
    ),
    **_contact(
        "data_protection",
        N_(
            "When customer data is affected, the drafts name the data protection officer for "
            "questions about data."
        ),
    ),
    "spokesperson": N_(
        "Ticked: the press release quotes this person and the staff message is signed by "
        "them. Unticked: no quote, and the staff message is signed by the leadership team."
    ),
    "spokesperson.name": N_("Quoted in the press release, and signs the staff message."),
    "spokesperson.role": N_(
        "Follows the name in the press release and under the staff message's signature."
    ),
    "spokesperson.quote": N_(
        "The quote of the press release, written in each language as it would be said in it."
    ),
    # 2. What happened
    "incident.kind": N_(
        "Names the incident the same way in every draft and both languages (“a cyberattack”). "
        "Not known yet: “an incident”."
    ),
    "incident.third_party": N_(
        "For a supplier outage, the supplier's name as the drafts give it: “an outage at "
        "Acme Cloud”."
    ),
    "incident.indicators": N_(
        "Indicators of compromise (addresses, file hashes) for the NIS2 notification only; "
        "never printed in a public draft."
    ),
    "incident.third_party_role": N_(
        "For a supplier outage whose supplier is not to be named: how the drafts describe "
        "it, in each language."
    ),
    "incident.detected_at": N_(
        "When the incident was found: a progress update recalls it, and the record's "
        "regulator clocks start from it."
    ),
    "incident.statement_at": N_(
        "Dates the press release and the notices, in the organisation's time zone."
    ),
    "incident.statement_kind": N_(
        "Which templates write the drafts: first statement, progress update or resolution. "
        "Not chosen: the facts decide, and the preview says why."
    ),
    "incident.statement_url": N_(
        "Where this statement is published; the press release, dealer notice and staff "
        "message do not print it."
    ),
    "containment.shutdown": N_(
        "Whether the drafts say that systems were shut down: some of them (partial) or "
        "across the business (global)."
    ),
    "containment.proactive": N_(
        "Yes: the drafts say the shutdown was a deliberate decision, “as a precaution”. No: "
        "the word “precaution” is left out."
    ),
    # 3. Systems and sites
    **_list(
        "containment.systems",
        N_(
            "Each system with its own state: the drafts name them in one sentence per state, "
            "and the dealer notice lists what works and what does not."
        ),
        name=N_("Your own system's name, in each language, as the drafts should give it."),
        status=N_(
            "Shut down: taken offline. Unavailable: not working, without saying why. "
            "Degraded: working with limitations. Restored: back in operation."
        ),
    ),
    "containment.systems[]": N_(
        "The system, from the list, or your own system named in English and French."
    ),
    **_list(
        "sites",
        N_(
            "Each site with its kind and state: “activity has stopped at the Solihull and "
            "Halewood plants”."
        ),
        name=N_("The site's name, as the drafts give it: it is never translated."),
        kind=N_("Plant, office, warehouse or store: what the drafts call the site."),
        status=N_("Stopped, reduced or operating: what the drafts say of work at the site."),
    ),
    "impact.production": N_(
        "Whether production goes on, at reduced capacity, or is paused, as every draft says."
    ),
    "impact.retail": N_(
        "Whether sales through dealers and stores go on, are disrupted or are suspended."
    ),
    "impact.dealers_can_register_vehicles": N_(
        "Whether dealers can register new vehicles: in the press release and in the dealer "
        "notice's list of what works."
    ),
    "impact.cross_border": N_(
        "Whether the incident could have an impact in other EU Member States: for the NIS2 "
        "texts only; not known yet, they say so."
    ),
    "impact.severity": N_(
        "Your own assessment of the incident's severity, for the NIS2 notification only; "
        "empty, it says “not yet known; to follow”."
    ),
    "impact.customer_services": N_(
        "Whether customers can reach the organisation: “Customer services remain available.”"
    ),
    # 4. Customer data and authorities
    "data.status": N_(
        "The one careful sentence every draft gives about customer data. Not known yet: "
        "nothing is said of data."
    ),
    "data.categories": N_(
        "The kinds of data the drafts list when data is affected; with none ticked, they say "
        "that what was affected is being established."
    ),
    "data.payment_data_affected": N_(
        "Whether payment data is among the data affected: said only when data is affected."
    ),
    "data.aware_at": N_(
        "When the organisation became aware of a personal data breach: starts the GDPR's "
        "72 hours in the record's timeline. The drafts do not print it."
    ),
    "data.people_affected": N_(
        "How many people may be concerned: “About 1,200 people may be concerned.” Empty: not said."
    ),
    "data.people_categories": N_(
        "Who the people concerned are (customers, employees, applicants), for the regulator "
        "notification only: empty, it says “not yet known; to follow”."
    ),
    "data.records_affected": N_(
        "How many records are concerned, for the regulator notification only: empty, it "
        "says “not yet known; to follow”."
    ),
    "data.delay_reason": N_(
        "Why the regulator is notified more than 72 hours after you became aware (GDPR "
        "art. 33(1)): the notification prints it; the final export needs it when late."
    ),
    "data.likely_consequences": N_(
        "Kept for the notice to the people concerned and to the regulator; the press "
        "release, dealer notice and staff message do not print it."
    ),
    "authorities.regulators": N_(
        "The regulators informed, named in the drafts: “has informed the relevant regulator (ICO)”."
    ),
    "authorities.agencies": N_(
        "The national cybersecurity agencies informed, named as such in the drafts, never as "
        "regulators."
    ),
    "authorities.law_enforcement": N_(
        "Yes: the drafts say that law enforcement has been informed. No: nothing is said of "
        "the police."
    ),
    "authorities.specialists_engaged": N_(
        "Yes: the drafts say that external specialists are working on the investigation and "
        "the restart."
    ),
    "authorities.nis2_authority": N_(
        "The CSIRT or competent authority the NIS2 early warning and notification go to "
        "(ANSSI, NCSC-IE): the texts are drafted in its language."
    ),
    "record.nis2_in_scope": N_(
        "Shows the NIS2 reporting clocks in the record's timeline; the drafts do not print it."
    ),
    # 5. Recovery
    "recovery.phase": N_(
        "Where recovery stands, in one sentence of every draft; “Restored” leads to the "
        "resolution statement."
    ),
    **_list(
        "recovery.steps",
        N_("The restart in order: the drafts list the steps, each with where it stands."),
        status=N_("Done, in progress or planned: shown after the step as “under way” or “next”."),
    ),
    "recovery.steps[]": N_("The step in each language, as the drafts list it."),
    "recovery.expected_restore": N_(
        "Ticked: the drafts promise a return to normal by this date. Tick it only when the "
        "date is certain."
    ),
    "recovery.paused_until": N_(
        "Ticked: the drafts say that operations remain paused until at least this date, "
        "which is not a promise that they restart then."
    ),
    "next_update_at": N_(
        "Ticked: every draft promises the next update by this time, and the record shows when "
        "it is overdue. Unticked: “further updates as soon as there is news”."
    ),
    # 6. What each audience should do
    "guidance.staff": N_("Printed in the staff message, under “What it means for your work”."),
    "guidance.dealers": N_("Printed in the dealer notice, under “What to do now”."),
    "guidance.customers": N_(
        "Printed in the press release, the staff message, and the dealer notice under “What "
        "we are telling customers”."
    ),
    "guidance.suppliers": N_(
        "Kept for a notice to suppliers; the press release, dealer notice and staff message "
        "do not print it."
    ),
    # 7. Questions and answers (with the Q&A only)
    "drafting.qa[].question": N_(
        "A question of your own, as the Q&A asks it in each language, in the place the "
        "list gives it."
    ),
    "drafting.qa[].answer": N_(
        "What the spokesperson answers. A built-in question's answer comes from the facts "
        "until you type over it; “Use the generated answer” brings it back."
    ),
    "drafting.qa[].if_pressed": N_(
        "A further line, under the answer, for a journalist who insists. A built-in "
        "question's comes from the facts until you write your own."
    ),
    # 8. Short texts (with the short texts only)
    "drafting.short_texts.x_post": N_(
        "The post for the organisation's X account, with a link to the statement when its "
        "address is given. Written from the facts until you type over it."
    ),
    "drafting.short_texts.linkedin": N_(
        "The post for the organisation's LinkedIn page: its first sentence names the "
        "organisation and what happened. Written from the facts until you type over it."
    ),
    "drafting.short_texts.banner": N_(
        "The line across the organisation's website, with a link to the statement when its "
        "address is given. Written from the facts until you type over it."
    ),
    "drafting.short_texts.sms_staff": N_(
        "The text message to staff for when e-mail is down: what to do now and whom to "
        "call. Written from the facts until you type over it."
    ),
    "drafting.short_texts.sms_dealers": N_(
        "The text message to dealers for when e-mail is down: what to do now and whom to "
        "call. Written from the facts until you type over it."
    ),
}


def whats_this(path: str) -> str | None:
    """The text (a message id) for the editor of ``path`` (``sites[2].status`` reads
    ``sites[].status``), or None for a path no editor shows."""
    return WHATS_THIS.get(_ITEM_INDEX.sub("[]", path))
