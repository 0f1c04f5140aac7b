"""Joining sentence segments into one take with short equal-power cross-fades (pure numpy)."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import numpy as np

DEFAULT_FADE_MS = 20.0


def equal_power_curves(length: int) -> tuple[np.ndarray, np.ndarray]:
    """(fade_out, fade_in) gains of `length` samples with fade_out**2 + fade_in**2 == 1.

    Equal power (cos/sin) rather than linear keeps the loudness steady across the join for
    uncorrelated material such as two separately generated sentences.
    """
    t = (np.arange(length, dtype=np.float64) + 0.5) / max(length, 1)
    angle = t * (np.pi / 2)
    return np.cos(angle), np.sin(angle)


def join_with_crossfade(
    parts: Sequence[np.ndarray], sample_rate: int, fade_ms: float = DEFAULT_FADE_MS
) -> np.ndarray:
    """Concatenate `parts`, overlapping each pair by `fade_ms` with an equal-power cross-fade.

    Each overlap is shortened to the shorter neighbour when a part is shorter than the fade, so
    the result is never longer than the plain concatenation and exactly
    sum(len) - sum(overlaps) frames long. Parts are (frames,) or (frames, channels) and must
    agree in channel count; the result is float32. Empty parts are skipped.
    """
    arrays = [np.asarray(p, dtype=np.float32) for p in parts if len(p) > 0]
    if not arrays:
        return np.zeros(0, dtype=np.float32)
    shapes = {a.shape[1:] for a in arrays}
    if len(shapes) != 1:
        raise ValueError(f"segments disagree in channel layout: {sorted(shapes)}")
    fade = max(0, round(sample_rate * fade_ms / 1000.0))
    overlaps = [min(fade, len(a), len(b)) for a, b in itertools.pairwise(arrays)]
    total = sum(len(a) for a in arrays) - sum(overlaps)
    out = np.zeros((total, *arrays[0].shape[1:]), dtype=np.float64)
    pos = 0
    for i, part in enumerate(arrays):
        part = part.astype(np.float64)
        head = overlaps[i - 1] if i > 0 else 0  # samples shared with the previous part
        tail = overlaps[i] if i < len(overlaps) else 0  # samples shared with the next part
        gain = np.ones(len(part))
        if head:
            gain[:head] *= equal_power_curves(head)[1]
        if tail:
            gain[len(part) - tail :] *= equal_power_curves(tail)[0]
        if part.ndim == 2:
            gain = gain[:, None]
        out[pos : pos + len(part)] += part * gain
        pos += len(part) - tail
    return out.astype(np.float32)
