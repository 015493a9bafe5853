"""A document edited by a colleague reads back as edited: words made bold, paragraphs
added, no-break spaces and French quotes typed, line breaks, lists made with Word's
buttons, styles saved under other ids by another Word or LibreOffice."""

from __future__ import annotations

import copy
import re
import zipfile
from pathlib import Path

from docx.enum.text import WD_BREAK
from docx.oxml.ns import nsdecls, qn
from docx.oxml.parser import parse_xml
from docx.shared import Pt

from app.drafts.blocks import BlockKind, Span
from app.word_import import read_returned_document
from tests.word_import.documents import (
    draft_of,
    edited_with_python_docx,
    exported,
    paragraph_with,
    run,
    with_entries,
)

RELEASE = (
    "# Northwind Motors takes systems offline\n\n"
    "## What happened\n\n"
    "Northwind Motors detected a cyberattack on Monday.\n\n"
    "- Solihull plant: stopped\n"
    "- Gaydon office: open\n\n"
    "1. Keep your showroom open\n"
    "2. Take orders on paper\n\n"
    "We will update this statement by 17:00.\n"
)


def test_a_colleagues_edits_in_word_read_back_as_edited(tmp_path: Path) -> None:
    draft = draft_of(RELEASE)
    path = exported(draft, tmp_path / "release.docx")

    def edit(document) -> None:
        detected = paragraph_with(document, "Northwind Motors detected")
        bold = detected.add_run(" It was contained")
        bold.bold = True
        detected.add_run(" within hours.")
        detected.add_run().add_break()  # Shift+Enter
        detected.add_run("Our partners\u00a0: « nothing was taken »\u202f!")
        update = paragraph_with(document, "We will update")
        added = update.insert_paragraph_before("Customers can call 0800\u00a0000\u00a0000.")
        added.runs[0].italic = True
        paragraph_with(document, "Gaydon office").insert_paragraph_before(
            "Coventry warehouse: open", style="List Bullet"
        )
        document.add_paragraph("")  # an empty paragraph at the end
        document.add_page_break()

    edited_with_python_docx(path, edit)
    back = read_returned_document(path).draft(draft.info)
    detected = next(b for b in back.blocks if b.text.startswith("Northwind Motors detected"))
    assert detected.spans == (
        Span("Northwind Motors detected a cyberattack on Monday."),
        Span(" It was contained", bold=True),
        Span(" within hours.\nOur partners\u00a0: « nothing was taken »\u202f!"),
    )
    assert back.plain_text() == (
        "NORTHWIND MOTORS TAKES SYSTEMS OFFLINE\n\n"
        "What happened\n\n"
        "Northwind Motors detected a cyberattack on Monday. It was contained within hours.\n"
        "Our partners\u00a0: « nothing was taken »\u202f!\n\n"
        "- Solihull plant: stopped\n"
        "- Coventry warehouse: open\n"
        "- Gaydon office: open\n\n"
        "1. Keep your showroom open\n"
        "2. Take orders on paper\n\n"
        "Customers can call 0800\u00a0000\u00a0000.\n\n"
        "We will update this statement by 17:00.\n"
    )
    assert back.blocks[-2].spans == (
        Span("Customers can call 0800\u00a0000\u00a0000.", italic=True),
    )


def test_styles_are_matched_by_name_whatever_their_ids(tmp_path: Path) -> None:
    """A French Word saves Heading 1 as "Titre1"; LibreOffice "ListBullet": the names
    stay, so the reader goes by names."""
    draft = draft_of(RELEASE)
    path = exported(draft, tmp_path / "release.docx")
    renamed = {"Heading1": "Titre1", "Title": "Titre", "ListBullet": "Listepuces"}
    with_ids = _replace_ids(path, renamed)
    path.write_bytes(with_ids)
    back = read_returned_document(path).draft(draft.info)
    assert back.plain_text() == draft.plain_text()
    assert [b.kind for b in back.blocks][:2] == [BlockKind.TITLE, BlockKind.HEADING_1]


