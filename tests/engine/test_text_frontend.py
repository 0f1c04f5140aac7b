"""The language-aware text frontend: the issue's table, protected spans, warnings, the dictionary."""

from __future__ import annotations

import pytest

from studio.engine.errors import TextInputError
from studio.engine.events import TextWarning
from studio.engine.frontend.text import Lexicon, LexiconError, TextNormalizer
from tests.conftest import CV2_MODEL, CV3_MODEL


@pytest.fixture(scope="module")
def frontend():
    """The engine's text path with the default normalizer (what `Engine.split_text` runs)."""
    from studio.engine.engine import TextFrontend
    from studio.engine.frontend.tokenizer import Tokenizer

    return TextFrontend("cosyvoice2", Tokenizer(CV2_MODEL / "CosyVoice-BlankEN", "cosyvoice2"))


# -- the six cases of the issue, with the language detected ---------------------------------------


@pytest.mark.parametrize(
    "text,expected",
    [
        ("사과 3개를 샀어요.", ["사과 세 개를 샀어요."]),
        (
            "Bei 10 hoch 7 Metern ändert sich die Fläche natürlich.",
            ["Bei zehn hoch sieben Metern ändert sich die Fläche natürlich."],
        ),
        (
            "It costs $1,234.56 today.",
            ["It costs one thousand two hundred thirty-four dollars and fifty-six cents today."],
        ),
        ("详情请访问www.example.com查看。", ["详情请访问www点example点com查看。"]),
        ("I [R][EH1][D] it yesterday.", ["I [R][EH1][D] it yesterday."]),
        (
            "[laughter] Grüß Euch! Ich bin der Hund vom Günter. [laughter]",
            ["[laughter] Grüß Euch! Ich bin der Hund vom Günter. [laughter]"],
        ),
    ],
    ids=["korean", "german", "currency", "url-in-chinese", "units-spacing", "tags-spacing"],
)
def test_issue_table(frontend, text, expected):
    warnings = []
    assert frontend.split_text(text, warnings=warnings) == expected
    assert warnings == []


def test_letters_of_other_languages_are_never_deleted_or_recased(frontend):
    text = "我们去了Grüß Gott餐厅，还有 Ærø 和 Straße。"
    out = "".join(frontend.split_text(text))
    for word in ("Grüß Gott", "Ærø", "Straße"):
        assert word in out


def test_japanese_and_korean_numbers_in_their_language(frontend):
    assert frontend.split_text("りんごを3つ、1,000円で買いました。") == ["りんごを三つ、千円で買いました。"]
    assert frontend.split_text("학생 20명이 10:30에 왔어요.") == ["학생 스무 명이 열 시 삼십 분에 왔어요."]


def test_language_setting_decides_latin_and_han_text(frontend):
    assert frontend.split_text("Es sind 3.", language="de") == ["Es sind drei."]
    assert frontend.split_text("Es sind 3.", language="es") == ["Es sind tres."]
    # Han text with the language set to Japanese reads numbers as kanji the Japanese way (三百)
    assert frontend.split_text("300人", language="ja") == ["三百人。"]


def test_unknown_language_is_a_clear_error(frontend):
    from studio.engine.errors import RequestError

    with pytest.raises(RequestError, match="Unknown language 'xx'; use one of zh, en"):
        frontend.split_text("Hello.", language="xx")


# -- protected spans ------------------------------------------------------------------------------


def test_protected_spans_are_never_split(frontend):
    text = (
        "Dr. Smith wrote to a.b@example.com at 10:30. He said e.g. v2.5.1 is at www.example.com/docs now. "
        "It costs 3.75 dollars in the U.S. today. 我们访问www.example.com。版本v2.5.1已发布。"
    )
    segments = frontend.split_text(text)
    joined = "".join(segments)
    for said in (
        "Doctor Smith",
        "a dot b at example dot com",
        "version two point five point one",
        "www dot example dot com slash docs",
        "U.S.",
        "www点example点com",
        "v二点五点一",
    ):
        assert said in joined, said
        assert any(said in s for s in segments), f"{said!r} was split across segments"
    assert "for example" in joined


