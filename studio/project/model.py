"""Plain records for projects: a project is chapters of ordered blocks; each block keeps its takes.

Times inside a block are sample offsets at the take's sample rate; cue times are milliseconds as in
the subtitle file they came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

KINDS = ("script", "subtitles")
MODES = ("zero_shot", "cross_lingual", "instruct")
DEFAULT_PAUSE_MS = 400
DEFAULT_FADE_MS = 10.0
DEFAULT_MAX_SPEED = 1.25
DEFAULT_LOUDNESS_LUFS = -16.0  # spoken word online; -23 is EBU R 128 broadcast
DEFAULT_TRUE_PEAK_DBTP = -1.0
DEFAULT_SETTINGS: dict[str, Any] = {
    "loudness_lufs": DEFAULT_LOUDNESS_LUFS,
    "true_peak_dbtp": DEFAULT_TRUE_PEAK_DBTP,
    "max_speed": DEFAULT_MAX_SPEED,
    "fade_ms": DEFAULT_FADE_MS,
}

# Block states, as shown in `project show` and the window's block table.
STATE_RENDERED = "rendered"
STATE_PENDING = "not rendered"
STATE_STALE = "stale"  # has audio, but its inputs (text, voice, model, ...) changed since


@dataclass(frozen=True)
class SentenceMark:
    """One sentence inside a block's audio: [start, end) in samples of that audio, and its text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Project:
    id: int
    uid: str
    name: str
    kind: str
    source_name: str
    model_dir: str
    model_family: str
    model_hash: str
    settings: dict[str, Any]
    timeline_ms: int | None
    created_at: datetime
    updated_at: datetime
    block_count: int = 0
    chapter_count: int = 0

    def setting(self, key: str) -> Any:
        return self.settings.get(key, DEFAULT_SETTINGS.get(key))


@dataclass(frozen=True)
class Chapter:
    id: int
    position: int
    title: str


@dataclass(frozen=True)
class Block:
    """One line or paragraph. `voice_uid`/`voice_file` override the speaker's voice when set.

    cue_*: for subtitle projects, the cue's number in the file and its [start, end) in milliseconds.
    """

    id: int
    project_id: int
    chapter_id: int | None
    position: int
    speaker: str
    text: str
    mode: str = "zero_shot"
    instruction: str = ""
    speed: float = 1.0
    seed: int = 0
    pause_ms: int = DEFAULT_PAUSE_MS
    voice_uid: str | None = None
    voice_file: str | None = None
    cue_index: int | None = None
    cue_start_ms: int | None = None
    cue_end_ms: int | None = None
    chosen_take_id: int | None = None

    @property
    def is_cue(self) -> bool:
        return self.cue_start_ms is not None and self.cue_end_ms is not None


@dataclass(frozen=True)
class BlockTake:
    """A rendered take of a block; `fingerprint` names the inputs it was rendered from."""

    id: int
    block_id: int | None
    fingerprint: str
    path: Path
    sample_rate: int
    frames: int
    seed: int
    speed_used: float
    sentences: tuple[SentenceMark, ...] = field(default=())
    render_seconds: float | None = None
    created_at: datetime | None = None

    @property
    def duration_s(self) -> float:
        return self.frames / self.sample_rate


@dataclass(frozen=True)
class SpeakerVoice:
    """Which voice speaks for `speaker` ('' = blocks without a speaker): a library voice or a file."""

    speaker: str
    voice_uid: str | None = None
    voice_file: str | None = None


def block_voice(block: Block, speakers: dict[str, SpeakerVoice]) -> SpeakerVoice | None:
    """The voice that speaks `block`: its own, else its speaker's in the project's mapping
    `speakers`, else the mapping's voice for lines without a speaker (""); None if none is chosen."""
    if block.voice_uid or block.voice_file:
        return SpeakerVoice(block.speaker, block.voice_uid, block.voice_file)
    return speakers.get(block.speaker) or speakers.get("")
