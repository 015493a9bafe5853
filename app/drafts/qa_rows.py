"""The questions and answers a Q&A draft gives, read back from its table.

The Q&A is a table of question, answer and "if pressed" line (``templates/*/qa``). The
desktop app lets the lead start their own answer from the one the draft gives, so it
needs that answer as text: the draft is the one place it exists, written by the
template from the facts. A question is found by its words, as the draft prints them
(the French typography of the draft, straight or curly apostrophes, spaces before
punctuation, do not count), so a template that leaves a question out for these facts
leaves it without an answer here rather than giving it another question's.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.drafts.blocks import BlockKind, Draft
from app.drafts.typography import comparable


@dataclass(frozen=True)
class QaRow:
    question: str
    answer: str
    if_pressed: str


def qa_rows(draft: Draft) -> list[QaRow]:
    """The body rows of the draft's tables of three or more columns, in order."""
    rows: list[QaRow] = []
    for block in draft.blocks:
        if block.kind is not BlockKind.TABLE:
            continue
        for row in block.rows:
            texts = row.texts
            if row.header or len(texts) < 2:
                continue
            pressed = texts[2] if len(texts) > 2 else ""
            rows.append(QaRow(texts[0].strip(), texts[1].strip(), pressed.strip()))
    return rows


def row_of(rows: list[QaRow], question: str) -> QaRow | None:
    """The row that asks ``question`` (compared as words, see the module's note)."""
    wanted = comparable(question)
    return next((row for row in rows if comparable(row.question) == wanted), None)
