from __future__ import annotations

import numpy as np
import pytest

from studio.audio.levels import SILENCE_DBFS, measure


def test_a_full_scale_sine_peaks_at_0_dbfs_with_rms_3_db_lower():
    t = np.arange(48000) / 48000
    level = measure(np.sin(2 * np.pi * 1000 * t).astype(np.float32))
    assert level.peak_dbfs == pytest.approx(0.0, abs=0.01)
    assert level.rms_dbfs == pytest.approx(-3.01, abs=0.01)
    assert level.clipped


def test_half_scale_is_minus_6_dbfs_and_not_clipped():
    level = measure(np.full((100, 2), 0.5, np.float32))
    assert level.peak_dbfs == pytest.approx(-6.02, abs=0.01)
    assert not level.clipped


def test_silence_reports_the_floor_instead_of_minus_infinity():
    level = measure(np.zeros(256, np.float32))
    assert level.peak_dbfs == level.rms_dbfs == SILENCE_DBFS
    assert measure(np.zeros(0)).peak_dbfs == SILENCE_DBFS
