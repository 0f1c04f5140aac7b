"""Grammar-dependent readings (grammar.py): where the context decides, and what happens where it does not."""

from __future__ import annotations

import pytest

from studio.engine.frontend.text import grammar as gr
from studio.engine.frontend.text import readers as rd


@pytest.fixture(scope="module")
def normalizer():
    from studio.engine.frontend.text import TextNormalizer
    from studio.engine.frontend.tokenizer import Tokenizer
    from tests.conftest import CV3_MODEL

    return TextNormalizer("wetext", Tokenizer(CV3_MODEL / "CosyVoice-BlankEN", "cosyvoice3").encode)


@pytest.mark.parametrize(
    "before,after,ordinal",
    [
        ("Wir treffen uns am ", " Mai.", True),
        ("Berlin, ", " Oktober 2023", True),  # a month
        ("Das Kapitel hat ", " Dann kam", False),  # a sentence end, no article
        ("Ich habe ", " Danach", False),
    ],
)
def test_a_german_number_with_a_dot_is_an_ordinal_only_where_the_words_around_say_so(before, after, ordinal):
    assert gr.de_ordinal_dot(before, after) is ordinal


def test_german_endings_follow_the_article_and_carry_over_bis():
    assert gr.de_ordinal_ending("am ", " Mai") == "en"
    assert gr.de_ordinal_ending("Heute ist der ", " Mai") == "e"
    assert gr.de_ordinal_ending("in der ", " Reihe") == "en"
    assert gr.de_ordinal_ending("vom 3. bis ", " Mai", previous="en") == "en"
    assert gr.de_ordinal_ending("ein ", " Mädchen") == "es"  # a neuter suffix
    assert gr.de_ordinal_ending("ein ", " Versuch") == "er"


def test_a_sentence_end_after_a_number_in_other_languages_is_kept(normalizer):
    text = "I am 25. My sister is 30."
    assert normalizer.normalize(text, split=False, language="en") == "I am twenty five. My sister is thirty."
    assert normalizer.normalize(text, language="en") == ["I am twenty five. My sister is thirty."]


@pytest.mark.parametrize(
    "value,case,words,gender",
    [
        (1, "n", ["книга"], "f"),
        (1, "n", ["окно"], "n"),
        (1, "n", ["время"], "n"),
        (1, "n", ["день"], "m"),  # -ь: undecidable, masculine
        (2, "n", ["недели"], "f"),
        (2, "n", ["стола"], "m"),
        (2, "n", ["новые", "книги"], "f"),
        (12, "n", ["книг"], "m"),  # двенадцать: no gender
        (1, "i", ["подругой"], "f"),
    ],
)
def test_russian_gender_comes_from_the_form_of_the_noun(value, case, words, gender):
    assert gr.ru_gender(value, case, words) == gender


def test_russian_case_follows_the_preposition_and_the_noun():
    assert gr.ru_case("с ", "друзьями", 5) == "i"
    assert gr.ru_case("с ", "утра", 5) == "g"
    assert gr.ru_case("в ", "домах", 3) == "p"
    assert gr.ru_case("в ", "часов", 5) == "a"
    assert gr.ru_case("Он сказал: ", "книги", 2) == "n"


def test_korean_beon_counts_times_unless_it_labels_a_numbered_thing():
    assert rd.korean_with_counter("3", "번", after=" 봤어요.") == "세 번"
    assert rd.korean_with_counter("3", "번", after=" 출구로 나오세요.") == "삼 번"
    assert rd.korean_with_counter("3", "번", after=" 선택했어요.") == "세 번"  # 선 + a verb ending is no line
    assert rd.korean_with_counter("1", "번째") == "첫 번째"


def test_cantonese_dollars_and_times():
    assert rd.read_yue_dollars(0, 50) == "五毫"
    assert rd.read_yue_dollars(3, 25) == "三蚊兩毫五仙"
    assert rd.read_yue_time(2, 30) == "兩點半"
