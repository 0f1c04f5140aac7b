"""Stage-by-stage parity with the official CosyVoice implementation, on a golden folder.

    python -m studio.engine.parity GOLDEN_DIR [--family cosyvoice2|cosyvoice3]

A golden folder holds, per family, `manifest.json`, `cases/*.safetensors` and a model folder in
the release layout (see shared/golden/README.md). Each case is run through the code a user's
model takes (`load_model`, `prepare_voice`, `synthesize` and the stage modules they use) and
compared with the official outputs. One line per case; exit status 1 if any case fails or cannot
be run, 2 on usage errors. A family the engine does not support is refused as a whole.

Numerics: the official outputs were produced with Intel MKL's SSE/AVX FFT code path. MKL picks
an AVX-512 path on newer CPUs, whose rounding of near-silent FFT bins differs by up to 5e-5
(log-mel) and 4e-4 (log fbank), beyond the 1e-5 feature tolerance and enough to flip a speech
token. So this harness pins MKL to its AVX path (MKL_CBWR=AVX) before any MKL call; the code
path is unchanged, with it both implementations agree to ~1e-7.

ATen's own vectorised kernels (the window, power spectrum and log of Kaldi's fbank) also differ
between processors: AVX-512 (the Intel machine that made the golden set, AMD Zen 4), AVX2 (AMD
Zen 2/3, older Intel) and the generic kernels round near-silent bins differently. The log fbank
is therefore compared with a per-bin tolerance derived from float32 rounding (`fbank_envelope`);
every other stage keeps its flat tolerance, and the speaker embedding computed from our fbank is
still held to the 1e-5 feature tolerance.
"""

from __future__ import annotations

import os

os.environ.setdefault("MKL_CBWR", "AVX")  # must precede the first MKL call in this process

import argparse
import json
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import torch

TOL_EXACT = 0.0
TOL_FEATURE = 1e-5
TOL_LM = 1e-4
TOL_FLOW = 1e-3
TOL_HIFT = 1e-4
TOL_E2E = 1e-3
EPS32 = float(np.finfo(np.float32).eps)


def fbank_envelope(log_energy: np.ndarray) -> np.ndarray:
    """Per-element tolerance (frames, bins) for a Kaldi log fbank, before mean normalisation.

    `log_energy` is that fbank (natural-log mel energies), from either implementation.

    Why not the flat 1e-5: a float32 FFT rounds each bin to within about eps32 of the frame's
    loudest amplitude, so a bin b nats (in power) below its frame's loudest bin carries a relative
    power error of about 2 * eps32 * exp(b / 2), and the log turns that into an absolute error of
    the same size. Near-silent bins (15-20 nats down, at Kaldi's energy floor log(eps32) = -15.9)
    thus differ by 1e-4 - 5e-4 between any two correct float32 implementations. Measured on the
    golden clips: float32 vs float64 up to 4.9e-4 (the official output is as far from float64 as
    ours); between ATen's AVX-512 and AVX2 kernels 9.2e-5 (en) / 1.7e-5 (zh), generic kernels
    1.3e-4 / 2.7e-5, all in such bins. Each of two implementations may sit that far from the exact
    value, hence twice the envelope, on top of the 1e-5 feature tolerance. Bins within a few nats
    of their frame's peak (what the speaker encoder mostly sees) keep a tolerance of about 1.5e-5.
    """
    log_energy = np.asarray(log_energy, dtype=np.float64)
    below_peak = log_energy.max(axis=1, keepdims=True) - log_energy
    return TOL_FEATURE + 2 * (2 * EPS32 * np.exp(below_peak / 2))


def fbank_residual(diff: np.ndarray, envelope: np.ndarray) -> np.ndarray:
    """What of a mean-normalised fbank difference the envelope must bound, per element.

    Mean normalisation subtracts each bin's time mean, so every element of a bin also carries
    that mean's error: one offset per bin, at most the bin's mean envelope. The offset is
    estimated as the bin's median difference (most frames are loud, with errors near 0), clipped
    to that bound, and removed; an offset beyond the bound stays in the residual and fails.
    """
    bound = envelope.mean(axis=0, keepdims=True)
    offset = np.clip(np.median(diff, axis=0, keepdims=True), -bound, bound)
    return diff - offset


