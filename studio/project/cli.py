"""`voice-studio project ...`: projects from the command line, on the same engine as the window.

    project new NAME                         an empty project
    project import NAME SCRIPT [--voice ..]   (re)load a project's blocks from a script file
    project list [--json]                    projects with their block counts
    project show NAME [--json]               blocks with speaker, state and length
    project render SCRIPT|NAME --model DIR --voice [SPEAKER=]VOICE ... --out OUT.wav|.flac|.mp3
                   [--subtitles OUT.srt|.vtt] [--seed N] [--loudness LUFS] [--reroll N ...]
    project export NAME --out OUT [--subtitles ..] [--per-chapter]

Rendering a script file keeps a project for it in the library (found again by the file's path), so
running the same command again after Ctrl+C or after editing a line renders only what is missing.
"""

from __future__ import annotations

import argparse
import json
import random
import signal
import sys
import threading
import time
from pathlib import Path

from studio.project.errors import ProjectError

LOUDNESS_PRESETS = {"online": -16.0, "broadcast": -23.0}


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "project",
        help="projects: scripts, dialogues and subtitle tracks rendered block by block",
        description="Render whole scripts, dialogues and subtitle files into one timed, loudness-matched file.",
    )
    sub = p.add_subparsers(dest="project_command", required=True)

    def common(q: argparse.ArgumentParser) -> None:
        q.add_argument("--library", metavar="DIR", help="library folder (default: per user)")

    q = sub.add_parser("new", help="create an empty project")
    q.add_argument("name")
    q.add_argument("--seed", type=int, help="seed of the project's blocks (default: random, kept)")
    common(q)
    q.set_defaults(func=cmd_new)

    q = sub.add_parser("import", help="load a project's blocks from a script (.txt .md .csv .tsv .srt .vtt)")
    q.add_argument("name", help="project name (created when it does not exist)")
    q.add_argument("script")
    q.add_argument("--voice", action="append", default=[], metavar="[SPEAKER=]VOICE")
    q.add_argument("--mode", default="zero_shot", choices=["zero_shot", "cross_lingual", "instruct"])
    q.add_argument("--seed", type=int)
    common(q)
    q.set_defaults(func=cmd_import)

    q = sub.add_parser("list", help="list projects")
    q.add_argument("--json", action="store_true")
    common(q)
    q.set_defaults(func=cmd_list)

    q = sub.add_parser("show", help="a project's blocks and their state")
    q.add_argument("name")
    q.add_argument("--json", action="store_true")
    common(q)
    q.set_defaults(func=cmd_show)

    q = sub.add_parser(
        "render",
        help="render a script file or a project and write the audio",
        description="Render SCRIPT (a script file or a project name) block by block and write OUT. "
        "Blocks already rendered with the same inputs are reused.",
    )
    q.add_argument(
        "script", metavar="SCRIPT", help="script file (.txt .md .csv .tsv .srt .vtt) or project name"
    )
    q.add_argument("--model", required=True, metavar="DIR", help="CosyVoice model folder")
    q.add_argument(
        "--voice",
        action="append",
        default=[],
        metavar="[SPEAKER=]VOICE",
        help="library voice name or .voice.safetensors file; without SPEAKER= it speaks every block without a "
        "speaker (repeat for each speaker)",
    )
    q.add_argument("--out", required=True, help="output file: .wav, .flac or .mp3")
    q.add_argument("--subtitles", help="also write subtitles with the real block times (.srt or .vtt)")
    q.add_argument(
        "--seed", type=int, help="seed for every block (default: the project's, random at creation)"
    )
    q.add_argument(
        "--loudness",
        type=_loudness,
        help="integrated loudness target in LUFS (-16 online, -23 broadcast; default -16)",
    )
    q.add_argument("--true-peak", type=float, help="true-peak ceiling in dBTP (default -1)")
    q.add_argument("--max-speed", type=float, help="subtitles: fastest re-render to fit a cue (default 1.25)")
    q.add_argument("--mode", default="zero_shot", choices=["zero_shot", "cross_lingual", "instruct"])
    q.add_argument(
        "--reroll",
        type=int,
        action="append",
        default=[],
        metavar="N",
        help="render block N again with a new seed",
    )
    q.add_argument("--per-chapter", action="store_true", help="one file per chapter")
    _bits_option(q)
    q.add_argument("--subtitle-units", default="blocks", choices=["blocks", "sentences"])
    q.add_argument("--no-sidecar", action="store_true", help="do not write the .json sidecar")
    q.add_argument("--device", help="cpu, cuda or cuda:N")
    q.add_argument("--normalizer", default="wetext", choices=["wetext", "rules", "none"])
    q.add_argument(
        "--ray",
        nargs="?",
        const="",
        metavar="ADDRESS",
        help="render the blocks on a Ray cluster (ADDRESS: 'auto', 'ray://HOST:10001'; none: a local Ray); "
        "needs pip install 'voice-studio[cluster]'",
    )
    q.add_argument("--ray-actors", type=int, metavar="N", help="engines to start on the cluster")
    common(q)
    q.set_defaults(func=cmd_render)

    q = sub.add_parser("export", help="write a rendered project's audio (and subtitles)")
    q.add_argument("name")
    q.add_argument("--out", required=True)
    q.add_argument("--subtitles")
    q.add_argument("--loudness", type=_loudness)
    q.add_argument("--true-peak", type=float)
    q.add_argument("--per-chapter", action="store_true")
    _bits_option(q)
    q.add_argument("--subtitle-units", default="blocks", choices=["blocks", "sentences"])
    q.add_argument("--no-sidecar", action="store_true")
    common(q)
    q.set_defaults(func=cmd_export)


