"""Typed events a take produces, in the order it produces them.

Consumers (the CLI, the Qt worker, tests) iterate `engine.synthesize(...)` and decide what to
do with each event. All events are small frozen dataclasses; arrays are numpy (float32 audio
in [-1, 1], mel as (80, frames)).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np


@dataclass(frozen=True)
class Segment:
    """A new sentence starts. Offsets are where its first token/frame/sample will land."""

    index: int
    text: str
    start_token: int
    start_frame: int
    start_sample: int


@dataclass(frozen=True)
class SpeechTokens:
    """Speech tokens as the LM produces them. `start` is the take-wide index of tokens[0]."""

    tokens: tuple[int, ...]
    start: int


@dataclass(frozen=True)
class MelFrames:
    """New mel frames (80, n) from flow. `start_frame` is the take-wide index of column 0."""

    mel: np.ndarray = field(repr=False)
    start_frame: int


@dataclass(frozen=True)
class AudioChunk:
    """New audio. Concatenating every chunk's `samples` gives the take."""

    samples: np.ndarray = field(repr=False)
    sample_rate: int
    start_sample: int


@dataclass(frozen=True)
class Finished:
    """The take is complete. Times are wall-clock seconds measured by the engine."""

    sample_rate: int
    num_samples: int
    token_count: int
    segments: int
    seed: int
    first_audio_latency: float
    total_seconds: float
    lm_seconds: float
    flow_seconds: float
    vocoder_seconds: float
    preset: str = "exact"  # the engine's speed preset (studio.engine.presets): "exact" | "fast"
    flow_steps: int = 10  # Euler steps the flow took

    @property
    def audio_seconds(self) -> float:
        return self.num_samples / self.sample_rate

    @property
    def rtf(self) -> float:
        """Real-time factor: wall time / audio time (below 1 is faster than real time)."""
        return self.total_seconds / self.audio_seconds if self.num_samples else float("inf")

    @property
    def lm_ms_per_token(self) -> float:
        return 1000.0 * self.lm_seconds / self.token_count if self.token_count else 0.0


@dataclass(frozen=True)
class Cancelled:
    """The take was cancelled; everything it produced so far should be discarded."""

    reason: str = "cancelled"


@dataclass(frozen=True)
class TextWarning:
    """Part of the text could not be normalized and is spoken as written (before the first Segment).

    `span` is the text as written; `message` says what happened, in a sentence for the user.
    """

    message: str
    span: str = ""


Event = TextWarning | Segment | SpeechTokens | MelFrames | AudioChunk | Finished | Cancelled
