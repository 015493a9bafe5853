"""How long a short text is, counted as X, LinkedIn, a website and an SMS count it
(app/templates/text_lengths.py), and the fitting the templates use to stay within."""

from __future__ import annotations

import pytest

from app.templates.text_lengths import (
    GSM7_BASIC,
    GSM7_EXTENSION,
    Fitting,
    LengthRule,
    Measure,
    first_sentence,
    fit_within,
    measure,
    sms_length,
    sms_plain,
    x_length,
)

SMS = LengthRule(Measure.SMS, 160)
X = LengthRule(Measure.X_WEIGHTED, 280)


def test_the_gsm7_basic_set_counts_one_per_character() -> None:
    text = "Appelez le 0800 : réponse à 9 h, où vous étiez. @£$¥ÄÖÑÜäöñüÉÇ§¿¡_"
    length = sms_length(text)
    assert (length.count, length.limit, length.unicode_character) == (len(text), 160, None)
    assert length.segments == 1


def test_the_extension_table_counts_two() -> None:
    assert sms_length("{x}").count == 5
    assert sms_length("5 €").count == 4
    assert sms_length("^\\[~]|").count == 12
    assert sms_length("a" * 80 + "€" * 40).count == 160  # still one segment
    assert sms_length("a" * 81 + "€" * 40).segments == 2


# GSM 03.38 as ETSI and Unicode's GSM0338.TXT give it: the French letters in the basic
# set, and those that are not (0x09 is the capital Ç, so a lowercase ç is not there).
@pytest.mark.parametrize("letter", list("éèàùÉÇìò"))
def test_french_letters_gsm7_carries(letter: str) -> None:
    assert letter in GSM7_BASIC
    assert sms_length(f"Voil{letter}").limit == 160


@pytest.mark.parametrize("character", [*"çâêîôûëïœÀÈÊÔ«»’“”–…", "\u00a0", "\u202f", "`"], ids=repr)
def test_one_character_outside_gsm7_sends_the_sms_in_unicode(character: str) -> None:
    assert character not in GSM7_BASIC | GSM7_EXTENSION
    length = sms_length(f"Merci {character} tous")
    assert (length.limit, length.unicode_character) == (70, character)
    assert length.count == len(f"Merci {character} tous")


def test_unicode_counts_utf16_units_and_splits_into_67() -> None:
    assert sms_length("ç" * 70).segments == 1
    assert sms_length("ç" * 71).segments == 2
    assert sms_length("ç" * 134).segments == 2
    assert sms_length("ç" * 135).segments == 3
    assert sms_length("ç 😀").count == 4  # a character beyond U+FFFF is two units


def test_a_long_gsm7_sms_splits_into_153() -> None:
    assert [sms_length("a" * n).segments for n in (0, 1, 160, 161, 306, 307)] == [0, 1, 1, 2, 2, 3]
    assert measure(SMS, "a" * 161).over
    assert not measure(SMS, "a" * 160).over


def test_x_counts_every_link_as_23() -> None:
    long_link = "https://www.pinecrest-usa.example/news/dealer-systems-outage"
    assert x_length(f"Read more: {long_link}") == len("Read more: ") + 23
    assert x_length("Read more: https://x.co/a.") == len("Read more: ") + 23 + 1  # the stop
    assert x_length("See www.example.org/news and example.com") == len("See  and ") + 46
    assert x_length("pinecrest-usa.example") == len("pinecrest-usa.example")  # no such TLD


def test_x_weighs_characters_as_twitter_text_does() -> None:
    assert x_length("Crise : « vraiment » l’équipe – déjà") == 36  # all weigh 1
    assert x_length("Vraiment\u202f?") == 11  # the narrow no-break space weighs 2
    assert x_length("…") == 2
    assert x_length("危机") == 4
    assert x_length("e\u0301") == 1  # normalised first: one é


def test_an_x_post_of_280_fits_and_281_does_not() -> None:
    link = " https://www.example.com/a/very/long/path/that/x/shortens/anyway"
    assert not measure(X, "a" * 256 + link).over
    assert measure(X, "a" * 257 + link).over


