"""`voice-studio synth`: one take from the command line, through the same engine the window uses."""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
import time
from pathlib import Path

import numpy as np

from studio.library.atomic import temp_path_for
from studio.normalize_cli import LANGUAGE_HELP, LANGUAGES


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
    p.add_argument(
        "--ref-text",
        help="transcript of the reference clip (needed for zero_shot); 'auto' transcribes it with a "
        "speech recognizer",
    )
    p.add_argument(
        "--asr",
        metavar="NAME[,NAME]",
        help="speech recognizer(s) for --ref-text auto and for checking a typed --ref-text "
        "(default: the installed downloaded ones; pocketsphinx = basic offline English)",
    )
    p.add_argument("--models-dir", metavar="DIR", help="where downloaded recognizers live")
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
    p.add_argument("--language", choices=LANGUAGES, metavar="CODE", help=LANGUAGE_HELP)
    p.add_argument(
        "--lexicon",
        metavar="FILE.csv",
        help="pronunciation dictionary applied before normalization (term,replacement)",
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
    # libsndfile creates the file itself, so it gets the user's umask (mkstemp would make it 0600).
    tmp = str(temp_path_for(path))
    try:
        sf.write(tmp, audio, sample_rate, subtype=subtype, format=fmt)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


class _RefTextError(Exception):
    pass


def _reference_transcript(args: argparse.Namespace) -> str | None:
    """--ref-text auto: what the recognizers hear in --ref. A typed --ref-text: checked against them
    when a recognizer is chosen (--asr) or a downloaded one is installed; a mismatch (error rate over
    0.3) is a warning that names the words that differ, before the take starts."""
    from studio.transcribe import recognizers as reg
    from studio.transcribe.cli import load_recognizers
    from studio.transcribe.errors import TranscribeError
    from studio.transcribe.reference import check_transcript, transcribe_reference

    auto = args.ref_text == "auto"
    if not auto and not args.asr and not reg.installed(args.models_dir, include_builtin=False):
        return args.ref_text  # nothing to check with: keep what was typed, silently
    try:
        names = args.asr
        if auto and not names and not reg.installed(args.models_dir, include_builtin=False):
            if "pocketsphinx" not in reg.installed(args.models_dir):
                raise _RefTextError(f"--ref-text auto needs a speech recognizer; {reg.how_to_get_one()}")
            names = "pocketsphinx"
            print(
                "note: no downloaded recognizer is installed; using PocketSphinx (basic offline English only)",
                file=sys.stderr,
            )
        recognizers = load_recognizers(names, args.models_dir, args.device)
        verdict = transcribe_reference(args.ref, recognizers)
    except TranscribeError as exc:
        raise _RefTextError(str(exc)) from None
    if auto:
        if not verdict.transcript.strip():
            raise _RefTextError(
                f"the recognizer heard no words in {Path(args.ref).name}; type the transcript with --ref-text"
            )
        agree = "" if verdict.agreement is None else f", agreement {verdict.agreement:.2f}"
        print(f"reference transcript ({verdict.chosen}{agree}): {verdict.transcript}", file=sys.stderr)
        if verdict.agreement is not None and verdict.needs_review:
            print(
                "warning: the recognizers disagree about the reference; check the transcript "
                "(a wrong one makes the clone babble or repeat): "
                + " | ".join(f"{r.recognizer}: {r.text}" for r in verdict.recognitions),
                file=sys.stderr,
            )
        return verdict.transcript
    mismatch = check_transcript(args.ref_text, verdict)
    if mismatch is not None:
        print(
            f"warning: the --ref-text does not match what {verdict.chosen} hears in {Path(args.ref).name} "
            f"(error rate {mismatch.error_rate:.2f}): {mismatch.describe()}. A wrong transcript makes the "
            "clone babble or repeat; use --ref-text auto or correct it.",
            file=sys.stderr,
        )
    return args.ref_text


def run(args: argparse.Namespace) -> int:
    from studio.engine import (
        AudioChunk,
        Cancelled,
        EngineError,
        Finished,
        Lexicon,
        SpeechTokens,
        TextWarning,
        Voice,
        load_model,
    )

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
    if not args.ref.endswith(".safetensors") and (
        args.ref_text == "auto" or (args.ref_text and args.mode == "zero_shot")
    ):
        try:
            args.ref_text = _reference_transcript(args)
        except _RefTextError as exc:
            return _fail(str(exc))

    def status(msg: str) -> None:
        if tty:
            print(f"\r\033[K{msg}", end="", file=sys.stderr, flush=True)

    try:
        lexicon = Lexicon.load_csv(args.lexicon) if args.lexicon else None
    except EngineError as exc:
        return _fail(str(exc))

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
                language=args.language,
                lexicon=lexicon,
            ):
                if isinstance(event, TextWarning):
                    status("")
                    print(f"voice-studio: warning: {event.message}", file=sys.stderr)
                elif isinstance(event, SpeechTokens):
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
