"""`voice-studio synth`: one take from the command line, through the same engine the window uses."""

from __future__ import annotations

import argparse
import os
import signal
import sys
import tempfile
import threading
import time
from pathlib import Path

import numpy as np


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "synth",
        help="synthesize speech in a cloned voice",
        description="Speak TEXT in the voice of REF with an official CosyVoice model folder.",
    )
    p.add_argument(
        "--model", required=True, help="CosyVoice model folder (CosyVoice2-0.5B / Fun-CosyVoice3-0.5B)"
    )
    p.add_argument(
        "--ref", help="reference clip of the voice (any audio file), or a prepared .voice.safetensors"
    )
    p.add_argument("--ref-text", help="transcript of the reference clip (needed for zero_shot)")
    p.add_argument("--text", help="text to speak; '-' reads it from standard input")
    p.add_argument("--mode", default="zero_shot", choices=["zero_shot", "cross_lingual", "instruct", "vc"])
    p.add_argument(
        "--instruction", help="instruct mode: how to speak (e.g. 'Speak sadly.' or '用四川话说这句话')"
    )
    p.add_argument("--source", help="vc mode: the speech to convert into the reference voice")
    p.add_argument("--stream", action="store_true", help="streaming synthesis (first audio sooner)")
    p.add_argument("--seed", type=int, help="random seed (printed when not given, to reproduce a take)")
    p.add_argument("--speed", type=float, default=1.0, help="speaking rate, 0.25-4 (non-streaming only)")
    p.add_argument("--device", help="cpu, cuda or cuda:N (default: CUDA if available)")
    p.add_argument(
        "--preset",
        default="exact",
        choices=["exact", "fast"],
        help="exact (default: the official numerics) or fast (int8 LM on CPUs, bf16 on CUDA, fewer flow steps; "
        "judge its quality by ear)",
    )
    p.add_argument(
        "--flow-steps",
        type=int,
        help="flow Euler steps of the fast preset (3 to the model's 10; default 5)",
    )
    p.add_argument(
        "--normalizer",
        default="wetext",
        choices=["wetext", "rules", "none"],
        help="text normalization (default wetext)",
    )
    p.add_argument("--save-voice", help="also save the prepared voice to this .safetensors file")
    p.add_argument("--out", required=True, help="output audio file (.wav 16-bit, .flac 24-bit)")
    p.set_defaults(func=run)


def _fail(message: str, code: int = 1) -> int:
    print(f"voice-studio: error: {message}", file=sys.stderr)
    return code


def _write_audio_atomic(path: Path, audio: np.ndarray, sample_rate: int) -> None:
    import soundfile as sf

    subtype = "PCM_24" if path.suffix.lower() == ".flac" else "PCM_16"
    fmt = "FLAC" if path.suffix.lower() == ".flac" else "WAV"
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=path.suffix, dir=path.parent)
    os.close(fd)
    try:
        sf.write(tmp, audio, sample_rate, subtype=subtype, format=fmt)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def run(args: argparse.Namespace) -> int:
    from studio.engine import AudioChunk, Cancelled, EngineError, Finished, SpeechTokens, Voice, load_model

    out = Path(args.out)
    if out.suffix.lower() not in (".wav", ".flac"):
        return _fail(f"--out {out} must end in .wav or .flac")
    text = args.text
    if args.mode != "vc":
        if text is None:
            return _fail("--text is required (use --text - to read standard input)")
        if text == "-":
            text = sys.stdin.read()
    if args.mode == "vc" and not args.source:
        return _fail("--mode vc needs --source (the speech to convert)")
    if not args.ref:
        return _fail("--ref is required (a reference clip of the voice)")
    if args.flow_steps is not None and args.preset != "fast":
        return _fail("--flow-steps needs --preset fast (the exact preset keeps the model's own step count)")
    tty = sys.stderr.isatty()

    def status(msg: str) -> None:
        if tty:
            print(f"\r\033[K{msg}", end="", file=sys.stderr, flush=True)

    try:
        engine = load_model(
            args.model,
            device=args.device,
            text_normalizer=args.normalizer,
            progress=lambda stage, f: status(f"loading model: {stage} ({f:.0%})"),
            preset=args.preset,
            flow_steps=args.flow_steps,
        )
        ref = Path(args.ref)
        if ref.name.endswith(".safetensors"):
            voice = Voice.load(ref)
        else:
            status("preparing the voice ...")
            voice = engine.prepare_voice(ref, transcript=args.ref_text)
        if args.save_voice:
            voice.save(args.save_voice)
        cancel = threading.Event()
        previous = signal.signal(signal.SIGINT, lambda *a: cancel.set())
        chunks: list[np.ndarray] = []
        tokens = 0
        finished = None
        start = time.perf_counter()
        try:
            for event in engine.synthesize(
                text,
                voice,
                mode=args.mode,
                instruction=args.instruction,
                source=args.source,
                stream=args.stream,
                speed=args.speed,
                seed=args.seed,
                cancel=cancel,
            ):
                if isinstance(event, SpeechTokens):
                    tokens += len(event.tokens)
                elif isinstance(event, AudioChunk):
                    chunks.append(event.samples)
                elif isinstance(event, Finished):
                    finished = event
                elif isinstance(event, Cancelled):
                    status("")
                    return _fail("cancelled; nothing was written", 130)
                if isinstance(event, SpeechTokens | AudioChunk):
                    seconds = sum(len(c) for c in chunks) / engine.sample_rate
                    status(
                        f"speech tokens {tokens} | audio {seconds:.1f} s | {time.perf_counter() - start:.1f} s elapsed"
                    )
        finally:
            signal.signal(signal.SIGINT, previous)
        status("")
        audio = np.concatenate(chunks) if chunks else np.zeros(0, np.float32)
        if audio.size == 0:
            return _fail(
                f"the model produced no speech for this text (seed {finished.seed}); try another --seed"
            )
        _write_audio_atomic(out, audio, engine.sample_rate)
    except EngineError as exc:
        status("")
        return _fail(str(exc))
    except KeyboardInterrupt:
        status("")
        return _fail("interrupted; nothing was written", 130)
    if tty:
        print("", file=sys.stderr, end="")
    assert finished is not None
    print(
        f"wrote {out} ({finished.audio_seconds:.2f} s, {finished.segments} segment(s), seed {finished.seed}, "
        f"first audio {finished.first_audio_latency:.2f} s, RTF {finished.rtf:.2f}, preset {engine.preset.label})"
    )
    return 0
