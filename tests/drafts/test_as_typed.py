"""Technical values reach the authority character for character: the indicators of
compromise a lead pastes (a domain in quotes, an address, a path, a hash between
backticks) are written into the French NIS2 notification as typed, untouched by French
typography or Markdown, while the text around them keeps French typography."""

from __future__ import annotations

from pathlib import Path

import docx

from app.drafts.markdown import make_parser, parse_blocks
from app.templates.escaping import as_typed, escape_markdown
from tests.test_cli import crisisdraft

INDICATORS = 'Domaine "evil.example"; IP 203.0.113.7 ? hash `a1b2`: C:\\Temp\\x.exe *pas gras*'


def test_the_indicators_reach_anssi_as_typed(write_incident, tmp_path: Path) -> None:
    path = write_incident(
        incident__indicators=INDICATORS,
        authorities__nis2_authority="ANSSI",
        record={"nis2_in_scope": True, "issued": []},
    )
    out = tmp_path / "out"
    exported = crisisdraft(
        "export", str(path), "--doc", "nis2_notification", "--lang", "fr", "--out", str(out)
    )
    assert exported.returncode == 0, exported.stderr
    [notification] = out.glob("*_nis2_notification_fr.docx")
    text = [paragraph.text for paragraph in docx.Document(str(notification)).paragraphs]
    assert INDICATORS in text
    # The French around it is still French: a non-breaking space before a colon.
    assert any(line.startswith("Gravité\u00a0:") for line in text)


def test_a_value_with_backticks_is_fenced_by_a_longer_run() -> None:
    for typed in ("a`b", "``x``", "`starts", "plain", 'with "quotes"; and ?'):
        [block] = parse_blocks(make_parser(), as_typed(escape_markdown(typed)))
        assert block.text == typed
        assert all(span.verbatim for span in block.spans)
