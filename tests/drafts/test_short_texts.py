"""The short texts (issue 16 point 5): each text under the registry's heading, within
its channel's limit as sent, linking to the statement only when there is one, no
hashtags, the data status in the statement's own words, counted in the exported Word
document, and an error in ``check`` once the lead's own wording runs past its limit.
(The counting itself: tests/templates/test_text_lengths.py.)"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
import pytest

from app.cli.main import run
from app.drafts.blocks import Draft
from app.drafts.context import template_context
from app.drafts.render import DraftRenderer, open_library
from app.drafts.short_texts import count_line, measure_short_text, short_texts_of
from app.facts.loading import load_incident, parse_incident
from app.facts.models import LANGUAGES, Incident, Language, ShortText
from app.files.resources import bundled, example_incidents
from app.templates.documents import DocumentKind, spec_of
from app.templates.metadata import TemplateSet
from app.templates.text_lengths import Measure
from tests.conftest import edited, example_document
from tests.drafts.test_branches import VARIANTS

SOCIAL = DocumentKind.SOCIAL
URL = "https://www.pinecrest-usa.example/news/dealer-systems-outage"


def example(name: str) -> Incident:
    return load_incident(bundled("examples") / f"{name}.crisis.json")


def it_failure(changes: dict[str, Any]) -> Incident:
    data = edited(example_document("it-failure"), changes)
    return parse_incident(json.dumps(data), source="it-failure.crisis.json")


def social(renderer: DraftRenderer, incident: Incident, language: Language, **kw: Any) -> Draft:
    return renderer.render(incident, SOCIAL, language, **kw)


def every_social_draft(renderer: DraftRenderer) -> Iterator[tuple[str, Draft]]:
    for path in example_incidents():
        incident = load_incident(path)
        for template_set in TemplateSet:
            if template_set is TemplateSet.RESOLUTION and path.name.startswith("supplier"):
                continue  # not restored: its statement kind refuses a resolution
            for language in LANGUAGES:
                draft = social(renderer, incident, language, template_set=template_set)
                yield f"{path.name} {template_set.value} {language}", draft


def texts(draft: Draft) -> dict[str, str]:
    return {text.spec.key.value: text.text for text in short_texts_of(draft)}


def test_the_five_texts_print_under_the_registrys_headings(renderer: DraftRenderer) -> None:
    for language in LANGUAGES:
        draft = social(renderer, example("it-failure"), language)
        headings = [block.text for block in draft.blocks if block.kind.value == "heading_1"]
        specs = spec_of(SOCIAL).short_texts
        assert headings == [spec.heading(language) for spec in specs]
        assert [spec.key for spec in specs] == list(ShortText)
        assert all(texts(draft).values()), texts(draft)


def test_every_example_fits_every_limit_in_every_set(renderer: DraftRenderer) -> None:
    for where, draft in every_social_draft(renderer):
        for text in short_texts_of(draft):
            assert not text.length.over, f"{where} {text.spec.key}: {text.length}\n{text.text}"


def test_every_branch_of_the_facts_fits_every_limit(make_incident, renderer) -> None:
    for variant, changes in VARIANTS.items():
        incident = make_incident(**changes)
        for template_set in TemplateSet:
            for language in LANGUAGES:
                draft = social(renderer, incident, language, template_set=template_set)
                for text in short_texts_of(draft):
                    where = f"{variant} {template_set} {language} {text.spec.key}"
                    assert not text.length.over, f"{where}: {text.length}\n{text.text}"


def test_a_french_sms_keeps_the_ransomware_s_one_name_within_70(make_incident, renderer) -> None:
    """« rançongiciel » has a ç, outside GSM-7: the SMS is sent in Unicode, cut down to
    fit its 70 characters, never with another name for the attack."""
    incident = make_incident(**VARIANTS["ransomware_affected_card_data"])
    sms = short_texts_of(social(renderer, incident, "fr"))[3]
    assert sms.text == "Northwind Motors, attaque par rançongiciel. Infos : +44 24 7600 0200"
    assert (sms.length.count, sms.length.limit, sms.length.unicode_character) == (68, 70, "ç")


def test_the_it_failure_texts_as_sent(renderer: DraftRenderer) -> None:
    english = texts(social(renderer, example("it-failure"), "en"))
    assert english["x_post"] == (
        "Pinecrest Motors USA has been affected by an IT outage. Its dealer systems and the "
        "owners' app are unavailable. Its website is working with limitations. " + URL
    )
    assert english["sms_staff"] == (
        "Pinecrest Motors USA has been affected by an IT outage. Your manager will tell you if "
        "this affects your work. Info: +1 615 555 0120"  # the line's name: no room in French
    )
    french = texts(social(renderer, example("it-failure"), "fr"))
    assert french["sms_staff"] == (
        "Pinecrest Motors USA fait face à une panne informatique. Votre responsable vous "
        "indiquera si cela a une incidence sur votre travail. Infos : +1 615 555 0120"
    )
    # French typography in the post, none the SMS cannot carry in GSM-7.
    assert "l’application" in french["x_post"]
    for key in ("sms_staff", "sms_dealers"):
        assert measure_short_text(key, french[key], "fr").unicode_character is None


def test_an_sms_says_what_to_do_now_when_the_guidance_is_too_long(
    renderer: DraftRenderer,
) -> None:
    """The northwind staff guidance (137 characters in English, 185 in French) cannot go
    in one SMS with what happened and a phone line: the SMS still says what to do, in
    the staff message's own words, cut at a clause; the dealers' guidance is cut at its
    first sentence, word for word, rather than left out."""
    english, french = (
        texts(social(renderer, example("northwind-cyberattack"), lang)) for lang in LANGUAGES
    )
    assert english["sms_staff"] == (
        "Northwind Motors has been affected by a cyberattack. Your line manager will tell you "
        "what this means for your shifts. Info: +44 24 7600 0200"
    )
    assert french["sms_staff"] == (
        "Northwind Motors a été victime d'une cyberattaque. Votre responsable vous indiquera "
        "ce que cela signifie pour vos horaires. Infos : +44 24 7600 0200"
    )
    # Both languages have room for the dealers' guidance up to its first sentence only,
    # and then for the whole opening (English alone would have kept the whole guidance
    # and opened with 'Northwind Motors, cyberattack.').
    assert english["sms_dealers"] == (
        "Northwind Motors has been affected by a cyberattack. Keep your showroom open and "
        "take orders on paper. Info: +44 24 7600 0100"
    )
    assert french["sms_dealers"] == (
        "Northwind Motors a été victime d'une cyberattaque. Gardez votre showroom ouvert et "
        "prenez les commandes sur papier. Infos : +44 24 7600 0100"
    )
    for where, draft in every_social_draft(renderer):
        sms = texts(draft)["sms_staff"]
        assert re.search(r"manager will tell you|responsable vous indiquera", sms), (where, sms)


def test_an_update_s_post_gives_the_pause_once(renderer: DraftRenderer) -> None:
    """The update's first sentence is its headline, the pause: the next sentence says
    where the investigation stands without giving the date a second time."""
    incident = example("data-affected-paused")
    for language, pause in (("en", "until at least"), ("fr", "au moins jusqu’au")):
        linkedin = texts(social(renderer, incident, language))["linkedin"]
        assert linkedin.count(pause) == 1, linkedin
        assert re.search(r"only when it is safe to do so\.|en toute sécurité\.", linkedin)


def test_english_and_french_texts_tell_the_same_parts(tmp_path: Path, capsys) -> None:
    """French is longer: a part that fits in English only is left out of both, so the
    two languages agree on every fact, date and number (the record's check holds them)."""
    for path in example_incidents():
        assert run(["check", str(path), "--doc", "social", "--ui-language", "en"]) == 0
        assert "disagree" not in capsys.readouterr().out, path.name


def test_a_part_left_out_in_french_is_left_out_in_english(renderer: DraftRenderer) -> None:
    english, french = (
        texts(social(renderer, example("supplier-outage"), lang)) for lang in LANGUAGES
    )
    assert "next update" in english["x_post"] and "nouveau point" in french["x_post"]
    # With 11 more letters to the name, the French post has no room for the next update,
    # which the English one alone would keep (the template fitted in one language).
    incident = example("supplier-outage")
    organisation = incident.organisation.model_copy(
        update={"name": "Kestrel Automobiles Europe Ltd"}
    )
    renamed = incident.model_copy(update={"organisation": organisation})
    alone = renderer.library.environment.render(
        renderer.library.find(SOCIAL, "en", TemplateSet.HOLDING).loader_name,
        template_context(renamed, "en"),
    )
    assert "next update" in alone.split("## LinkedIn")[0]
    english, french = (texts(social(renderer, renamed, lang)) for lang in LANGUAGES)
    assert "nouveau point" not in french["x_post"]
    assert "next update" not in english["x_post"]
    assert english["x_post"].endswith("Its logistics systems are unavailable.")


def test_posts_and_banner_link_to_the_statement_when_given(renderer: DraftRenderer) -> None:
    for language in LANGUAGES:
        given = texts(social(renderer, example("it-failure"), language))
        for key in ("x_post", "linkedin", "banner"):
            assert URL in given[key], (language, key)
        for key in ("sms_staff", "sms_dealers"):  # a phone line, not a link to what is down
            assert "http" not in given[key] and "+1 615 555 01" in given[key]
        none = social(renderer, it_failure({"incident.statement_url": None}), language)
        assert not re.search(r"https?:|www\.|\.example/", none.plain_text()), none.plain_text()


def test_no_text_has_a_hashtag(renderer: DraftRenderer) -> None:
    for where, draft in every_social_draft(renderer):
        assert "#" not in draft.plain_text(), where


def test_the_data_status_is_the_statements_first_sentence_word_for_word(
    renderer: DraftRenderer,
) -> None:
    incident = example("data-affected-paused")
    words = {
        "en": "Northwind Motors believes that some data has been affected; it is working to "
        "establish what.",
        "fr": "Northwind Motors pense que certaines données ont été touchées\u202f; l’entreprise "
        "travaille à déterminer lesquelles.",
    }
    for language in LANGUAGES:
        press = renderer.render(incident, DocumentKind.PRESS_RELEASE, language).plain_text()
        assert words[language] in press
        posts = texts(social(renderer, incident, language))
        assert words[language] in posts["x_post"] and words[language] in posts["linkedin"]
    no_evidence = texts(social(renderer, example("northwind-cyberattack"), "en"))
    said = "At this stage there is no evidence that any customer data has been taken."
    assert said in no_evidence["x_post"] and said in no_evidence["banner"]


def test_a_blank_incident_s_texts_claim_nothing(renderer: DraftRenderer) -> None:
    silent = re.compile(
        r"precaution|shut down|offline|data|regulator|police|specialist|restart|production|"
        r"sales|cyber|attack|restor|apolog|sorry|unavailable|limitations|http|"
        r"préventi|hors service|données|autorité|spécialiste|redémarr|ventes|attaqu|rétabli|"
        r"excus|indisponible|limitée",
        re.IGNORECASE,
    )
    for template_set in TemplateSet:
        for language in LANGUAGES:
            draft = social(renderer, example("blank"), language, template_set=template_set)
            for key, text in texts(draft).items():
                assert not silent.search(text), (template_set, language, key, text)
                assert re.search(r"an incident|un incident|Helpline", text), (key, text)


def test_the_leads_own_wording_replaces_the_text(renderer: DraftRenderer) -> None:
    own = "Pinecrest Motors USA: dealer systems are down. Call +1 615 555 0110."
    incident = it_failure(
        {"drafting": {"short_texts": {"sms_dealers": {"en": own, "fr": "Pinecrest : appelez."}}}}
    )
    assert texts(social(renderer, incident, "en"))["sms_dealers"] == own
    # Typed in the French box, counted as the draft sends it: « : » spaced plainly.
    french = texts(social(renderer, incident, "fr"))["sms_dealers"]
    assert french == "Pinecrest : appelez."
    assert measure_short_text("sms_dealers", "Pinecrest: appelez.", "fr").count == len(french)


def test_a_counter_measures_what_the_draft_sends(renderer: DraftRenderer) -> None:
    typed = "Pinecrest Motors USA : l'équipe vous répond ; appelez le +1 615 555 0120 !"
    incident = it_failure({"drafting": {"short_texts": {"sms_staff": {"en": "x", "fr": typed}}}})
    sent = short_texts_of(social(renderer, incident, "fr"))[3]
    counted = measure_short_text(ShortText.SMS_STAFF, typed, "fr")
    assert counted == sent.length
    assert (counted.count, counted.limit, counted.over) == (len(sent.text), 160, False)
    post = "Pinecrest Motors USA : panne ; plus d'informations ? " + URL
    assert measure_short_text("x_post", post, "fr").count == len(post) - len(URL) + 23 + 2


def test_the_exported_document_shows_each_text_with_its_count(tmp_path: Path, capsys) -> None:
    source = bundled("examples") / "it-failure.crisis.json"
    assert run(["export", str(source), "--doc", "social", "--out", str(tmp_path)]) == 0
    capsys.readouterr()
    for language, expected in {
        "en": [
            "176 / 280 characters (a link counts as 23)",
            "55 / 140 characters in the first sentence",
            "134 / 200 characters",
            "131 / 160 GSM-7 characters, 1 segment",
            "145 / 160 GSM-7 characters, 1 segment",
        ],
        "fr": [
            "226 / 280 caractères (un lien compte pour 23)",
            "56 / 140 caractères dans la première phrase",
            "139 / 200 caractères",
            "156 / 160 caractères GSM-7, 1 segment",
            "156 / 160 caractères GSM-7, 1 segment",
        ],
    }.items():
        path = tmp_path / f"pinecrest-motors-usa_holding-1_2026-02-09-1500_social_{language}.docx"
        sections: list[list[str]] = []  # each heading, then its paragraphs
        for paragraph in docx.Document(str(path)).paragraphs:
            if paragraph.style.name == "Heading 1":
                sections.append([])
            if sections:
                sections[-1].append(paragraph.text)
        drafted = short_texts_of(
            social(DraftRenderer(open_library()), example("it-failure"), language)
        )
        assert [section[0] for section in sections] == [t.spec.heading(language) for t in drafted]
        assert [section[-1] for section in sections] == expected  # the count closes each text
        assert expected == [count_line(text.length, language) for text in drafted]
        for section, text in zip(sections, drafted, strict=True):
            assert "\n\n".join(section[1:-1]) == text.text


def test_a_leads_text_past_its_limit_is_an_error_in_check(tmp_path: Path, capsys) -> None:
    long_post = "Pinecrest Motors USA has been affected by an IT outage. " * 6
    data = edited(
        example_document("it-failure"),
        {
            "drafting": {
                "documents": ["social"],
                "short_texts": {"x_post": {"en": long_post, "fr": "Pinecrest Motors USA."}},
            }
        },
    )
    path = tmp_path / "long.crisis.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert run(["check", str(path), "--ui-language", "en"]) == 1
    out = capsys.readouterr().out
    assert (
        "long.crisis.json: drafting.short_texts.x_post.en: X post is too long: "
        "335 / 280 characters (a link counts as 23); shorten your wording"
    ) in out
    assert run(["export", str(path), "--out", str(tmp_path / "out"), "--ui-language", "en"]) == 2
    assert "X post is too long" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()
    assert run(["check", str(path), "--ui-language", "fr"]) == 1
    assert "trop long" in capsys.readouterr().out


def test_an_sms_that_needs_unicode_says_which_character(tmp_path: Path, capsys) -> None:
    sms = "Pinecrest Motors USA : panne informatique. Merci de rester à l'écoute, votre " + (
        "responsable vous rappellera dès que possible. Reçu ? Appelez le +1 615 555 0120."
    )
    incident_data = edited(
        example_document("it-failure"),
        {
            "drafting": {
                "documents": ["social"],
                "short_texts": {"sms_staff": {"en": "Hi.", "fr": sms}},
            }
        },
    )
    path = tmp_path / "sms.crisis.json"
    path.write_text(json.dumps(incident_data), encoding="utf-8")
    assert run(["check", str(path), "--ui-language", "en", "--lang", "fr"]) == 1
    out = capsys.readouterr().out
    assert "SMS to staff is too long" in out and "Unicode characters, 3 segments" in out
    assert "“ç” is outside the SMS alphabet (GSM-7)" in out
    assert "drafting.short_texts.sms_staff.fr" in out


@pytest.mark.parametrize("key", list(ShortText))
def test_every_text_has_a_name_and_a_rule(key: ShortText) -> None:
    (spec,) = [text for text in spec_of(SOCIAL).short_texts if text.key is key]
    assert spec.name and set(spec.headings) == set(LANGUAGES)
    assert spec.rule.measure in Measure
