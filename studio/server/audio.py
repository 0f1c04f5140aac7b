"""Audio encodings the speech API answers with: whole files (wav, flac, mp3, pcm) and streams (wav, pcm).

Formats follow OpenAI's `/v1/audio/speech` `response_format`: `wav` (16-bit PCM WAV), `flac`,
`mp3`, and `pcm` (raw signed 16-bit little-endian mono samples, no header). The sample rate is
the model's (24 000 Hz for CosyVoice 2 and Fun-CosyVoice 3, the same rate OpenAI's `pcm` uses) and
is also sent in the `X-Sample-Rate` response header.

A streamed WAV starts with a header whose RIFF and data sizes are 0xFFFFFFFF ("length unknown"),
the convention streaming TTS servers use; decoders (libsndfile, ffmpeg, browsers) read it up to
the end of the stream.
"""

from __future__ import annotations

import io
import struct

import numpy as np

FORMATS = ("wav", "flac", "mp3", "pcm")
STREAM_FORMATS = ("wav", "pcm")
MEDIA_TYPES = {"wav": "audio/wav", "flac": "audio/flac", "mp3": "audio/mpeg", "pcm": "audio/pcm"}


def to_pcm16(samples: np.ndarray) -> bytes:
    """float32 samples in [-1, 1] (n,) -> signed 16-bit little-endian bytes (2n); clipped, rounded."""
    x = np.clip(np.asarray(samples, dtype=np.float32), -1.0, 1.0)
    return np.round(x * 32767.0).astype("<i2").tobytes()


def wav_stream_header(sample_rate: int, channels: int = 1, bits: int = 16) -> bytes:
    """A 44-byte RIFF/WAVE PCM header with unknown (0xFFFFFFFF) sizes, for a stream of s16le frames."""
    block = channels * bits // 8
    return (
        b"RIFF"
        + struct.pack("<I", 0xFFFFFFFF)
        + b"WAVEfmt "
        + struct.pack("<IHHIIHH", 16, 1, channels, sample_rate, sample_rate * block, block, bits)
        + b"data"
        + struct.pack("<I", 0xFFFFFFFF)
    )


def encode(samples: np.ndarray, sample_rate: int, fmt: str) -> bytes:
    """A whole take as `fmt` bytes. Raises ValueError for an unknown format."""
    if fmt == "pcm":
        return to_pcm16(samples)
    if fmt not in FORMATS:
        raise ValueError(f"unknown audio format {fmt!r}; use one of {', '.join(FORMATS)}")
    import soundfile as sf

    x = np.clip(np.asarray(samples, dtype=np.float32), -1.0, 1.0)
    buffer = io.BytesIO()
    if fmt == "wav":
        sf.write(buffer, x, sample_rate, format="WAV", subtype="PCM_16")
    elif fmt == "flac":
        sf.write(buffer, x, sample_rate, format="FLAC", subtype="PCM_16")
    else:
        sf.write(buffer, x, sample_rate, format="MP3", subtype="MPEG_LAYER_III")
    return buffer.getvalue()
