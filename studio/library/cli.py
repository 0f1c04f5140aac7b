"""`voice-studio library ...`: list, show, export, import, check and add-voice from a terminal.

Every subcommand takes --library DIR (default: the configured library, see
studio.library.location) and exits non-zero with one line `voice-studio: error: ...` on stderr.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from studio.library.audio_files import EXPORT_FORMATS
from studio.library.errors import LibraryError
from studio.library.export import DEFAULT_PATTERN, clip_provenance, take_provenance, voice_summary
from studio.library.library import Library
from studio.library.records import Take, Voice

PROG = "voice-studio"


def register(subparsers: Any) -> None:
    """Add `library` and its subcommands to the main CLI's subparsers."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--library",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="library folder (default: $VOICE_STUDIO_LIBRARY or the user data folder)",
    )
    parser = subparsers.add_parser(
        "library", parents=[common], help="manage the voice library", description="Manage the voice library."
    )
    parser.set_defaults(func=lambda args: _help(parser))
    sub = parser.add_subparsers(dest="library_command", metavar="COMMAND")

    p = sub.add_parser("list", parents=[common], help="list voices, or takes with --takes")
    p.add_argument("--takes", action="store_true", help="list takes instead of voices")
    p.add_argument("--voice", help="only takes of this voice (name or id)")
    p.add_argument("--search", metavar="TEXT", help="only takes whose text contains TEXT")
    p.add_argument("--favourite", action="store_true", help="only favourite takes")
    p.add_argument("--since", metavar="DATE", help="only takes made on or after DATE (YYYY-MM-DD)")
    p.add_argument("--until", metavar="DATE", help="only takes made on or before DATE (YYYY-MM-DD)")
    p.add_argument("--language", help="only voices in this language")
    p.add_argument("--dialect", help="only voices with this dialect or region")
    p.add_argument("--tag", help="only voices with this tag")
    p.add_argument("--name", help="only voices whose name contains this")
    p.add_argument("--limit", type=int, default=100, help="at most this many takes (default 100, 0 = all)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=_guard(_cmd_list))

    p = sub.add_parser("show", parents=[common], help="show one voice, take or clip with its metadata")
    p.add_argument("kind", choices=("voice", "take", "clip"))
    p.add_argument("ref", help="voice name or id; take or clip id")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=_guard(_cmd_show))

    p = sub.add_parser(
        "export",
        parents=[common],
        help="export takes/clips as audio files, or voices as a .voicepack",
        description="Export takes (--take, or all matching --voice/--search/--favourite) and clips "
        "(--clip) into the folder --out; or, with --voicepack, the voices named by --voice into "
        "the archive file --out (with their clips, prepared prompts and pronunciation dictionaries).",
    )
    p.add_argument("--out", required=True, metavar="PATH", help="folder (audio) or file (.voicepack)")
    p.add_argument(
        "--take", type=int, action="append", default=[], metavar="ID", help="a take id (repeatable)"
    )
    p.add_argument(
        "--clip", type=int, action="append", default=[], metavar="ID", help="a clip id (repeatable)"
    )
    p.add_argument("--voice", action="append", default=[], help="a voice name or id (repeatable)")
    p.add_argument("--search", metavar="TEXT", help="select takes whose text contains TEXT")
    p.add_argument("--favourite", action="store_true", help="select favourite takes")
    p.add_argument(
        "--format", choices=tuple(EXPORT_FORMATS), default="wav24", help="audio format (default wav24)"
    )
    p.add_argument("--sidecar", action="store_true", help="also write a .json provenance file per export")
    p.add_argument(
        "--pattern", default=DEFAULT_PATTERN, help=f"file name pattern (default {DEFAULT_PATTERN})"
    )
    p.add_argument("--untrimmed", action="store_true", help="export clips without applying their trim")
    p.add_argument("--voicepack", action="store_true", help="export the --voice voices as one .voicepack")
    p.set_defaults(func=_guard(_cmd_export))

    p = sub.add_parser("import", parents=[common], help="import voices from .voicepack files")
    p.add_argument("packs", nargs="+", metavar="PACK", help="a .voicepack file")
    p.set_defaults(func=_guard(_cmd_import))

    p = sub.add_parser(
        "check", parents=[common], help="check the catalog against the files (exit 1 if any is missing)"
    )
    p.set_defaults(func=_guard(_cmd_check))

    p = sub.add_parser(
        "add-voice",
        parents=[common],
        help="save a voice from a reference clip (3-30 s of one speaker)",
        description="Save a voice NAME from the reference clip REF (any audio file libsndfile reads), "
        "as the window's 'Save as voice' does. The clip is checked as in the window (length, sample "
        "rate, signal); the voice is prepared for a model the first time a take uses it.",
    )
    p.add_argument("name", metavar="NAME", help="the voice's name (unique in the library)")
    p.add_argument("ref", metavar="REF", help="the reference clip")
    p.add_argument(
        "--transcript", metavar="T", default="", help="what is said in the clip (needed for clone mode)"
    )
    p.add_argument("--language", default="", help="the voice's language, e.g. en or zh")
    p.add_argument("--json", action="store_true", help="print the new voice as JSON")
    p.set_defaults(func=_guard(_cmd_add_voice))