def _bits_option(q) -> None:
    q.add_argument(
        "--bits",
        type=int,
        default=16,
        choices=[16, 24],
        help="WAV bit depth (default 16; the window's Settings → Export format WAV 16/24-bit)",
    )


def _loudness(text: str) -> float:
    if text.lower() in LOUDNESS_PRESETS:
        return LOUDNESS_PRESETS[text.lower()]
    try:
        return float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a loudness in LUFS (e.g. -16 or -23)") from None


def _fail(message: str, code: int = 1) -> int:
    print(f"voice-studio: error: {message}", file=sys.stderr)
    return code


def _open_library(args):
    from studio.library import Library

    return Library.open(args.library, check=False)


def load_engine(model: str, device: str | None, normalizer: str, progress=None):
    """Load the model (a seam tests replace to share one loaded engine)."""
    from studio.engine import load_model

    return load_model(model, device=device, text_normalizer=normalizer, progress=progress)


def _run(fn, args) -> int:
    from studio.engine.errors import EngineError
    from studio.library.errors import LibraryError

    try:
        return int(fn(args) or 0)
    except (ProjectError, LibraryError, EngineError) as err:
        return _fail(str(err))


def cmd_new(args) -> int:
    return _run(_new, args)


def _new(args) -> int:
    from studio.project.store import ProjectStore

    with _open_library(args) as lib:
        project = ProjectStore(lib).create_project(args.name, seed=args.seed)
        print(f"created project {project.name!r} (seed {project.settings['seed']})")
    return 0


def parse_voice_args(values: list[str], lib) -> dict[str, tuple[str | None, str | None]]:
    """`[SPEAKER=]VOICE` options -> {speaker: (voice_uid, voice_file)}; '' is the default speaker."""
    from studio.library.errors import NotFoundError

    out: dict[str, tuple[str | None, str | None]] = {}
    for value in values:
        speaker, ref = "", value
        whole = Path(value)
        if "=" in value and not whole.is_file():
            speaker, ref = value.split("=", 1)
            speaker = speaker.strip()
        ref = ref.strip()
        if not ref:
            raise ProjectError(f"--voice {value!r} names no voice.")
        path = Path(ref).expanduser()
        if ref.endswith(".safetensors") or path.is_file():
            if not path.is_file():
                raise ProjectError(f"The voice file {path} does not exist.")
            out[speaker] = (None, str(path.resolve()))
            continue
        try:
            voice = lib.find_voice(ref)
        except NotFoundError:
            raise ProjectError(
                f"There is no voice called {ref!r} in the library and no such file; "
                "give a library voice name or a .voice.safetensors file."
            ) from None
        out[speaker] = (voice.uid, None)
    return out


