"""Synthesis through the public API: every mode, streaming and not, seeds, cancel, saved voices."""

from __future__ import annotations

import threading

import numpy as np
import pytest
import torch

from studio.engine import AudioChunk, Cancelled, Finished, MelFrames, Segment, SpeechTokens, Voice
from studio.engine.lm import greedy_speech_sampler
from tests.conftest import PROMPT_EN, PROMPT_ZH

GREEDY = greedy_speech_sampler(6561)


def audio_of(events) -> np.ndarray:
    return np.concatenate([e.samples for e in events if isinstance(e, AudioChunk)])


def tokens_of(events) -> list[int]:
    return [t for e in events if isinstance(e, SpeechTokens) for t in e.tokens]


@pytest.mark.parametrize("mode", ["zero_shot", "cross_lingual", "instruct"])
@pytest.mark.parametrize("stream", [False, True])
def test_every_mode_streams_and_not(cv2_engine, cv2_voice, mode, stream):
    events = list(
        cv2_engine.synthesize(
            "We have three cats.",
            cv2_voice,
            mode=mode,
            instruction="Speak slowly.",
            stream=stream,
            seed=7,
            sampler=GREEDY,
        )
    )
    assert isinstance(events[0], Segment) and isinstance(events[-1], Finished)
    audio = audio_of(events)
    finished = events[-1]
    assert finished.num_samples == audio.size > 0
    assert np.all(np.abs(audio) <= 0.99)
    chunks = [e for e in events if isinstance(e, AudioChunk)]
    assert [c.start_sample for c in chunks] == list(np.cumsum([0] + [c.samples.size for c in chunks[:-1]]))
    mels = [e for e in events if isinstance(e, MelFrames)]
    assert [m.start_frame for m in mels] == list(np.cumsum([0] + [m.mel.shape[1] for m in mels[:-1]]))
    assert sum(m.mel.shape[1] for m in mels) * 480 == audio.size
    assert len(chunks) > 1 if stream else len(chunks) == 1


def test_streaming_and_nonstreaming_speak_the_same_tokens(cv2_engine, cv2_voice):
    a = list(cv2_engine.synthesize("We have three cats.", cv2_voice, stream=False, seed=1, sampler=GREEDY))
    b = list(cv2_engine.synthesize("We have three cats.", cv2_voice, stream=True, seed=1, sampler=GREEDY))
    assert tokens_of(a) == tokens_of(b)
    assert audio_of(a).size == audio_of(b).size


def test_streaming_state_does_not_leak_between_requests(cv2_engine, cv2_voice):
    # The official model keeps a growing hop on the instance; here every request starts at 25.
    first = [
        len(e.samples)
        for e in cv2_engine.synthesize("We have three cats.", cv2_voice, stream=True, seed=1, sampler=GREEDY)
        if isinstance(e, AudioChunk)
    ]
    second = [
        len(e.samples)
        for e in cv2_engine.synthesize("We have three cats.", cv2_voice, stream=True, seed=1, sampler=GREEDY)
        if isinstance(e, AudioChunk)
    ]
    assert first == second


def test_same_seed_same_audio_other_seed_other_audio(cv2_engine, cv2_voice):
    a = audio_of(cv2_engine.synthesize("Hello there.", cv2_voice, seed=11))
    b = audio_of(cv2_engine.synthesize("Hello there.", cv2_voice, seed=11))
    c = audio_of(cv2_engine.synthesize("Hello there.", cv2_voice, seed=12))
    assert np.array_equal(a, b)
    assert a.size != c.size or not np.array_equal(a, c)


def test_finished_reports_the_seed_used(cv2_engine, cv2_voice):
    events = list(cv2_engine.synthesize("Hello there.", cv2_voice))
    seed = events[-1].seed
    again = audio_of(cv2_engine.synthesize("Hello there.", cv2_voice, seed=seed))
    assert np.array_equal(audio_of(events), again)


def test_long_text_is_split_into_segments_in_order(cv2_engine, cv2_voice):
    text = " ".join(["This sentence is long enough to count as a sentence of its own for the splitter."] * 8)
    events = list(cv2_engine.synthesize(text, cv2_voice, seed=3, sampler=GREEDY))
    segments = [e for e in events if isinstance(e, Segment)]
    assert len(segments) >= 2
    assert events[-1].segments == len(segments)
    starts = [s.start_sample for s in segments]
    assert starts == sorted(starts) and starts[0] == 0


def test_cancel_stops_within_one_lm_step_and_finishes_nothing(cv2_engine, cv2_voice):
    cancel = threading.Event()
    seen = []
    for event in cv2_engine.synthesize(
        "We have three cats and many dogs.", cv2_voice, seed=1, cancel=cancel, sampler=GREEDY
    ):
        seen.append(event)
        if isinstance(event, SpeechTokens) and len(tokens_of(seen)) == 5:
            cancel.set()
    assert isinstance(seen[-1], Cancelled)
    assert not any(isinstance(e, Finished | AudioChunk) for e in seen)
    assert len(tokens_of(seen)) == 5


