"""join_with_crossfade: pure numpy equal-power joins of sentence segments."""

from __future__ import annotations

import numpy as np
import pytest

from studio.library.crossfade import equal_power_curves, join_with_crossfade


def test_equal_power_curves_keep_total_power_constant():
    fade_out, fade_in = equal_power_curves(480)
    assert np.allclose(fade_out**2 + fade_in**2, 1.0)
    assert fade_out[0] > 0.99 and fade_in[0] < 0.01
    assert fade_out[-1] < 0.01 and fade_in[-1] > 0.99
    assert np.all(np.diff(fade_in) > 0) and np.all(np.diff(fade_out) < 0)


def test_the_join_is_shorter_by_one_fade_per_junction():
    parts = [np.ones(1000), np.ones(2000), np.ones(500)]
    out = join_with_crossfade(parts, sample_rate=24000, fade_ms=20)  # 480 samples
    assert len(out) == 3500 - 2 * 480
    assert out.dtype == np.float32


def test_samples_away_from_the_junctions_are_untouched():
    a = np.full(2000, 0.25)
    b = np.full(2000, -0.5)
    out = join_with_crossfade([a, b], 1000, fade_ms=100)  # 100-sample fade
    assert np.allclose(out[:1900], 0.25)
    assert np.allclose(out[2000:], -0.5)


def test_the_cross_fade_region_mixes_both_sides_with_equal_power_gains():
    a = np.ones(300)
    b = np.ones(300) * 2
    out = join_with_crossfade([a, b], 1000, fade_ms=100)
    fade_out, fade_in = equal_power_curves(100)
    assert np.allclose(out[200:300], fade_out + 2 * fade_in, atol=1e-6)


def test_uncorrelated_noise_keeps_its_loudness_across_the_join():
    rng = np.random.default_rng(0)
    a, b = rng.standard_normal(48000) * 0.1, rng.standard_normal(48000) * 0.1
    out = join_with_crossfade([a, b], 48000, fade_ms=500)  # a long fade to measure power in it
    middle = out[48000 - 24000 : 48000]
    assert np.sqrt(np.mean(middle**2)) == pytest.approx(0.1, rel=0.05)


def test_a_single_segment_comes_back_unchanged_and_empty_input_gives_empty_output():
    x = np.linspace(-1, 1, 100)
    assert np.allclose(join_with_crossfade([x], 24000), x)
    assert join_with_crossfade([], 24000).shape == (0,)
    assert np.allclose(join_with_crossfade([x, np.zeros(0)], 24000), x)


def test_segments_shorter_than_the_fade_shorten_the_overlap():
    out = join_with_crossfade([np.ones(10), np.ones(10)], 24000, fade_ms=20)
    assert len(out) == 10


def test_zero_fade_is_plain_concatenation():
    a, b = np.arange(5.0), np.arange(5.0, 9.0)
    assert np.allclose(join_with_crossfade([a, b], 24000, fade_ms=0), np.arange(9.0))


def test_multichannel_segments_are_joined_per_channel():
    a = np.ones((1000, 2))
    b = np.ones((1000, 2)) * [1, -1]
    out = join_with_crossfade([a, b], 1000, fade_ms=10)
    assert out.shape == (1990, 2)
    assert np.allclose(out[-1], [1, -1])
    with pytest.raises(ValueError):
        join_with_crossfade([np.ones((10, 2)), np.ones(10)], 1000)
