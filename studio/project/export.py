"""Exporting a rendered project: one file or one per chapter (WAV 16/24-bit, FLAC, MP3), a JSON
sidecar with provenance and every block's timing, and SRT / WebVTT subtitles with the real start and
end of every block (or sentence).

Audio files carry title, artist (the voices), comment (synthetic speech statement and consent),
software and date. MP3 is written by libsndfile (soundfile) with its LAME encoder, which needs
libsndfile >= 1.1; an older one gives a clear error.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import soundfile as sf

from studio.library.atomic import atomic_output, atomic_write_bytes
from studio.library.audio_files import write_audio
from studio.library.errors import LibraryError
from studio.library.export import (
    consent_line,
    sanitize_filename,
    software_name,
    synthetic_statement,
    voice_summary,
)
from studio.library.records import consent_status
from studio.library.timeutil import now_utc
from studio.project.errors import ProjectError
from studio.project.mix import LoudnessReport, Mixdown, Placement, join_script, lay_cues, normalize_loudness
from studio.project.model import Project
from studio.project.render import PlanItem, VoiceResolver, make_plan

if TYPE_CHECKING:
    from studio.project.store import ProjectStore

AUDIO_SUFFIXES = {".wav": "WAV", ".flac": "FLAC", ".mp3": "MP3"}
SUBTITLE_SUFFIXES = (".srt", ".vtt")
SIDECAR_FORMAT = "voice-studio.project-export"
SIDECAR_VERSION = 1


@dataclass
class ExportedFile:
    audio: Path
    chapter: str | None
    duration_s: float
    loudness: LoudnessReport | None
    subtitles: Path | None = None
    sidecar: Path | None = None
    placements: list[Placement] = field(default_factory=list)


@dataclass
class ExportResult:
    files: list[ExportedFile]
    warnings: list[str] = field(default_factory=list)

    @property
    def overruns(self) -> list[Placement]:
        return [p for f in self.files for p in f.placements if p.overrun_s > 0]


def audio_format(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in AUDIO_SUFFIXES:
        raise ProjectError(
            f"{path.name}: the output format comes from its extension; use .wav, .flac or .mp3."
        )
    fmt = AUDIO_SUFFIXES[suffix]
    if fmt == "MP3" and "MP3" not in sf.available_formats():
        raise ProjectError(
            f"This libsndfile ({sf.__libsndfile_version__}) cannot write MP3; it needs libsndfile 1.1 or "
            "newer built with LAME. Export WAV or FLAC instead."
        )
    return fmt


def subtitle_format(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in SUBTITLE_SUFFIXES:
        raise ProjectError(f"{path.name}: subtitles are written as .srt or .vtt.")
    return suffix[1:]


def _current_takes(
    store: ProjectStore, project: Project, resolver: VoiceResolver | None, model_hash: str
) -> tuple[list[PlanItem], list[str]]:
    """Every block with the take to export; stale or unrendered blocks are an error."""
    plan = make_plan(store, project, resolver, model_hash)
    warnings: list[str] = []
    if not plan:
        raise ProjectError(f"The project {project.name!r} has no blocks; import a script first.")
    missing = [i for i in plan if i.chosen is None and i.take is None]
    if missing:
        first = missing[0].block
        raise ProjectError(
            f"{len(missing)} of {len(plan)} blocks are not rendered yet (first: block {first.position + 1}); "
            "render the project first."
        )
    if resolver is not None:
        stale = [i for i in plan if i.take is None and i.error is None]
        if stale:
            first = stale[0].block
            raise ProjectError(
                f"{len(stale)} blocks are stale: their text, voice, settings or the model changed since they "
                f"were rendered (first: block {first.position + 1}); render the project again before exporting."
            )
        for item in plan:
            if item.error is not None:
                warnings.append(
                    f"block {item.block.position + 1}: {item.error} Its last rendered take is used."
                )
                item.take = item.chosen
    return plan, warnings


def build_mixdown(store: ProjectStore, project: Project, items: Sequence[PlanItem]) -> Mixdown:
    takes = [i.take for i in items]
    assert all(t is not None for t in takes)
    rates = {t.sample_rate for t in takes}  # type: ignore[union-attr]
    if len(rates) != 1:
        raise ProjectError(
            f"The blocks were rendered at different sample rates ({sorted(rates)}): the model changed; "
            "render the project again."
        )
    rate = rates.pop()
    audios = [store.take_audio(t) for t in takes]  # type: ignore[arg-type]
    blocks = [i.block for i in items]
    if project.kind == "subtitles":
        timeline = project.timeline_ms or max(b.cue_end_ms or 0 for b in blocks)
        return lay_cues(blocks, takes, audios, rate, timeline)  # type: ignore[arg-type]
    return join_script(blocks, takes, audios, rate, float(project.setting("fade_ms")))  # type: ignore[arg-type]


def export_project(
    store: ProjectStore,
    project: Project,
    out: str | Path,
    *,
    resolver: VoiceResolver | None = None,
    model_hash: str | None = None,
    subtitles: str | Path | None = None,
    subtitle_units: str = "blocks",
    per_chapter: bool = False,
    bits: int = 16,
    loudness_lufs: float | None = None,
    true_peak_dbtp: float | None = None,
    sidecar: bool = True,
) -> ExportResult:
    """Write the project's audio to `out` (format from the extension), and optionally subtitles.

    `loudness_lufs` None uses the project's setting (-16 LUFS unless changed); `per_chapter` writes
    `<stem>-01-<title>.<ext>` per chapter (subtitles likewise). Raises ProjectError for unrendered
    or stale blocks and for files that cannot be written.
    """
    out = Path(out)
    fmt = audio_format(out)
    if bits not in (16, 24):
        raise ProjectError(f"WAV files are 16- or 24-bit, not {bits}-bit.")
    sub_path = Path(subtitles) if subtitles else None
    if sub_path is not None:
        subtitle_format(sub_path)
    if subtitle_units not in ("blocks", "sentences"):
        raise ProjectError("Subtitle cues are per 'blocks' or per 'sentences'.")
    if resolver is None and project.model_family:
        resolver = VoiceResolver(store, project, project.model_family)
    items, warnings = _current_takes(store, project, resolver, model_hash or project.model_hash)
    target = float(loudness_lufs if loudness_lufs is not None else project.setting("loudness_lufs"))
    ceiling = float(true_peak_dbtp if true_peak_dbtp is not None else project.setting("true_peak_dbtp"))
    groups: list[tuple[str | None, list[PlanItem]]]
    if per_chapter and project.kind == "script":
        titles = {c.id: (c.position, c.title) for c in store.chapters(project.id)}
        by_chapter: dict[int | None, list[PlanItem]] = {}
        for item in items:
            by_chapter.setdefault(item.block.chapter_id, []).append(item)
        groups = [
            (titles.get(cid, (0, ""))[1] or f"Chapter {n}", group)
            for n, (cid, group) in enumerate(by_chapter.items(), 1)
        ]
    else:
        groups = [(None, items)]
    result = ExportResult([], warnings)
    out.parent.mkdir(parents=True, exist_ok=True)
    for n, (title, group) in enumerate(groups, 1):
        mix = build_mixdown(store, project, group)
        audio, report = normalize_loudness(mix.audio, mix.sample_rate, target, ceiling)
        if report.note:
            result.warnings.append(f"{title or project.name}: {report.note}.")
        suffix = "" if title is None else f"-{n:02d}-{sanitize_filename(title, 60)}"
        path = out.with_name(out.stem + suffix + out.suffix)
        voices = _voices(store, group)
        metadata = {
            "title": project.name + (f" – {title}" if title else ""),
            "artist": ", ".join(v["name"] for v in voices.values() if v) or "Voice Studio",
            "comment": " ".join(
                [synthetic_statement(", ".join(v["name"] for v in voices.values() if v) or None)]
                + [consent_line(store.lib.get_voice(v["id"]).consent) for v in voices.values() if v]
            ),
            "software": software_name(),
            "date": now_utc().astimezone().date().isoformat(),
        }
        write_project_audio(path, audio, mix.sample_rate, fmt, bits, metadata)
        exported = ExportedFile(path, title, len(audio) / mix.sample_rate, report, placements=mix.placements)
        if sub_path is not None:
            sub = sub_path.with_name(sub_path.stem + suffix + sub_path.suffix)
            write_subtitles(sub, mix.placements, mix.sample_rate, units=subtitle_units)
            exported.subtitles = sub
        if sidecar:
            exported.sidecar = path.with_name(path.name + ".json")
            data = _sidecar(project, exported, mix, voices, fmt, bits, title)
            _atomic_bytes(exported.sidecar, json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8"))
        result.files.append(exported)
    return result


def _voices(store: ProjectStore, items: Sequence[PlanItem]) -> dict[str, dict[str, Any] | None]:
    """Voice label -> library voice summary (None for a voice file outside the library)."""
    out: dict[str, dict[str, Any] | None] = {}
    for item in items:
        if item.voice is None or item.voice.label in out:
            continue
        row = store.lib._db.query_one(
            "SELECT v.id FROM voices v JOIN prepared_prompts p ON p.voice_id = v.id WHERE p.file = ?",
            (_rel(store, item.voice.path),),
        )
        if row is None:
            out[item.voice.label] = None
        else:
            summary = voice_summary(store.lib.get_voice(row["id"])) or {}
            out[item.voice.label] = {**summary, "id": row["id"]}
    return out


def _rel(store: ProjectStore, path: Path) -> str:
    try:
        return Path(path).resolve().relative_to(store.lib.root.resolve()).as_posix()
    except ValueError:
        return str(path)


def write_project_audio(
    path: Path, audio: np.ndarray, rate: int, fmt: str, bits: int, metadata: dict[str, str]
) -> None:
    try:
        if fmt == "MP3":
            data = np.clip(np.asarray(audio, dtype=np.float32), -1.0, 1.0)
            with (
                atomic_output(path) as handle,
                sf.SoundFile(
                    handle, "w", samplerate=rate, channels=1, format="MP3", subtype="MPEG_LAYER_III"
                ) as f,
            ):
                for key, value in metadata.items():
                    if value:
                        setattr(f, key, value)
                f.write(data)
        else:
            write_audio(
                path, audio, rate, container=fmt, bits=24 if fmt == "FLAC" else bits, metadata=metadata
            )
    except OSError as err:
        raise ProjectError(f"Could not write {path} ({err.strerror or err}).") from None
    except (sf.LibsndfileError, RuntimeError, LibraryError) as err:
        raise ProjectError(f"Could not write {path} ({err}).") from None


def _atomic_bytes(path: Path, data: bytes) -> None:
    try:
        atomic_write_bytes(path, data)
    except OSError as err:
        raise ProjectError(f"Could not write {path} ({err.strerror or err}).") from None


def cue_list(
    placements: Sequence[Placement], rate: int, units: str = "blocks"
) -> list[tuple[float, float, str]]:
    """(start_s, end_s, text) per block or per sentence, in time order."""
    cues = []
    for p in placements:
        if units == "sentences":
            cues += [(m.start / rate, m.end / rate, m.text) for m in p.sentences if m.end > m.start]
        elif p.end > p.start:
            cues.append((p.start / rate, p.end / rate, p.block.text))
    return cues


def write_subtitles(path: Path, placements: Sequence[Placement], rate: int, *, units: str = "blocks") -> None:
    """SRT (composed by `srt`) or WebVTT (by `webvtt-py`) with the real time of every block/sentence."""
    cues = cue_list(placements, rate, units)
    if subtitle_format(path) == "srt":
        import srt

        text = srt.compose(
            [
                srt.Subtitle(i, timedelta(seconds=a), timedelta(seconds=b), t)
                for i, (a, b, t) in enumerate(cues, 1)
            ]
        )
    else:
        import webvtt

        text = webvtt.WebVTT(
            captions=[webvtt.Caption(_vtt_time(a), _vtt_time(b), t) for a, b, t in cues]
        ).content
    path.parent.mkdir(parents=True, exist_ok=True)
    _atomic_bytes(path, text.encode("utf-8"))


def _vtt_time(seconds: float) -> str:
    ms = round(seconds * 1000)
    return f"{ms // 3_600_000:02d}:{ms // 60_000 % 60:02d}:{ms // 1000 % 60:02d}.{ms % 1000:03d}"


def _sidecar(
    project: Project,
    exported: ExportedFile,
    mix: Mixdown,
    voices: dict[str, dict[str, Any] | None],
    fmt: str,
    bits: int,
    chapter: str | None,
) -> dict[str, Any]:
    rate = mix.sample_rate
    statuses = {label: (v or {}).get("consent_status", consent_status(None)) for label, v in voices.items()}
    loud = exported.loudness
    return {
        "format": SIDECAR_FORMAT,
        "format_version": SIDECAR_VERSION,
        "software": software_name(),
        "synthetic": True,
        "statement": synthetic_statement(", ".join(voices) or None),
        "audio_file": exported.audio.name,
        "audio_format": fmt if fmt != "WAV" else f"WAV {bits}-bit",
        "sample_rate": rate,
        "duration_s": round(exported.duration_s, 6),
        "project": {
            "name": project.name,
            "uid": project.uid,
            "kind": project.kind,
            "source": project.source_name,
            "chapter": chapter,
            "timeline_ms": project.timeline_ms,
        },
        "model": {"folder": project.model_dir, "family": project.model_family, "hash": project.model_hash},
        "voices": [
            {"label": label, "consent_status": statuses[label], "library_voice": v}
            for label, v in voices.items()
        ],
        "loudness": None
        if loud is None
        else {
            "standard": "ITU-R BS.1770-4 (pyloudnorm)",
            "target_lufs": loud.target_lufs,
            "measured_lufs": loud.measured_lufs,
            "final_lufs": loud.final_lufs,
            "gain_db": round(loud.gain_db, 3),
            "true_peak_dbtp": round(loud.true_peak_dbtp, 3),
            "ceiling_dbtp": loud.ceiling_dbtp,
            "limited": loud.limited,
            "note": loud.note,
        },
        "blocks": [
            {
                "number": p.block.position + 1,
                "cue": p.block.cue_index,
                "speaker": p.block.speaker,
                "text": p.block.text,
                "mode": p.block.mode,
                "instruction": p.block.instruction,
                "seed": p.take.seed,
                "speed": p.take.speed_used,
                "fingerprint": p.take.fingerprint,
                "start_s": round(p.start / rate, 6),
                "end_s": round(p.end / rate, 6),
                "cue_start_s": None if p.block.cue_start_ms is None else p.block.cue_start_ms / 1000,
                "cue_end_s": None if p.block.cue_end_ms is None else p.block.cue_end_ms / 1000,
                "overrun_s": round(p.overrun_s, 3),
                "sentences": [
                    {"text": m.text, "start_s": round(m.start / rate, 6), "end_s": round(m.end / rate, 6)}
                    for m in p.sentences
                ],
            }
            for p in mix.placements
        ],
    }