def _apply_voices(store, project, voices, script=None) -> None:
    for speaker, (uid, file) in voices.items():
        store.set_speaker_voice(project.id, speaker, voice_uid=uid, voice_file=file)
    if script is None:
        return
    mapped = store.speakers(project.id)
    unknown = [s for s in script.speakers if s not in mapped and "" not in mapped]
    if unknown:
        first = next(b for b in script.blocks if b.speaker == unknown[0])
        where = f"cue {first.cue_index}" if first.cue_index else f"line {first.line}"
        who = f"speaker {unknown[0]!r}" if unknown[0] else "text without a speaker"
        option = f"--voice {unknown[0]}=VOICE" if unknown[0] else "--voice VOICE"
        raise ProjectError(
            f"Unknown {who} ({where}); map it to a voice with {option}"
            + (
                f" (speakers in the script: {', '.join(repr(s) for s in script.speakers)})"
                if unknown[0]
                else ""
            )
            + "."
        )


def cmd_import(args) -> int:
    return _run(_import, args)


def _import(args) -> int:
    from studio.project.importers import read_script
    from studio.project.store import ProjectStore

    script = read_script(args.script)
    with _open_library(args) as lib:
        store = ProjectStore(lib)
        voices = parse_voice_args(args.voice, lib)
        try:
            project = store.get_project(args.name)
        except ProjectError:
            project = store.create_project(
                args.name, source_name=str(Path(args.script).resolve()), seed=args.seed
            )
        if args.seed is not None:
            project = store.update_settings(project.id, seed=args.seed)
        with lib.transaction():
            project = store.replace_content(project.id, script, mode=args.mode)
            _apply_voices(store, project, voices)
        for warning in script.warnings:
            print(f"warning: {warning}", file=sys.stderr)
        mapped = store.speakers(project.id)
        unmapped = [s for s in script.speakers if s not in mapped and "" not in mapped]
        if unmapped:
            names = ", ".join(repr(s) if s else "(no speaker)" for s in unmapped)
            print(
                f"note: no voice yet for {names}; give one with --voice [SPEAKER=]VOICE here or when rendering",
                file=sys.stderr,
            )
        print(
            f"imported {len(script.blocks)} blocks in {len(script.chapters)} chapter(s) into {project.name!r}"
            + (
                f" (subtitles, timeline {project.timeline_ms / 1000:.3f} s)"
                if project.kind == "subtitles"
                else ""
            )
        )
    return 0


def cmd_list(args) -> int:
    return _run(_list, args)


def _list(args) -> int:
    from studio.project.store import ProjectStore

    with _open_library(args) as lib:
        projects = ProjectStore(lib).list_projects()
        if args.json:
            print(
                json.dumps(
                    [
                        {
                            "id": p.id,
                            "name": p.name,
                            "kind": p.kind,
                            "blocks": p.block_count,
                            "chapters": p.chapter_count,
                            "source": p.source_name,
                            "model": p.model_dir,
                        }
                        for p in projects
                    ],
                    ensure_ascii=False,
                    indent=2,
                )
            )
            return 0
        if not projects:
            print("no projects")
        for p in projects:
            print(f"{p.id:>4}  {p.name}  ({p.kind}, {p.block_count} blocks, {p.chapter_count} chapters)")
    return 0


def cmd_show(args) -> int:
    return _run(_show, args)