def test_spaces_around_tags_and_special_tokens_are_kept(frontend):
    text = "Well [breath] I think <strong>so</strong> too."
    assert frontend.split_text(text) == [text]
    zh = "你好 [breath] 再见，<laughter>哈哈</laughter>。"
    assert frontend.split_text(zh) == [zh]


def test_explicit_special_token_text_is_untouched(frontend):
    text = "<|endofprompt|>[breath]Gold 12."
    assert frontend.split_text(text) == [text]


# -- failures inside third-party normalizers ------------------------------------------------------


def test_a_failing_wetext_span_is_kept_as_written_with_a_warning(frontend, monkeypatch):
    normalizer = TextNormalizer("wetext", frontend.tokenizer.encode)

    def broken(text):
        raise AssertionError

    monkeypatch.setattr(normalizer._en, "normalize", broken)
    warnings: list[TextWarning] = []
    out = normalizer.normalize("We have 3 cats.", split=True, language="en", warnings=warnings)
    assert out == ["We have three cats."]  # digits WeText left are still read
    assert len(warnings) == 1 and isinstance(warnings[0], TextWarning)
    assert "We have 3 cats." in warnings[0].message and "spoken as written" in warnings[0].message


def test_a_failing_number_library_is_a_warning(frontend, monkeypatch):
    from studio.engine.frontend.text import numbers

    def broken(*args, **kwargs):
        raise OverflowError("too big")

    monkeypatch.setattr(numbers, "num2words", broken)
    warnings: list[TextWarning] = []
    out = frontend.normalizer.normalize("Ich habe 3 Katzen.", language="de", warnings=warnings)
    assert out == ["Ich habe 3 Katzen."]
    assert warnings and warnings[0].span == "3" and "could not be read in de" in warnings[0].message


def test_text_that_normalizes_to_nothing_keeps_its_error(frontend):
    with pytest.raises(TextInputError, match="normalizes to nothing"):
        frontend.spoken_segments("... !!! ???")


def test_rules_mode_is_the_official_one(frontend):
    rules = TextNormalizer("rules", frontend.tokenizer.encode)
    # the official rules spell digits in English and lose the word spaces around units
    assert rules.normalize("Bei 10 Metern.", split=False) == "Bei ten Metern."


# -- the pronunciation dictionary ---------------------------------------------------------------


def test_lexicon_matches_whole_words_and_cjk_substrings():
    lex = Lexicon([("nginx", "engine x"), ("SQL", "sequel"), ("重庆", "[ch][óng]庆"), ("read", "red")])
    assert lex.apply("Nginx and nginx, not nginxes.") == "engine x and engine x, not nginxes."
    assert lex.apply("SQL, not sql.") == "sequel, not sql."
    assert lex.apply("我在重庆市。") == "我在[ch][óng]庆市。"
    assert lex.apply("I read, you reading.") == "I red, you reading."


def test_lexicon_longest_term_wins_and_voice_entries_override():
    lex = Lexicon([("New York", "Noo York"), ("New", "Nu")])
    assert lex.apply("New York is New.") == "Noo York is Nu."
    merged = lex.merged(Lexicon([("New", "Knew")]))
    assert merged.apply("New York is New.") == "Noo York is Knew."


