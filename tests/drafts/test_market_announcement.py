"""The market announcement as a user exports it: only for an organisation listed on an
exchange, naming the exchange, in the press release's own words (facts only: no quote,
no apology), in English and French; refused with the field named when no exchange is."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from app.cli.main import run
from app.files.resources import bundled
from app.templates.documents import DocumentKind
from tests.test_cli import approve, crisisdraft

LISTED = bundled("examples") / "data-affected-paused.crisis.json"  # London Stock Exchange
NOT_LISTED = bundled("examples") / "northwind-cyberattack.crisis.json"
STEM = "northwind-motors_update-1_2025-09-16-1700_{document}_{language}.docx"


def paragraphs(path: Path) -> list[str]:
    return [paragraph.text for paragraph in docx.Document(path).paragraphs if paragraph.text]


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pack")
    doc = "press_release,market_announcement"
    assert run(["export", str(LISTED), "--doc", doc, "--out", str(out)]) == 0
    return out


@pytest.mark.parametrize(
    ("language", "exchange", "data_heading"),
    [
        ("en", "Issuer: Northwind Motors · Listed on: London Stock Exchange", "Customer data"),
        ("fr", "Émetteur\u00a0: Northwind Motors · Cotation\u00a0: London Stock Exchange",
         "Données des clients"),
    ],
)  # fmt: skip
def test_the_announcement_names_the_exchange_and_tells_the_press_release_facts_in_its_words(
    exported: Path, language: str, exchange: str, data_heading: str
) -> None:
    announcement = paragraphs(
        exported / STEM.format(document="market_announcement", language=language)
    )
    press = paragraphs(exported / STEM.format(document="press_release", language=language))
    assert exchange in announcement
    # The lead paragraph, the data statement and the next update: the same sentences.
    told = set(announcement)
    data = press[press.index(data_heading) + 1]
    assert data in told
    lead = next(line for line in press if line.upper().startswith("COVENTRY, "))
    assert lead in told
    next_update = next(
        line for line in press if "19" in line and ("update" in line or "point" in line)
    )
    assert next_update.split(" Updates will")[0].split(" Les prochaines")[0] in told
    # Facts only: none of the press release's apology, advice to the public or notes.
    for left_out in ("apologises", "excuses", "Fraudsters", "fraudeurs", "About ", "À propos"):
        assert not [line for line in told if left_out in line], left_out
    assert "ENDS" not in told


def test_an_organisation_listed_nowhere_gets_no_market_announcement(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    arguments = ["export", str(NOT_LISTED), "--doc", "market_announcement", "--out", str(out)]
    assert run(arguments) == 2
    said = capsys.readouterr().err
    assert "organisation.listed_on: names no stock exchange" in said
    assert "nothing was exported" in said
    assert not out.exists() or not any(out.iterdir())
    assert run(["check", str(NOT_LISTED), "--doc", "market_announcement"]) == 1
    assert "no market announcement is owed" in capsys.readouterr().out


def test_the_announcement_quotes_no_one(make_incident, renderer) -> None:
    listed = make_incident(organisation__listed_on=["Euronext Paris"])
    assert listed.spokesperson is not None
    for language in ("en", "fr"):
        quote = getattr(listed.spokesperson.quote, language)
        press = renderer.render(listed, DocumentKind.PRESS_RELEASE, language).plain_text()
        market = renderer.render(listed, DocumentKind.MARKET_ANNOUNCEMENT, language)
        assert quote[:40] in press
        assert quote[:40] not in market.plain_text()
        assert "Euronext Paris" in market.plain_text()


LEGAL_NOTE = {
    "en": "NOT LEGAL ADVICE – TO BE CHECKED BY COUNSEL OR THE DATA PROTECTION OFFICER",
    "fr": "NE CONSTITUE PAS UN AVIS JURIDIQUE – À FAIRE VALIDER PAR LE CONSEIL JURIDIQUE OU LE "
    "DÉLÉGUÉ À LA PROTECTION DES DONNÉES",
}


def header_text(path: Path) -> str:
    header = docx.Document(path).sections[0].header
    return "\n".join(paragraph.text for paragraph in header.paragraphs)


def test_its_drafts_tell_the_lead_to_have_counsel_check_them_and_the_issued_one_does_not(
    write_incident, tmp_path: Path
) -> None:
    path = write_incident(organisation__listed_on=["London Stock Exchange"])
    stem = "northwind-motors_holding-1_2025-09-02-0900_market_announcement_{}.docx"
    announcement = ("--doc", "market_announcement")
    drafts = tmp_path / "drafts"
    assert run(["export", str(path), *announcement, "--out", str(drafts)]) == 0
    for language in ("en", "fr"):
        lines = header_text(drafts / stem.format(language)).splitlines()
        assert lines[0].startswith(("DRAFT – NOT FOR RELEASE", "PROJET – NE PAS DIFFUSER"))
        assert " ".join(lines[1:]) == LEGAL_NOTE[language]  # a long line may wrap
    approve(path, *announcement, role="Company Secretary")
    issued = tmp_path / "issued"
    final = crisisdraft(
        "export", str(path), *announcement, "--out", str(issued), "--final",
        "--now", "2025-09-02T09:30:00+01:00",
    )  # fmt: skip
    assert final.returncode == 0, final.stderr
    for language in ("en", "fr"):
        header = header_text(issued / stem.format(language))
        assert "DRAFT" not in header and "PROJET" not in header
        assert LEGAL_NOTE[language][:20] not in header
    history = crisisdraft("history", str(path))
    assert history.returncode == 0, history.stderr
    assert "market_announcement" in history.stdout  # recorded as issued, like the others


ANNOUNCER = {"name": "Priya Shah", "role": {"en": "Company Secretary", "fr": "secrétaire générale"}}


def test_it_names_who_is_responsible_for_its_release_when_the_lead_does(
    write_incident, tmp_path: Path
) -> None:
    path = write_incident(
        organisation__listed_on=["London Stock Exchange"], organisation__announcement_by=ANNOUNCER
    )
    out = tmp_path / "out"
    assert run(["export", str(path), "--doc", "market_announcement", "--out", str(out)]) == 0
    stem = "northwind-motors_holding-1_2025-09-02-0900_market_announcement_{}.docx"
    assert (
        "The person responsible for arranging the release of this announcement on behalf of "
        "Northwind Motors is Priya Shah, Company Secretary."
    ) in paragraphs(out / stem.format("en"))
    assert (
        "La personne responsable de la diffusion du présent communiqué pour le compte de "
        "Northwind Motors est Priya Shah, secrétaire générale."
    ) in paragraphs(out / stem.format("fr"))


def test_without_that_person_it_names_no_one_and_check_warns(
    make_incident, renderer, write_incident, capsys: pytest.CaptureFixture[str]
) -> None:
    listed = make_incident(organisation__listed_on=["Euronext Paris"])
    text = renderer.render(listed, DocumentKind.MARKET_ANNOUNCEMENT, "en").plain_text()
    assert "responsible for arranging the release" not in text
    path = write_incident(organisation__listed_on=["Euronext Paris"])
    assert run(["check", str(path), "--doc", "market_announcement"]) == 0  # a warning only
    said = capsys.readouterr().out
    assert (
        "warning: incident.crisis.json: organisation.announcement_by: not given, so the market "
        "announcement names no one responsible for its release"
    ) in said


def test_it_joins_the_cross_draft_checks(
    write_incident, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A market announcement that drops a site the press release names (a template of
    the lead's own here) is caught, as any two full accounts that differ are."""
    mine = tmp_path / "mine" / "market_announcement"
    mine.mkdir(parents=True)
    (mine / "en.md.j2").write_text(
        "# {{ organisation.name }}\n\nProduction has stopped at Solihull.\n", encoding="utf-8"
    )
    path = write_incident(organisation__listed_on=["London Stock Exchange"])
    both = ("--doc", "press_release,market_announcement", "--lang", "en")
    run(["check", str(path), *both, "--templates", str(tmp_path / "mine")])
    said = capsys.readouterr().out
    assert "market_announcement (en)" in said
    assert "'Halewood' is given to Press release but not here" in said
