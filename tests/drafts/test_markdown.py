from __future__ import annotations

from app.drafts.blocks import BlockKind, Span
from app.drafts.markdown import make_parser, parse_blocks
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
