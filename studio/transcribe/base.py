"""The one interface every speech recognizer implements.

    recognizer.transcribe(audio_16k, language=None) -> Recognition

`audio_16k` is 1-D float32 mono at 16 kHz in [-1, 1] (`studio.transcribe.audio.to_16k` makes it from
anything). A Recognition carries the text, the language the recognizer heard (ISO 639-1 / 639-3 code as
the model names it, e.g. "en", "zh", "yue"), one confidence in [0, 1] for the whole text, and the
per-segment (word or token) pieces with their own confidence and times where the backend gives them.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

import numpy as np

SAMPLE_RATE = 16_000


@dataclass(frozen=True)
class Piece:
    """A word (PocketSphinx) or token (Whisper) of a recognition, with its confidence in [0, 1]."""

    text: str
    confidence: float
    start: float | None = None  # seconds from the start of the audio, when the backend gives it
    end: float | None = None


@dataclass(frozen=True)
class Recognition:
    recognizer: str  # registry name of the recognizer that produced it
    text: str
    language: str  # what the recognizer heard or was told ("" when it cannot say)
    confidence: float  # [0, 1]: mean per-piece probability (see each backend for its definition)
    pieces: tuple[Piece, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict:
        return {
            "recognizer": self.recognizer,
            "text": self.text,
            "language": self.language,
            "confidence": round(float(self.confidence), 4),
        }


class Recognizer:
    """Base class: audio -> Recognition. Subclasses set `name`, `label`, `languages`.

    `languages` is the set of language codes the model was trained on (empty: many, as Whisper).
    Implementations must be usable from one worker thread at a time; `cancel` (a threading.Event)
    is checked where the backend allows (between chunks / generation steps).
    """

    name = "recognizer"
    label = "Speech recognizer"
    languages: frozenset[str] = frozenset()

    def transcribe(
        self, audio: np.ndarray, *, language: str | None = None, cancel: threading.Event | None = None
    ) -> Recognition:
        raise NotImplementedError

    def covers(self, language: str | None) -> bool:
        """Whether this recognizer knows `language` (None or "": unknown, assume yes)."""
        return not language or not self.languages or language in self.languages

    device = "cpu"  # where the model runs ("cpu", "cuda:0"); ONNX backends here run on the CPU

    def to(self, device: str) -> None:
        """Run on `device` from now on, moving the loaded model (never reading it again from disk).
        Backends that run only on the CPU (PocketSphinx, the sherpa-onnx CPU build) keep running there."""

    def close(self) -> None:
        """Free the model (optional)."""


def as_mono_16k(audio: np.ndarray) -> np.ndarray:
    """Validate what a recognizer receives: 1-D finite float32 (the caller resampled to 16 kHz)."""
    data = np.asarray(audio, dtype=np.float32)
    if data.ndim != 1:
        raise ValueError(f"a recognizer takes 1-D mono audio at 16 kHz, not an array of shape {data.shape}")
    return np.nan_to_num(data, nan=0.0, posinf=0.0, neginf=0.0)
