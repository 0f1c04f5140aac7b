"""Ingest: long recordings -> 3-15 s clips cut at pauses -> transcribed, scored, catalogued.

    summary = ingest_files(paths, library, recognizers, options, on_event=print, cancel=event)

For each file: decode and resample to 16 kHz a minute at a time, find speech (silero-vad), plan the
clips (`vad.plan_clips`), then for each clip: cut it from the recording at the recording's own sample
rate, run every recognizer, combine them (`agreement.decide`), grade it (`studio.audio.quality`), and
save it with its source, time span, transcript, agreement and the archival metadata in one catalog
transaction. Cancelling stops between clips; every clip saved so far stays saved, and running the same
ingest again skips the spans already in the library (the recording is recognised by its content, not
its name) and carries on.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from studio.transcribe import vad
from studio.transcribe.agreement import decide
from studio.transcribe.audio import RecordingInfo, read_16k, read_span, recording_info
from studio.transcribe.base import SAMPLE_RATE, Recognizer
from studio.transcribe.errors import Cancelled, TranscribeError


@dataclass(frozen=True)
class IngestOptions:
    speaker: str = ""
    dialect: str = ""
    region: str = ""
    consent: str = ""
    language: str | None = None  # hint for the recognizers (ISO code), None: let them detect
    min_s: float = vad.MIN_CLIP_S
    max_s: float = vad.MAX_CLIP_S
    pause_s: float = vad.PAUSE_S


# -- events (what a CLI or the window shows) --------------------------------------------------------


@dataclass(frozen=True)
class FileStarted:
    path: Path
    index: int  # 1-based
    count: int
    seconds: float
    sample_rate: int


@dataclass(frozen=True)
class Stage:
    path: Path
    stage: str  # "reading" | "finding speech"
    fraction: float


@dataclass(frozen=True)
class FilePlanned:
    path: Path
    clips: int  # clips planned in this file
    already_saved: int  # of them, saved by an earlier run (skipped now)
    too_short: int  # speech pieces too short for a clip


@dataclass(frozen=True)
class ClipSaved:
    path: Path
    index: int  # 1-based among the file's planned clips
    count: int
    clip: Any  # studio.library.ingested.IngestedClip


@dataclass(frozen=True)
class FileFailed:
    path: Path
    message: str


@dataclass
class IngestSummary:
    saved: list[Any] = field(default_factory=list)
    already_saved: int = 0
    too_short: int = 0
    failed: list[tuple[Path, str]] = field(default_factory=list)
    cancelled: bool = False
    audio_seconds: float = 0.0


def source_key(path: Path, info: RecordingInfo) -> str:
    """A recording's identity for resuming: SHA-256 of its size, first and last MiB (moves and renames
    keep it; an edited file gets a new one)."""
    h = hashlib.sha256()
    size = path.stat().st_size
    h.update(str(size).encode())
    with open(path, "rb") as f:
        h.update(f.read(1 << 20))
        if size > 2 << 20:
            f.seek(size - (1 << 20))
            h.update(f.read())
    return h.hexdigest()[:32]


def transcribe_clip(
    audio_16k: np.ndarray,
    recognizers: list[Recognizer],
    *,
    language: str | None = None,
    cancel: threading.Event | None = None,
):
    """Run every recognizer on one clip and combine them (agreement.decide)."""
    recs = [r.transcribe(audio_16k, language=language, cancel=cancel) for r in recognizers]
    return decide(recs, language)


def ingest_files(
    paths: list[str | Path],
    library,
    recognizers: list[Recognizer],
    options: IngestOptions | None = None,
    *,
    on_event: Callable[[object], None] | None = None,
    cancel: threading.Event | None = None,
) -> IngestSummary:
    """Ingest recordings into `library` (a studio.library.Library). Never raises for one bad file: it
    is reported (FileFailed) and the next file is ingested; returns the summary."""
    from studio.audio.quality import analyse
    from studio.transcribe.audio import to_16k

    options = options or IngestOptions()
    cancel = cancel or threading.Event()
    emit = on_event or (lambda e: None)
    summary = IngestSummary()
    files = [Path(p) for p in paths]
    for index, path in enumerate(files, start=1):
        if cancel.is_set():
            summary.cancelled = True
            break
        try:
            head = recording_info(path)
            emit(FileStarted(path, index, len(files), head.seconds, head.sample_rate))
            audio16, info = read_16k(
                path,
                progress=lambda f, p=path: emit(Stage(p, "reading", f)),
                cancel=cancel,
            )
            key = source_key(path, info)
            regions = vad.detect_speech(
                audio16,
                max_region_s=options.max_s,
                progress=lambda f, p=path: emit(Stage(p, "finding speech", f)),
                cancel=cancel,
            )
            plan = vad.plan_clips(
                regions, info.seconds, min_s=options.min_s, max_s=options.max_s, pause_s=options.pause_s
            )
            done = library.ingested_spans(key)
            todo = [c for c in plan.clips if not any(abs(c[0] - s) < 0.01 for s, _ in done)]
            emit(FilePlanned(path, len(plan.clips), len(plan.clips) - len(todo), len(plan.skipped)))
            summary.already_saved += len(plan.clips) - len(todo)
            summary.too_short += len(plan.skipped)
            summary.audio_seconds += info.seconds
            for start, end in todo:
                if cancel.is_set():
                    raise Cancelled("cancelled")
                clip_audio, rate = read_span(path, start, end)
                clip16 = audio16[round(start * SAMPLE_RATE) : round(end * SAMPLE_RATE)]
                if clip16.size == 0:
                    clip16 = to_16k(clip_audio, rate)
                verdict = transcribe_clip(clip16, recognizers, language=options.language, cancel=cancel)
                if cancel.is_set():
                    raise Cancelled("cancelled")
                saved = library.add_ingested_clip(
                    clip_audio,
                    rate,
                    source_path=str(path.resolve()),
                    source_key=key,
                    start_s=start,
                    end_s=end,
                    transcript=verdict.transcript,
                    agreement=verdict.agreement,
                    needs_review=verdict.needs_review if recognizers else True,
                    recognitions=verdict.to_dict(),
                    quality=analyse(clip_audio, rate).to_dict(),
                    speaker=options.speaker,
                    dialect=options.dialect,
                    region=options.region,
                    consent=options.consent,
                )
                summary.saved.append(saved)
                emit(ClipSaved(path, plan.clips.index((start, end)) + 1, len(plan.clips), saved))
        except Cancelled:
            summary.cancelled = True
            break
        except TranscribeError as exc:
            summary.failed.append((path, str(exc)))
            emit(FileFailed(path, str(exc)))
        except Exception as exc:  # a library or decoder failure on one file must not lose the others
            from studio.library.errors import LibraryError

            message = (
                str(exc) if isinstance(exc, LibraryError) else f"{path.name}: {type(exc).__name__}: {exc}"
            )
            summary.failed.append((path, message))
            emit(FileFailed(path, message))
    return summary
