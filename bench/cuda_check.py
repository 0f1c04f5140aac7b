"""CUDA checks of the engine on the golden models (run by bench/gpu_check.sh on a GPU machine).

    python bench/cuda_check.py --shared ../shared --out results.json

Per family: the same forced tokens through CUDA with graphs on and off (LM greedy agreement and
log-prob difference, mel difference), CUDA against the CPU, the fast preset (bf16) against exact,
and LM ms/token with and without graphs. Prints one JSON object per family and writes them all.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
TEXT = "The quick brown fox jumps over the lazy dog while the studio records every word of it."
PROMPT_TEXT = "Hello, this is a tiny voice cloning test."


def _timed_greedy(engine, voice, tokens: int) -> tuple[list[int], float]:
    import torch

    from studio.engine.preset_quality import _greedy_tokens

    torch.cuda.synchronize()
    t0 = time.perf_counter()
    out = _greedy_tokens(engine, voice, TEXT, tokens)
    torch.cuda.synchronize()
    return out, time.perf_counter() - t0


def check_family(model: Path, prompt: Path, tokens: int) -> dict:
    import numpy as np

    from studio.engine import load_model
    from studio.engine.preset_quality import _run_forced, compare

    result: dict = {"model": str(model)}
    os.environ["VOICE_STUDIO_CUDA_GRAPHS"] = "1"
    exact = load_model(model, device="cuda", text_normalizer="rules")
    voice = exact.prepare_voice(prompt, transcript=PROMPT_TEXT)
    _timed_greedy(exact, voice, 20)  # warm-up: graph capture, cuBLAS handles
    graph_tokens, graph_s = _timed_greedy(exact, voice, tokens)
    os.environ["VOICE_STUDIO_CUDA_GRAPHS"] = "0"
    eager_tokens, eager_s = _timed_greedy(exact, voice, tokens)
    result["lm_agreement_graph_vs_eager"] = float(np.mean(np.equal(graph_tokens, eager_tokens)))
    result["take_s_greedy_graphs"] = graph_s
    result["take_s_greedy_eager"] = eager_s
    mel_eager, _ = _run_forced(exact, voice, TEXT, eager_tokens)
    os.environ["VOICE_STUDIO_CUDA_GRAPHS"] = "1"
    mel_graph, _ = _run_forced(exact, voice, TEXT, eager_tokens)
    result["mel_max_abs_graph_vs_eager"] = float(np.abs(mel_graph - mel_eager).max())
    cpu = load_model(model, device="cpu", text_normalizer="rules")
    cpu_voice = cpu.prepare_voice(prompt, transcript=PROMPT_TEXT)
    mel_cpu, _ = _run_forced(cpu, cpu_voice, TEXT, eager_tokens)
    result["mel_max_abs_cuda_vs_cpu"] = float(np.abs(mel_cpu - mel_eager).max())
    fast = load_model(model, device="cuda", text_normalizer="rules", preset="fast")
    result["fast_preset"] = fast.preset.label
    cmp = compare(exact, fast, voice, voice, text=TEXT, tokens=tokens)
    result.update({f"fast_vs_exact_{k}": v for k, v in cmp.__dict__.items()})
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--tokens", type=int, default=100)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    import torch

    if not torch.cuda.is_available():
        raise SystemExit("cuda_check: no CUDA device")
    golden = args.shared / "golden"
    prompt = golden / "audio" / "prompt_en_shared.wav"
    rows = []
    for family in ("cosyvoice2", "cosyvoice3"):
        try:
            row = {"family": family, **check_family(golden / family / "model", prompt, args.tokens)}
        except Exception as exc:  # keep going: the other family's figures are still worth having
            import traceback

            row = {"family": family, "error": f"{type(exc).__name__}: {exc}", "trace": traceback.format_exc()}
        print(json.dumps(row), flush=True)
        rows.append(row)
    if args.out:
        args.out.write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
