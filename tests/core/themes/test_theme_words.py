"""A theme's words: what a user types in Hubs & people matches findings as they would expect (whole words, any
case, plurals, a * for any ending, spaces and hyphens alike), and what cannot match is refused with a reason."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ol_desk.core.errors import ValidationError
from ol_desk.core.themes.theme_words import MIN_SCORE, ThemeWords, clean_words, split_words


def test_terms_match_whole_words_in_any_case_with_plurals_and_star_endings():
    words = ThemeWords("restrain*; Taser; self harm; cell")
    found = words.match("Officers RESTRAINED him and drew their tasers; a history of self-harm.")
    assert found.terms == ("restrain*", "Taser", "self harm")
    assert words.match("The cancellation was late.").terms == ()          # "cell" is not inside "cancellation"
    assert words.match("He was taken to the cells.").terms == ("cell",)


def test_a_phrase_suggests_alone_but_one_word_needs_another():
    words = ThemeWords("place of safety; psychiatric; crisis")
    assert words.match("He was taken to a place of safety.").score >= MIN_SCORE
    assert words.match("A psychiatric nurse was present.").score < MIN_SCORE
    assert words.match("A psychiatric crisis was developing.").score >= MIN_SCORE


def test_words_are_cleaned_and_what_cannot_match_is_refused():
    assert clean_words(" Taser ;taser; \n restrain* ;; ") == "Taser; restrain*"
    assert split_words("a; b\nc") == ["a", "b", "c"]
    with pytest.raises(ValidationError, match="only end"):
        clean_words("re*strain")
    with pytest.raises(ValidationError, match="no letters"):
        clean_words("***")
    with pytest.raises(ValidationError, match="too long"):
        clean_words("x" * 81)


@given(st.text(max_size=200), st.lists(st.text(min_size=1, max_size=20), max_size=8))
def test_any_text_and_any_words_match_without_error(text, terms):
    try:
        words = ThemeWords(clean_words("; ".join(terms)))
    except ValidationError:
        return
    found = words.match(text)
    assert found.score >= 0 and set(found.terms) <= set(words.terms)