def _replace_ids(path: Path, renamed: dict[str, str]) -> bytes:
    with zipfile.ZipFile(path) as archive:
        styles = archive.read("word/styles.xml").decode()
        body = archive.read("word/document.xml").decode()
    for old, new in renamed.items():
        styles = styles.replace(f'w:styleId="{old}"', f'w:styleId="{new}"')
        styles = re.sub(
            rf'<w:(basedOn|next|link) w:val="{old}"/>', rf'<w:\1 w:val="{new}"/>', styles
        )
        body = body.replace(f'<w:pStyle w:val="{old}"/>', f'<w:pStyle w:val="{new}"/>')
    assert 'w:styleId="Titre1"' in styles and "Titre1" in body
    return with_entries(
        path, {"word/styles.xml": styles.encode(), "word/document.xml": body.encode()}
    )


def test_a_list_made_with_words_list_buttons_reads_as_a_list(tmp_path: Path) -> None:
    """Word's bullet and numbering buttons leave the style Normal (or List Paragraph)
    and give the paragraph numbering of its own: its format says bullet or number."""
    draft = draft_of(RELEASE)
    path = exported(draft, tmp_path / "release.docx")

    def edit(document) -> None:
        bullet_num_id = _words_bullets(document)
        number_num_id = _style_num_id(document, "List Number")
        for text, num_id, level in (
            ("First step", number_num_id, 0),
            ("Second step", number_num_id, 0),
            ("A point inside", bullet_num_id, 1),
        ):
            paragraph = paragraph_with(document, "We will update").insert_paragraph_before(text)
            numbering = paragraph._p.get_or_add_pPr().get_or_add_numPr()
            numbering.get_or_add_ilvl().val = level
            numbering.get_or_add_numId().val = int(num_id)
        # a bullet taken off in Word: the style stays, numbering 0 says "no list"
        gaydon = paragraph_with(document, "Gaydon office")._p.get_or_add_pPr()
        gaydon.get_or_add_numPr().get_or_add_numId().val = 0

    edited_with_python_docx(path, edit)
    back = read_returned_document(path).draft(draft.info)
    assert back.plain_text().endswith(
        "- Solihull plant: stopped\n\nGaydon office: open\n\n"
        "1. Keep your showroom open\n2. Take orders on paper\n3. First step\n4. Second step\n\n"
        "   - A point inside\n\nWe will update this statement by 17:00.\n"
    )


def _words_bullets(document) -> str:
    """Numbering as Word's bullet button adds it: bullets on every level (two here)."""
    numbering = document.part.numbering_part.element
    abstract_id = 90
    levels = "".join(
        f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="bullet"/>'
        f'<w:lvlText w:val="{symbol}"/><w:lvlJc w:val="left"/></w:lvl>'
        for level, symbol in enumerate(("•", "o"))
    )
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
        f'<w:multiLevelType w:val="hybridMultilevel"/>{levels}</w:abstractNum>'
    )
    numbering.find(qn("w:num")).addprevious(abstract)
    return str(numbering.add_num(abstract_id).numId)


def _style_num_id(document, name: str) -> str:
    return document.styles[name].element.find(".//" + qn("w:numId")).get(qn("w:val"))


def test_hidden_text_deleted_text_and_page_breaks_are_not_read(tmp_path: Path) -> None:
    draft = draft_of(RELEASE)
    path = exported(draft, tmp_path / "release.docx")

    def edit(document) -> None:
        paragraph = paragraph_with(document, "Northwind Motors detected")
        hidden = paragraph.add_run(" (internal: ransom asked)")
        hidden.font.hidden = True
        hidden.font.size = Pt(8)
        paragraph.runs[0].add_break(WD_BREAK.PAGE)
        paragraph._p.append(copy.deepcopy(run(" struck out", deleted=True)))

    edited_with_python_docx(path, edit)
    back = read_returned_document(path).draft(draft.info)
    assert back.plain_text() == draft.plain_text()