FAMILY_BY_KIND = {"cv2": "cosyvoice2", "cv3": "cosyvoice3"}


@dataclass
class CaseResult:
    family: str
    name: str
    ok: bool = True
    worst: float = 0.0
    worst_what: str = ""
    failures: list[str] = field(default_factory=list)
    error: str | None = None
    seconds: float = 0.0

    def check(self, what: str, actual, expected, tol: float) -> None:
        """Compare arrays/lists/scalars. Shapes and (for tol 0) values must match exactly."""
        a = _as_array(actual)
        e = _as_array(expected)
        if a.shape != e.shape:
            self.ok = False
            self.failures.append(f"{what}: shape {a.shape} vs expected {e.shape}")
            return
        if a.size == 0:
            return
        if a.dtype.kind in "iub" or e.dtype.kind in "iub" or tol == 0.0:
            diff = float(np.max(np.abs(a.astype(np.float64) - e.astype(np.float64))))
        else:
            finite = np.isfinite(e)
            if not np.array_equal(finite, np.isfinite(a)):
                self.ok = False
                self.failures.append(f"{what}: infinities/NaNs in different places")
                return
            diff = float(
                np.max(np.abs(a[finite].astype(np.float64) - e[finite].astype(np.float64)), initial=0.0)
            )
        if diff >= self.worst:
            self.worst, self.worst_what = diff, what
        if diff > tol:
            self.ok = False
            self.failures.append(f"{what}: max |diff| {diff:.3g} > {tol:g}")

    def check_fbank(self, what: str, actual, expected, log_energy) -> None:
        """Compare mean-normalised log fbanks with `fbank_envelope` and `fbank_residual`."""
        a = _as_array(actual).astype(np.float64)
        e = _as_array(expected).astype(np.float64)
        if a.shape != e.shape:
            self.ok = False
            self.failures.append(f"{what}: shape {a.shape} vs expected {e.shape}")
            return
        diff = a - e
        worst = float(np.abs(diff).max(initial=0.0))
        if worst >= self.worst:
            self.worst, self.worst_what = worst, what
        envelope = fbank_envelope(_as_array(log_energy))
        residual = np.abs(fbank_residual(diff, envelope))
        over = residual > envelope
        if over.any():
            i = np.unravel_index(int(np.argmax(np.where(over, residual / envelope, 0.0))), diff.shape)
            self.ok = False
            self.failures.append(
                f"{what}: |diff| {abs(diff[i]):.3g} > tolerance {envelope[i]:.3g} at "
                f"{tuple(int(x) for x in i)} ({int(over.sum())} elements over)"
            )

    def equal(self, what: str, actual, expected) -> None:
        if actual != expected:
            self.ok = False
            self.failures.append(f"{what}: {_short(actual)} != expected {_short(expected)}")

    def line(self) -> str:
        status = "PASS" if self.ok else "FAIL"
        text = f"{self.family:<11} {self.name:<38} {status}  worst {self.worst:.2e}"
        if self.worst_what:
            text += f" ({self.worst_what})"
        text += f"  [{self.seconds:.1f}s]"
        if self.error:
            text += f"\n    error: {self.error}"
        for f in self.failures[:6]:
            text += f"\n    {f}"
        return text


def _as_array(x) -> np.ndarray:
    if isinstance(x, torch.Tensor):
        return x.detach().cpu().numpy()
    return np.asarray(x)


def _short(x) -> str:
    s = repr(x)
    return s if len(s) < 120 else s[:117] + "..."


# --- the runner -------------------------------------------------------------------------------


