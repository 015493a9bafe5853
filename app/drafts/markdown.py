"""Markdown (what templates write) -> Draft blocks, through markdown-it-py's CommonMark.

``#`` is the document's title, ``##`` a heading, ``###`` a sub-heading; ``>`` a quote;
``-`` and ``1.`` lists; GitHub's pipe tables (``| a | b |``, a header row and its
``|---|---|`` line), whose cells hold one paragraph of text each. Raw HTML is off: a
template cannot smuggle markup into Word. A ``|`` in a fact is escaped in the render
context like any Markdown punctuation, so it stays text and never splits a cell.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

from app.drafts.blocks import Block, BlockKind, Cell, Span, TableRow

_HEADINGS = {"h1": BlockKind.TITLE, "h2": BlockKind.HEADING_1}


def make_parser() -> MarkdownIt:
    """A CommonMark parser with GitHub's tables and raw HTML disabled; build once and
    reuse."""
    return (
        MarkdownIt("commonmark", {"html": False})
        .disable(["html_block", "html_inline"])
        .enable("table")
    )


#: How many paragraphs' spans a :class:`MarkdownReader` keeps: every paragraph of every
#: draft of a set in both languages, several times over.
KEPT_PARAGRAPHS = 4096


class MarkdownReader:
    """Markdown -> blocks, as :func:`parse_blocks`, reading each paragraph's emphasis
    once: a keystroke changes a few paragraphs of a draft, and the preview re-reads the
    whole draft each time. The structure (paragraphs, lists, tables) is read anew every
    time; the spans of a paragraph whose text was read before are reused (the inline
    reading depends on nothing else, unless the text defines link references: then
    everything is read anew). Safe to share between threads."""

    def __init__(self, kept: int = KEPT_PARAGRAPHS) -> None:
        self._structure = make_parser().disable("inline")
        self._inline = self._structure.inline
        self._known = lru_cache(maxsize=kept)(self._read_spans)

    def read(self, text: str) -> tuple[Block, ...]:
        env: dict[str, Any] = {}
        tokens = self._structure.parse(text, env)
        if env.get("references"):  # a link's text depends on the whole document
            return _blocks(tokens, lambda token: self._read_spans(token.content, env))
        return _blocks(tokens, lambda token: self._known(token.content))

    def _read_spans(self, content: str, env: dict[str, Any] | None = None) -> Cell:
        children: list[Token] = []
        self._inline.parse(content, self._structure, {} if env is None else env, children)
        return _spans(children)


def parse_blocks(parser: MarkdownIt, text: str) -> tuple[Block, ...]:
    return _blocks(parser.parse(text), lambda token: _spans(token.children or []))


def _blocks(tokens: list[Token], spans_of: Callable[[Token], Cell]) -> tuple[Block, ...]:
    """The blocks of ``tokens``, the spans of each inline token read by ``spans_of``."""
    blocks: list[Block] = []
    lists: list[tuple[BlockKind, int]] = []  # open lists: (item kind, list id)
    next_list_id = 0
    quote_depth = 0
    pending: BlockKind | None = None
    table: _TableBuilder | None = None
    for token in tokens:
        kind = token.type
        if table is not None:
            if kind == "table_close":
                blocks.append(table.block())
                table = None
            else:
                table.take(token, spans_of)
        elif kind == "table_open":
            table = _TableBuilder()
        elif kind in ("bullet_list_open", "ordered_list_open"):
            next_list_id += 1
            item_kind = BlockKind.BULLET if kind == "bullet_list_open" else BlockKind.NUMBERED
            lists.append((item_kind, next_list_id))
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif kind == "blockquote_open":
            quote_depth += 1
        elif kind == "blockquote_close":
            quote_depth -= 1
        elif kind == "heading_open":
            pending = _HEADINGS.get(token.tag, BlockKind.HEADING_2)
        elif kind == "paragraph_open" and pending is None:
            pending = BlockKind.QUOTE if quote_depth else BlockKind.PARAGRAPH
        elif kind == "inline":
            spans = spans_of(token)
            if lists and pending in (BlockKind.PARAGRAPH, BlockKind.QUOTE):
                item_kind, list_id = lists[-1]
                blocks.append(Block(item_kind, spans, level=len(lists) - 1, list_id=list_id))
            elif pending is not None:
                blocks.append(Block(pending, spans))
            pending = None
        elif kind in ("fence", "code_block"):
            blocks.append(Block(BlockKind.PARAGRAPH, (Span(token.content.rstrip("\n")),)))
    return tuple(block for block in blocks if block.text.strip() or block.rows)


class _TableBuilder:
    """Collects the tokens of one table into a ``TABLE`` block."""

    def __init__(self) -> None:
        self.rows: list[TableRow] = []
        self.cells: list[Cell] = []
        self.in_header = False

    def take(self, token: Token, spans_of: Callable[[Token], Cell]) -> None:
        if token.type == "thead_open":
            self.in_header = True
        elif token.type == "thead_close":
            self.in_header = False
        elif token.type == "tr_open":
            self.cells = []
        elif token.type == "tr_close":
            self.rows.append(TableRow(tuple(self.cells), header=self.in_header))
        elif token.type == "inline":
            self.cells.append(spans_of(token))

    def block(self) -> Block:
        return Block(BlockKind.TABLE, (), rows=tuple(self.rows))


def _spans(children: list[Token]) -> tuple[Span, ...]:
    spans: list[Span] = []
    bold = italic = 0
    for child in children:
        if child.type == "strong_open":
            bold += 1
        elif child.type == "strong_close":
            bold -= 1
        elif child.type == "em_open":
            italic += 1
        elif child.type == "em_close":
            italic -= 1
        elif child.type in ("text", "text_special"):
            # text_special: an escaped character, joined to the text around it (by the
            # parser's text_join, or here by _append when the spans are read alone)
            _append(spans, Span(child.content, bold=bold > 0, italic=italic > 0))
        elif child.type == "code_inline":  # `as typed`: kept from the typography
            _append(spans, Span(child.content, bold=bold > 0, italic=italic > 0, verbatim=True))
        elif child.type == "softbreak":
            _append(spans, Span(" ", bold=bold > 0, italic=italic > 0))
        elif child.type == "hardbreak":
            _append(spans, Span("\n", bold=bold > 0, italic=italic > 0))
    return tuple(span for span in spans if span.text)


def _append(spans: list[Span], span: Span) -> None:
    """Merge runs of the same formatting, so Word gets one run per change of style."""
    last = spans[-1] if spans else None
    if last is not None and _style(last) == _style(span):
        spans[-1] = Span(last.text + span.text, span.bold, span.italic, span.verbatim)
    else:
        spans.append(span)


def _style(span: Span) -> tuple[bool, bool, bool]:
    return span.bold, span.italic, span.verbatim
