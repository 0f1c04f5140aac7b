"""Signal levels for a recording meter: peak and RMS in dBFS (pure numpy)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

SILENCE_DBFS = -120.0  # floor reported for digital silence instead of -inf
CLIP_THRESHOLD = 0.999  # |sample| at or above this counts as clipping (float full scale is 1.0)


@dataclass(frozen=True)
class Level:
    peak_dbfs: float = SILENCE_DBFS
    rms_dbfs: float = SILENCE_DBFS
    clipped: bool = False


def _dbfs(value: float) -> float:
    return max(SILENCE_DBFS, 20.0 * float(np.log10(value))) if value > 0 else SILENCE_DBFS


def measure(block: np.ndarray) -> Level:
    """Peak and RMS over all channels of a float block in [-1, 1]."""
    data = np.asarray(block, dtype=np.float32)
    if data.size == 0:
        return Level()
    peak = float(np.max(np.abs(data)))
    rms = float(np.sqrt(np.mean(np.square(data, dtype=np.float64))))
    return Level(peak_dbfs=_dbfs(peak), rms_dbfs=_dbfs(rms), clipped=peak >= CLIP_THRESHOLD)