def _show(args) -> int:
    from studio.project.render import VoiceResolver, make_plan
    from studio.project.store import ProjectStore

    with _open_library(args) as lib:
        store = ProjectStore(lib)
        project = store.get_project(args.name)
        resolver = (
            VoiceResolver(store, project, project.model_family, preview=True)
            if project.model_family
            else None
        )
        plan = make_plan(store, project, resolver, project.model_hash)
        rows = [
            {
                "number": i.block.position + 1,
                "speaker": i.block.speaker,
                "text": i.block.text,
                "state": i.state if not i.error else f"{i.state} ({i.error})",
                "seconds": round((i.take or i.chosen).duration_s, 3) if (i.take or i.chosen) else None,
                "cue": i.block.cue_index,
            }
            for i in plan
        ]
        if args.json:
            print(json.dumps(rows, ensure_ascii=False, indent=2))
            return 0
        print(f"{project.name} ({project.kind}, model {project.model_dir or 'none yet'})")
        for r in rows:
            length = f"{r['seconds']:.2f} s" if r["seconds"] is not None else "-"
            print(
                f"{r['number']:>5}  {r['speaker'][:12]:<12}  {r['state']:<12}  {length:>8}  {r['text'][:60]}"
            )
    return 0


class _Progress:
    """A bar on a terminal, one line per block otherwise."""

    def __init__(self, stream=sys.stderr) -> None:
        self.stream = stream
        self.tty = stream.isatty()

    def status(self, text: str) -> None:
        if self.tty:
            print(f"\r\033[K{text}", end="", file=self.stream, flush=True)

    def __call__(self, p) -> None:
        eta = "" if p.eta_s is None else f", {p.eta_s:.0f} s left"
        if self.tty:
            width = 28
            filled = round(width * p.done / max(p.total, 1))
            bar = "#" * filled + "-" * (width - filled)
            self.status(f"[{bar}] {p.done}/{p.total} blocks, {p.audio_seconds:.1f} s of audio{eta}")
        else:
            print(
                f"block {p.block_number} {p.state}: {p.done}/{p.total} blocks, "
                f"{p.audio_seconds:.1f} s of audio, {p.elapsed_s:.1f} s elapsed{eta}",
                file=self.stream,
                flush=True,
            )

    def end(self) -> None:
        if self.tty:
            print("", file=self.stream)


def cmd_render(args) -> int:
    return _run(_render, args)


def _render(args) -> int:
    from studio.library import model_folder_hash
    from studio.project.export import audio_format, export_project, subtitle_format
    from studio.project.importers import FORMATS, read_script
    from studio.project.render import VoiceResolver, prepare_library_voice, render_project
    from studio.project.store import ProjectStore

    out = Path(args.out)
    audio_format(out)
    if args.subtitles:
        subtitle_format(Path(args.subtitles))
    if not Path(args.model).is_dir():
        raise ProjectError(f"The model folder {args.model} does not exist.")
    script_path = Path(args.script)
    is_file = script_path.suffix.lower() in FORMATS or script_path.exists()
    script = read_script(script_path) if is_file else None
    progress = _Progress()
    with _open_library(args) as lib:
        store = ProjectStore(lib)
        voices = parse_voice_args(args.voice, lib)
        if script is not None:
            source = str(script_path.resolve())
            project = store.find_by_source(source)
            if project is None:
                project = store.create_project(
                    store.unique_name(script_path.stem),
                    source_name=source,
                    seed=args.seed if args.seed is not None else random.SystemRandom().randrange(2**31),
                )
        else:
            project = store.get_project(args.script)
        settings = {}
        if args.seed is not None:
            settings["seed"] = args.seed
        if args.max_speed is not None:
            if not 1.0 <= args.max_speed <= 4.0:
                raise ProjectError(f"--max-speed {args.max_speed} is out of range; use 1 to 4.")
            settings["max_speed"] = args.max_speed
        if settings:
            project = store.update_settings(project.id, **settings)
        if script is not None:
            with lib.transaction():
                project = store.replace_content(project.id, script, mode=args.mode)
                _apply_voices(store, project, voices, script)
            for warning in script.warnings:
                print(f"warning: {warning}", file=sys.stderr)
        else:
            _apply_voices(store, project, voices)
        if args.seed is not None:
            store.set_all_seeds(project.id, args.seed)
        for number in args.reroll:
            block = store.block_at(project.id, number)
            store.update_block(block.id, seed=random.SystemRandom().randrange(2**31))
        progress.status("hashing the model folder ...")
        model_hash = model_folder_hash(args.model)
        progress.status("loading the model ...")
        engine = load_engine(
            args.model,
            args.device,
            args.normalizer,
            progress=lambda stage, f: progress.status(f"loading model: {stage} ({f:.0%})"),
        )
        progress.status("")
        if project.model_hash and project.model_hash != model_hash:
            print(
                "note: the model changed since the last render; every block rendered with the old model is "
                "stale and is rendered again",
                file=sys.stderr,
            )
        project = store.set_model(project.id, str(Path(args.model).resolve()), engine.family, model_hash)
        resolver = VoiceResolver(store, project, engine.family, prepare=prepare_library_voice(store, engine))
        cancel = threading.Event()
        previous = signal.signal(signal.SIGINT, lambda *a: cancel.set()) if _main_thread() else None
        try:
            report = render_project(
                store,
                project,
                make_renderer(args, engine),
                resolver=resolver,
                model_hash=model_hash,
                progress=progress,
                cancel=cancel,
            )
        finally:
            if previous is not None:
                signal.signal(signal.SIGINT, previous)
            progress.end()
        if report.cancelled:
            done = report.rendered + report.reused
            print(
                f"voice-studio: error: cancelled after {done} of {report.total} blocks; the rendered blocks are "
                f"kept in project {project.name!r}: run the same command again to continue",
                file=sys.stderr,
            )
            return 130
        result = export_project(
            store,
            store.get_project(project.id),
            out,
            resolver=resolver,
            model_hash=model_hash,
            subtitles=args.subtitles,
            subtitle_units=args.subtitle_units,
            per_chapter=args.per_chapter,
            bits=args.bits,
            loudness_lufs=args.loudness,
            true_peak_dbtp=args.true_peak,
            sidecar=not args.no_sidecar,
        )
        _print_result(result, report)
    return 0


