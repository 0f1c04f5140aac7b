"""The CUDA path's pieces, checked on the CPU: the static decode step, the graph decoder's fallback,
the per-shape estimator graphs (with a stand-in capture), and the ONNX providers' choice.

On a GPU machine bench/gpu_check.sh runs the real graphs (this file cannot: no test fakes a GPU
into existence)."""

from __future__ import annotations

import onnxruntime as ort
import pytest
import torch

from studio.engine import cuda_graphs
from studio.engine.cuda_graphs import GraphedEstimator, bucket
from studio.engine.frontend import onnx as onnx_frontend
from studio.engine.lm import StaticDecodeStep, greedy_speech_sampler
from tests.conftest import CV2_MODEL


@pytest.fixture(scope="module")
def lm_and_prefix(cv2_engine):
    lm = cv2_engine.lm
    text = torch.tensor([cv2_engine.tokenizer.encode("Hello there, how are you?")], dtype=torch.int32)
    prompt = torch.arange(30, dtype=torch.int32).view(1, -1) * 7
    with torch.inference_mode():
        prefix = lm.prefix(text, prompt)
    return lm, prefix


def _eager_logprobs(lm, prefix, tokens):
    cache = lm.new_cache(prefix.shape[1] + len(tokens) + 1)
    out = [lm.logprobs(lm.forward_step(prefix, cache)).squeeze(0)]
    for t in tokens:
        out.append(lm.logprobs(lm.forward_step(lm.token_embedding(t), cache)).squeeze(0))
    return out


@torch.inference_mode()
def test_static_step_matches_the_eager_step(lm_and_prefix):
    lm, prefix = lm_and_prefix
    static = StaticDecodeStep(lm, bucket(prefix.shape[1] + 21))
    got = [static.prefill(prefix)]
    tokens = []
    for _ in range(20):
        tokens.append(int(got[-1][:6561].argmax()))
        static.token.fill_(tokens[-1])
        got.append(static.step())
    want = _eager_logprobs(lm, prefix, tokens)
    for a, b in zip(got, want, strict=True):
        torch.testing.assert_close(a, b, atol=2e-5, rtol=1e-5)
    assert int(static.position) == prefix.shape[1] + 20
    with pytest.raises(ValueError, match="does not fit"):
        StaticDecodeStep(lm, 8).prefill(prefix)


def _greedy(lm, prefix, n=25):
    sampler = greedy_speech_sampler()
    return list(lm.generate(prefix, 0, n, sampler))


def test_generate_through_the_graph_decoder_falls_back_and_gives_the_same_tokens(lm_and_prefix, monkeypatch):
    lm, prefix = lm_and_prefix
    want = _greedy(lm, prefix)
    # Pretend the device has CUDA graphs: capture fails on the CPU (no CUDA stream), so the decoder
    # must run the static step eagerly and still produce exactly the same greedy tokens.
    monkeypatch.setattr(cuda_graphs, "graphs_enabled", lambda device: True)
    lm.__dict__.pop("_graph_decoder", None)
    try:
        got = _greedy(lm, prefix)
        decoder = lm.__dict__["_graph_decoder"]
        assert decoder.use_graphs and all(graph is None for _, graph, _ in decoder._steps.values())
        assert list(decoder._steps) == [bucket(prefix.shape[1] + 26)]
        assert _greedy(lm, prefix) == got  # the same bucket is reused, state reset by the prefill
        assert len(decoder._steps) == 1
    finally:
        lm.__dict__.pop("_graph_decoder", None)
    assert got == want


class _FakeGraph:
    """Stands in for torch.cuda.CUDAGraph on the CPU: replay re-runs the recorded function into
    the same output buffer, which is what a graph replay does to its static output."""

    def __init__(self, fn, out):
        self.fn, self.out, self.replays = fn, out, 0

    def replay(self):
        self.replays += 1
        self.out.copy_(self.fn())


