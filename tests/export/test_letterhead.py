"""A company's letterhead gives its styles, header, footer and embedded pictures, and
nothing Word would follow, fetch or run on opening; the user is told what was dropped."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from app.errors import ExportError
from app.export.letterhead import CHUNK_BYTES
from app.export.word_base import BaseDocument
from app.files.resources import example_incident
from app.session.incident_session import IncidentSession
from app.session.selection import Selection
from app.templates.documents import DocumentKind
from tests.export.letterheads import (
    FOOTER_TEXT,
    HEADER_TEXT,
    LINKED_PICTURE,
    TEMPLATE_SHARE,
    TRACKING_PICTURE,
    edit_zip,
    hostile_letterhead,
    plain_letterhead,
    read_entry,
)
from tests.test_cli import crisisdraft

ACTIVE_MARKERS = (
    "INCLUDEPICTURE",
    "INCLUDETEXT",
    "DDEAUTO",
    "attachedTemplate",
    "<w:object",
    "<w:control",
    "altChunk",
    "OLEObject",
    "r:link=",
    "evil.example",
    "vbaProject",
    "macroEnabled",
    "activeX",
    "oleObject",
)


def export_with(letterhead: Path, out: Path, make_incident, renderer, **changes):
    session = IncidentSession(make_incident(**changes), renderer)
    exported = session.export(Selection(), out, reference_docx=letterhead)
    return session, [document.path for document in exported]


def zip_texts(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name).decode("utf-8", "replace") for name in archive.namelist()}


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.docx"
    path.write_bytes(hostile_letterhead())
    return path


@pytest.mark.parametrize("macro_enabled", [True, False], ids=["docm", "docx"])
def test_a_hostile_letterhead_gives_its_look_and_nothing_word_would_follow_or_run(
    tmp_path: Path, make_incident, renderer, macro_enabled: bool
) -> None:
    hostile = tmp_path / "hostile.docx"
    hostile.write_bytes(hostile_letterhead(macro_enabled=macro_enabled))
    _session, written = export_with(hostile, tmp_path / "out", make_incident, renderer)
    assert len(written) == 6
    for path in written:
        texts = zip_texts(path)
        for name, text in texts.items():
            assert 'TargetMode="External"' not in text, name
            for marker in ACTIVE_MARKERS:
                assert marker not in text, (path.name, name, marker)
        assert not [
            name
            for name in texts
            if re.search(r"vba|activeX|embeddings|afchunk|\.bin$", name, re.IGNORECASE)
        ]
        document = docx.Document(path)
        header = [p.text for p in document.sections[0].header.paragraphs]
        assert HEADER_TEXT in header
        assert FOOTER_TEXT in [p.text for p in document.sections[0].footer.paragraphs]
        assert "Old letter body" not in "\n".join(p.text for p in document.paragraphs)
        assert document.styles["Normal"].font.name == "Georgia"
        logo = document.sections[0].header.part.rels.values()
        assert [rel.target_part.content_type for rel in logo if not rel.is_external] == [
            "image/png"
        ]  # the embedded logo is kept
        assert "<w:drawing>" in texts["word/header1.xml"]


def test_the_user_is_told_in_plain_words_what_was_dropped(
    tmp_path: Path, hostile: Path, make_incident, renderer
) -> None:
    session, _written = export_with(hostile, tmp_path / "out", make_incident, renderer)
    notes = [str(note) for note in session.letterhead_notes]
    assert sorted(notes) == sorted(
        f"hostile.docx: dropped {what}"
        for what in (
            "macros",
            "ActiveX controls",
            "embedded files or objects (OLE)",
            "a document inserted as a separate file (altChunk)",
            f"a link to a template on another computer ({TEMPLATE_SHARE})",
            f"a picture linked from {LINKED_PICTURE} instead of embedded",
            f"a field that fetches {TRACKING_PICTURE} (INCLUDEPICTURE)",
            r"a field that fetches \\server\share\secret.docx (INCLUDETEXT)",
            'a field that starts a program (DDEAUTO c:\\windows\\system32\\cmd.exe "/k calc.exe")',
        )
    )
    assert all(note.informational for note in session.letterhead_notes)


def test_a_plain_letterhead_exports_without_notes(tmp_path: Path, make_incident, renderer) -> None:
    plain = tmp_path / "plain.docx"
    plain.write_bytes(plain_letterhead())
    session, written = export_with(plain, tmp_path / "out", make_incident, renderer)
    assert session.letterhead_notes == []
    document = docx.Document(written[0])
    assert HEADER_TEXT in [p.text for p in document.sections[0].header.paragraphs]


def test_the_command_line_notes_each_dropped_thing_and_still_exports(
    tmp_path: Path, hostile: Path
) -> None:
    result = crisisdraft(
        "export",
        str(example_incident()),
        "--out",
        str(tmp_path / "out"),
        "--reference-docx",
        str(hostile),
    )
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == 6
    notes = result.stderr.splitlines()
    assert len(notes) == 9
    assert all(line.startswith("note: hostile.docx: dropped ") for line in notes)
    assert "note: hostile.docx: dropped macros" in notes
    assert (
        f"note: hostile.docx: dropped a link to a template on another computer ({TEMPLATE_SHARE})"
        in notes
    )
    assert "Traceback" not in result.stderr

    french = crisisdraft(
        "export",
        str(example_incident()),
        "--out",
        str(tmp_path / "fr"),
        "--reference-docx",
        str(hostile),
        "--ui-language",
        "fr",
    )
    assert french.returncode == 0, french.stderr
    assert "note\u00a0: hostile.docx: non repris\u00a0: macros" in french.stderr.splitlines()


def test_an_entity_declaration_across_the_read_chunk_boundary_is_refused(
    tmp_path: Path,
) -> None:
    marker = b"<!ENTITY leak SYSTEM 'file:///etc/passwd'>"
    head = b"<?xml version='1.0'?>\n<!--"
    padding = b"a" * (CHUNK_BYTES - 4 - len(head) - len(b"-->"))
    part = head + padding + b"-->" + marker + b"<x/>"
    assert part.index(marker) == CHUNK_BYTES - 4  # "<!EN" | "TITY": split between two reads
    letterhead = tmp_path / "straddling.docx"
    letterhead.write_bytes(edit_zip(plain_letterhead(), {"customXml/item9.xml": part}))
    with pytest.raises(ExportError, match=r"straddling\.docx: contains XML entity declarations"):
        BaseDocument(letterhead)


def numbered_letterhead(tmp_path: Path, *, numbering: bool, num_pr: bool) -> Path:
    """A letterhead whose "List Number" style lost its numbering: its ``numPr`` (as
    when a style is reset by hand), or the whole ``numbering.xml``."""
    data = plain_letterhead()
    document = docx.Document(io.BytesIO(data))
    if not num_pr:
        properties = document.styles["List Number"].element.pPr
        properties.remove(properties.find(qn("w:numPr")))
    buffer = io.BytesIO()
    document.save(buffer)
    data = buffer.getvalue()
    if not numbering:
        rels = read_entry(data, "word/_rels/document.xml.rels")
        rels = re.sub(rb"<Relationship [^>]*numbering\.xml\"/>", b"", rels)
        data = edit_zip(data, {"word/numbering.xml": None, "word/_rels/document.xml.rels": rels})
    path = tmp_path / "numbered.docx"
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(("numbering", "num_pr"), [(True, False), (False, True), (False, False)])
def test_a_letterhead_whose_list_number_style_has_no_numbering_still_numbers_lists(
    tmp_path: Path, make_incident, renderer, numbering: bool, num_pr: bool
) -> None:
    from dataclasses import replace

    from app.drafts.blocks import Block, BlockKind, Span
    from app.export.word_writer import draft_to_docx

    letterhead = numbered_letterhead(tmp_path, numbering=numbering, num_pr=num_pr)
    draft = renderer.render(make_incident(), DocumentKind.STAFF_MESSAGE, "en")
    second_list = (Block(BlockKind.NUMBERED, (Span("again"),), list_id=99),)
    data = draft_to_docx(
        replace(draft, blocks=draft.blocks + second_list), BaseDocument(letterhead)
    )
    document = docx.Document(io.BytesIO(data))
    numbered = [p for p in document.paragraphs if p.style.name == "List Number"]
    assert len(numbered) == 4
    num_id = numbered[0].style.element.find(".//" + qn("w:numId")).get(qn("w:val"))
    defined = document.part.numbering_part.element.findall(qn("w:num"))
    assert num_id in [num.get(qn("w:numId")) for num in defined]
    assert numbered[-1].text == "again"
    assert numbered[-1]._p.pPr.find(qn("w:numPr")) is not None  # restarted at 1
    assert HEADER_TEXT in [p.text for p in document.sections[0].header.paragraphs]
