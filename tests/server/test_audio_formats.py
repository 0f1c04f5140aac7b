"""The API's audio encodings decode back to the samples (within each format's precision)."""

from __future__ import annotations

import io

import numpy as np
import pytest
import soundfile as sf

from studio.server.audio import encode, to_pcm16, wav_stream_header


def _tone(n: int = 24000) -> np.ndarray:
    return (0.4 * np.sin(2 * np.pi * 220 * np.arange(n) / 24000)).astype(np.float32)


@pytest.mark.parametrize("fmt", ["wav", "flac"])
def test_lossless_formats_decode_to_the_samples(fmt):
    x = _tone()
    y, rate = sf.read(io.BytesIO(encode(x, 24000, fmt)), dtype="float32")
    assert rate == 24000 and y.shape == x.shape and np.abs(y - x).max() < 1e-4


def test_mp3_decodes_to_about_the_same_length():
    y, rate = sf.read(io.BytesIO(encode(_tone(), 24000, "mp3")), dtype="float32")
    assert rate == 24000 and abs(y.size - 24000) < 3000 and np.abs(y).max() > 0.2


def test_pcm_is_s16le_and_a_streamed_wav_decodes():
    x = _tone(2400)
    pcm = encode(x, 24000, "pcm")
    assert len(pcm) == 2 * x.size and np.array_equal(
        np.frombuffer(pcm, "<i2"), np.frombuffer(to_pcm16(x), "<i2")
    )
    streamed = wav_stream_header(24000) + to_pcm16(x[:1000]) + to_pcm16(x[1000:])
    y, rate = sf.read(io.BytesIO(streamed), dtype="float32")
    assert rate == 24000 and y.size == x.size and np.abs(y - x).max() < 1e-4
    assert np.abs(np.frombuffer(to_pcm16(np.array([2.0, -2.0], np.float32)), "<i2")).max() == 32767
