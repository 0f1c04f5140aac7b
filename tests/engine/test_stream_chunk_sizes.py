"""Streaming with the per-segment flow cache equals streaming without it, for any chunk size.

The official code re-solves every frame so far for each streamed chunk; our cache keeps the
frames of completed attention chunks. A model folder may set any `chunk_size` (a fine-tuned
model may), while the streaming hop stays the official 25 tokens, so hops end inside attention
chunks whenever `chunk_size` does not divide 25. For each chunk size, both families, cold and
with the voice's prefix warmed: the same mel (1e-5) and audio (1e-4), on the official schedule.
Voice conversion feeds fixed speech tokens, so the LM does not enter into it.
"""

from __future__ import annotations

import math
import re

import numpy as np
import pytest
import torch

from studio.engine import AudioChunk, MelFrames, load_model
from tests.conftest import CV2_MODEL, CV3_MODEL, PROMPT_EN, PROMPT_EN_TEXT, copy_model

CHUNK_SIZES = (10, 20, 25, 30, 50)
OFFICIAL_HOP, MAX_HOP, LOOKAHEAD = 25, 100, 3
SOURCE_TOKENS = 190


def official_schedule(prompt_tokens: int, total: int) -> list[tuple[int, bool]]:
    """(tokens handed to the flow, finalize) per call, as the official CosyVoice2Model.tts streams."""
    pad = math.ceil(prompt_tokens / OFFICIAL_HOP) * OFFICIAL_HOP - prompt_tokens
    calls, offset, hop = [], 0, OFFICIAL_HOP
    while True:
        this_hop = hop + pad if offset == 0 else hop
        if total - offset < this_hop + LOOKAHEAD:
            break
        calls.append((offset + this_hop + LOOKAHEAD, False))
        offset += this_hop
        hop = min(MAX_HOP, hop * 2)
    calls.append((total, True))
    return calls


def model_with_chunk_size(src, dst, chunk_size: int):
    folder = copy_model(src, dst)
    yaml = next(folder.glob("cosyvoice*.yaml"))
    text, n = re.subn(r"(?m)^chunk_size: \d+", f"chunk_size: {chunk_size}", yaml.read_text())
    assert n == 1
    yaml.write_text(text)
    return folder


def streamed(engine, voice, source, warm: bool):
    calls = []
    engine.trace = lambda stage, info: (
        calls.append((len(info["tokens"]), info["finalize"])) if (stage == "flow") else None
    )
    engine._voice_prefix = None
    if warm:
        assert engine.warm_stream_prefix(voice) > 0
    mel, audio = [], []
    for event in engine.synthesize(None, voice, mode="vc", source=source, stream=True, seed=3):
        if isinstance(event, MelFrames):
            mel.append(event.mel)
        elif isinstance(event, AudioChunk):
            audio.append(event.samples)
    engine.trace = None
    return np.concatenate(mel, axis=1), np.concatenate(audio), calls


@pytest.mark.slow
@pytest.mark.parametrize("family_model", [CV2_MODEL, CV3_MODEL], ids=["cosyvoice2", "cosyvoice3"])
@pytest.mark.parametrize("chunk_size", CHUNK_SIZES)
def test_cached_streaming_equals_resolving_streaming(tmp_path, family_model, chunk_size):
    engine = load_model(model_with_chunk_size(family_model, tmp_path / "model", chunk_size), device="cpu")
    assert engine.flow.decoder.estimator.cfg.static_chunk_size == chunk_size * engine.spec.token_mel_ratio
    voice = engine.prepare_voice(PROMPT_EN, transcript=PROMPT_EN_TEXT)
    source = torch.randint(0, 4000, (SOURCE_TOKENS,), generator=torch.Generator().manual_seed(chunk_size))
    prompt_tokens = voice.zero_shot_prompt(engine.spec.token_mel_ratio)[0].numel()

    budget = engine.flow_cache_budget
    engine.flow_cache_budget = 0  # every chunk re-solves the prefix, as the official code does
    plain_mel, plain_audio, plain_calls = streamed(engine, voice, source, warm=False)
    engine.flow_cache_budget = budget
    schedule = official_schedule(prompt_tokens, SOURCE_TOKENS)
    assert plain_calls == schedule
    assert len(schedule) >= 4  # several streamed chunks, then the final pass

    for warm in (False, True):
        mel, audio, calls = streamed(engine, voice, source, warm)
        assert calls == schedule
        assert mel.shape == plain_mel.shape and audio.shape == plain_audio.shape
        assert np.abs(mel - plain_mel).max() <= 1e-5, f"warm={warm}"
        assert np.abs(audio - plain_audio).max() <= 1e-4, f"warm={warm}"


def test_commit_frames_follow_the_yaml(tmp_path):
    """The frames kept between chunks end on a boundary of every attention chunk in the flow."""
    engine = load_model(model_with_chunk_size(CV2_MODEL, tmp_path / "model", 20), device="cpu")
    assert engine.flow.commit_frames == 40
    assert engine._prompt_prefix_frames(100) == 160  # (100 - 3) tokens = 194 frames -> 4 chunks of 40
