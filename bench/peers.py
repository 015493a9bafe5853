"""The same press release produced by the peers: docxtpl (rendering a .docx template, in
process) and pandoc (converting Markdown, as a process, as a user would run it)."""

from __future__ import annotations

import statistics
import subprocess
import time
from pathlib import Path

from app.drafts.blocks import BlockKind, Draft

STYLE_OF = {
    BlockKind.TITLE: "Title",
    BlockKind.HEADING_1: "Heading 1",
    BlockKind.HEADING_2: "Heading 2",
    BlockKind.QUOTE: "Quote",
    BlockKind.BULLET: "List Bullet",
    BlockKind.NUMBERED: "List Number",
}


def _docx_template(path: Path) -> None:
    """A .docx template a docxtpl user would write: one styled paragraph per block."""
    import docx

    document = docx.Document()
    document.add_paragraph("{%p for block in blocks %}")
    document.add_paragraph("{{ block.text }}")
    document.add_paragraph("{%p endfor %}")
    document.save(path)


def docxtpl_per_doc_ms(draft: Draft, out: Path, repeats: int) -> float | None:
    try:
        from docxtpl import DocxTemplate, RichText
    except ImportError:
        return None
    template = out / "template.docx"
    _docx_template(template)
    blocks = [
        {"text": RichText(block.text, style=STYLE_OF.get(block.kind))} for block in draft.blocks
    ]
    timings = []
    for _ in range(repeats):
        start = time.perf_counter()
        document = DocxTemplate(template)
        document.render({"blocks": blocks})
        document.save(out / "docxtpl.docx")
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


def draft_markdown(draft: Draft) -> str:
    marks = {
        BlockKind.TITLE: "# ",
        BlockKind.HEADING_1: "## ",
        BlockKind.HEADING_2: "### ",
        BlockKind.QUOTE: "> ",
        BlockKind.BULLET: "- ",
        BlockKind.NUMBERED: "1. ",
    }
    return "\n\n".join(marks.get(block.kind, "") + block.text for block in draft.blocks) + "\n"


def pandoc_per_doc_ms(draft: Draft, out: Path, repeats: int) -> float | None:
    try:
        import pypandoc
    except ImportError:
        return None
    pandoc = pypandoc.get_pandoc_path()
    source = out / "draft.md"
    source.write_text(draft_markdown(draft), encoding="utf-8")
    timings = []
    for _ in range(repeats):
        start = time.perf_counter()
        subprocess.run([pandoc, str(source), "-o", str(out / "pandoc.docx")], check=True)
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)
