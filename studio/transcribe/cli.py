"""`voice-studio ingest` and `voice-studio transcribe`, and `voice-studio ingested ...` (review, voices,
dataset export) on the command line.

    voice-studio ingest FILE... --library DIR [--asr NAME[,NAME]] [--speaker S --dialect D --region R
                        --consent C] [--language L] [--json]
    voice-studio transcribe FILE... [--asr NAME[,NAME]] [--language L] [--json]
    voice-studio ingested list [--review pending|accepted|rejected] [--needs-review] [--json] --library DIR
    voice-studio ingested accept|reject ID... --library DIR
    voice-studio ingested edit ID --transcript TEXT --library DIR
    voice-studio ingested voice ID... --name NAME --library DIR
    voice-studio ingested export --out DIR [--review accepted] --library DIR
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
from pathlib import Path


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "ingest",
        help="cut long recordings into transcribed clips in the library",
        description=(
            "Split long recordings (WAV, FLAC, MP3, OGG; 8 kHz or more) at pauses into 3-15 s clips, "
            "transcribe each with one or two speech recognizers, score their agreement and save the clips "
            "to the library with their source, time span and the archival metadata. Ctrl+C stops after the "
            "current clip; run the same command again to continue where it stopped."
        ),
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="recordings to ingest")
    p.add_argument("--library", metavar="DIR", help="the voice library folder (default: per user)")
    p.add_argument(
        "--asr",
        metavar="NAME[,NAME]",
        help="recognizers to run (two are compared); default: the installed downloaded ones. "
        "Names: whisper-large-v3-turbo, whisper-small, sensevoice-small, paraformer-zh, pocketsphinx "
        "(basic offline English), or a model folder; 'none' to only cut",
    )
    p.add_argument("--language", metavar="CODE", help="the language spoken (ISO code such as en, zh, yue)")
    p.add_argument("--speaker", default="", help="who speaks in the recordings")
    p.add_argument("--dialect", default="", help="the dialect spoken")
    p.add_argument("--region", default="", help="where it was recorded")
    p.add_argument("--consent", default="", help="the consent the speaker gave (who, for what use)")
    p.add_argument("--models-dir", metavar="DIR", help="where downloaded recognizers live")
    p.add_argument("--device", help="cpu, cuda or cuda:N for the recognizers")
    p.add_argument("--json", action="store_true", help="one JSON object per saved clip on stdout")
    p.set_defaults(func=run_ingest)

    t = subparsers.add_parser(
        "transcribe",
        help="transcribe audio files with the installed speech recognizers",
        description="Print what is said in each file (30 s at most each; use ingest for long recordings).",
    )
    t.add_argument("files", nargs="+", metavar="FILE")
    t.add_argument("--asr", metavar="NAME[,NAME]", help="recognizers to run (see ingest --help)")
    t.add_argument("--language", metavar="CODE")
    t.add_argument("--models-dir", metavar="DIR")
    t.add_argument("--device")
    t.add_argument("--json", action="store_true")
    t.set_defaults(func=run_transcribe)

    r = subparsers.add_parser("ingested", help="review and export ingested clips")
    rsub = r.add_subparsers(dest="ingested_command")

    def lib(sp):
        sp.add_argument("--library", metavar="DIR", help="the voice library folder (default: per user)")
        return sp

    ls = lib(rsub.add_parser("list", help="list ingested clips"))
    ls.add_argument("--review", choices=["pending", "accepted", "rejected"])
    ls.add_argument("--needs-review", action="store_true", help="only clips whose recognizers disagreed")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(func=_guard(_cmd_list))
    for verb in ("accept", "reject"):
        sp = lib(rsub.add_parser(verb, help=f"{verb} clips"))
        sp.add_argument("ids", nargs="+", type=int, metavar="ID")
        sp.set_defaults(func=_guard(_cmd_review), review={"accept": "accepted", "reject": "rejected"}[verb])
    ed = lib(rsub.add_parser("edit", help="correct a clip's transcript"))
    ed.add_argument("id", type=int, metavar="ID")
    ed.add_argument("--transcript", required=True)
    ed.set_defaults(func=_guard(_cmd_edit))
    vo = lib(rsub.add_parser("voice", help="make a voice from accepted clips"))
    vo.add_argument("ids", nargs="+", type=int, metavar="ID")
    vo.add_argument("--name", required=True)
    vo.add_argument("--language", default="")
    vo.set_defaults(func=_guard(_cmd_voice))
    ex = lib(rsub.add_parser("export", help="export clips as a dataset (FLAC + CSV + Kaldi wav.scp/text)"))
    ex.add_argument("--out", required=True, metavar="DIR")
    ex.add_argument("--review", default="accepted", choices=["pending", "accepted", "rejected"])
    ex.set_defaults(func=_guard(_cmd_export))
    r.set_defaults(func=lambda a: (r.print_help(), 2)[1])


def _fail(message: str, code: int = 1) -> int:
    print(f"voice-studio: error: {message}", file=sys.stderr)
    return code


def _guard(fn):
    def run(args):
        from studio.library import LibraryError

        try:
            return fn(args)
        except LibraryError as exc:
            return _fail(str(exc))

    return run


def load_recognizers(asr: str | None, models_dir=None, device=None, language=None, *, log=None):
    """The recognizers for --asr (None: the installed downloaded ones, at most two)."""
    from studio.transcribe import recognizers as reg

    names = reg.parse_names(asr)
    if names == ["none"]:
        return []
    if not names:
        names = reg.installed(models_dir, include_builtin=False)[:2]
    out = []
    for name in names:
        if log:
            log(f"loading the recognizer {name} ...")
        rec = reg.load(name, models_dir, device=device)
        if language and not rec.covers(language) and log:
            log(f"note: {rec.label} does not know the language {language!r}; its text will be poor")
        out.append(rec)
    return out


def _say(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def run_ingest(args: argparse.Namespace) -> int:
    from studio.library import Library, LibraryError
    from studio.transcribe import ingest as ing
    from studio.transcribe import recognizers as reg
    from studio.transcribe.errors import TranscribeError

    missing = [f for f in args.files if not Path(f).is_file()]
    if missing:
        return _fail(f"the recording {missing[0]} does not exist")
    try:
        recognizers = load_recognizers(args.asr, args.models_dir, args.device, args.language, log=_say)
    except TranscribeError as exc:
        return _fail(str(exc))
    if not recognizers and reg.parse_names(args.asr) != ["none"]:
        _say(
            "No speech recognizer is installed: the clips are cut and saved without transcripts. "
            f"To get transcripts, {reg.how_to_get_one()}."
        )
    elif len(recognizers) == 1:
        _say(f"One recognizer ({recognizers[0].label}): transcripts are not cross-checked (agreement null).")
    try:
        library = Library.open(args.library)
    except LibraryError as exc:
        return _fail(str(exc))
    cancel = threading.Event()
    previous = signal.signal(signal.SIGINT, lambda *a: (cancel.set(), _say("stopping after this clip ...")))
    last_stage: dict[str, int] = {}

    def on_event(e) -> None:
        if isinstance(e, ing.FileStarted):
            _say(f"[{e.index}/{e.count}] {e.path.name}: {e.seconds / 60:.1f} min at {e.sample_rate} Hz")
        elif isinstance(e, ing.Stage):
            pct = int(e.fraction * 10) * 10
            key = f"{e.path}|{e.stage}"
            if last_stage.get(key) != pct:
                last_stage[key] = pct
                if sys.stderr.isatty():
                    print(f"\r\033[K  {e.stage} {pct} %", end="", file=sys.stderr, flush=True)
                elif pct == 100:
                    _say(f"  {e.stage}: done")
            if sys.stderr.isatty() and pct == 100:
                print("", file=sys.stderr)
        elif isinstance(e, ing.FilePlanned):
            extra = f", {e.already_saved} already saved earlier" if e.already_saved else ""
            short = f", {e.too_short} speech piece(s) too short to keep" if e.too_short else ""
            _say(f"  {e.clips} clip(s){extra}{short}")
        elif isinstance(e, ing.ClipSaved):
            c = e.clip
            flag = "  NEEDS REVIEW" if c.needs_review and recognizers else ""
            agree = "" if c.agreement is None else f" agreement {c.agreement:.2f}"
            _say(
                f"  clip {e.index}/{e.count} {c.start_s:.2f}-{c.end_s:.2f} s{agree}{flag}: {c.transcript[:70]}"
            )
            if args.json:
                print(json.dumps(c.to_dict(), ensure_ascii=False), flush=True)
        elif isinstance(e, ing.FileFailed):
            _say(f"  skipped: {e.message}")

    try:
        summary = ing.ingest_files(
            args.files,
            library,
            recognizers,
            ing.IngestOptions(
                speaker=args.speaker,
                dialect=args.dialect,
                region=args.region,
                consent=args.consent,
                language=args.language,
            ),
            on_event=on_event,
            cancel=cancel,
        )
    finally:
        signal.signal(signal.SIGINT, previous)
        library.close()
    review = sum(1 for c in summary.saved if c.needs_review)
    _say(
        f"saved {len(summary.saved)} clip(s) to {library.root}"
        + (f", {review} need review" if recognizers and review else "")
        + (f", {summary.already_saved} were already saved" if summary.already_saved else "")
    )
    if summary.cancelled:
        _say("cancelled: the clips saved so far stay saved; run the same command again to continue.")
        return 130
    if summary.failed:
        return _fail(f"{len(summary.failed)} recording(s) could not be ingested: {summary.failed[0][1]}")
    return 0


def run_transcribe(args: argparse.Namespace) -> int:
    from studio.transcribe import recognizers as reg
    from studio.transcribe.audio import read_16k
    from studio.transcribe.errors import TranscribeError
    from studio.transcribe.ingest import transcribe_clip

    try:
        recognizers = load_recognizers(args.asr, args.models_dir, args.device, args.language, log=_say)
        if not recognizers:
            return _fail(f"no speech recognizer is installed; {reg.how_to_get_one()}")
        for f in args.files:
            audio, info = read_16k(f)
            if info.seconds > 30.5:
                return _fail(
                    f"{Path(f).name} is {info.seconds:.0f} s long; use `voice-studio ingest` for long recordings"
                )
            verdict = transcribe_clip(audio, recognizers, language=args.language)
            if args.json:
                print(json.dumps({"file": str(f), **verdict.to_dict()}, ensure_ascii=False))
            else:
                flag = " (needs review)" if verdict.needs_review and len(recognizers) > 1 else ""
                print(f"{f}: {verdict.transcript}{flag}")
    except TranscribeError as exc:
        return _fail(str(exc))
    return 0


def _open(args):
    from studio.library import Library

    return Library.open(args.library)


def _cmd_list(args) -> int:
    with _open(args) as lib:
        items = lib.list_ingested(review=args.review, needs_review=True if args.needs_review else None)
        for item in items:
            if args.json:
                print(json.dumps(item.to_dict(), ensure_ascii=False))
            else:
                agree = "  -  " if item.agreement is None else f"{item.agreement:.2f}"
                flag = "!" if item.needs_review else " "
                print(
                    f"{item.id:6d} {flag} {item.review:8s} {agree} {Path(item.source_path).name} "
                    f"{item.start_s:8.2f}-{item.end_s:8.2f}  {item.transcript}"
                )
        if not items and not args.json:
            print("No ingested clips.", file=sys.stderr)
    return 0


def _cmd_review(args) -> int:
    with _open(args) as lib:
        for i in args.ids:
            lib.review_ingested(i, review=args.review)
    print(f"{len(args.ids)} clip(s) {args.review}")
    return 0


def _cmd_edit(args) -> int:
    with _open(args) as lib:
        lib.review_ingested(args.id, transcript=args.transcript)
    return 0


def _cmd_voice(args) -> int:
    with _open(args) as lib:
        vid = lib.voice_from_ingested(args.ids, args.name, language=args.language)
        print(f"voice {lib.get_voice(vid).name} (id {vid}) made from {len(args.ids)} clip(s)")
    return 0


def _cmd_export(args) -> int:
    with _open(args) as lib:
        result = lib.export_dataset(args.out, review=args.review)
    print(f"exported {result['clips']} clip(s) to {result['folder']} (metadata.csv, wav.scp, text, utt2spk)")
    return 0
