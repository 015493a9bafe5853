"""The reactive Q&A as the spokesperson reads it: the exported Word file, read back with
python-docx. One row per question asked, in the lead's order; each answer from the
facts, a bridge where they are silent; the lead's own questions and answers as written;
"not for publication" on every page."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import docx
import pytest

from app.drafts.blocks import Block, BlockKind, Draft
from app.drafts.render import DraftRenderer
from app.facts.loading import parse_incident
from app.facts.models import Incident, Language, QaQuestion
from app.facts.qa_questions import qa_question
from app.session.incident_session import IncidentSession
from app.session.selection import Selection
from app.templates.documents import DocumentKind
from app.templates.metadata import TemplateSet
from tests.conftest import edited, example_document
from tests.export.libreoffice import SOFFICE, libreoffice_texts

HEADINGS = {
    "en": ["Question", "Answer", "If pressed"],
    "fr": ["Question", "Réponse", "Si l’on insiste"],
}
INTERNAL = {"en": "INTERNAL – NOT FOR PUBLICATION", "fr": "USAGE INTERNE – NE PAS PUBLIER"}
DATA_WORDING = {
    "en": "We believe that some data has been affected; we are working to establish what.",
    "fr": "Nous pensons que certaines données ont été touchées\u202f; nous travaillons à "
    "déterminer lesquelles.",
}
#: A yes, a no, or a refusal to answer: what a bridge never says.
NOT_A_BRIDGE = {
    "en": re.compile(r"\b(yes|no)\b|no comment|\bpaid\b|\bpay\b", re.IGNORECASE),
    "fr": re.compile(r"\b(oui|non)\b|pas de commentaire|aucun commentaire|pay", re.IGNORECASE),
}


EDITED = "We believe that some data has been affected. We will write to everyone concerned."


def incident_of(name: str, changes: dict[str, Any] | None = None) -> Incident:
    data = edited(example_document(name), changes or {})
    return parse_incident(json.dumps(data), source=f"{name}.crisis.json")


def exported_qa(
    renderer: DraftRenderer, incident: Incident, folder: Path, language: Language
) -> Any:
    """The Q&A exported in ``language`` as the CLI and the app write it, opened in Word."""
    session = IncidentSession(incident, renderer)
    (written,) = session.export(Selection((language,), (DocumentKind.QA,)), folder)
    return docx.Document(str(written.path))


def rows_of(document: Any) -> list[list[str]]:
    (table,) = document.tables
    return [[cell.text for cell in row.cells] for row in table.rows]


def answers(document: Any) -> dict[str, list[str]]:
    """Each question's answer and "if pressed", by question."""
    return {row[0]: row[1:] for row in rows_of(document)[1:]}


def table_of(draft: Draft) -> Block:
    return next(block for block in draft.blocks if block.kind is BlockKind.TABLE)


def question(key: QaQuestion, language: Language) -> str:
    """A built-in question as the document prints it (French typography in French)."""
    text = qa_question(key, language)
    return text.replace(" ?", "\u202f?").replace("'", "’") if language == "fr" else text


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_qa_is_a_word_table_with_one_row_per_question(renderer, tmp_path, language) -> None:
    document = exported_qa(renderer, incident_of("data-affected-paused"), tmp_path, language)
    rows = rows_of(document)
    assert rows[0] == HEADINGS[language]
    # Every built-in question fits a car maker's cyberattack with data affected: all of
    # them, in the built-in order, nothing else.
    assert [row[0] for row in rows[1:]] == [question(key, language) for key in QaQuestion]
    assert all(row[1].strip() for row in rows[1:])  # every question has its answer
    body = "\n".join(paragraph.text for paragraph in document.paragraphs)
    assert body.startswith(INTERNAL[language])
    assert "Northwind Motors Press Office" in body  # the media contact, at the end
    assert "press@northwind-motors.example" in document.paragraphs[-1].text


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_data_affected_example_answers_from_the_facts_and_bridges_the_ransom(
    renderer, tmp_path, language
) -> None:
    incident = incident_of("data-affected-paused")
    said = answers(exported_qa(renderer, incident, tmp_path, language))
    data_answer, _ = said[question(QaQuestion.CUSTOMER_DATA, language)]
    assert data_answer.startswith(DATA_WORDING[language])
    # The same words as the press release.
    press = renderer.render(incident, DocumentKind.PRESS_RELEASE, language).plain_text()
    assert (
        DATA_WORDING[language]
        .replace("We believe", "Northwind Motors believes")
        .replace("Nous pensons", "Northwind Motors pense")
        .replace("we are", "it is")
        .replace("nous travaillons", "l’entreprise travaille")
        in press
    )
    ransom, pressed = said[question(QaQuestion.RANSOM, language)]
    assert not NOT_A_BRIDGE[language].search(ransom), ransom
    bridge = {
        "en": "We will not go into the detail of our response to the cyberattack while the "
        "investigation continues.",
        "fr": "Nous n’entrerons pas dans le détail de notre réponse à la cyberattaque tant "
        "que l’enquête est en cours.",
    }[language]
    # ... and goes back to what is known. The pause is the restart question's answer,
    # the specialists at work the answer to "Who is behind it?": the ransom goes back
    # to the authorities informed, in the words of every draft.
    informed = {
        "en": "We have informed the relevant regulator (ICO) and law enforcement.",
        "fr": "Nous avons informé l’autorité de contrôle compétente (ICO) et les forces de "
        "l’ordre.",
    }[language]
    assert ransom == f"{bridge} {informed}"
    # No filler when pressed: the next update is the answer to its own question.
    assert pressed == ""


