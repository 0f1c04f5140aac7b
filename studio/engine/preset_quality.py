"""Quality guard of the fast preset against exact, needing no real weights.

    python -m studio.engine.preset_quality MODEL_DIR [--tokens 250] [--flow-steps 5]

Two numbers, both with the same voice, text and seed:

- **mel distance**: the same forced speech tokens through both engines' flow (non-streaming); the
  fast mel against the exact one as relative L2 (`||fast - exact|| / ||exact||`) and mean absolute
  difference in log-mel units (natural-log magnitude, the units the vocoder reads).
- **LM greedy agreement**: exact's greedy token sequence (argmax over speech ids) is forced into
  both LMs step by step (teacher forcing, so one disagreement does not derail the rest); the
  fraction of steps at which the fast LM's argmax equals exact's.

Real-voice quality is not measured by either: random-weight models say nothing about how a voice
sounds. Judge that by ear on the real checkpoints.
"""

from __future__ import annotations

import argparse
import json
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch

REPO = Path(__file__).resolve().parents[2]
PROMPT = (
    Path(os.environ.get("VOICE_STUDIO_SHARED", REPO.parent / "shared"))
    / "golden"
    / "audio"
    / "prompt_en_shared.wav"
)
PROMPT_TEXT = "Hello, this is a tiny voice cloning test."
TEXT = "The quick brown fox jumps over the lazy dog while the studio records every word of it."


@dataclass
class Comparison:
    mel_rel_l2: float
    mel_mean_abs: float
    lm_agreement: float
    lm_steps: int
    frames: int


def _forced_sampler(tokens: list[int], eos: int, seen: list[int] | None = None, speech_ids: int = 6561):
    """Return tokens[i] at step i (then eos); record each step's own argmax in `seen`."""

    def sample(logprobs: torch.Tensor, history: list[int]) -> int:
        step = len(history)
        if seen is not None and step < len(tokens):
            seen.append(int(logprobs[:speech_ids].argmax()))
        return tokens[step] if step < len(tokens) else eos

    return sample


def _greedy_tokens(engine, voice, text: str, count: int) -> list[int]:
    from studio.engine import SpeechTokens

    speech_ids = engine.lm.cfg.speech_token_size
    eos = engine.lm.cfg.eos

    def sampler(logprobs, history):
        return int(logprobs[:speech_ids].argmax()) if len(history) < count else eos

    out: list[int] = []
    for ev in engine.synthesize(text, voice, stream=False, seed=0, sampler=sampler):
        if isinstance(ev, SpeechTokens):
            out.extend(ev.tokens)
    return out


def _run_forced(engine, voice, text: str, tokens: list[int]) -> tuple[np.ndarray, list[int]]:
    from studio.engine import MelFrames

    seen: list[int] = []
    sampler = _forced_sampler(tokens, engine.lm.cfg.eos, seen, engine.lm.cfg.speech_token_size)
    mels = [
        ev.mel
        for ev in engine.synthesize(text, voice, stream=False, seed=0, sampler=sampler)
        if isinstance(ev, MelFrames)
    ]
    return np.concatenate(mels, axis=1), seen


def compare(exact, fast, voice_exact, voice_fast, text: str = TEXT, tokens: int = 250) -> Comparison:
    """Compare two loaded engines (same model folder) on one segment of `text`."""
    forced = _greedy_tokens(exact, voice_exact, text, tokens)
    mel_e, seen_e = _run_forced(exact, voice_exact, text, forced)
    mel_f, seen_f = _run_forced(fast, voice_fast, text, forced)
    if mel_e.shape != mel_f.shape:
        raise AssertionError(f"mel shapes differ: exact {mel_e.shape}, fast {mel_f.shape}")
    diff = mel_f.astype(np.float64) - mel_e.astype(np.float64)
    agree = sum(1 for a, b in zip(seen_e, seen_f, strict=True) if a == b)
    return Comparison(
        mel_rel_l2=float(np.linalg.norm(diff) / np.linalg.norm(mel_e)),
        mel_mean_abs=float(np.abs(diff).mean()),
        lm_agreement=agree / max(1, len(seen_e)),
        lm_steps=len(seen_e),
        frames=int(mel_e.shape[1]),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model", type=Path)
    parser.add_argument("--tokens", type=int, default=250)
    parser.add_argument("--flow-steps", type=int)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    from studio.engine import load_model

    exact = load_model(args.model, device="cpu", text_normalizer="rules")
    fast = load_model(
        args.model, device="cpu", text_normalizer="rules", preset="fast", flow_steps=args.flow_steps
    )
    voice = exact.prepare_voice(PROMPT, transcript=PROMPT_TEXT)
    result = compare(exact, fast, voice, voice, tokens=args.tokens)
    print(json.dumps({"model": str(args.model), "fast": fast.preset.label, **result.__dict__}))


if __name__ == "__main__":
    main()