class GoldenFamily:
    def __init__(self, root: Path, folder: Path):
        from safetensors.torch import load_file

        self.root = root
        self.folder = folder
        self.manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        self.model_dir = folder / self.manifest.get("model_dir", "model")
        kind = self.manifest.get("kind", "")
        self.family = FAMILY_BY_KIND.get(kind) or _family_of(self.model_dir)
        self.cases = self.manifest["cases"]
        self._load = load_file
        self.audio_dir = root / "audio"

    def tensors(self, case: dict) -> dict[str, torch.Tensor]:
        return self._load(str(self.folder / case["file"])) if case.get("file") else {}

    def wav(self, name: str) -> Path:
        return self.audio_dir / name


def _family_of(model_dir: Path) -> str:
    from studio.engine.model_dir import detect_family

    return detect_family(model_dir)


class Runner:
    def __init__(self, golden: GoldenFamily, engine):
        self.g = golden
        self.engine = engine
        self.spec = engine.spec
        self._voices: dict[tuple[str, str | None], object] = {}

    def voice(self, wav: str, transcript: str | None):
        key = (wav, transcript)
        if key not in self._voices:
            self._voices[key] = self.engine.prepare_voice(self.g.wav(wav), transcript=transcript)
        return self._voices[key]

    def run(self, case: dict) -> CaseResult:
        res = CaseResult(self.g.family, case["name"])
        start = time.perf_counter()
        try:
            fn = self._dispatch(case)
            if fn is None:
                res.ok = False
                res.error = f"no runner for stage {case.get('stage')!r} / case {case['name']!r}"
            else:
                fn(case, self.g.tensors(case), res)
        except Exception as exc:  # a case that cannot run counts as failed
            res.ok = False
            res.error = f"{type(exc).__name__}: {exc}"
            if os.environ.get("PARITY_TRACEBACK"):
                traceback.print_exc()
        res.seconds = time.perf_counter() - start
        return res

    def _dispatch(self, case: dict) -> Callable | None:
        name, stage = case["name"], case.get("stage")
        if name == "frontend_text":
            return self.frontend_text
        if name.startswith("frontend_audio"):
            return self.frontend_audio
        if name == "frontend_zero_shot_spk":
            return self.frontend_spk
        if name.startswith("frontend_"):
            return self.frontend_mode
        if stage == "lm":
            return self.lm_case
        if name == "fixed_buffers":
            return self.fixed_buffers
        if name == "flow_nonstream":
            return self.flow_nonstream
        if name == "flow_stream_calls":
            return self.flow_stream
        if stage == "hift":
            return self.hift_case
        if stage == "e2e":
            return self.e2e
        return None

    # -- frontend ------------------------------------------------------------------------------

    def frontend_text(self, case, t, res: CaseResult):
        from studio.engine.frontend.text import TextNormalizer

        eng = self.engine
        rules = TextNormalizer("rules", eng.tokenizer.encode)
        none = TextNormalizer("none", eng.tokenizer.encode)
        for i, item in enumerate(case.get("text_normalize", [])):
            src = item["input"]
            res.equal(f"normalize[{i}] split", rules.normalize(src, split=True), item["split_true"])
            res.equal(f"normalize[{i}] no split", rules.normalize(src, split=False), item["split_false"])
            res.equal(
                f"normalize[{i}] frontend off", none.normalize(src, split=True), item["text_frontend_false"]
            )
        for i, item in enumerate(case.get("tokenize", [])):
            res.equal(f"tokenize[{i}]", eng.tokenizer.encode(item["text"]), item["ids"])

    def frontend_audio(self, case, t, res: CaseResult):
        from studio.engine.frontend.audio import kaldi_fbank, load_audio, prompt_mel, to_rate, whisper_log_mel

        eng = self.engine
        loaded = load_audio(self.g.wav(case["wav_file"]))
        res.equal("sample rate", loaded.sample_rate, case.get("wav_sample_rate", loaded.sample_rate))
        s16 = to_rate(loaded, 16000)
        s24 = to_rate(loaded, eng.spec.mel.sampling_rate)
        res.check("speech_16k", s16, t["speech_16k"], TOL_FEATURE)
        res.check("speech_24k", s24, t["speech_24k"], TOL_FEATURE)
        mel128 = whisper_log_mel(s16, n_mels=128)
        res.check("whisper_log_mel", mel128, t["whisper_log_mel"], TOL_FEATURE)
        res.check("speech_token", eng.speech_tokenizer(mel128).view(1, -1), t["speech_token"], TOL_EXACT)
        fb, log_energy = kaldi_fbank(s16, with_log_energy=True)
        res.check_fbank("fbank_mean_normalized", fb, t["fbank_mean_normalized"], log_energy)
        # Downstream of the fbank the flat tolerances hold: the embedding from our fbank (below),
        # and the embedding from the official fbank, which isolates the speaker encoder.
        res.check("embedding", eng.speaker_encoder(fb), t["embedding"], TOL_FEATURE)
        res.check(
            "embedding (official fbank)",
            eng.speaker_encoder(t["fbank_mean_normalized"]),
            t["embedding"],
            TOL_FEATURE,
        )
        feat = prompt_mel(s24, eng.spec.mel).squeeze(0).transpose(0, 1).unsqueeze(0)
        res.check("speech_feat", feat, t["speech_feat"], TOL_FEATURE)
        res.check("speech_feat_len", [feat.shape[1]], t["speech_feat_len"], TOL_EXACT)

    def _compare_model_input(self, mi, t, res: CaseResult, mode: str):
        res.check("text", mi.text_ids, t["text"], TOL_EXACT)
        res.check("text_len", [mi.text_ids.shape[1]], t["text_len"], TOL_EXACT)
        if "prompt_text" in t:
            res.check("prompt_text", mi.prompt_text_ids, t["prompt_text"], TOL_EXACT)
            res.check("prompt_text_len", [mi.prompt_text_ids.shape[1]], t["prompt_text_len"], TOL_EXACT)
        if "llm_prompt_speech_token" in t:
            res.check(
                "llm_prompt_speech_token", mi.llm_prompt_tokens, t["llm_prompt_speech_token"], TOL_EXACT
            )
            res.check(
                "llm_prompt_speech_token_len",
                [mi.llm_prompt_tokens.shape[1]],
                t["llm_prompt_speech_token_len"],
                TOL_EXACT,
            )
        elif mi.llm_prompt_tokens.numel():
            res.ok = False
            res.failures.append("llm_prompt_speech_token given to the LM but the official input has none")
        res.check("flow_prompt_speech_token", mi.flow_prompt_tokens, t["flow_prompt_speech_token"], TOL_EXACT)
        res.check(
            "flow_prompt_speech_token_len",
            [mi.flow_prompt_tokens.shape[1]],
            t["flow_prompt_speech_token_len"],
            TOL_EXACT,
        )
        res.check("prompt_speech_feat", mi.prompt_mel, t["prompt_speech_feat"], TOL_FEATURE)
        res.check("prompt_speech_feat_len", [mi.prompt_mel.shape[1]], t["prompt_speech_feat_len"], TOL_EXACT)
        res.check("llm_embedding", mi.embedding, t["llm_embedding"], TOL_FEATURE)
        res.check("flow_embedding", mi.embedding, t["flow_embedding"], TOL_FEATURE)

    def frontend_mode(self, case, t, res: CaseResult):
        mode = {
            "frontend_zero_shot": "zero_shot",
            "frontend_cross_lingual": "cross_lingual",
            "frontend_instruct2": "instruct",
        }.get(case["name"])
        if mode is None:
            raise ValueError(f"unknown frontend case {case['name']}")
        eng = self.engine
        segments = eng.split_text(case["tts_text_raw"])
        res.equal("normalized text", segments, [case["tts_text_normalized"]])
        voice = self.voice(case["prompt_wav"], case.get("prompt_text"))
        instruction = eng._instruction(case["instruct_text"]) if mode == "instruct" else None
        mi = eng._model_input(segments[0], voice, mode, instruction)
        self._compare_model_input(mi, t, res, mode)

    def frontend_spk(self, case, t, res: CaseResult):
        voices = self.engine.builtin_voices()
        if not voices:
            raise ValueError("spk2info.pt has no zero-shot speakers")
        voice = voices.get("golden_spk") or next(iter(voices.values()))
        mi = self.engine._model_input("", voice, "zero_shot", None)
        mi.text_ids = t["text"]  # the case stores the ids of its text, not the text
        self._compare_model_input(mi, t, res, "zero_shot")

    # -- LM ------------------------------------------------------------------------------------

    def lm_case(self, case, t, res: CaseResult):
        from studio.engine.lm import RasSampler, greedy_sampler, length_limits

        lm = self.engine.lm
        cfg = lm.cfg
        with torch.inference_mode():
            text = torch.cat([t["prompt_text"], t["text"]], dim=1)
            prefix = lm.prefix(text, t["prompt_speech_token"])
            res.check("lm_input_prefix", prefix, t["lm_input_prefix"], TOL_LM)
            min_len, max_len = length_limits(cfg, t["text"].shape[1])
            res.equal("min_len", min_len, case["min_len"])
            res.equal("max_len", max_len, case["max_len"])
            res.equal("stop ids", sorted(cfg.stop_ids), sorted(case["stop_token_ids"]))
            teacher = t["teacher_tokens"].tolist()
            rows: list[torch.Tensor] = []

            def forced(logp, history):
                rows.append(logp.clone())
                i = len(history)
                return teacher[i] if i < len(teacher) else cfg.eos

            list(lm.generate(prefix, min_len, max_len, forced))
            res.check("step_logp", torch.stack(rows), t["step_logp"], TOL_LM)
            tf_input = torch.cat(
                [prefix, lm.speech_embedding(t["teacher_tokens"].long()).unsqueeze(0)], dim=1
            )
            res.check("teacher_forced_input", tf_input, t["teacher_forced_input"], TOL_LM)
            res.check("teacher_forced_hidden", lm.hidden_states(tf_input), t["teacher_forced_hidden"], TOL_LM)
            greedy = list(lm.generate(prefix, min_len, max_len, greedy_sampler))
            res.check("greedy_tokens", greedy, t["greedy_tokens"], TOL_EXACT)
            gen = torch.Generator().manual_seed(int(case["ras_seed"]))
            ras = list(
                lm.generate(
                    prefix, min_len, max_len, RasSampler(gen, cfg.top_p, cfg.top_k, cfg.win_size, cfg.tau_r)
                )
            )
            res.check("ras_tokens", ras, t["ras_tokens"], TOL_EXACT)

    # -- flow ----------------------------------------------------------------------------------

    def fixed_buffers(self, case, t, res: CaseResult):
        from studio.engine.flow.cfm import fixed_noise

        for key, value in t.items():
            if key == "flow_rand_noise_prefix":
                res.check(key, fixed_noise()[..., : value.shape[-1]], value, TOL_EXACT)
                continue
            buffers = getattr(getattr(self.engine.hift, "m_source", None), "buffers_", None)
            if buffers is None:
                raise ValueError(f"fixed buffer {key} but this vocoder has no construction-time buffers")
            if key == "sine_rand_ini":
                res.check(key, buffers.rand_ini, value, TOL_EXACT)
            elif key == "sine_waves_prefix":
                res.check(key, buffers.sine_waves(value.shape[1]), value, TOL_EXACT)
            elif key == "uv_prefix":
                res.check(key, buffers.uv(value.shape[1]), value, TOL_EXACT)
            elif key == "rng_state_before_rand_ini":
                res.check(key, buffers.state_before_rand_ini, value, TOL_EXACT)
            elif key == "rng_state_before_uv":
                res.check(key, buffers.state_before_uv, value, TOL_EXACT)
            else:
                raise ValueError(f"unknown fixed buffer {key}")
        for field_name, fn in (("sha256_sine_waves_full", "sine_waves"), ("sha256_uv_full", "uv")):
            if field_name in case:
                import hashlib

                from studio.engine.vocoder.hift_causal import NOISE_SAMPLES

                buffers = self.engine.hift.m_source.buffers_
                full = getattr(buffers, fn)(NOISE_SAMPLES)
                digest = hashlib.sha256(full.contiguous().numpy().tobytes()).hexdigest()
                res.equal(f"{fn} full buffer sha256", digest, case[field_name])

    def flow_nonstream(self, case, t, res: CaseResult):
        flow = self.engine.flow
        with torch.inference_mode():
            res.check("spks", flow.speaker(t["embedding"]), t["spks"], TOL_FEATURE)
            mel = flow.inference(t["token"], t["prompt_token"], t["prompt_feat"], t["embedding"], False, True)
            res.check("mel", mel, t["mel"], TOL_FLOW)
            tokens = torch.cat([t["prompt_token"], t["token"]], dim=1)
            if "mu" in t:
                res.check("mu", flow.encode(tokens, False, True), t["mu"], TOL_FLOW)
            if "encoder_out" in t:
                emb = flow.input_embedding(torch.clamp(tokens.long(), min=0))
                res.check("encoder_out", flow.encoder(emb, None, False), t["encoder_out"], TOL_FLOW)
            if "pre_lookahead_out" in t:
                res.check(
                    "pre_lookahead_out", flow.pre_lookahead(tokens, None), t["pre_lookahead_out"], TOL_FLOW
                )
            if "est0_out" in t:
                mu = flow.encode(tokens, False, True).transpose(1, 2)
                x, cond = t["z_noise"], t["cond"]
                spks = (
                    t["est0_spks"]
                    if "est0_spks" in t
                    else torch.cat([t["spks"], torch.zeros_like(t["spks"])])
                )
                out = flow.decoder.estimator(
                    torch.cat([x, x]),
                    torch.cat([mu, torch.zeros_like(mu)]),
                    t["est0_t"],
                    spks,
                    torch.cat([cond, torch.zeros_like(cond)]),
                    False,
                )
                res.check("est0_out", out, t["est0_out"], TOL_FLOW)
            res.check("z_noise", _noise(t["z_noise"].shape[-1]), t["z_noise"], TOL_EXACT)

    def flow_stream(self, case, t, res: CaseResult):
        base = self.g.tensors(
            {"file": next(c for c in self.g.cases if c["name"] == "flow_nonstream")["file"]}
        )
        flow = self.engine.flow
        with torch.inference_mode():
            full = flow.inference(
                t["token"], base["prompt_token"], base["prompt_feat"], base["embedding"], True, True
            )
            res.check("mel_streaming_finalize", full, t["mel_streaming_finalize"], TOL_FLOW)
            part = flow.inference(
                t["token_partial"], base["prompt_token"], base["prompt_feat"], base["embedding"], True, False
            )
            res.check("mel_streaming_partial", part, t["mel_streaming_partial"], TOL_FLOW)

    # -- HiFT ----------------------------------------------------------------------------------

    def hift_case(self, case, t, res: CaseResult):
        hift = self.engine.hift
        name = case["name"]
        with torch.inference_mode():
            if self.g.family == "cosyvoice3":
                self.engine_hift_v3(case, t, res)
                return
            if name == "hift_zero_noise":
                res.check("f0", hift.f0_predictor(t["mel"]), t["f0"], TOL_HIFT * 10)
                speech, source = hift.inference(t["mel"], zero_noise=True)
                res.check("speech", speech, t["speech"], TOL_HIFT)
                res.check("source", source, t["source"], TOL_HIFT)
            elif name in ("hift_seeded", "hift_recorded_noise"):
                gen = torch.Generator().manual_seed(int(case["seed"]))
                if "draw0_rand_phase" in t:
                    probe = torch.Generator().manual_seed(int(case["seed"]))
                    res.check(
                        "draw0_rand_phase",
                        torch.rand(1, t["draw0_rand_phase"].shape[1], generator=probe),
                        t["draw0_rand_phase"],
                        TOL_EXACT,
                    )
                speech, source = hift.inference(t["mel"], generator=gen)
                res.check("speech", speech, t["speech"], TOL_HIFT)
                res.check("source", source, t["source"], TOL_HIFT)
            elif name == "hift_cache_source":
                gen = torch.Generator().manual_seed(int(case["seed"]))
                speech, source = hift.inference(t["mel"], cache_source=t["cache_source"], generator=gen)
                res.check("speech_seeded", speech, t["speech_seeded"], TOL_HIFT)
                res.check("source_seeded", source, t["source_seeded"], TOL_HIFT)
                speech, source = hift.inference(t["mel"], cache_source=t["cache_source"], zero_noise=True)
                res.check("speech_zero_noise", speech, t["speech_zero_noise"], TOL_HIFT)
                res.check("source_zero_noise", source, t["source_zero_noise"], TOL_HIFT)
            else:
                raise ValueError(f"unknown HiFT case {name}")

    def engine_hift_v3(self, case, t, res: CaseResult):
        hift = self.engine.hift
        if case["name"] != "hift_causal":
            raise ValueError(f"unknown HiFT case {case['name']}")
        mel = t["mel"]
        if "f0" in t:
            # The last `lookahead` f0 frames depend on how the right edge was padded when the
            # golden f0 was recorded; speech and source below cover them end to end.
            look = hift.f0_predictor.lookahead
            res.check("f0", hift.f0(mel, True)[:, :-look], t["f0"][:, :-look], TOL_HIFT * 10)
        speech, source = hift.inference(mel, finalize=True)
        res.check("speech_finalize", speech, t["speech_finalize"], TOL_HIFT)
        res.check("source_finalize", source, t["source_finalize"], TOL_HIFT)
        speech, source = hift.inference(mel, finalize=False)
        res.check("speech_nofinalize", speech, t["speech_nofinalize"], TOL_HIFT)
        res.check("source_nofinalize", source, t["source_nofinalize"], TOL_HIFT)

    # -- end to end ----------------------------------------------------------------------------

    def e2e(self, case, t, res: CaseResult):
        from studio.engine.events import AudioChunk, SpeechTokens
        from studio.engine.lm import greedy_speech_sampler

        eng = self.engine
        name = case["name"]
        mode = "zero_shot"
        for key, m in (
            ("cross_lingual", "cross_lingual"),
            ("instruct", "instruct"),
            ("zero_shot", "zero_shot"),
        ):
            if key in name:
                mode = m
                break
        voice = self.voice(case["prompt_wav"], case.get("prompt_text") if mode == "zero_shot" else None)
        speech_ids = eng.lm.cfg.speech_token_size
        if "forced_tokens" in case:
            forced = list(case["forced_tokens"])
            eos = eng.lm.cfg.eos

            def sampler(logp, history):
                return forced[len(history)] if len(history) < len(forced) else eos
        elif str(case.get("sampling", "")).startswith("greedy"):
            sampler = greedy_speech_sampler(speech_ids)
        else:
            sampler = None
        trace: list[tuple[str, dict]] = []
        eng.trace = lambda kind, data: trace.append((kind, data))
        try:
            events = list(
                eng.synthesize(
                    case["tts_text"],
                    voice,
                    mode=mode,
                    instruction=case.get("instruct_text"),
                    stream=bool(case.get("stream", False)),
                    seed=int(case["seed"]),
                    sampler=sampler,
                )
            )
        finally:
            eng.trace = None
        chunks = [e.samples for e in events if isinstance(e, AudioChunk)]
        tokens = [tok for e in events if isinstance(e, SpeechTokens) for tok in e.tokens]
        res.check("llm_tokens", tokens, t["llm_tokens"], TOL_EXACT)
        if "chunk_lengths" in t:
            res.check("chunk_lengths", [len(c) for c in chunks], t["chunk_lengths"], TOL_EXACT)
        audio = np.concatenate(chunks)[None] if chunks else np.zeros((1, 0), np.float32)
        res.check("tts_speech", audio, t["tts_speech"], TOL_E2E)
        flows = [d for k, d in trace if k == "flow"]
        flow_mels = [d for k, d in trace if k == "flow_mel"]
        hifts = [d for k, d in trace if k == "hift"]
        calls = case.get("calls", [])
        res.equal("flow calls", len(flows), len(calls) if calls else len(flows))
        for i in range(min(len(flows), len(calls) or len(flows))):
            if f"flow{i}_token" in t:
                res.check(f"flow{i}_token", [flows[i]["tokens"]], t[f"flow{i}_token"], TOL_EXACT)
            if f"flow{i}_mel" in t and i < len(flow_mels):
                # The engine reports the frames it keeps (after the token offset of the call).
                first = flow_mels[i]["from_frame"]
                res.check(f"flow{i}_mel", flow_mels[i]["mel"], t[f"flow{i}_mel"][:, :, first:], TOL_FLOW)
            if calls:
                res.equal(f"call{i} finalize", flows[i]["finalize"], calls[i]["finalize"])
            if i < len(hifts):
                if f"hift{i}_mel" in t:
                    res.check(f"hift{i}_mel", hifts[i]["mel"], t[f"hift{i}_mel"], TOL_FLOW)
                if f"hift{i}_rng_state" in t and hifts[i].get("rng_state") is not None:
                    res.check(f"hift{i}_rng_state", hifts[i]["rng_state"], t[f"hift{i}_rng_state"], TOL_EXACT)
                if f"hift{i}_cache_source" in t and "cache_source" in hifts[i]:
                    cs = hifts[i]["cache_source"]
                    cs = cs if cs is not None else torch.zeros(1, 1, 0)
                    # the source follows the f0 of an end-to-end mel: end-to-end tolerance
                    res.check(f"hift{i}_cache_source", cs, t[f"hift{i}_cache_source"], TOL_E2E)