def test_a_question_the_facts_leave_silent_gets_a_bridge_not_a_guess(renderer, tmp_path) -> None:
    incident = incident_of("data-affected-paused", {"data.status": None, "data.aware_at": None})
    said = answers(exported_qa(renderer, incident, tmp_path, "en"))
    data_answer, pressed = said["Was customer data stolen?"]
    assert data_answer.startswith("We will not speculate while the investigation continues.")
    assert "data" not in data_answer.lower() and not pressed
    assert "Was payment data taken?" not in said  # nothing is stated of data: not asked
    behind, _ = said["Who is behind it?"]
    assert behind.startswith("We will not speculate about who is responsible")


def test_ransomware_is_said_only_of_ransomware(renderer, tmp_path) -> None:
    attack = answers(exported_qa(renderer, incident_of("data-affected-paused"), tmp_path, "en"))
    answer, _ = attack["Was it ransomware?"]
    assert answer == (
        "We will not go into technical detail while the investigation continues. "
        "We have been affected by a cyberattack."
    )
    ransomware = incident_of("data-affected-paused", {"incident.kind": "ransomware"})
    said = answers(exported_qa(renderer, ransomware, tmp_path / "r", "en"))
    # "Was it a cyberattack?" says what it was; "Was it ransomware?" does not say it
    # again word for word, it holds the line on the detail instead.
    assert said["Was it a cyberattack?"] == [
        "Yes. We have been affected by a ransomware attack: malicious software that blocks "
        "access to computer systems.",
        "",
    ]
    assert said["Was it ransomware?"] == [
        "Yes. We will not go into technical detail while the investigation continues.",
        "",
    ]
    dropped = [{"key": "what_happened"}, {"key": "ransomware"}]
    alone = incident_of(
        "data-affected-paused", {"incident.kind": "ransomware", "drafting": {"qa": dropped}}
    )
    said = answers(exported_qa(renderer, alone, tmp_path / "alone", "en"))
    assert said["Was it ransomware?"] == [
        "Yes. We have been affected by a ransomware attack: malicious software that blocks "
        "access to computer systems.",
        "We will not go into technical detail while the investigation continues.",
    ]


def test_the_leads_own_question_sits_where_it_was_placed(renderer, tmp_path) -> None:
    own = {
        "question": {"en": "Are staff being paid?", "fr": "Les salariés sont-ils payés ?"},
        "answer": {"en": "Yes: pay is not affected.", "fr": "Oui : la paie n'est pas touchée."},
        "if_pressed": {"en": "Ask HR | People team.", "fr": "Voir les RH | l'équipe."},
    }
    order = [{"key": "what_happened"}, own, {"key": "customer_data"}, {"key": "next_update"}]
    incident = incident_of("data-affected-paused", {"drafting": {"qa": order}})
    english = rows_of(exported_qa(renderer, incident, tmp_path, "en"))
    assert [row[0] for row in english[1:]] == [
        "What has happened?",
        "Are staff being paid?",
        "Was customer data stolen?",
        "When will you say more?",
    ]
    assert english[2] == [
        "Are staff being paid?",
        "Yes: pay is not affected.",
        "Ask HR | People team.",
    ]
    french = rows_of(exported_qa(renderer, incident, tmp_path / "fr", "fr"))
    # French typography in the lead's own words too, and a '|' stays in its cell.
    assert french[2] == [
        "Les salariés sont-ils payés\u202f?",
        "Oui\u00a0: la paie n’est pas touchée.",
        "Voir les RH | l’équipe.",
    ]


def test_a_dropped_question_is_absent_and_an_edited_answer_replaces_the_generated_one(
    renderer, tmp_path
) -> None:
    kept = [
        {"key": key.value}
        for key in QaQuestion
        if key not in (QaQuestion.RANSOM, QaQuestion.COLLECT_CAR)
    ]
    kept[5] = {
        "key": "customer_data",
        "answer": {
            "en": EDITED,
            "fr": "Nous pensons que certaines données ont été touchées. Nous écrirons à chacun.",
        },
    }
    incident = incident_of("data-affected-paused", {"drafting": {"qa": kept}})
    document = exported_qa(renderer, incident, tmp_path, "en")
    said = answers(document)
    assert "Did you pay a ransom?" not in said and "Can I collect my car?" not in said
    assert len(rows_of(document)) == 1 + len(QaQuestion) - 2
    answer, pressed = said["Was customer data stolen?"]
    assert (
        answer
        == "We believe that some data has been affected. We will write to everyone concerned."
    )
    assert "working to establish what" not in answer
    assert pressed == ""  # the generated one followed the generated answer: it goes too
    everything = "\n".join(p.text for p in document.paragraphs) + str(rows_of(document))
    assert not re.search(r"\bransom\b", everything, re.IGNORECASE)
    assert said["When will you say more?"][1].startswith("Our statement is published at")


