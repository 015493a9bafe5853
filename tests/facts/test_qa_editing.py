"""The Q&A's questions as the lead reshapes them (drafting.qa): every change gives a list
the incident format reads back as the lead left it."""

from __future__ import annotations

import json

from app.facts import qa_editing as qa
from app.facts.loading import parse_incident
from app.facts.models import QaQuestion
from tests.conftest import example_document


def read_back(entries: list[dict]) -> list:
    data = example_document("data-affected-paused")
    data.setdefault("drafting", {})["qa"] = entries
    incident = parse_incident(json.dumps(data), source="test")
    assert incident.drafting.qa is not None
    return incident.drafting.qa


def test_no_list_is_every_built_in_question_in_order() -> None:
    assert [qa.built_in(entry) for entry in qa.qa_entries(None)] == list(QaQuestion)
    assert qa.dropped(qa.qa_entries(None)) == []


def test_a_removed_question_is_left_out_and_brought_back_to_its_place() -> None:
    entries = qa.without(qa.qa_entries(None), 4)  # "Did you pay a ransom?"
    assert qa.dropped(entries) == [QaQuestion.RANSOM]
    assert QaQuestion.RANSOM not in [entry.key for entry in read_back(entries)]
    back, at = qa.brought_back(entries, QaQuestion.RANSOM)
    assert at == 4
    assert [qa.built_in(entry) for entry in back] == list(QaQuestion)


def test_a_question_brought_back_follows_the_one_before_it_even_after_a_move() -> None:
    entries = qa.moved(qa.without(qa.qa_entries(None), 1), 0, 5)  # what_happened to 6th
    back, at = qa.brought_back(entries, QaQuestion.CYBERATTACK)
    assert back[at - 1]["key"] == "what_happened"


def test_an_own_question_reads_back_with_its_answer_and_keeps_its_place() -> None:
    entries = qa.with_own_question(qa.qa_entries(None), 2)
    entries = qa.with_text(entries, 2, "question", {"en": "Is the app safe?", "fr": "L'appli ?"})
    entries = qa.with_text(entries, 2, "answer", {"en": "Yes.", "fr": "Oui."})
    read = read_back(entries)
    assert read[2].question is not None and read[2].question.en == "Is the app safe?"
    assert read[2].answer is not None and read[2].answer.fr == "Oui."
    assert [entry.key for entry in read[:2]] == [QaQuestion.WHAT_HAPPENED, QaQuestion.CYBERATTACK]


def test_the_generated_answer_again_takes_the_leads_texts_away() -> None:
    entries = qa.with_text(qa.qa_entries(None), 0, "answer", {"en": "Mine.", "fr": "La mienne."})
    entries = qa.with_text(entries, 0, "if_pressed", {"en": "More.", "fr": "Plus."})
    assert qa.own_text(entries[0], "answer") == {"en": "Mine.", "fr": "La mienne."}
    again = qa.from_the_facts(entries, 0)
    assert qa.own_text(again[0], "answer") is None
    assert read_back(again)[0].answer is None and read_back(again)[0].if_pressed is None


def test_a_drag_gives_the_order_the_list_shows() -> None:
    entries = qa.qa_entries(None)[:3]
    assert [e["key"] for e in qa.reordered(entries, [2, 0, 1])] == [
        "ransomware",
        "what_happened",
        "cyberattack",
    ]
    assert len(qa.reordered(entries, [1])) == 3  # nothing lost
