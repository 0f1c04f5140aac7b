"""Voice-activity detection (silero-vad, its ONNX model shipped inside the package) and the rule that
turns speech regions into 3-15 s clips cut at pauses.

    regions = detect_speech(audio_16k)            # [(start_s, end_s), ...] of speech
    plan = plan_clips(regions, total_s)           # ClipPlan: clips of 3-15 s, and what was skipped

The cutting rule (`plan_clips`):
  1. silero-vad finds speech with pauses of at least `min_silence_s` between regions; a region longer
     than `max_s` is split by silero itself at its longest inner silence (`max_speech_duration_s`).
  2. Regions are joined left to right while the gap before the next one is shorter than `pause_s`
     (a breath inside a sentence) or the clip so far is shorter than `min_s`, as long as the joined
     clip stays within `max_s`. A pause of `pause_s` or more ends a clip.
  3. A clip shorter than `min_s` is widened into the silence around it (never into a neighbour) up to
     `min_s`; if there is not enough silence it is skipped and counted (too short to clone from).
  4. Each clip keeps `pad_s` of the silence on both sides (at most half the gap to its neighbour).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from studio.transcribe.base import SAMPLE_RATE
from studio.transcribe.errors import Cancelled, TranscribeError

MIN_CLIP_S = 3.0
MAX_CLIP_S = 15.0
PAUSE_S = 0.5
MIN_SILENCE_S = 0.25
PAD_S = 0.15


@dataclass(frozen=True)
class ClipPlan:
    clips: tuple[tuple[float, float], ...]
    skipped: tuple[tuple[float, float], ...] = field(default_factory=tuple)  # speech too short to keep


@lru_cache(maxsize=1)
def _model():
    import torch

    threads = torch.get_num_threads()
    try:
        from silero_vad import load_silero_vad  # its package module sets torch threads to 1 on import

        return load_silero_vad(onnx=True)
    except ImportError:
        raise TranscribeError(
            "Cutting recordings at pauses needs the silero-vad package: pip install silero-vad."
        ) from None
    finally:
        torch.set_num_threads(threads)


def detect_speech(
    audio: np.ndarray,
    *,
    threshold: float = 0.5,
    min_silence_s: float = MIN_SILENCE_S,
    max_region_s: float = MAX_CLIP_S,
    progress=None,
    cancel: threading.Event | None = None,
) -> list[tuple[float, float]]:
    """Speech regions of 16 kHz mono audio as (start, end) seconds, without padding.

    `progress(fraction)` is called as the detector advances; a set `cancel` raises Cancelled.
    """
    import torch
    from silero_vad import get_speech_timestamps

    data = np.ascontiguousarray(audio, dtype=np.float32)
    if data.size < SAMPLE_RATE // 10:
        return []

    def tick(percent: float) -> None:
        if cancel is not None and cancel.is_set():
            raise Cancelled("cancelled while finding speech")
        if progress is not None:
            progress(min(1.0, percent / 100.0))

    stamps = get_speech_timestamps(
        torch.from_numpy(data),
        _model(),
        threshold=threshold,
        sampling_rate=SAMPLE_RATE,
        min_speech_duration_ms=250,
        max_speech_duration_s=max_region_s,
        min_silence_duration_ms=round(min_silence_s * 1000),
        speech_pad_ms=0,
        progress_tracking_callback=tick,
    )
    return [(s["start"] / SAMPLE_RATE, s["end"] / SAMPLE_RATE) for s in stamps]


def plan_clips(
    regions: list[tuple[float, float]],
    total_s: float,
    *,
    min_s: float = MIN_CLIP_S,
    max_s: float = MAX_CLIP_S,
    pause_s: float = PAUSE_S,
    pad_s: float = PAD_S,
) -> ClipPlan:
    """Group speech regions into clips (see the module docstring for the rule); times in seconds."""
    groups: list[list[float]] = []
    for start, end in sorted(regions):
        if groups:
            cur = groups[-1]
            gap = start - cur[1]
            joined = end - cur[0]
            if joined <= max_s and (gap < pause_s or cur[1] - cur[0] < min_s):
                cur[1] = end
                continue
        groups.append([start, end])

    clips: list[tuple[float, float]] = []
    skipped: list[tuple[float, float]] = []
    for i, (start, end) in enumerate(groups):
        left_limit = groups[i - 1][1] if i > 0 else 0.0
        right_limit = groups[i + 1][0] if i + 1 < len(groups) else total_s
        # the silence each side may give: half the gap to a neighbour, all of it at the file's edges
        room_left = (start - left_limit) / (2 if i > 0 else 1)
        room_right = (right_limit - end) / (2 if i + 1 < len(groups) else 1)
        lo = start - min(pad_s, room_left)
        hi = end + min(pad_s, room_right)
        if hi - lo < min_s:
            need = min_s - (hi - lo)
            avail_left = lo - (start - room_left)
            avail_right = (end + room_right) - hi
            left = min(avail_left, need / 2)
            right = min(avail_right, need - left)
            left = min(avail_left, need - right)
            lo -= max(0.0, left)
            hi += max(0.0, right)
        if hi - lo < min_s - 1e-6:
            skipped.append((round(start, 3), round(end, 3)))
            continue
        clips.append((round(max(0.0, lo), 3), round(min(total_s, hi), 3)))
    return ClipPlan(tuple(clips), tuple(skipped))