def test_the_first_sentence_ends_at_its_stop() -> None:
    assert first_sentence("Pinecrest has been hit. We are on it.") == "Pinecrest has been hit."
    assert first_sentence("Is it over? Not yet.") == "Is it over?"
    assert first_sentence("Est-ce fini\u202f? Pas encore.") == "Est-ce fini\u202f?"
    assert first_sentence("The U.S. arm of J. Smith Ltd was hit. Next.") == (
        "The U.S. arm of J. Smith Ltd was hit."
    )
    assert (
        first_sentence("See www.example.com for more. Thanks.") == "See www.example.com for more."
    )
    assert first_sentence("No stop at all") == "No stop at all"
    assert first_sentence("A heading line\nThen text.") == "A heading line"
    assert first_sentence("He said “we are hit.” Then.") == "He said “we are hit.”"


def test_linkedin_counts_the_first_sentence_only() -> None:
    rule = LengthRule(Measure.FIRST_SENTENCE, 140)
    assert measure(rule, "Short first. " + "x" * 500).count == len("Short first.")
    assert measure(rule, "x" * 141 + ". Then.").over


def test_an_sms_is_sent_without_the_typography_gsm7_lacks() -> None:
    typeset = "Infos\u00a0: « l’équipe » répond\u202f; appelez – vite…"
    plain = sms_plain(typeset)
    assert plain == 'Infos : "l\'équipe" répond ; appelez - vite...'
    assert sms_length(plain).limit == 160
    assert sms_plain("reçu, prêt") == "reçu, prêt"  # letters are words: never changed


def test_fitting_keeps_the_best_wording_of_the_first_priority_first() -> None:
    todo = [1, "Do this long thing " * 8, "Do this.", ""]
    opener = [2, "Acme has been affected by an outage today.", "Acme, outage."]
    contact = [3, "Info: Helpline, +1 555 0100", "Info: +1 555 0100"]
    text = fit_within(SMS, [opener, todo, contact])
    assert text == "Acme has been affected by an outage today. Do this. Info: Helpline, +1 555 0100"
    # 100 characters to do: the opener and the contact are cut down to make room.
    todo = [1, "Do this. " + "x" * 90 + ".", "Do this.", ""]
    assert fit_within(SMS, [opener, todo, contact]) == (
        f"Acme, outage. Do this. {'x' * 90}. Info: Helpline, +1 555 0100"
    )
    todo = [1, "Do this. " + "x" * 110 + ".", "Do this.", ""]
    assert fit_within(SMS, [opener, todo, contact]) == (
        f"Acme, outage. Do this. {'x' * 110}. Info: +1 555 0100"
    )
    # Nothing fits: the shortest wordings, for the check to say the text is too long.
    assert fit_within(SMS, ["y" * 150, opener, todo, contact]) == (
        f"{'y' * 150} Acme, outage. Info: +1 555 0100"
    )


def test_fitting_keeps_plain_parts_skips_unknown_ones_and_reads_escapes() -> None:
    assert fit_within(X, ["Acme\\.", None, "", [2, None, "b"]]) == "Acme\\. b"
    # Escaped punctuation is measured as the draft will read it: 160 characters fit.
    escaped = "a\\." * 80
    assert fit_within(SMS, [escaped, [1, "more", ""]]) == escaped


def test_fitting_an_sms_measures_it_as_sent() -> None:
    """A no-break space from a French date would be Unicode; the SMS sends a space."""
    dated = "Reprise le 24\u00a0septembre. " + "x" * 100
    assert fit_within(SMS, [dated, [1, "Infos : +33 1 00 00 00 00", ""]]).endswith("00 00")


def test_a_joint_fitting_gives_each_part_what_every_language_can_fit() -> None:
    english, french = Fitting(), Fitting()
    parts_en = ["Acme, outage.", [1, "Next update Tuesday at noon.", ""], [2, "Info: Desk", ""]]
    long_fr = "Prochain point mardi à midi, " + "x" * 140
    parts_fr = ["Acme, panne.", [1, long_fr, ""], [2, "Infos", ""]]
    assert english.fit(SMS, "sms_staff", parts_en).startswith("Acme, outage. Next update")
    assert french.fit(SMS, "sms_staff", parts_fr) == "Acme, panne. Infos"
    english.fit(SMS, "sms_staff", ["a second text", [1, "kept", ""]])  # counted apart
    assert english.chosen == {"sms_staff#0": [0, 0, 0], "sms_staff#1": [0, 0]}
    joint = Fitting.joint([english, french])
    assert joint == {"sms_staff#0": [0, 1, 0], "sms_staff#1": [0, 0]}
    # Held to the joint choice, English leaves out what French could not say.
    assert Fitting(joint).fit(SMS, "sms_staff", parts_en) == "Acme, outage. Info: Desk"