def test_bold_from_a_character_style_is_bold(tmp_path: Path) -> None:
    draft = draft_of(RELEASE)
    path = exported(draft, tmp_path / "release.docx")

    def edit(document) -> None:
        paragraph = paragraph_with(document, "We will update")
        paragraph.add_run(" Latest", style=document.styles.add_style("Loud", 2))
        document.styles["Loud"].font.bold = True

    edited_with_python_docx(path, edit)
    last = read_returned_document(path).draft(draft.info).blocks[-1]
    assert last.spans == (
        Span("We will update this statement by 17:00."),
        Span(" Latest", bold=True),
    )


def test_styles_named_in_french_are_known(tmp_path: Path) -> None:
    """A document made by a tool that writes the styles' French names reads alike."""
    draft = draft_of(RELEASE + "\n> “We are sorry.”\n")
    path = exported(draft, tmp_path / "release.docx")
    with zipfile.ZipFile(path) as archive:
        styles = archive.read("word/styles.xml").decode()
    for english, french in (
        ("Title", "Titre"),
        ("heading 1", "Titre 1"),
        ("List Bullet", "Liste à puces"),
        ("List Number", "Liste à numéros"),
        ("Quote", "Citation"),
    ):
        assert f'<w:name w:val="{english}"/>' in styles
        styles = styles.replace(f'<w:name w:val="{english}"/>', f'<w:name w:val="{french}"/>')
    path.write_bytes(with_entries(path, {"word/styles.xml": styles.encode()}))
    back = read_returned_document(path).draft(draft.info)
    assert back.plain_text() == draft.plain_text()
    assert [b.kind for b in back.blocks] == [b.kind for b in draft.blocks]


def test_a_list_numbered_by_a_multilevel_list_style_reads_as_a_list(tmp_path: Path) -> None:
    """Word's multilevel list styles keep their levels in the style's own numbering;
    the numbering a paragraph uses only names the style (w:numStyleLink)."""
    draft = draft_of(RELEASE)
    path = exported(draft, tmp_path / "release.docx")

    def edit(document) -> None:
        numbering = document.part.numbering_part.element
        levels = "".join(
            f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="{number_format}"/>'
            f'<w:lvlText w:val="%{level + 1}."/></w:lvl>'
            for level, number_format in enumerate(("decimal", "lowerLetter"))
        )
        first = numbering.find(qn("w:num"))
        first.addprevious(
            parse_xml(
                f'<w:abstractNum {nsdecls("w")} w:abstractNumId="91"><w:styleLink '
                f'w:val="OutlineList"/>{levels}</w:abstractNum>'
            )
        )
        first.addprevious(
            parse_xml(
                f'<w:abstractNum {nsdecls("w")} w:abstractNumId="92"><w:numStyleLink '
                f'w:val="OutlineList"/></w:abstractNum>'
            )
        )
        defining, linking = numbering.add_num(91).numId, numbering.add_num(92).numId
        document.styles.element.append(
            parse_xml(
                f'<w:style {nsdecls("w")} w:type="numbering" w:styleId="OutlineList">'
                f'<w:name w:val="Outline List"/><w:pPr><w:numPr><w:numId w:val="{defining}"/>'
                "</w:numPr></w:pPr></w:style>"
            )
        )
        for text, level in (("Step one", 0), ("A detail", 1)):
            paragraph = paragraph_with(document, "We will update").insert_paragraph_before(text)
            numbering_properties = paragraph._p.get_or_add_pPr().get_or_add_numPr()
            numbering_properties.get_or_add_ilvl().val = level
            numbering_properties.get_or_add_numId().val = linking

    edited_with_python_docx(path, edit)
    back = read_returned_document(path).draft(draft.info)
    assert back.plain_text().endswith(
        "2. Take orders on paper\n\n1. Step one\n\n   1. A detail\n\nWe will update this "
        "statement by 17:00.\n"
    )
