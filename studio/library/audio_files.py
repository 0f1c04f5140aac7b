"""Reading and writing audio files: lossless FLAC for storage, WAV/FLAC with metadata for export.

Conversions are done here with numpy rather than left to libsndfile, because libsndfile wraps a
float sample of exactly +1.0 to full negative scale when writing integer formats.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import soundfile as sf

from studio.audio.clipfile import unreadable_audio
from studio.library.atomic import atomic_output
from studio.library.errors import LibraryError

MAX_SAMPLE_RATE = 655_350  # the largest rate a FLAC stream can declare

# Export formats offered to the user: name -> (libsndfile container, subtype, file suffix).
EXPORT_FORMATS: dict[str, tuple[str, str, str]] = {
    "wav16": ("WAV", "PCM_16", ".wav"),
    "wav24": ("WAV", "PCM_24", ".wav"),
    "flac": ("FLAC", "PCM_24", ".flac"),
}


@dataclass(frozen=True)
class AudioShape:
    frames: int
    channels: int
    sample_rate: int

    @property
    def duration_s(self) -> float:
        return self.frames / self.sample_rate


def check_sample_rate(sample_rate: int) -> int:
    if not isinstance(sample_rate, int | np.integer) or not 1 <= int(sample_rate) <= MAX_SAMPLE_RATE:
        raise LibraryError(f"The sample rate {sample_rate!r} is not valid; give a whole number of Hz.")
    return int(sample_rate)


def as_frames(data: np.ndarray) -> np.ndarray:
    """Validate audio as (frames,) or (frames, channels) with at least one frame."""
    data = np.asarray(data)
    if data.ndim not in (1, 2) or data.shape[0] == 0 or (data.ndim == 2 and data.shape[1] == 0):
        raise LibraryError(
            f"The audio has shape {data.shape}; expected (frames,) or (frames, channels), not empty."
        )
    if data.dtype.kind == "f" and not np.all(np.isfinite(data)):
        raise LibraryError("The audio contains NaN or infinite samples and cannot be stored.")
    if data.dtype.kind not in "fiu":
        raise LibraryError(f"Audio samples of type {data.dtype} cannot be stored.")
    return data


def to_float32(data: np.ndarray) -> np.ndarray:
    """Any supported sample type as float32 in [-1, 1]."""
    data = np.asarray(data)
    if data.dtype.kind == "f":
        return data.astype(np.float32, copy=False)
    if data.dtype.kind == "u":  # unsigned 8-bit WAV style: 128 is silence
        bits = data.dtype.itemsize * 8
        return ((data.astype(np.float64) - 2 ** (bits - 1)) / 2 ** (bits - 1)).astype(np.float32)
    bits = data.dtype.itemsize * 8
    return (data.astype(np.float64) / 2 ** (bits - 1)).astype(np.float32)


def to_pcm(data: np.ndarray, bits: int) -> np.ndarray:
    """Samples as integers for a `bits`-bit file: int16 for 16, left-justified int32 for 24.

    Floats are clipped to [-1, 1] first (engines can overshoot slightly; clipping beats wrapping).
    """
    data = np.asarray(data)
    if bits == 16:
        if data.dtype == np.int16:
            return data
        if data.dtype.kind == "i" and data.dtype.itemsize > 2:
            return (data.astype(np.int64) >> (data.dtype.itemsize * 8 - 16)).astype(np.int16)
        scaled = np.rint(np.clip(to_float32(data), -1.0, 1.0).astype(np.float64) * 32767.0)
        return scaled.astype(np.int16)
    if bits == 24:
        if data.dtype == np.int16:
            return data.astype(np.int32) << 16
        if data.dtype == np.int32:
            return (data >> 8) << 8  # FLAC holds at most 24 bits: the 8 lowest bits are dropped
        scaled = np.rint(np.clip(to_float32(data), -1.0, 1.0).astype(np.float64) * 8388607.0)
        return scaled.astype(np.int32) << 8
    raise ValueError(f"unsupported bit depth {bits}")


def storage_bits(data: np.ndarray) -> int:
    """Bit depth for lossless storage: 16-bit input stays 16-bit; everything else becomes 24-bit.

    FLAC cannot hold more than 24 bits per sample, so float32 and int32 input is stored as 24-bit
    (about 144 dB of range, beyond any microphone or vocoder output); that is the only loss.
    """
    data = np.asarray(data)
    return 16 if data.dtype.kind in "iu" and data.dtype.itemsize <= 2 else 24


def write_audio(
    final: Path,
    data: np.ndarray,
    sample_rate: int,
    *,
    container: str = "FLAC",
    bits: int | None = None,
    metadata: dict[str, str] | None = None,
    durable: bool = True,
) -> AudioShape:
    """Write audio atomically (temp file, fsync, rename); returns its shape."""
    data = as_frames(data)
    sample_rate = check_sample_rate(sample_rate)
    bits = bits or storage_bits(data)
    pcm = to_pcm(data, bits)
    channels = 1 if pcm.ndim == 1 else pcm.shape[1]
    subtype = f"PCM_{bits}"
    with (
        atomic_output(final, durable=durable) as handle,
        sf.SoundFile(
            handle, "w", samplerate=sample_rate, channels=channels, format=container, subtype=subtype
        ) as out,
    ):
        for key, value in (metadata or {}).items():
            if value:
                setattr(out, key, value)
        out.write(pcm)
    return AudioShape(frames=int(pcm.shape[0]), channels=channels, sample_rate=sample_rate)


def read_audio(path: Path, start: int = 0, stop: int | None = None) -> tuple[np.ndarray, int]:
    """Audio as float32, (frames,) for mono or (frames, channels), and its sample rate."""
    try:
        data, rate = sf.read(str(path), start=start, stop=stop, dtype="float32", always_2d=False)
    except FileNotFoundError:
        raise LibraryError(f"The audio file {path} is missing; run a library check.") from None
    except (sf.LibsndfileError, RuntimeError) as err:
        raise LibraryError(f"The audio file {path} cannot be read ({err}).") from None
    return data, rate


def probe_audio(path: Path) -> AudioShape:
    try:
        info = sf.info(str(path))
    except (sf.LibsndfileError, RuntimeError) as err:
        raise LibraryError(unreadable_audio(str(path), err)) from None
    return AudioShape(frames=int(info.frames), channels=int(info.channels), sample_rate=int(info.samplerate))
