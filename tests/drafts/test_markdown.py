from __future__ import annotations

from app.drafts.blocks import BlockKind, Span
from app.drafts.markdown import MarkdownReader, make_parser, parse_blocks
from app.drafts.typography import french_typography


def blocks(text: str):
    return parse_blocks(make_parser(), text)


def test_markdown_maps_to_word_like_blocks() -> None:
    parsed = blocks(
        "# Title\n\nSome **bold** and *italic*.\n\n## Part\n\n### Sub\n\n- a\n- b\n\n"
        "1. one\n2. two\n\n> quoted\n\nline\\\nbreak\n"
    )
    assert [block.kind for block in parsed] == [
        BlockKind.TITLE,
        BlockKind.PARAGRAPH,
        BlockKind.HEADING_1,
        BlockKind.HEADING_2,
        BlockKind.BULLET,
        BlockKind.BULLET,
        BlockKind.NUMBERED,
        BlockKind.NUMBERED,
        BlockKind.QUOTE,
        BlockKind.PARAGRAPH,
    ]
    assert parsed[1].spans == (
        Span("Some "),
        Span("bold", bold=True),
        Span(" and "),
        Span("italic", italic=True),
        Span("."),
    )
    assert parsed[-1].text == "line\nbreak"
    assert parsed[4].list_id == parsed[5].list_id != parsed[6].list_id


def test_raw_html_stays_text() -> None:
    (block,) = blocks("<script>alert(1)</script> hello\n")
    assert "hello" in block.text


def test_nested_lists_keep_their_level() -> None:
    parsed = blocks("- top\n  - inner\n")
    assert [(block.text, block.level) for block in parsed] == [("top", 0), ("inner", 1)]


def test_french_typography() -> None:
    assert french_typography("Contact : a ; b ! c ? « d »") == (
        "Contact\u00a0: a\u202f; b\u202f! c\u202f? «\u00a0d\u00a0»"
    )
    assert french_typography("Attention: oui!") == "Attention\u00a0: oui\u202f!"
    assert french_typography("à 09:00 https://x.example/?a=b") == "à 09:00 https://x.example/?a=b"
    assert french_typography("l'usine") == "l’usine"
    assert french_typography('il a dit "bonjour"') == "il a dit «\u00a0bonjour\u00a0»"


READER_SAMPLES = [
    "# Title\n\nSome **bold** and *italic*.\n\n- a\n- b\n\n1. one\n2. two\n\n> quoted\n",
    "Escaped \\*stars\\* and \\_under\\_, &amp; entities &#233; and `code`.\n",
    "| Name | Status |\n|---|---|\n| **Acme** \\| Ltd | down *now* |\n| b | c |\n",
    "See [the notice][n] and [this](https://x.example).\n\n[n]: https://n.example\n",
    "line\\\nbreak and soft\nbreak\n\n    indented code\n\n```\nfenced\n```\n",
]


def test_the_reader_reads_as_the_parser_does() -> None:
    """The reader keeps each paragraph's spans: what it returns is what a fresh
    parse returns, for every kind of Markdown a template writes, read again and
    changed (a link reference, which changes how a paragraph reads, included)."""
    reader = MarkdownReader()
    for _ in range(2):
        for sample in READER_SAMPLES:
            assert reader.read(sample) == blocks(sample)
    unreferenced = "See [the notice][n] and [this](https://x.example).\n"
    assert reader.read(unreferenced) == blocks(unreferenced)
    assert reader.read(unreferenced)[0].text == "See [the notice][n] and this."
    assert reader.read(READER_SAMPLES[3])[0].text == "See the notice and this."


def test_the_reader_reads_a_changed_paragraph_anew() -> None:
    reader = MarkdownReader(kept=2)
    for name in ("Acme", "Acme **Ltd**", "Acme Ltd", "Acme"):
        text = f"# Statement\n\n{name} says.\n\n{name} *again*.\n"
        assert reader.read(text) == blocks(text)