def test_lexicon_csv_round_trip_and_errors(tmp_path):
    lex = Lexicon([("a, b", 'say "ab"'), ("重庆", "[ch][óng]庆")])
    path = tmp_path / "lex.csv"
    lex.save_csv(path)
    assert Lexicon.load_csv(path).entries() == lex.entries()
    bad = tmp_path / "bad.csv"
    bad.write_text("term,replacement\nfoo\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="Line 2 of .*bad.csv has one column"):
        Lexicon.load_csv(bad)
    bad.write_text("foo,\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="Line 1 .* 'foo' has no replacement"):
        Lexicon.load_csv(bad)
    with pytest.raises(LexiconError, match="does not exist"):
        Lexicon.load_csv(tmp_path / "missing.csv")
    bad.write_bytes("foo,bär\n".encode("latin-1"))
    with pytest.raises(LexiconError, match="not UTF-8"):
        Lexicon.load_csv(bad)


@pytest.fixture(scope="module")
def cv3_engine():
    from studio.engine import load_model

    engine = load_model(CV3_MODEL, device="cpu", language="en", lexicon=Lexicon([("colour", "color")]))
    assert engine.language == "en" and engine.lexicon.entries() == [("colour", "color")]
    engine.language = engine.lexicon = None
    return engine


class _Stop(Exception):
    pass


def _lm_text_ids(engine, text, voice, **kw) -> list[int]:
    """The text ids the engine feeds the LM for the first segment (read at the LM's input)."""
    seen = []

    def record(text_ids, prompt_tokens):
        seen.append(text_ids.view(-1).tolist())
        raise _Stop

    engine.lm.prefix = record
    try:
        with pytest.raises(_Stop):
            for _ in engine.synthesize(text, voice, mode="cross_lingual", seed=1, **kw):
                pass
    finally:
        del engine.lm.prefix  # the class's method again
    return seen[0]


def test_the_dictionary_changes_the_lm_input_ids(cv3_engine):
    from tests.conftest import PROMPT_EN

    voice = cv3_engine.prepare_voice(PROMPT_EN)
    tok = cv3_engine.tokenizer
    plain = _lm_text_ids(cv3_engine, "I read it yesterday.", voice)
    lex = Lexicon([("read", "[R][EH1][D]")])
    with_units = _lm_text_ids(cv3_engine, "I read it yesterday.", voice, lexicon=lex)
    assert plain != with_units
    expected = tok.encode("You are a helpful assistant.<|endofprompt|>I [R][EH1][D] it yesterday.")
    assert with_units == expected
    assert tok.encode("[EH1]")[0] in with_units and tok.encode("[EH1]")[0] not in plain
    # the engine-wide dictionary is used when a take gives none
    cv3_engine.lexicon = Lexicon([("yesterday", "today")])
    try:
        assert _lm_text_ids(cv3_engine, "I read it yesterday.", voice) == tok.encode(
            "You are a helpful assistant.<|endofprompt|>I read it today."
        )
    finally:
        cv3_engine.lexicon = None


def test_a_dictionary_unit_the_model_does_not_know_is_refused(cv3_engine):
    from tests.conftest import PROMPT_EN

    voice = cv3_engine.prepare_voice(PROMPT_EN)
    with pytest.raises(TextInputError, match=r"\[ZZ9\] is not a known tag or pronunciation unit"):
        cv3_engine.synthesize("I read it.", voice, mode="cross_lingual", lexicon=Lexicon([("read", "[ZZ9]")]))


def test_edited_segments_are_spoken_as_given(cv3_engine):
    from tests.conftest import PROMPT_EN

    voice = cv3_engine.prepare_voice(PROMPT_EN)
    ids = _lm_text_ids(cv3_engine, "ignored", voice, segments=["Twelve o'clock, 12."])
    assert ids == cv3_engine.tokenizer.encode(
        "You are a helpful assistant.<|endofprompt|>Twelve o'clock, 12."
    )


def test_warnings_come_before_the_first_segment(cv3_engine, monkeypatch):
    from studio.engine.events import Segment
    from studio.engine.frontend.text import numbers
    from tests.conftest import PROMPT_EN

    voice = cv3_engine.prepare_voice(PROMPT_EN)

    def broken(*args, **kwargs):
        raise OverflowError("too big")

    monkeypatch.setattr(numbers, "num2words", broken)
    events = cv3_engine.synthesize("Ich habe 3 Katzen.", voice, mode="cross_lingual", language="de", seed=1)
    first, second = next(events), next(events)
    events.close()
    assert isinstance(first, TextWarning) and first.span == "3"
    assert isinstance(second, Segment) and second.text.endswith("Ich habe 3 Katzen.")


def test_a_mixed_document_reads_each_sentence_in_its_language(frontend):
    text = "It costs $5, says Dr. Smith. 详情请访问www.example.com查看。Dr. Müller kommt heute um 10 Uhr nicht. 我有iPhone 15。"
    assert "".join(frontend.split_text(text)) == (
        "It costs five dollars, says Doctor Smith.详情请访问www点example点com查看。"
        "Doktor Müller kommt heute um zehn Uhr nicht.我有iPhone十五。"
    )