# The northwind dealers' SMS, as the templates give its parts: what happened (priority
# 2: the sentence, else the organisation and the incident's name), the guidance (1:
# whole, else its first sentence, else left out), the phone line (3: with its name, else
# the number alone).
DEALERS_EN = [
    [2, "Northwind Motors has been affected by a cyberattack.", "Northwind Motors, cyberattack."],
    [
        1,
        "Keep your showroom open and take orders on paper. "
        "Hand-over of vehicles already registered can go ahead.",
        "Keep your showroom open and take orders on paper.",
        "",
    ],
    [3, "Info: Retailer Support Desk, +44 24 7600 0100", "Info: +44 24 7600 0100"],
]
DEALERS_FR = [
    [2, "Northwind Motors a été victime d'une cyberattaque.", "Northwind Motors, cyberattaque."],
    [
        1,
        "Gardez votre showroom ouvert et prenez les commandes sur papier. "
        "Les livraisons de véhicules déjà immatriculés peuvent avoir lieu.",
        "Gardez votre showroom ouvert et prenez les commandes sur papier.",
        "",
    ],
    [3, "Infos : Retailer Support Desk, +44 24 7600 0100", "Infos : +44 24 7600 0100"],
]


def test_a_joint_fitting_chooses_priority_by_priority_across_the_languages() -> None:
    """Alone, English keeps its whole guidance (104 characters) and so has room only for
    'Northwind Motors, cyberattack.'; French (130) has room only for the guidance's first
    sentence, and then for the whole opening. Both say the first sentence; with it, the
    whole opening fits in both. Taking for each part the shortest wording any language
    chose alone cut the opening for a guidance that neither language said whole."""
    english, french = Fitting(), Fitting()
    assert english.fit(SMS, "sms_dealers", DEALERS_EN) == (
        "Northwind Motors, cyberattack. Keep your showroom open and take orders on paper. "
        "Hand-over of vehicles already registered can go ahead. Info: +44 24 7600 0100"
    )
    assert french.fit(SMS, "sms_dealers", DEALERS_FR) == (
        "Northwind Motors a été victime d'une cyberattaque. Gardez votre showroom ouvert et "
        "prenez les commandes sur papier. Infos : +44 24 7600 0100"
    )
    joint = Fitting.joint([english, french])
    assert Fitting(joint).fit(SMS, "sms_dealers", DEALERS_EN) == (
        "Northwind Motors has been affected by a cyberattack. Keep your showroom open and "
        "take orders on paper. Info: +44 24 7600 0100"  # the name beside it: not in French
    )
    assert Fitting(joint).fit(SMS, "sms_dealers", DEALERS_FR) == (
        "Northwind Motors a été victime d'une cyberattaque. Gardez votre showroom ouvert et "
        "prenez les commandes sur papier. Infos : +44 24 7600 0100"
    )
    # The French draft, fitted first, gets the same choice as the English one.
    assert Fitting.joint([french, english]) == joint


def test_a_joint_fitting_lets_each_language_fit_a_text_written_with_other_parts() -> None:
    english, french = Fitting(), Fitting()
    english.fit(X, "x_post", ["A.", [1, "B.", ""]])
    french.fit(X, "x_post", ["A.", [1, "B.", ""], [2, "C.", ""]])  # three parts here
    english.fit(X, "banner", ["A.", [1, "B.", ""]])
    french.fit(X, "banner", ["A.", [2, "B.", ""]])  # another priority
    assert Fitting.joint([english, french]) == {}
    held = Fitting({"x_post#0": [1, 1, 1]})  # three parts there, two here: not held
    assert held.fit(X, "x_post", ["A.", [1, "B.", ""]]) == "A. B."