def _noise(frames: int) -> torch.Tensor:
    from studio.engine.flow.cfm import fixed_noise

    return fixed_noise()[..., :frames]


# --- entry point ------------------------------------------------------------------------------


def discover(golden_dir: Path) -> list[GoldenFamily]:
    found = []
    for sub in sorted(p for p in golden_dir.iterdir() if p.is_dir()):
        if (sub / "manifest.json").is_file():
            found.append(GoldenFamily(golden_dir, sub))
    return found


def run_family(
    golden: GoldenFamily, print_fn=print, only: list[str] | None = None, device: str = "cpu"
) -> list[CaseResult]:
    from studio.engine import load_model
    from studio.engine.errors import UnsupportedModelError

    try:
        engine = load_model(golden.model_dir, device=device, text_normalizer="rules")
    except UnsupportedModelError as exc:
        res = CaseResult(golden.family, "(all cases)", ok=False, error=f"family refused: {exc}")
        print_fn(res.line())
        return [res]
    except Exception as exc:
        res = CaseResult(golden.family, "(model load)", ok=False, error=f"{type(exc).__name__}: {exc}")
        print_fn(res.line())
        return [res]
    runner = Runner(golden, engine)
    results = []
    for case in golden.cases:
        if only and not any(pattern in case["name"] for pattern in only):
            continue
        r = runner.run(case)
        print_fn(r.line())
        results.append(r)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m studio.engine.parity", description=__doc__.splitlines()[0]
    )
    parser.add_argument("golden_dir", type=Path)
    parser.add_argument("--family", choices=["cosyvoice2", "cosyvoice3"])
    parser.add_argument(
        "--case", action="append", help="run only cases whose name contains this (repeatable)"
    )
    parser.add_argument(
        "--device",
        default="cpu",
        help="cpu (default; the tolerances above hold) or cuda: same cases, worst differences reported",
    )
    args = parser.parse_args(argv)
    torch.set_num_threads(max(1, min(2, os.cpu_count() or 1)))
    if not args.golden_dir.is_dir():
        print(f"parity: {args.golden_dir} is not a folder", file=sys.stderr)
        return 2
    families = discover(args.golden_dir)
    if args.family:
        families = [f for f in families if f.family == args.family]
        if not families:
            print(f"parity: no {args.family} golden set in {args.golden_dir}", file=sys.stderr)
            return 1
    if not families:
        print(f"parity: no golden sets (*/manifest.json) in {args.golden_dir}", file=sys.stderr)
        return 1
    results: list[CaseResult] = []
    for fam in families:
        results.extend(run_family(fam, only=args.case, device=args.device))
    failed = [r for r in results if not r.ok]
    print(f"{len(results) - len(failed)} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
