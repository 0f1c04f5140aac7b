"""Reading recordings for recognition: any file libsndfile reads (WAV, FLAC, MP3, OGG...), mixed to
mono and resampled to 16 kHz in blocks, so an hour-long field recording never sits in memory at its
original rate.

Narrow-band audio (8-16 kHz, old tape, telephone) is accepted: it is resampled like anything else, and
the quality report flags it. Below 8 kHz speech loses too much to recognise or clone and is refused.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from studio.transcribe.base import SAMPLE_RATE
from studio.transcribe.errors import Cancelled, RecordingError

MIN_RATE = 8_000  # below this even the narrow-band rule does not help
BLOCK_SECONDS = 60.0
CONTEXT_SECONDS = 0.05  # resampler context kept on both sides of a block, then cut off


@dataclass(frozen=True)
class RecordingInfo:
    path: Path
    sample_rate: int
    channels: int
    frames: int
    format: str

    @property
    def seconds(self) -> float:
        return self.frames / self.sample_rate if self.sample_rate else 0.0


def recording_info(path: str | Path) -> RecordingInfo:
    """Open a recording's header; raises RecordingError naming the file and the problem."""
    import soundfile as sf

    from studio.audio.clipfile import unreadable_audio

    p = Path(path)
    if not p.exists():
        raise RecordingError(f"The recording {p} does not exist.")
    if p.is_dir():
        raise RecordingError(f"{p} is a folder, not a recording.")
    try:
        info = sf.info(str(p))
    except Exception as exc:  # libsndfile's own error types
        raise RecordingError(unreadable_audio(p.name, exc)) from None
    if info.frames <= 0:
        raise RecordingError(f"{p.name} contains no audio.")
    if info.samplerate < MIN_RATE:
        raise RecordingError(
            f"{p.name} is sampled at {info.samplerate} Hz; speech needs at least {MIN_RATE} Hz to be "
            "recognised or cloned."
        )
    return RecordingInfo(p, int(info.samplerate), int(info.channels), int(info.frames), str(info.format))


@lru_cache(maxsize=8)
def _resampler(orig: int, new: int):
    import torchaudio.transforms as AT

    return AT.Resample(orig_freq=orig, new_freq=new)


def resample(audio: np.ndarray, orig: int, new: int = SAMPLE_RATE) -> np.ndarray:
    """Band-limited resampling (torchaudio's sinc resampler) of 1-D float32 audio."""
    if orig == new or audio.size == 0:
        return np.asarray(audio, dtype=np.float32)
    import torch

    with torch.inference_mode():
        out = _resampler(int(orig), int(new))(torch.from_numpy(np.ascontiguousarray(audio, np.float32))[None])
    return out[0].numpy()


def to_16k(audio: np.ndarray, sample_rate: int) -> np.ndarray:
    """Any float audio ((frames,), (frames, channels)) -> 1-D float32 mono at 16 kHz."""
    data = np.asarray(audio, dtype=np.float32)
    if data.ndim == 2:
        data = data.mean(axis=1)
    if int(sample_rate) < MIN_RATE:
        raise RecordingError(f"The audio is sampled at {sample_rate} Hz; at least {MIN_RATE} Hz is needed.")
    return resample(data, int(sample_rate), SAMPLE_RATE)


def read_16k(
    path: str | Path,
    *,
    progress: Callable[[float], None] | None = None,
    cancel: threading.Event | None = None,
) -> tuple[np.ndarray, RecordingInfo]:
    """The whole recording as 1-D float32 mono at 16 kHz, decoded and resampled a minute at a time.

    `progress(fraction)` is called after each block; a set `cancel` raises Cancelled.
    """
    import soundfile as sf

    info = recording_info(path)
    sr = info.sample_rate
    block = int(BLOCK_SECONDS * sr)
    ctx = int(CONTEXT_SECONDS * sr) if sr != SAMPLE_RATE else 0
    out: list[np.ndarray] = []
    try:
        with sf.SoundFile(str(info.path)) as f:
            start = 0
            while start < info.frames:
                if cancel is not None and cancel.is_set():
                    raise Cancelled("cancelled while reading the recording")
                end = min(info.frames, start + block)
                lo = max(0, start - ctx)
                f.seek(lo)
                data = f.read(min(info.frames, end + ctx) - lo, dtype="float32", always_2d=True)
                mono = data.mean(axis=1)
                res = resample(mono, sr)
                ratio = SAMPLE_RATE / sr
                cut_lo = round((start - lo) * ratio)
                keep = round(end * ratio) - round(start * ratio)
                out.append(res[cut_lo : cut_lo + keep])
                start = end
                if progress is not None:
                    progress(start / info.frames)
    except (Cancelled, RecordingError):
        raise
    except Exception as exc:
        raise RecordingError(f"{info.path.name} is damaged ({_short(exc)}).") from None
    audio = np.concatenate(out) if out else np.zeros(0, np.float32)
    return np.nan_to_num(audio), info


def read_span(path: str | Path, start_s: float, end_s: float) -> tuple[np.ndarray, int]:
    """[start_s, end_s) of a recording at its own sample rate, mixed to mono float32."""
    import soundfile as sf

    info = recording_info(path)
    a = max(0, round(start_s * info.sample_rate))
    b = min(info.frames, round(end_s * info.sample_rate))
    try:
        data, sr = sf.read(str(info.path), start=a, stop=b, dtype="float32", always_2d=True)
    except Exception as exc:
        raise RecordingError(f"{info.path.name} is damaged ({_short(exc)}).") from None
    return np.nan_to_num(data.mean(axis=1)).astype(np.float32), int(sr)


def _short(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:160]