def _fake_capture(fn, after_warmup=None):
    out = fn()
    return _FakeGraph(fn, out), out


class _Estimator(torch.nn.Module):
    cfg = "config"

    def __init__(self):
        super().__init__()
        self.calls = 0
        self.lin = torch.nn.Linear(80, 80)

    def forward(self, x, mu, t, spks, cond, streaming=False, cache=None):
        self.calls += 1
        return self.lin((x + mu + cond).transpose(1, 2)).transpose(1, 2) * t.view(-1, 1, 1) + spks[..., None]


@torch.inference_mode()
def test_graphed_estimator_one_graph_per_shape_static_buffers_and_eager_cached_calls(monkeypatch):
    monkeypatch.setattr(cuda_graphs, "_capture", _fake_capture)
    inner = _Estimator()
    est = GraphedEstimator(inner, use_graphs=True, max_graphs=2)
    assert est.cfg == "config"

    def args(frames, seed):
        g = torch.Generator().manual_seed(seed)
        return (
            torch.randn(2, 80, frames, generator=g),
            torch.randn(2, 80, frames, generator=g),
            torch.rand(2, generator=g),
            torch.randn(2, 80, generator=g),
            torch.randn(2, 80, frames, generator=g),
        )

    for seed in range(3):  # the same shape, new values: one capture, replays with the new inputs
        a = args(50, seed)
        torch.testing.assert_close(est(*a), inner(*a))
    assert len(est._graphs) == 1 and next(iter(est._graphs.values()))[0].replays == 3
    for frames in (60, 70):
        a = args(frames, 9)
        torch.testing.assert_close(est(*a), inner(*a))
    assert [k[0][2] for k in est._graphs] == [60, 70]  # at most max_graphs, least recent dropped
    calls = inner.calls
    est(*args(70, 1), False, object())  # a streaming cache: eager, no graph
    assert inner.calls == calls + 1 and len(est._graphs) == 2
    # Off CUDA (use_graphs=None and a CPU tensor) it is a plain pass-through.
    plain = GraphedEstimator(inner)
    a = args(40, 2)
    torch.testing.assert_close(plain(*a), inner(*a))
    assert not plain._graphs


def test_a_failed_capture_runs_that_shape_eagerly(monkeypatch):
    monkeypatch.setattr(cuda_graphs, "_capture", lambda fn, after=None: (None, None))
    inner = _Estimator()
    est = GraphedEstimator(inner, use_graphs=True)
    x = torch.randn(2, 80, 10)
    with torch.inference_mode():
        torch.testing.assert_close(
            est(x, x, torch.ones(2), torch.zeros(2, 80), x), inner(x, x, torch.ones(2), torch.zeros(2, 80), x)
        )
    assert list(est._graphs.values()) == [None]


def test_onnx_frontends_use_cuda_when_present_and_fall_back(monkeypatch):
    assert onnx_frontend.providers_for("cpu") == ["CPUExecutionProvider"]
    assert onnx_frontend.providers_for(None) == ["CPUExecutionProvider"]
    monkeypatch.setattr(
        ort, "get_available_providers", lambda: ["CUDAExecutionProvider", "CPUExecutionProvider"]
    )
    assert onnx_frontend.providers_for("cuda:1") == [
        ("CUDAExecutionProvider", {"device_id": 1}),
        "CPUExecutionProvider",
    ]
    real = ort.InferenceSession
    tried = []

    def session(path, sess_options=None, providers=None):
        tried.append(providers)
        if any("CUDA" in str(p) for p in providers):
            raise RuntimeError("libcudart.so.13: cannot open shared object file")
        return real(path, sess_options=sess_options, providers=providers)

    monkeypatch.setattr(ort, "InferenceSession", session)
    enc = onnx_frontend.SpeakerEncoder(CV2_MODEL / "campplus.onnx", "cuda")
    assert enc.session.get_providers() == ["CPUExecutionProvider"]
    assert len(tried) == 2