def test_a_question_that_does_not_fit_is_asked_only_when_the_lead_answers_it(
    renderer, tmp_path
) -> None:
    outage = answers(exported_qa(renderer, incident_of("it-failure"), tmp_path, "en"))
    assert "Did you pay a ransom?" not in outage and "Was it a cyberattack?" not in outage
    answered = {
        "key": "cyberattack",
        "answer": {"en": "It was an IT outage.", "fr": "Il s'agit d'une panne informatique."},
    }
    incident = incident_of("it-failure", {"drafting": {"qa": [{"key": "what_happened"}, answered]}})
    said = answers(exported_qa(renderer, incident, tmp_path / "answered", "en"))
    assert list(said) == ["What has happened?", "Was it a cyberattack?"]
    assert said["Was it a cyberattack?"] == ["It was an IT outage.", ""]
    vendor = incident_of("data-affected-paused", {"organisation.kind": "software_vendor"})
    software = answers(exported_qa(renderer, vendor, tmp_path / "vendor", "en"))
    for key in (QaQuestion.COLLECT_CAR, QaQuestion.DEALERS, QaQuestion.COST, QaQuestion.RESTART):
        assert question(key, "en") not in software


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_blank_example_claims_nothing(renderer, tmp_path, language) -> None:
    document = exported_qa(renderer, incident_of("blank"), tmp_path, language)
    assert (
        rows_of(document)[1:]
        == {
            "en": [
                ["What has happened?", "We have been affected by an incident.", ""],
                [
                    "When will you say more?",
                    "We will give further updates as soon as there is news.",
                    "",
                ],
            ],
            "fr": [
                ["Que s’est-il passé\u202f?", "Nous faisons face à un incident.", ""],
                [
                    "Quand en saurons-nous plus\u202f?",
                    "Nous communiquerons de nouveau dès que la situation évoluera.",
                    "",
                ],
            ],
        }[language]
    )


@pytest.mark.parametrize("template_set", list(TemplateSet))
def test_every_set_has_the_same_questions_in_both_languages(renderer, template_set) -> None:
    incident = incident_of("northwind-cyberattack")
    if template_set is TemplateSet.RESOLUTION:
        incident = incident_of(
            "data-affected-paused",
            {"recovery.phase": "restored", "recovery.paused_until": None, "sites": [],
             "containment.systems": [], "recovery.steps": [], "impact.production": "normal"},
        )  # fmt: skip
    rows = {
        language: table_of(
            renderer.render(incident, DocumentKind.QA, language, template_set=template_set)
        ).rows
        for language in ("en", "fr")
    }
    assert len(rows["en"]) == len(rows["fr"]) > 3
    # English and French tell the same numbers (dates, times) in each row.
    for english, french in zip(rows["en"][1:], rows["fr"][1:], strict=True):
        numbers_en = re.findall(r"\d+", " ".join(english.texts[1:]).replace("12:00", "12 00"))
        numbers_fr = re.findall(r"\d+", " ".join(french.texts[1:]).replace("12 h 00", "12 00"))
        assert sorted(numbers_en) == sorted(numbers_fr), (english.texts, french.texts)


def test_restart_steps_in_the_qa_read_as_in_the_other_drafts(renderer) -> None:
    incident = incident_of("northwind-cyberattack")
    for language, states in (("en", ("under way", "next")), ("fr", ("en cours", "à venir"))):
        qa = renderer.render(incident, DocumentKind.QA, language).plain_text()
        dealer = renderer.render(incident, DocumentKind.DEALER_NOTICE, language).plain_text()
        for step in incident.recovery.steps:
            text = (step.get(language) or "").replace("'", "’")
            state = states[0] if step.status.value == "in_progress" else states[1]
            assert f"{text} ({state})" in qa, (language, text)
            assert f"{text} ({state})" in dealer, (language, text)


@pytest.mark.libreoffice
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_converts_the_qa(renderer, tmp_path) -> None:
    assert SOFFICE is not None
    session = IncidentSession(incident_of("data-affected-paused"), renderer)
    written = [d.path for d in session.export(Selection(documents=(DocumentKind.QA,)), tmp_path)]
    texts = {stem[-2:]: text for stem, text in libreoffice_texts(written, tmp_path).items()}
    assert DATA_WORDING["en"] in texts["en"] and "Did you pay a ransom?" in texts["en"]
    assert DATA_WORDING["fr"] in texts["fr"] and "Avez-vous payé une rançon" in texts["fr"]