def make_renderer(args, engine):
    """The BlockRenderer for `project render`: the loaded engine in this process, or with `--ray` a
    pool of engines on a Ray cluster (studio/project/cluster_renderer.py)."""
    if getattr(args, "ray", None) is not None:
        from studio.project.cluster_renderer import make_ray_renderer

        return make_ray_renderer(args)
    from studio.project.render import LocalRenderer

    return LocalRenderer(engine)


def _main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


def _print_result(result, report=None) -> None:
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    for p in result.overruns:
        print(
            f"overrun: cue {p.block.cue_index} is {p.overrun_s:.2f} s longer than its slot "
            f"(at {p.take.speed_used:.2f}x)",
            file=sys.stderr,
        )
    if report is not None:
        print(
            f"rendered {report.rendered} blocks ({report.refit} sped up to fit), reused {report.reused}, "
            f"in {report.elapsed_s:.1f} s"
        )
    for f in result.files:
        loud = f.loudness
        level = (
            f", {loud.final_lufs:.1f} LUFS, true peak {loud.true_peak_dbtp:.1f} dBTP"
            if loud and loud.final_lufs
            else ""
        )
        print(f"wrote {f.audio} ({f.duration_s:.2f} s{level})")
        if f.subtitles:
            print(f"wrote {f.subtitles} (subtitles)")
        if f.sidecar:
            print(f"wrote {f.sidecar} (timing and provenance)")


def cmd_export(args) -> int:
    return _run(_export, args)


def _export(args) -> int:
    from studio.project.export import export_project
    from studio.project.store import ProjectStore

    start = time.perf_counter()
    with _open_library(args) as lib:
        store = ProjectStore(lib)
        project = store.get_project(args.name)
        result = export_project(
            store,
            project,
            Path(args.out),
            subtitles=args.subtitles,
            subtitle_units=args.subtitle_units,
            per_chapter=args.per_chapter,
            bits=args.bits,
            loudness_lufs=args.loudness,
            true_peak_dbtp=args.true_peak,
            sidecar=not args.no_sidecar,
        )
        _print_result(result)
    del start
    return 0