def test_cancel_while_streaming_ends_promptly(cv2_engine, cv2_voice):
    cancel = threading.Event()
    seen = []
    for event in cv2_engine.synthesize(
        "We have three cats.", cv2_voice, stream=True, seed=1, cancel=cancel, sampler=GREEDY
    ):
        seen.append(event)
        if isinstance(event, AudioChunk):
            cancel.set()
    assert isinstance(seen[-1], Cancelled)
    assert sum(isinstance(e, AudioChunk) for e in seen) == 1


@pytest.mark.parametrize("stream", [False, True], ids=["nonstream", "stream"])
def test_cancel_during_a_flow_solve_stops_at_the_next_euler_step(cv2_engine, cv2_voice, stream):
    """A full-size flow solve takes seconds per chunk: Cancel must not wait for the whole solve."""
    cancel = threading.Event()
    calls = []

    def count_and_cancel(*_):
        calls.append(1)
        if len(calls) == 2:  # the user presses Cancel during the solve's second Euler step
            cancel.set()

    hook = cv2_engine.flow.decoder.estimator.register_forward_hook(count_and_cancel)
    try:
        seen = list(
            cv2_engine.synthesize(
                "We have three cats and many dogs.",
                cv2_voice,
                stream=stream,
                seed=1,
                cancel=cancel,
                sampler=GREEDY,
            )
        )
    finally:
        hook.remove()
    assert isinstance(seen[-1], Cancelled)
    assert not any(isinstance(e, AudioChunk | MelFrames | Finished) for e in seen)
    assert len(calls) == 2  # of the yaml's 10 steps
    # The engine is not left half-way: the next take runs to the end.
    after = list(
        cv2_engine.synthesize("We have three cats.", cv2_voice, stream=stream, seed=1, sampler=GREEDY)
    )
    assert isinstance(after[-1], Finished) and after[-1].num_samples > 0


def test_instruction_gets_endofprompt_once(cv2_engine, cv2_voice):
    a = cv2_engine._model_input("Hi.", cv2_voice, "instruct", cv2_engine._instruction("Speak sadly."))
    b = cv2_engine._model_input(
        "Hi.", cv2_voice, "instruct", cv2_engine._instruction("Speak sadly.<|endofprompt|>")
    )
    end = cv2_engine.tokenizer.endofprompt_id
    assert a.prompt_text_ids.tolist() == b.prompt_text_ids.tolist()
    assert a.prompt_text_ids[0].tolist().count(end) == 1


def test_voice_save_and_load_round_trip(cv2_engine, cv2_voice, tmp_path):
    path = cv2_voice.save(tmp_path / "me.voice.safetensors")
    loaded = Voice.load(path)
    assert loaded.transcript == cv2_voice.transcript and loaded.family == "cosyvoice2"
    a = audio_of(cv2_engine.synthesize("Hello there.", cv2_voice, seed=5))
    b = audio_of(cv2_engine.synthesize("Hello there.", loaded, seed=5))
    assert np.array_equal(a, b)
    assert not list(tmp_path.glob(".voice-*"))  # no temp file left behind


def test_prepared_voice_matches_from_array_and_from_file(cv2_engine):
    import soundfile as sf

    data, sr = sf.read(str(PROMPT_ZH), dtype="float32")
    a = cv2_engine.prepare_voice(PROMPT_ZH)
    b = cv2_engine.prepare_voice(data, sample_rate=sr)
    assert a.speech_tokens.tolist() == b.speech_tokens.tolist()


def test_builtin_spk2info_voice_synthesizes(cv2_engine):
    voices = cv2_engine.builtin_voices()
    assert "golden_spk" in voices
    events = list(cv2_engine.synthesize("Hello there.", voices["golden_spk"], seed=1, sampler=GREEDY))
    assert isinstance(events[-1], Finished)


def test_voice_conversion_replaces_the_lm(cv2_engine, cv2_voice):
    source_tokens = cv2_engine.source_tokens(PROMPT_ZH)
    events = list(cv2_engine.synthesize(None, cv2_voice, mode="vc", source=PROMPT_ZH, seed=1))
    assert tokens_of(events) == source_tokens.tolist()
    assert events[-1].num_samples == len(source_tokens) * 2 * 480


def test_speed_changes_duration(cv2_engine, cv2_voice):
    normal = audio_of(cv2_engine.synthesize("Hello there.", cv2_voice, seed=2, sampler=GREEDY))
    fast = audio_of(cv2_engine.synthesize("Hello there.", cv2_voice, seed=2, speed=2.0, sampler=GREEDY))
    assert abs(fast.size - normal.size / 2) <= 480


