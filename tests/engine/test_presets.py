"""Speed presets: exact stays the default and untouched; fast stays within a stated distance of exact.

Quality guard (no real weights): same voice, text, seed and forced speech tokens on the golden
random-weight models. Stated bounds, with what was measured when they were set (100 tokens):

- fast mel against exact mel, relative L2 <= MEL_REL_L2_MAX (measured 0.116 CosyVoice 2 with 5
  flow steps, 0.034 CosyVoice 3 with 5 steps + int8 DiT; full-size random model: see README)
- LM greedy argmax agreement with exact under teacher forcing >= LM_AGREEMENT_MIN (measured 1.0)

Real-voice quality is not covered: judge the fast preset by ear on the real checkpoints.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
import soundfile as sf
import torch

from studio.engine import Finished, RequestError, load_model
from studio.engine.preset_quality import compare
from studio.engine.presets import FAST_FLOW_STEPS, Preset, release_pages, resolve_preset
from tests.conftest import CV2_MODEL, CV3_MODEL, PROMPT_EN, PROMPT_EN_TEXT, REPO

MEL_REL_L2_MAX = 0.20
LM_AGREEMENT_MIN = 0.95
TEXT = "The quick brown fox jumps over the lazy dog."


def _quantized_linears(module) -> int:
    from torch.ao.nn.quantized.dynamic import Linear as DynamicLinear

    return sum(isinstance(m, DynamicLinear) for m in module.modules())


def test_exact_is_the_default_and_changes_nothing(cv2_engine):
    assert cv2_engine.preset == Preset("exact", 10, None)
    assert cv2_engine.spec.cfm.n_timesteps == 10
    assert _quantized_linears(cv2_engine.lm) == 0 and _quantized_linears(cv2_engine.flow) == 0


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"name": "turbo"}, "Preset must be one of exact, fast"),
        ({"name": "exact", "flow_steps": 5}, "choose the fast preset"),
        ({"name": "fast", "flow_steps": 2}, "between 3 and the model's 10"),
        ({"name": "fast", "flow_steps": 11}, "between 3 and the model's 10"),
    ],
)
def test_bad_preset_requests_are_refused_by_name(kwargs, message):
    with pytest.raises(RequestError, match=message):
        resolve_preset(yaml_steps=10, device=torch.device("cpu"), **kwargs)


def test_fast_on_cpu_and_cuda():
    cpu = resolve_preset("fast", 10, torch.device("cpu"))
    assert cpu == Preset("fast", FAST_FLOW_STEPS, "int8-dynamic", None, "int8-dynamic")
    assert cpu.label == f"fast ({FAST_FLOW_STEPS} flow steps, LM int8, flow int8)"
    assert resolve_preset("fast", 10, torch.device("cpu"), 7).flow_steps == 7
    # On CUDA the fast preset is half precision (int8 dynamic quantization is a CPU kernel).
    cuda = resolve_preset("fast", 10, torch.device("cuda"), precision="fp32")
    assert cuda.lm_quantization is None and cuda.dtype_override in ("bf16", "fp16")
    assert resolve_preset("fast", 10, torch.device("cuda"), precision="fp16").dtype_override is None


@pytest.fixture(scope="module")
def cv2_fast():
    return load_model(CV2_MODEL, device="cpu", text_normalizer="rules", preset="fast")


def test_fast_engine_is_int8_with_fewer_steps_and_takes_say_so(cv2_fast, cv2_voice):
    assert cv2_fast.spec.cfm.n_timesteps == FAST_FLOW_STEPS
    layers = len(cv2_fast.lm.backbone.layers)
    assert _quantized_linears(cv2_fast.lm) == 4 * layers  # qkv (fused), o, gate+up (fused), down per layer
    assert isinstance(cv2_fast.lm.llm_decoder, torch.nn.Linear)  # the speech head stays fp32
    calls = []
    hook = cv2_fast.flow.decoder.estimator.register_forward_hook(lambda *a: calls.append(1))
    try:
        events = list(cv2_fast.synthesize("Hello there.", cv2_voice, stream=True, seed=3))
    finally:
        hook.remove()
    finished = events[-1]
    assert isinstance(finished, Finished) and finished.num_samples > 0
    assert finished.preset == "fast" and finished.flow_steps == FAST_FLOW_STEPS
    assert calls and len(calls) % FAST_FLOW_STEPS == 0  # every flow solve took the fast step count


def test_fused_int8_projections_give_the_separate_int8_projections_bit_for_bit(cv2_engine):
    """The fast preset fuses q/k/v and gate/up before int8 quantization; per-channel weight scales and
    per-call activation scales make that an exact rewrite, here checked through the decode step and
    through transformers' own forward (which calls the old projection names)."""
    import copy

    from studio.engine.presets import attach_fused_views, fuse_projections, quantize_linear_int8

    separate = copy.deepcopy(cv2_engine.lm)
    fused = copy.deepcopy(cv2_engine.lm)
    for layer in separate.backbone.layers:
        quantize_linear_int8(layer)
    for layer in fused.backbone.layers:
        fuse_projections(layer)
        quantize_linear_int8(layer)
        attach_fused_views(layer)
    assert _quantized_linears(separate) == 7 * len(separate.backbone.layers)
    prefix = torch.randn(1, 12, separate.cfg.input_size, generator=torch.Generator().manual_seed(0))
    with torch.inference_mode():
        outs = []
        for lm in (separate, fused):
            cache = lm.new_cache(32)
            steps = [lm.forward_step(prefix, cache)]
            for token in (3, 17, 250):
                steps.append(lm.forward_step(lm.token_embedding(token), cache))
            outs.append((torch.stack(steps), lm.hidden_states(prefix)))
    assert torch.equal(outs[0][0], outs[1][0])
    assert torch.equal(outs[0][1], outs[1][1])


