"""The things the library holds, as plain frozen dataclasses the window and CLI can show."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import numpy as np

from studio.library.errors import LibraryError

NO_CONSENT_TEXT = "NO CONSENT RECORDED"
CONSENT_RECORDED_TEXT = "consent recorded"


@dataclass(frozen=True)
class Consent:
    """Who agreed to their voice being cloned, when, and for what use."""

    given_by: str
    given_at: str  # ISO date (or date-time) as the user entered it
    use: str
    note: str = ""

    def __post_init__(self) -> None:
        given_at = self.given_at
        if isinstance(given_at, datetime | date):
            object.__setattr__(self, "given_at", given_at.isoformat())
        for name in ("given_by", "given_at", "use"):
            if not str(getattr(self, name) or "").strip():
                raise LibraryError(
                    f"Consent needs '{name.replace('_', ' ')}' filled in; leave consent empty if none was given."
                )

    def describe(self) -> str:
        text = f"given by {self.given_by} on {self.given_at} for {self.use}"
        return f"{text} ({self.note})" if self.note else text

    def to_dict(self) -> dict[str, str]:
        return {"given_by": self.given_by, "given_at": self.given_at, "use": self.use, "note": self.note}


def consent_status(consent: Consent | None) -> str:
    """The text shown wherever a voice is listed or exported."""
    return CONSENT_RECORDED_TEXT if consent is not None else NO_CONSENT_TEXT


@dataclass(frozen=True)
class Voice:
    id: int
    uid: str
    name: str
    speaker_name: str = ""
    language: str = ""
    dialect: str = ""
    gender: str | None = None
    age_band: str | None = None
    consent: Consent | None = None
    notes: str = ""
    tags: tuple[str, ...] = ()
    created_at: datetime | None = None
    updated_at: datetime | None = None
    clip_count: int = 0
    prompt_families: tuple[str, ...] = ()

    @property
    def has_consent(self) -> bool:
        return self.consent is not None

    @property
    def consent_status(self) -> str:
        """ "consent recorded", or "NO CONSENT RECORDED" (show it next to the voice everywhere)."""
        return consent_status(self.consent)


@dataclass(frozen=True)
class Clip:
    """A reference recording or imported file. The stored audio is never trimmed in place."""

    id: int
    uid: str
    voice_id: int | None
    path: Path
    transcript: str
    source: str  # "recorded" or "imported"
    source_name: str  # imported file name, or "" for recordings
    device: str
    sample_rate: int
    channels: int
    frames: int
    quality: dict[str, Any] | None = None
    trim_start: float | None = None  # seconds from the start of the original
    trim_end: float | None = None  # seconds from the start of the original
    created_at: datetime | None = None

    @property
    def duration_s(self) -> float:
        return self.frames / self.sample_rate

    def trim_frames(self) -> tuple[int, int]:
        """The trimmed region as [start, end) frame indices into the original audio."""
        start = 0 if self.trim_start is None else round(self.trim_start * self.sample_rate)
        end = self.frames if self.trim_end is None else round(self.trim_end * self.sample_rate)
        start = min(max(start, 0), self.frames)
        return start, min(max(end, start), self.frames)

    @property
    def trimmed_duration_s(self) -> float:
        start, end = self.trim_frames()
        return (end - start) / self.sample_rate


@dataclass(frozen=True)
class Segment:
    """One sentence of a take, with the seed that produced it (so it can be re-rolled)."""

    index: int
    text: str
    seed: int | None
    path: Path | None = None  # its own audio file, or
    start_frame: int | None = None  # a [start, end) range of the take's audio
    end_frame: int | None = None


@dataclass(frozen=True)
class SegmentInput:
    """A segment handed to `Library.add_take`: its own audio, or a frame range of the take audio."""

    text: str
    seed: int | None = None
    audio: np.ndarray | None = None
    start_frame: int | None = None
    end_frame: int | None = None


@dataclass(frozen=True)
class Take:
    id: int
    uid: str
    voice_id: int | None
    voice_name: str | None
    text: str
    mode: str
    instruction: str
    seed: int | None
    speed: float
    model_family: str
    model_hash: str
    engine_version: str
    timings: dict[str, Any] | None
    path: Path
    sample_rate: int
    channels: int
    frames: int
    favourite: bool
    created_at: datetime
    updated_at: datetime
    # Filled by Library.get_take; listings leave it empty to stay fast.
    segments: tuple[Segment, ...] = field(default=())
    voice_consent: Consent | None = None
    source: str = "studio"  # where it was made: "studio" (window, synth CLI), "api" (speech API), ...

    @property
    def duration_s(self) -> float:
        return self.frames / self.sample_rate

    @property
    def consent_status(self) -> str:
        return consent_status(self.voice_consent)


@dataclass(frozen=True)
class PreparedPrompt:
    """An engine's prepared voice file for one model family; the library never reads inside it."""

    voice_id: int
    family: str
    path: Path
    size: int
    sha256: str
    created_at: datetime


@dataclass(frozen=True)
class PendingRecording:
    """A recording journal left behind by a crash or a killed process, ready to recover."""

    id: str
    folder: Path
    started_at: datetime | None
    sample_rate: int
    channels: int
    sample_format: str
    device: str
    frames: int
    voice_id: int | None = None

    @property
    def duration_s(self) -> float:
        return self.frames / self.sample_rate if self.sample_rate else 0.0
