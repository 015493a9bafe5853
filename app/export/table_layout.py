"""How wide each column of a table is, and how its cells are set: one answer for the
Word and the PDF writers, so a table reads the same in both.

A draft's table says nothing of widths (templates write Markdown), so they follow the
text: a column gets a share of the width growing with the square root of the text it
holds, so the Q&A's long answers get the widest column without squeezing the questions
into a word per line; no column gets less than ``FEWEST_SHARE`` of the width (a quarter:
at less, a question's long word and its « ? » no longer fit on a line of its own in
LibreOffice's wider fallback font), or an even share where there are more than four.
"""

from __future__ import annotations

import math

from app.drafts.blocks import Block, cell_text

FEWEST_SHARE = 0.25

#: Set in every cell, in points, as the Word document says them directly on the cell's
#: paragraph (a table style's spacing would fight the Normal style's, differently in
#: Word and in LibreOffice): a little air above and below the text, single-and-a-bit
#: lines as in Normal.
CELL_SPACE_BEFORE = 3.0
CELL_SPACE_AFTER = 3.0
#: Word's "Table Grid": text 0.08 inch from the sides of its cell, half-point lines.
CELL_SIDE_PADDING = 5.4
BORDER_WIDTH = 0.5
#: The header row's shading (a light tint of the headings' navy), as hex for Word.
HEADER_FILL = "E8ECF3"
HEADER_FILL_RGB = (0xE8, 0xEC, 0xF3)


def column_count(block: Block) -> int:
    return max((len(row.cells) for row in block.rows), default=0)


def column_shares(block: Block) -> tuple[float, ...]:
    """Each column's share of the table's width (they add up to 1)."""
    columns = column_count(block)
    if columns == 0:
        return ()
    weights = [
        math.sqrt(sum(len(cell_text(row.cells[i])) for row in block.rows if i < len(row.cells)))
        or 1.0
        for i in range(columns)
    ]
    fewest = min(FEWEST_SHARE, 0.75 / columns)
    floored: set[int] = set()
    while True:  # give the floor to the narrow columns, share the rest by weight
        room = 1 - fewest * len(floored)
        free = sum(weight for index, weight in enumerate(weights) if index not in floored)
        shares = [
            fewest if index in floored else room * weight / free
            for index, weight in enumerate(weights)
        ]
        narrow = {index for index, share in enumerate(shares) if share < fewest} - floored
        if not narrow:
            return tuple(shares)
        floored |= narrow
