"""Engine benchmark on a full-size model folder with random weights (CPU or CUDA), per speed preset.

    python bench/bench_engine.py --family cosyvoice2 --preset exact,fast [--only nonstream|stream]
                                 [--json FILE] [--tokens 250] [--threads 2] [--device cpu]
                                 [--flow-steps N] [--model DIR]

Makes the folder first if needed (bench/make_full_size_model.py), then runs each configuration
in a fresh process (so peak RSS is per configuration): English zero-shot prompt, `--tokens`
speech tokens forced by a greedy-over-speech-ids sampler (10 s of audio for 250), non-streaming,
streaming, and streaming with the voice's prefix warmed (`stream` covers both). With several
presets every mode is run for each preset in the same invocation, one after the other, and the
ratios exact/fast are printed below the table (machines shared with other work drift by 10-20 %
between runs; compare presets within one run). `--json FILE` writes a list with one object per
row: preset, mode, total_s, first_audio_s, lm_ms_per_token, peak_rss_gb and the rest below.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
SHARED = Path(os.environ.get("VOICE_STUDIO_SHARED", REPO.parent / "shared"))  # as tests/conftest.py
PROMPT = SHARED / "golden" / "audio" / "prompt_en_shared.wav"
PROMPT_TEXT = "Hello, this is a tiny voice cloning test."
TEXT = "The quick brown fox jumps over the lazy dog while the studio records every word of it."


def run_one(
    model: Path,
    stream: bool,
    tokens: int,
    threads: int,
    device: str,
    warm: bool = False,
    preset: str = "exact",
    flow_steps: int | None = None,
) -> dict:
    import torch

    torch.set_num_threads(threads)
    from studio.engine import AudioChunk, Finished, load_model

    t0 = time.perf_counter()
    engine = load_model(model, device=device, text_normalizer="rules", preset=preset, flow_steps=flow_steps)
    load_s = time.perf_counter() - t0
    rss_after_load = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20
    voice = engine.prepare_voice(PROMPT, transcript=PROMPT_TEXT)
    warm_s = 0.0
    if warm:  # what the window does while idle once a voice is chosen (not part of the take)
        t0 = time.perf_counter()
        engine.warm_stream_prefix(voice)
        warm_s = time.perf_counter() - t0
    speech_ids = engine.lm.cfg.speech_token_size
    eos = engine.lm.cfg.eos

    def sampler(logprobs, history):
        return int(logprobs[:speech_ids].argmax()) if len(history) < tokens else eos

    finished = None
    chunks = 0
    for event in engine.synthesize(TEXT, voice, mode="zero_shot", stream=stream, seed=0, sampler=sampler):
        if isinstance(event, AudioChunk):
            chunks += 1
        if isinstance(event, Finished):
            finished = event
    audio_s = finished.audio_seconds
    gpu_peak_gb = None
    if engine.device.type == "cuda":
        gpu_peak_gb = torch.cuda.max_memory_allocated(engine.device) / 2**30
    return {
        "preset": finished.preset,
        "preset_label": engine.preset.label,
        "flow_steps": finished.flow_steps,
        "stream": stream,
        "mode": ("stream-warm" if warm else "stream") if stream else "nonstream",
        "warm_s": warm_s,
        "device": device,
        "threads": threads,
        "load_s": load_s,
        "tokens": finished.token_count,
        "prompt_tokens": int(voice.zero_shot_prompt()[0].numel()),
        "audio_s": audio_s,
        "chunks": chunks,
        "total_s": finished.total_seconds,
        "first_audio_s": finished.first_audio_latency,
        "rtf": finished.rtf,
        "lm_ms_per_token": finished.lm_ms_per_token,
        "lm_s": finished.lm_seconds,
        "flow_s": finished.flow_seconds,
        "flow_ms_per_audio_s": 1000 * finished.flow_seconds / audio_s,
        "hift_s": finished.vocoder_seconds,
        "hift_ms_per_audio_s": 1000 * finished.vocoder_seconds / audio_s,
        "rss_after_load_gb": rss_after_load,
        "peak_rss_gb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20,
        "gpu_peak_gb": gpu_peak_gb,
    }


RATIO_KEYS = (
    ("total_s", "total"),
    ("first_audio_s", "first audio"),
    ("lm_ms_per_token", "LM ms/token"),
    ("flow_s", "flow"),
    ("peak_rss_gb", "peak RSS"),
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--family", default="cosyvoice2", choices=["cosyvoice2", "cosyvoice3"])
    parser.add_argument("--model", type=Path)
    parser.add_argument("--tokens", type=int, default=250)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--preset", default="exact", help="comma-separated presets: exact, fast")
    parser.add_argument("--flow-steps", type=int, help="Euler steps of the fast preset (default: its own)")
    parser.add_argument("--only", choices=["stream", "nonstream"])
    parser.add_argument("--json", type=Path, help="write the rows as a JSON list to this file")
    parser.add_argument("--skip-warm", action="store_true", help="leave out the stream-warm rows")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--stream", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--warm", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    presets = [p.strip() for p in args.preset.split(",") if p.strip()]
    unknown = [p for p in presets if p not in ("exact", "fast")]
    if not presets or unknown:
        parser.error(f"--preset takes exact and/or fast, comma-separated (got {args.preset!r})")
    model = args.model or REPO / "bench" / "out" / f"{args.family}-full"
    if args.child:
        result = run_one(
            model, args.stream, args.tokens, args.threads, args.device, args.warm, presets[0], args.flow_steps
        )
        print("RESULT " + json.dumps(result))
        return
    if not (model / "llm.pt").exists():
        subprocess.run(
            [
                sys.executable,
                str(REPO / "bench" / "make_full_size_model.py"),
                "--family",
                args.family,
                "--out",
                str(model),
            ],
            check=True,
        )
    rows = []
    for stream, warm in ((False, False), (True, False), (True, True)):
        if args.only and args.only != ("stream" if stream else "nonstream"):
            continue
        if warm and args.skip_warm:
            continue
        for preset in presets:
            cmd = (
                [
                    sys.executable,
                    __file__,
                    "--child",
                    "--model",
                    str(model),
                    "--tokens",
                    str(args.tokens),
                    "--threads",
                    str(args.threads),
                    "--device",
                    args.device,
                    "--preset",
                    preset,
                ]
                + (["--flow-steps", str(args.flow_steps)] if args.flow_steps and preset == "fast" else [])
                + (["--stream"] if stream else [])
                + (["--warm"] if warm else [])
            )
            env = dict(os.environ, OMP_NUM_THREADS=str(args.threads))
            out = subprocess.run(cmd, capture_output=True, text=True, env=env)
            line = [ln for ln in out.stdout.splitlines() if ln.startswith("RESULT ")]
            if not line:
                print(out.stdout, out.stderr)
                raise SystemExit(f"benchmark child failed ({preset}, {'stream' if stream else 'nonstream'})")
            rows.append(json.loads(line[0][7:]))
            print(f"  done: {preset} {rows[-1]['mode']} total {rows[-1]['total_s']:.2f} s", flush=True)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")
    print(
        f"{args.family} full-size random weights, {args.device}, {args.threads} threads, "
        f"{rows[0]['tokens']} tokens ({rows[0]['audio_s']:.1f} s audio), prompt {rows[0]['prompt_tokens']} tokens"
    )
    header = (
        f"{'preset':<7} {'mode':<11} {'total s':>8} {'1st audio s':>11} {'RTF':>6} {'LM ms/tok':>9} "
        f"{'flow ms/s':>9} {'HiFT ms/s':>9} {'flow s':>7} {'chunks':>6} {'RSS load GB':>11} {'peak RSS GB':>11}"
    )
    print(header)
    for r in rows:
        print(
            f"{r['preset']:<7} {r['mode']:<11} {r['total_s']:>8.2f} {r['first_audio_s']:>11.2f} {r['rtf']:>6.2f} "
            f"{r['lm_ms_per_token']:>9.1f} {r['flow_ms_per_audio_s']:>9.0f} {r['hift_ms_per_audio_s']:>9.0f} "
            f"{r['flow_s']:>7.2f} {r['chunks']:>6d} {r['rss_after_load_gb']:>11.2f} {r['peak_rss_gb']:>11.2f}"
            + (f"   (prefix warmed beforehand in {r['warm_s']:.2f} s)" if r["mode"] == "stream-warm" else "")
            + (f"   GPU peak {r['gpu_peak_gb']:.2f} GB" if r.get("gpu_peak_gb") is not None else "")
        )
    if "exact" in presets and "fast" in presets:
        labels = {r["preset"]: r["preset_label"] for r in rows}
        print(f"exact / fast ({labels.get('fast', 'fast')}), same run; above 1 means fast is faster/smaller:")
        for mode in dict.fromkeys(r["mode"] for r in rows):
            pair = {r["preset"]: r for r in rows if r["mode"] == mode}
            if "exact" not in pair or "fast" not in pair:
                continue
            cells = []
            for key, label in RATIO_KEYS:
                fast = pair["fast"][key]
                cells.append(f"{label} {pair['exact'][key] / fast:.2f}x" if fast else f"{label} -")
            print(f"  {mode:<11} " + ", ".join(cells))


if __name__ == "__main__":
    main()
