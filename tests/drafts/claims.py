"""What a draft claims: its plain text, but for the reactive Q&A's questions.

The Q&A's first column holds the questions journalists ask, in their words ("Was it
ransomware?", "Was customer data stolen?"): asking them claims nothing, and the Q&A
must prepare the answer even where the facts are silent. The checks that nothing is
said of an unknown fact, and that the event has one name, hold the answers to it.
"""

from __future__ import annotations

from dataclasses import replace

from app.drafts.blocks import BlockKind, Draft, TableRow
from app.templates.documents import DocumentKind


def claims_of(draft: Draft) -> str:
    """``draft``'s plain text, without the questions of a Q&A (its answers stay)."""
    if draft.info.document is not DocumentKind.QA:
        return draft.plain_text()
    blocks = tuple(
        replace(
            block,
            rows=tuple(
                row if row.header else TableRow(((), *row.cells[1:]), header=False)
                for row in block.rows
            ),
        )
        if block.kind is BlockKind.TABLE
        else block
        for block in draft.blocks
    )
    return replace(draft, blocks=blocks).plain_text()
