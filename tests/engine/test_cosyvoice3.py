"""Fun-CosyVoice 3 through the same public API: the engine writes the v3 prompt conventions for
the user, pronunciation units pass through untouched, and streaming matches the official schedule."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from studio.engine import AudioChunk, Finished, RequestError, TextInputError, load_model
from studio.engine.engine import SYSTEM_PROMPT
from studio.engine.lm import greedy_speech_sampler
from tests.conftest import CV3_MODEL, PROMPT_EN, PROMPT_EN_TEXT, PROMPT_ZH

GREEDY = greedy_speech_sampler(6561)


@pytest.fixture(scope="module")
def cv3():
    return load_model(CV3_MODEL, device="cpu", text_normalizer="rules")


@pytest.fixture(scope="module")
def voice(cv3):
    return cv3.prepare_voice(PROMPT_EN, transcript=PROMPT_EN_TEXT)


def ids(engine, text):
    return engine.tokenizer.encode(text)


def test_family_is_detected_from_the_folder(cv3):
    assert cv3.family == "cosyvoice3" and cv3.sample_rate == 24000


def test_transcript_gets_the_system_prompt_once(cv3, voice):
    mi = cv3._model_input("Hi.", voice, "zero_shot", None)
    expected = ids(cv3, SYSTEM_PROMPT + "<|endofprompt|>" + PROMPT_EN_TEXT)
    assert mi.prompt_text_ids[0].tolist() == expected
    already = cv3.prepare_voice(PROMPT_EN, transcript=SYSTEM_PROMPT + "<|endofprompt|>" + PROMPT_EN_TEXT)
    assert cv3._model_input("Hi.", already, "zero_shot", None).prompt_text_ids[0].tolist() == expected


def test_cross_lingual_segments_carry_the_system_prompt(cv3):
    segments = cv3.split_text("We have 3 cats.", mode="cross_lingual")
    assert segments == [SYSTEM_PROMPT + "<|endofprompt|>We have three cats."]


def test_text_with_explicit_endofprompt_is_spoken_as_written(cv3):
    text = "<|endofprompt|>[breath]Gold 12."
    assert cv3.split_text(text, mode="cross_lingual") == [text]


def test_instruction_is_wrapped_like_the_official_examples(cv3):
    official = "You are a helpful assistant. 请用广东话表达。<|endofprompt|>"
    assert cv3._instruction("请用广东话表达。") == official
    assert cv3._instruction(official) == official
    assert (
        cv3._instruction("You are a helpful assistant. Speak slowly.")
        == "You are a helpful assistant. Speak slowly.<|endofprompt|>"
    )


def test_overlong_instruction_is_refused(cv3):
    with pytest.raises(TextInputError, match="instruction is .* tokens long"):
        cv3._instruction("Speak slowly and clearly please. " * 60)


@pytest.mark.parametrize("text", ["[j][ǐ]", "[h][ǎo]", "[AA1]", "[K][AE1][T]"])
def test_pronunciation_units_tokenize_to_their_special_ids(cv3, text):
    units = [u for u in text.replace("][", "] [").split()]
    assert ids(cv3, text) == [cv3.tokenizer.token_id(u) for u in units]
    assert all(i >= 151664 for i in ids(cv3, text))


@pytest.mark.parametrize("normalizer", ["rules", "wetext"])
def test_units_survive_normalization(normalizer):
    from studio.engine.frontend.text import TextNormalizer
    from studio.engine.frontend.tokenizer import Tokenizer

    engine_tok = Tokenizer(CV3_MODEL / "CosyVoice-BlankEN", "cosyvoice3")
    norm = TextNormalizer(normalizer, engine_tok.encode)
    out = norm.normalize("I read [R][IY1][D] it 3 times.", split=False)
    assert "[R][IY1][D]" in out and "three" in out
    zh = norm.normalize("这个字读[j][ǐ]，有2个。", split=False)
    assert "[j][ǐ]" in zh


@pytest.mark.parametrize("unit", ["[AA7]", "[XX1]", "[qx]", "[laugh]"])
def test_unknown_units_are_refused_by_name(cv3, voice, unit):
    with pytest.raises(TextInputError, match=rf"\{unit[:-1]}\] is not a known"):
        cv3.synthesize(f"Say {unit} now.", voice, mode="cross_lingual")


def test_pronunciation_units_need_cosyvoice3(cv2_engine, cv2_voice):
    with pytest.raises(TextInputError, match="needs a Fun-CosyVoice3 model"):
        cv2_engine.synthesize("Say [AA1] now.", cv2_voice)


@pytest.mark.parametrize("mode", ["zero_shot", "cross_lingual", "instruct", "vc"])
@pytest.mark.parametrize("stream", [False, True])
def test_every_mode_streams_and_not(cv3, voice, mode, stream):
    events = list(
        cv3.synthesize(
            "We have three cats.",
            voice,
            mode=mode,
            instruction="请用广东话表达。",
            source=PROMPT_ZH,
            stream=stream,
            seed=3,
            sampler=GREEDY,
        )
    )
    assert isinstance(events[-1], Finished)
    chunks = [e.samples for e in events if isinstance(e, AudioChunk)]
    audio = np.concatenate(chunks)
    assert audio.size == events[-1].num_samples > 0 and np.all(np.abs(audio) <= 0.99)
    assert (len(chunks) > 1) == (stream and audio.size > 80 * 480)


def test_streaming_audio_equals_nonstreaming_length(cv3, voice):
    a = list(cv3.synthesize("We have three cats.", voice, stream=False, seed=1, sampler=GREEDY))
    b = list(cv3.synthesize("We have three cats.", voice, stream=True, seed=1, sampler=GREEDY))
    assert a[-1].num_samples == b[-1].num_samples


def test_windowed_vocoder_matches_a_full_rerun(cv3):
    hift = cv3.hift
    torch.manual_seed(0)
    mel = torch.randn(1, 80, 200) * 0.5 - 4
    full, _ = hift.inference(mel, finalize=False)
    margin = hift.left_context_frames()
    for start_frame in (60, 110, 160):
        part, _ = hift.inference(mel, finalize=False, from_sample=start_frame * 480)
        assert torch.allclose(part, full[:, start_frame * 480 :], atol=1e-5, rtol=0), start_frame
    # ... and the margin is needed: starting the generator right at the new samples is wrong.
    hift_short = hift.left_context_frames
    try:
        hift.left_context_frames = lambda: 0
        wrong, _ = hift.inference(mel, finalize=False, from_sample=110 * 480)
        assert (wrong - full[:, 110 * 480 :]).abs().max() > 1e-3
    finally:
        hift.left_context_frames = hift_short
    assert margin >= 4


def test_voice_prepared_for_cosyvoice2_is_refused(cv3, cv2_voice):
    with pytest.raises(RequestError, match="prepared for cosyvoice2"):
        cv3.synthesize("Hi.", cv2_voice)