def _help(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 0


def _guard(command: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        try:
            return command(args)
        except LibraryError as err:
            print(f"{PROG}: error: {err}", file=sys.stderr)
            return 1
        except OSError as err:
            print(f"{PROG}: error: {err.strerror or err}: {err.filename or ''}".rstrip(": "), file=sys.stderr)
            return 1

    return run


def _open(args: argparse.Namespace, *, create: bool = False, check: bool = False) -> Library:
    return Library.open(getattr(args, "library", None), create=create, check=check)


def _print(text: str = "") -> None:
    print(text)


# -- list ----------------------------------------------------------------------------------------


def _cmd_list(args: argparse.Namespace) -> int:
    with _open(args) as lib:
        if args.takes or args.voice or args.search or args.favourite or args.since or args.until:
            voice_id = lib.find_voice(args.voice).id if args.voice else None
            takes = lib.list_takes(
                voice_id=voice_id,
                text=args.search,
                favourite=True if args.favourite else None,
                since=args.since,
                until=args.until,
                limit=args.limit or None,
            )
            if args.json:
                _print(json.dumps([_take_json(t) for t in takes], ensure_ascii=False, indent=2))
            else:
                _print_takes(takes)
            return 0
        voices = lib.list_voices(name=args.name, language=args.language, dialect=args.dialect, tag=args.tag)
        if args.json:
            _print(json.dumps([_voice_json(v) for v in voices], ensure_ascii=False, indent=2))
        else:
            _print_voices(voices)
    return 0


def _table(rows: list[list[str]]) -> None:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        _print("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip())


def _print_voices(voices: list[Voice]) -> None:
    if not voices:
        _print("No voices.")
        return
    rows = [["ID", "NAME", "LANGUAGE", "DIALECT", "CLIPS", "PROMPTS", "TAGS", "CONSENT"]]
    for v in voices:
        rows.append(
            [
                str(v.id),
                v.name,
                v.language or "-",
                v.dialect or "-",
                str(v.clip_count),
                ",".join(v.prompt_families) or "-",
                ",".join(v.tags) or "-",
                v.consent_status,
            ]
        )
    _table(rows)


def _print_takes(takes: list[Take]) -> None:
    if not takes:
        _print("No takes.")
        return
    rows = [["ID", "DATE", "VOICE", "FAV", "SECONDS", "CONSENT", "TEXT"]]
    for t in takes:
        text = " ".join(t.text.split())
        rows.append(
            [
                str(t.id),
                t.created_at.astimezone().strftime("%Y-%m-%d %H:%M"),
                t.voice_name or "-",
                "*" if t.favourite else "",
                f"{t.duration_s:.1f}",
                t.consent_status,
                text if len(text) <= 60 else text[:59] + "…",
            ]
        )
    _table(rows)


def _voice_json(v: Voice) -> dict[str, Any]:
    data = voice_summary(v) or {}
    data.update(
        id=v.id,
        notes=v.notes,
        tags=list(v.tags),
        clip_count=v.clip_count,
        prepared_prompts=list(v.prompt_families),
        created_at=v.created_at.isoformat() if v.created_at else None,
        updated_at=v.updated_at.isoformat() if v.updated_at else None,
    )
    return data


def _take_json(t: Take) -> dict[str, Any]:
    return {
        "id": t.id,
        "voice": t.voice_name,
        "text": t.text,
        "favourite": t.favourite,
        "source": t.source,
        "duration_s": round(t.duration_s, 3),
        "consent_status": t.consent_status,
        "created_at": t.created_at.isoformat(),
        "path": str(t.path),
    }


# -- show ----------------------------------------------------------------------------------------


def _cmd_show(args: argparse.Namespace) -> int:
    with _open(args) as lib:
        if args.kind == "voice":
            voice = lib.find_voice(args.ref)
            clips = lib.list_clips(voice.id)
            prompts = lib.prepared_prompts(voice.id)
            takes = lib.count_takes(voice_id=voice.id)
            if args.json:
                data = _voice_json(voice)
                data["clips"] = [clip_provenance(lib, c)["clip"] | {"path": str(c.path)} for c in clips]
                data["prepared_prompts"] = [
                    {"family": p.family, "path": str(p.path), "size": p.size, "sha256": p.sha256}
                    for p in prompts
                ]
                data["takes"] = takes
                _print(json.dumps(data, ensure_ascii=False, indent=2))
                return 0
            _show_voice(voice, clips, prompts, takes)
        elif args.kind == "take":
            take = lib.get_take(_int(args.ref, "take"))
            if args.json:
                data = take_provenance(lib, take)
                data["path"] = str(take.path)
                _print(json.dumps(data, ensure_ascii=False, indent=2))
                return 0
            _show_take(take)
        else:
            clip = lib.get_clip(_int(args.ref, "clip"))
            data = clip_provenance(lib, clip)
            data["path"] = str(clip.path)
            if args.json:
                _print(json.dumps(data, ensure_ascii=False, indent=2))
                return 0
            _print(f"Clip {clip.id}  ({data['statement']})")
            _print(f"  {'consent:':<13} {data['consent_status']}")
            for key, value in data["clip"].items():
                if key not in ("id",):
                    _print(f"  {key + ':':<13} {value}")
            _print(f"  {'file:':<13} {clip.path}")
    return 0


def _int(text: str, what: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise LibraryError(f"A {what} is named by its number, not {text!r}.") from None


def _show_voice(voice: Voice, clips: list[Any], prompts: list[Any], takes: int) -> None:
    _print(f"Voice {voice.id}: {voice.name}")
    _print(
        f"  consent:    {voice.consent_status}" + (f" — {voice.consent.describe()}" if voice.consent else "")
    )
    for label, value in (
        ("speaker", voice.speaker_name),
        ("language", voice.language),
        ("dialect", voice.dialect),
        ("gender", voice.gender),
        ("age band", voice.age_band),
        ("tags", ", ".join(voice.tags)),
        ("notes", voice.notes),
    ):
        if value:
            _print(f"  {label + ':':<11} {value}")
    _print(f"  created:    {voice.created_at.astimezone():%Y-%m-%d %H:%M}" if voice.created_at else "")
    _print(f"  takes:      {takes}")
    _print(f"  clips:      {len(clips)}")
    for c in clips:
        trim = ""
        if c.trim_start is not None or c.trim_end is not None:
            trim = f", trimmed to {c.trimmed_duration_s:.2f} s"
        source = c.source + (f" {c.source_name}" if c.source_name else "")
        _print(f"    [{c.id}] {c.duration_s:.2f} s @ {c.sample_rate} Hz, {source}{trim}: {c.transcript!r}")
    _print(f"  prepared prompts: {', '.join(p.family for p in prompts) or 'none'}")


def _show_take(take: Take) -> None:
    _print(f"Take {take.id}: {take.text}")
    _print(f"  voice:      {take.voice_name or '-'}")
    _print(f"  consent:    {take.consent_status}")
    _print("  synthetic:  yes (generated by Voice Studio)")
    for label, value in (
        ("source", {"api": "speech API"}.get(take.source, take.source)),
        ("mode", take.mode),
        ("instruction", take.instruction),
        ("seed", take.seed),
        ("speed", take.speed),
        ("model", f"{take.model_family} {take.model_hash}".strip()),
        ("engine", take.engine_version),
        ("timings", json.dumps(take.timings) if take.timings else ""),
        ("favourite", "yes" if take.favourite else "no"),
        ("duration", f"{take.duration_s:.2f} s @ {take.sample_rate} Hz"),
        ("created", f"{take.created_at.astimezone():%Y-%m-%d %H:%M:%S}"),
        ("file", str(take.path)),
    ):
        if value not in ("", None):
            _print(f"  {label + ':':<11} {value}")
    if take.segments:
        _print(f"  segments:   {len(take.segments)}")
        for seg in take.segments:
            _print(f"    [{seg.index}] seed {seg.seed}: {seg.text}")


# -- export / import / check ---------------------------------------------------------------------


def _cmd_export(args: argparse.Namespace) -> int:
    with _open(args) as lib:
        out = Path(args.out)
        if args.voicepack:
            if not args.voice:
                raise LibraryError("Name the voices to put in the voicepack with --voice.")
            voices = [lib.find_voice(ref) for ref in args.voice]
            path = lib.export_voicepack([v.id for v in voices], out)
            missing = [v.name for v in voices if not v.has_consent]
            _print(f"Wrote {path} ({len(voices)} voices).")
            if missing:
                _print(f"Note: NO CONSENT RECORDED for {', '.join(missing)}.")
            return 0
        take_ids = list(args.take)
        if not take_ids and (args.voice or args.search or args.favourite):
            voice_ids = [lib.find_voice(ref).id for ref in args.voice] or [None]
            for voice_id in voice_ids:
                take_ids += lib.take_ids(
                    voice_id=voice_id, text=args.search, favourite=True if args.favourite else None
                )
        if not take_ids and not args.clip:
            raise LibraryError("Nothing to export: give --take, --clip, or --voice/--search/--favourite.")
        if out.exists() and not out.is_dir():
            raise LibraryError(f"{out} is a file; --out must be a folder when exporting audio.")
        paths = lib.export_takes(take_ids, out, fmt=args.format, pattern=args.pattern, sidecar=args.sidecar)
        for clip_id in args.clip:
            out.mkdir(parents=True, exist_ok=True)
            paths.append(
                lib.export_clip(
                    clip_id, out, fmt=args.format, sidecar=args.sidecar, trimmed=not args.untrimmed
                )
            )
        for path in paths:
            _print(str(path))
        _print(f"Exported {len(paths)} files to {out}.")
    return 0


def _cmd_import(args: argparse.Namespace) -> int:
    with _open(args, create=True) as lib:
        for pack in args.packs:
            result = lib.import_voicepack(pack)
            for voice in result.voices:
                note = "" if voice.has_consent else "  (NO CONSENT RECORDED)"
                _print(f"Imported voice {voice.name!r} with {voice.clip_count} clips.{note}")
            for old, new in result.renamed.items():
                _print(f"  {old!r} already existed, so the imported voice is called {new!r}.")
    return 0


def _cmd_add_voice(args: argparse.Namespace) -> int:
    from studio.audio.clipfile import ClipFileError, read_clip_file
    from studio.audio.quality import FAIL, analyse

    try:
        clip = read_clip_file(args.ref)
    except ClipFileError as err:
        raise LibraryError(str(err)) from None
    report = analyse(clip.audio, clip.sample_rate)
    if report.blocking:
        reasons = {
            "duration": f"it is {clip.seconds:.1f} s long; a reference clip must be 0.5-30 s",
            "sample_rate": f"its sample rate is {clip.sample_rate} Hz; at least 16000 Hz is needed",
            "silence": "it contains no speech (only silence)",
        }
        failed = [c.key for c in report.checks if c.status == FAIL and c.blocking]
        raise LibraryError(
            f"{Path(args.ref).name} cannot be a voice: " + "; ".join(reasons.get(k, k) for k in failed) + "."
        )
    with _open(args, create=True) as lib:
        voice = lib.add_voice(args.name, language=args.language)
        try:
            lib.import_clip_file(
                voice.id, args.ref, transcript=args.transcript.strip(), quality=report.to_dict()
            )
        except BaseException:
            lib.delete_voice(voice.id)
            raise
        voice = lib.get_voice(voice.id)
        if args.json:
            _print(json.dumps(_voice_json(voice), ensure_ascii=False, indent=2))
        else:
            _print(
                f"Saved voice {voice.id}: {voice.name} ({clip.seconds:.1f} s clip, quality {report.overall})."
            )
            if not args.transcript.strip():
                _print("No transcript given: use cross_lingual or instruct mode (clone mode needs one).")
            _print("Note: NO CONSENT RECORDED for this voice (record it in the window's voice details).")
    return 0


def _cmd_check(args: argparse.Namespace) -> int:
    with _open(args) as lib:
        report = lib.check()
    for line in report.lines():
        _print(line)
    _print(report.summary())
    return 0 if report.ok else 1
