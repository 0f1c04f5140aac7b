"""Test speech made with espeak-ng: English sentences with known pauses between them."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import numpy as np

SENTENCES = (
    "I would like a cup of tea please, with a little milk.",
    "The weather is nice today, so we can walk to the park.",
    "Please call me tomorrow morning before you leave the house.",
    "My brother has three dogs and two cats at his farm.",
    "We will meet at the station at half past seven tonight.",
    "She opened the window because the room was very warm.",
    "The children played in the garden until it was dark.",
    "He reads a book every night before he goes to sleep.",
    "Can you tell me where the nearest post office is?",
    "The train to London leaves from platform number four.",
    "I forgot my umbrella and got wet in the rain.",
    "Our teacher gave us a lot of homework this week.",
    "They bought fresh bread and apples at the market.",
    "The music was so loud that nobody could hear me.",
    "Thank you very much for your help with the garden.",
    "Do not forget to turn off the lights when you go out.",
    "The old man walked slowly along the river bank.",
    "We had dinner with our friends on Saturday evening.",
    "The shop on the corner sells the best coffee in town.",
    "It is getting late, so I think we should go home now.",
    "Music makes people happy when they are sad.",
    "The car would not start on a cold winter morning.",
)


def have_espeak() -> bool:
    return shutil.which("espeak-ng") is not None


def speak(text: str, rate: int = 16_000, speed: int = 140) -> np.ndarray:
    """One sentence as float32 mono at `rate` (espeak-ng writes 22.05 kHz; resampled here)."""
    import soundfile as sf

    from studio.transcribe.audio import resample

    wav = subprocess.run(
        ["espeak-ng", "-v", "en-us", "-s", str(speed), "--stdout", text],
        check=True,
        capture_output=True,
        timeout=60,
    ).stdout
    import io

    data, sr = sf.read(io.BytesIO(wav), dtype="float32")
    return resample(data, sr, rate)


def build_recording(
    path: Path,
    sentences: tuple[str, ...] = SENTENCES,
    *,
    pause_s: float = 1.3,
    rate: int = 16_000,
    noise_db: float = -60.0,
    seed: int = 0,
) -> list[tuple[float, float, str]]:
    """Write the sentences with `pause_s` of (faint noise) between them; returns (start, end, text)
    of each sentence's audible speech in seconds."""
    import soundfile as sf

    rng = np.random.default_rng(seed)
    pieces, spans, t = [], [], 0.0
    lead = np.zeros(int(0.8 * rate), np.float32)
    pieces.append(lead)
    t = lead.size / rate
    for text in sentences:
        audio = speak(text, rate) * 0.5
        loud = np.flatnonzero(np.abs(audio) > 0.01)
        a, b = (loud[0], loud[-1]) if loud.size else (0, audio.size)
        spans.append((t + a / rate, t + b / rate, text))
        pieces.append(audio)
        gap = np.zeros(int(pause_s * rate), np.float32)
        pieces.append(gap)
        t += (audio.size + gap.size) / rate
    signal = np.concatenate(pieces)
    signal += (10 ** (noise_db / 20) * rng.standard_normal(signal.size)).astype(np.float32)
    sf.write(str(path), signal, rate, subtype="PCM_16")
    return spans