def test_custom_sampler_sees_masked_logprobs_and_history(cv2_engine, cv2_voice):
    calls = []

    def sampler(logprobs, history):
        calls.append((logprobs.shape[0], len(history), bool(np.isneginf(logprobs[6561].item()))))
        return 6561 if len(history) >= 20 else int(logprobs[:6561].argmax())

    events = list(cv2_engine.synthesize("We have three cats.", cv2_voice, seed=1, sampler=sampler))
    assert calls[0] == (6564, 0, True)  # eos masked before min_len
    assert calls[-1][2] is False  # ... and allowed after
    assert len(tokens_of(events)) == 20


def test_english_text_with_numbers_is_normalized(cv2_engine):
    assert cv2_engine.split_text("We have 3 cats.") == ["We have three cats."]


def test_prompt_from_real_speech(cv2_engine):
    from tests.conftest import AUDIO_REAL

    voice = cv2_engine.prepare_voice(
        AUDIO_REAL / "zh_zero_shot_prompt.wav", transcript="希望你以后能够做的比我还好呦。"
    )
    assert voice.sample_rate == 24000 and 3 < voice.seconds < 4
    assert abs(voice.speech_tokens.numel() - voice.seconds * 25) <= 2
    _ = PROMPT_EN


def test_bf16_runs_every_stage_and_stays_close_in_length(cv2_engine, cv2_voice):
    from studio.engine import load_model
    from tests.conftest import CV2_MODEL

    fast = load_model(CV2_MODEL, device="cpu", precision="bf16", text_normalizer="rules")
    assert next(fast.flow.parameters()).dtype.is_floating_point and fast.precision == "bf16"
    voice = fast.prepare_voice(PROMPT_EN, transcript=cv2_voice.transcript)
    events = list(fast.synthesize("We have three cats.", voice, stream=True, seed=1, sampler=GREEDY))
    audio = audio_of(events)
    assert np.isfinite(audio).all() and audio.dtype == np.float32
    assert events[-1].num_samples == audio.size > 0


def test_precision_is_validated():
    from studio.engine import RequestError, load_model
    from tests.conftest import CV2_MODEL

    with pytest.raises(RequestError, match="fp16 needs a CUDA GPU"):
        load_model(CV2_MODEL, device="cpu", precision="fp16")
    with pytest.raises(RequestError, match="Precision must be one of"):
        load_model(CV2_MODEL, device="cpu", precision="int8")


def test_a_warmed_voice_prefix_starts_streaming_later_with_the_same_audio(cv2_engine):
    from tests.conftest import PROMPT_ZH_TEXT

    voice = cv2_engine.prepare_voice(PROMPT_ZH, transcript=PROMPT_ZH_TEXT)  # 126 prompt tokens
    assert cv2_engine._prompt_prefix_frames(voice.zero_shot_prompt()[0].numel()) == 200
    cv2_engine._voice_prefix = None
    cold = audio_of(cv2_engine.synthesize("We have three cats.", voice, stream=True, seed=1, sampler=GREEDY))
    assert cv2_engine._voice_prefix is None  # a take never pays for the prefix itself
    assert cv2_engine.warm_stream_prefix(voice) == 200
    assert cv2_engine.warm_stream_prefix(voice) == 200  # already warm: nothing to do
    kept = cv2_engine._voice_prefix[1]
    before = [(dict(c.conv_tails), dict(c.attn_inputs)) for c in kept.steps]
    before = [({k: v.clone() for k, v in t.items()}, {k: v.clone() for k, v in a.items()}) for t, a in before]
    warm = audio_of(cv2_engine.synthesize("We have three cats.", voice, stream=True, seed=1, sampler=GREEDY))
    for (tails, attn), step in zip(before, kept.steps):  # a take never writes into the kept prefix
        assert all(torch.equal(v, step.conv_tails[k]) for k, v in tails.items())
        assert all(torch.equal(v, step.attn_inputs[k]) for k, v in attn.items())
    again = audio_of(cv2_engine.synthesize("We have three cats.", voice, stream=True, seed=1, sampler=GREEDY))
    budget, cv2_engine.flow_cache_budget = cv2_engine.flow_cache_budget, 0
    try:
        resolved = audio_of(
            cv2_engine.synthesize("We have three cats.", voice, stream=True, seed=1, sampler=GREEDY)
        )
    finally:
        cv2_engine.flow_cache_budget = budget
    # (MKL's first call with a new shape may round differently: 1e-4 here is float noise, not drift)
    assert np.abs(warm - again).max() < 1e-4
    assert cold.shape == warm.shape
    assert np.abs(cold - warm).max() < 1e-4  # the prefix solved apart: float rounding only
    assert np.abs(cold - resolved).max() < 1e-3
