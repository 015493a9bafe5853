"""The user's own words: kept between starts, once each, and refused cleanly."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.facts.spelling import misspellings, spelling_dictionary
from app.files.user_folders import personal_words_file
from app.session.personal_words import accepted_keys, add_personal_word, personal_words


def test_an_added_word_is_kept_in_the_users_data_folder_and_accepted() -> None:
    add_personal_word("Wexcombe")
    add_personal_word("Halewood-Speke")
    assert personal_words_file().read_text(encoding="utf-8") == "Halewood-Speke\nWexcombe\n"
    text = "Call Wexcombe or the Halewood-Speke desk."
    assert misspellings(text, spelling_dictionary("en"), accepted_keys()) == []


def test_a_word_is_listed_once_whatever_its_case() -> None:
    add_personal_word("Wexcombe")
    keys = add_personal_word("WEXCOMBE")
    assert personal_words() == ["Wexcombe"]
    assert "wexcombe" in keys


def test_a_missing_or_unreadable_list_is_empty(tmp_path: Path) -> None:
    assert personal_words(tmp_path / "none.txt") == []
    damaged = tmp_path / "words.txt"
    damaged.write_bytes(b"\xff\xfe\x00bad")
    assert personal_words(damaged) == []


def test_a_list_that_cannot_be_written_raises_for_the_caller_to_say(tmp_path: Path) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("", encoding="utf-8")
    with pytest.raises(OSError):
        add_personal_word("Wexcombe", blocked / "words.txt")


@pytest.mark.parametrize("text", ["", "two words", "x" * 101])
def test_only_one_word_is_added(text: str) -> None:
    with pytest.raises(ValueError):
        add_personal_word(text)
