"""fp32 linear layers through oneDNN on the CPU: the same function as `F.linear`, same parameters,
and an engine built with them speaks what the plain-BLAS engine speaks."""

from __future__ import annotations

import os
import subprocess
import sys

import numpy as np
import pytest
import torch
from torch import nn

from studio.engine import AudioChunk, SpeechTokens, load_model
from studio.engine.cpu_linear import ENV, OneDNNLinear, onednn_linear_available, use_onednn_linears
from studio.engine.lm import greedy_speech_sampler
from tests.conftest import CV2_MODEL, CV3_MODEL, PROMPT_EN, PROMPT_EN_TEXT, REPO

needs_onednn = pytest.mark.skipif(
    not onednn_linear_available(), reason="this torch build has no oneDNN linear"
)


@needs_onednn
@pytest.mark.parametrize(
    ("shape", "out_features", "bias"),
    [((1, 1, 896), 128, True), ((1, 112, 64), 32, False), ((1288, 256), 1024, True), ((3, 5, 7), 1, True)],
)
def test_onednn_linear_computes_what_f_linear_computes(shape, out_features, bias):
    gen = torch.Generator().manual_seed(len(shape) + out_features)
    layer = nn.Linear(shape[-1], out_features, bias=bias)
    with torch.no_grad():
        layer.weight.copy_(torch.randn(layer.weight.shape, generator=gen) * 0.05)
        if bias:
            layer.bias.copy_(torch.randn(out_features, generator=gen))
    x = torch.randn(shape, generator=gen)
    with torch.inference_mode():
        want = layer(x)
        assert use_onednn_linears(layer) == 1 and type(layer) is OneDNNLinear
        got = layer(x)
    assert got.shape == want.shape
    # The same float32 products summed in another order.
    torch.testing.assert_close(got, want, rtol=1e-5, atol=1e-5)


@needs_onednn
def test_only_plain_linears_change_and_nothing_is_copied():
    class Special(nn.Linear):  # a subclass means someone wanted other behaviour: left alone
        pass

    model = nn.Sequential(nn.Linear(4, 4), Special(4, 4), nn.Conv1d(4, 4, 1), nn.Sequential(nn.Linear(4, 2)))
    before = {name: p.data_ptr() for name, p in model.named_parameters()}
    keys = list(model.state_dict())
    assert use_onednn_linears(model) == 2
    assert [type(m) for m in model] == [OneDNNLinear, Special, nn.Conv1d, nn.Sequential]
    assert type(model[3][0]) is OneDNNLinear
    assert {name: p.data_ptr() for name, p in model.named_parameters()} == before
    assert list(model.state_dict()) == keys


@needs_onednn
def test_training_and_other_devices_keep_f_linear():
    layer = nn.Linear(8, 3)
    use_onednn_linears(layer)
    x = torch.randn(2, 8, requires_grad=True)
    layer(x).sum().backward()  # oneDNN's op has no gradient: this would raise if it were used
    assert x.grad is not None and layer.weight.grad is not None
    with torch.inference_mode():
        half = layer.to(torch.bfloat16)(torch.randn(2, 8, dtype=torch.bfloat16))
    assert half.dtype == torch.bfloat16


def test_the_environment_switch_turns_it_off():
    code = (
        "from studio.engine.cpu_linear import onednn_linear_available, use_onednn_linears\n"
        "import torch\n"
        "m = torch.nn.Linear(2, 2)\n"
        "print(onednn_linear_available(), use_onednn_linears(m), type(m).__name__)\n"
    )
    env = dict(os.environ, **{ENV: "blas"})
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.split() == ["False", "0", "Linear"]


def _greedy_take(engine, stream: bool) -> tuple[list[int], np.ndarray]:
    voice = engine.prepare_voice(PROMPT_EN, transcript=PROMPT_EN_TEXT)
    sampler = greedy_speech_sampler(engine.lm.cfg.speech_token_size)
    eos = engine.lm.cfg.eos

    def forty(logp, history):
        return sampler(logp, history) if len(history) < 40 else eos

    tokens, chunks = [], []
    for event in engine.synthesize("We have 3 cats.", voice, stream=stream, seed=5, sampler=forty):
        if isinstance(event, SpeechTokens):
            tokens.extend(event.tokens)
        elif isinstance(event, AudioChunk):
            chunks.append(event.samples)
    return tokens, np.concatenate(chunks)


@needs_onednn
@pytest.mark.parametrize("model", [CV2_MODEL, CV3_MODEL], ids=["cosyvoice2", "cosyvoice3"])
@pytest.mark.parametrize("stream", [False, True], ids=["nonstream", "stream"])
def test_an_engine_with_onednn_linears_speaks_what_the_blas_engine_speaks(model, stream):
    onednn = load_model(model, device="cpu", text_normalizer="rules")
    assert any(isinstance(m, OneDNNLinear) for m in onednn.lm.modules())
    assert any(isinstance(m, OneDNNLinear) for m in onednn.flow.modules())
    blas = load_model(model, device="cpu", text_normalizer="rules")
    for module in (blas.lm, blas.flow):
        for sub in module.modules():
            if type(sub) is OneDNNLinear:
                sub.__class__ = nn.Linear
    tokens_a, audio_a = _greedy_take(onednn, stream)
    tokens_b, audio_b = _greedy_take(blas, stream)
    assert tokens_a == tokens_b
    assert audio_a.shape == audio_b.shape
    # The parity harness's end-to-end tolerance (studio.engine.parity.TOL_E2E).
    assert float(np.abs(audio_a - audio_b).max()) <= 1e-3


def test_f_linear_is_what_a_cpu_engine_falls_back_to(monkeypatch):
    """Where oneDNN is missing the engine keeps plain nn.Linear (and still loads and speaks)."""
    from studio.engine import cpu_linear

    monkeypatch.setattr(cpu_linear, "onednn_linear_available", lambda: False)
    engine = load_model(CV2_MODEL, device="cpu", text_normalizer="rules")
    assert not any(isinstance(m, OneDNNLinear) for m in engine.lm.modules())
    tokens, audio = _greedy_take(engine, stream=False)
    assert len(tokens) == 40 and audio.size > 0 and np.isfinite(audio).all()
