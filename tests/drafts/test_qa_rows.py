"""The Q&A draft's answers read back from its table, question by question: what the app
offers the lead to start an own answer from."""

from __future__ import annotations

from app.drafts.blocks import Draft, DraftInfo
from app.drafts.markdown import make_parser, parse_blocks
from app.drafts.qa_rows import QaRow, qa_rows, row_of
from app.drafts.render import _french_block
from app.templates.documents import DocumentKind

MARKDOWN = (
    "# Q&A\n\nNot for publication.\n\n"
    "| Question | Réponse | Si l'on insiste |\n|---|---|---|\n"
    "| Que s'est-il passé ? | Une **cyberattaque**. | Rien de plus. |\n"
    "| Avez-vous payé une rançon ? | Nous ne commentons pas les demandes. | |\n"
)


def french_draft() -> Draft:
    info = DraftInfo(DocumentKind.QA, "fr", "Questions-réponses", "Northwind", "", "qa")
    blocks = tuple(_french_block(block) for block in parse_blocks(make_parser(), MARKDOWN))
    return Draft(info, blocks)


def test_each_body_row_gives_its_question_answer_and_if_pressed_line() -> None:
    rows = qa_rows(french_draft())
    assert [row.answer for row in rows] == [
        "Une cyberattaque.",
        "Nous ne commentons pas les demandes.",
    ]
    assert rows[0].if_pressed == "Rien de plus."
    assert rows[1].if_pressed == ""


def test_a_question_is_found_whatever_the_french_typography_did_to_it() -> None:
    rows = qa_rows(french_draft())
    assert rows[0].question != "Que s'est-il passé ?"  # curly apostrophe, narrow space
    found = row_of(rows, "Que s'est-il passé ?")
    assert found is not None and found.answer == "Une cyberattaque."
    assert row_of(rows, "Was it ransomware?") is None


def test_no_table_no_rows() -> None:
    info = DraftInfo(DocumentKind.QA, "en", "Q&A", "Northwind", "", "qa")
    draft = Draft(info, parse_blocks(make_parser(), "# Q&A\n\nNothing yet.\n"))
    assert qa_rows(draft) == []
    assert row_of([QaRow("What has happened?", "A", "")], "what has happened ?") is not None