def test_quality_guard_cosyvoice2(cv2_engine, cv2_fast, cv2_voice):
    result = compare(cv2_engine, cv2_fast, cv2_voice, cv2_voice, text=TEXT, tokens=60)
    assert result.frames == 120
    assert result.mel_rel_l2 <= MEL_REL_L2_MAX, result
    assert result.lm_agreement >= LM_AGREEMENT_MIN, result
    assert result.mel_rel_l2 > 0  # the fast mel really is computed differently


def test_quality_guard_cosyvoice3():
    exact = load_model(CV3_MODEL, device="cpu", text_normalizer="rules")
    fast = load_model(CV3_MODEL, device="cpu", text_normalizer="rules", preset="fast")
    assert _quantized_linears(fast.flow.decoder.estimator) > 0
    voice = exact.prepare_voice(PROMPT_EN, transcript=PROMPT_EN_TEXT)
    result = compare(exact, fast, voice, voice, text=TEXT, tokens=60)
    assert result.mel_rel_l2 <= MEL_REL_L2_MAX, result
    assert result.lm_agreement >= LM_AGREEMENT_MIN, result
    # the int8 DiT also streams (chunk caches through the quantized linears)
    finished = list(fast.synthesize("Hello there.", voice, stream=True, seed=1))[-1]
    assert isinstance(finished, Finished) and finished.num_samples > 0 and finished.preset == "fast"


def test_release_pages_keeps_other_memory_and_ignores_views():
    keep = torch.arange(10, dtype=torch.float32)
    pool = torch.ones(1 << 16)
    release_pages(pool[: 1 << 14])  # a view of a larger pool: refused, nothing dropped
    assert bool((pool == 1).all())
    big = torch.ones(1 << 20)
    release_pages(big)  # whole pages of a tensor about to be dropped
    del big
    assert keep.tolist() == list(range(10))


def test_cli_preset_fast(tmp_path):
    out = tmp_path / "fast.wav"
    base = [sys.executable, "-m", "studio.cli", "synth", "--model", str(CV2_MODEL), "--normalizer", "rules"]
    args = ["--ref", str(PROMPT_EN), "--ref-text", PROMPT_EN_TEXT, "--text", "Hi there.", "--seed", "1"]
    proc = subprocess.run(
        base + args + ["--preset", "fast", "--flow-steps", "4", "--out", str(out)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    assert sf.info(str(out)).frames > 0
    assert "preset fast (4 flow steps, LM int8, flow int8)" in proc.stdout
    bad = subprocess.run(
        base + args + ["--flow-steps", "4", "--out", str(tmp_path / "x.wav")],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert bad.returncode != 0 and "--flow-steps needs --preset fast" in bad.stderr
    assert not (tmp_path / "x.wav").exists()
