"""Joining blocks, laying cues, and BS.1770 loudness with a true-peak ceiling (no model needed)."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.signal import resample_poly

from studio.project.mix import (
    integrated_loudness,
    join_script,
    lay_cues,
    normalize_loudness,
    oversampled_peaks,
    true_peak_dbtp,
)
from studio.project.model import Block, BlockTake, SentenceMark

RATE = 24000


def _block(i, pause_ms=400, cue=None):
    start, end = cue if cue else (None, None)
    return Block(id=i, project_id=1, chapter_id=1, position=i, speaker="", text=f"b{i}", pause_ms=pause_ms,
                 cue_index=i + 1 if cue else None, cue_start_ms=start, cue_end_ms=end)  # fmt: skip


def _take(i, frames, marks=()):
    return BlockTake(id=i, block_id=i, fingerprint="f", path=None, sample_rate=RATE, frames=frames, seed=0,
                     speed_used=1.0, sentences=tuple(marks))  # fmt: skip


def test_script_blocks_follow_each_other_with_pauses_and_cross_fades():
    audios = [np.full(RATE, 0.1, np.float32), np.full(RATE // 2, 0.1, np.float32)]
    blocks = [_block(0, 500), _block(1)]
    takes = [
        _take(0, RATE, [SentenceMark(0, 12000, "a"), SentenceMark(12000, RATE, "b")]),
        _take(1, RATE // 2),
    ]
    mix = join_script(blocks, takes, audios, RATE, fade_ms=10)
    fade = 240
    assert [(p.start, p.end) for p in mix.placements] == [
        (0, RATE),
        (RATE + 12000 - 2 * fade, RATE + 12000 - 2 * fade + RATE // 2),
    ]
    assert len(mix.audio) == RATE + 12000 + RATE // 2 - 2 * fade
    assert [(m.start, m.end, m.text) for m in mix.placements[0].sentences] == [
        (0, 12000, "a"),
        (12000, RATE, "b"),
    ]


def test_cues_start_at_their_times_on_the_subtitle_timeline_and_overruns_are_measured():
    blocks = [_block(0, cue=(500, 1500)), _block(1, cue=(2000, 2200)), _block(2, cue=(3000, 3500))]
    audios = [
        np.full(RATE // 2, 0.1, np.float32),
        np.full(RATE // 2, 0.1, np.float32),
        np.full(RATE, 0.1, np.float32),
    ]
    takes = [_take(i, len(a)) for i, a in enumerate(audios)]
    mix = lay_cues(blocks, takes, audios, RATE, timeline_ms=3500)
    assert len(mix.audio) == round(3.5 * RATE)
    assert [p.start for p in mix.placements] == [12000, 48000, 72000]
    assert [round(p.overrun_s, 3) for p in mix.placements] == [0.0, 0.3, 0.5]
    assert mix.placements[2].end == len(mix.audio)  # cut at the file's end
    assert mix.audio[int(1.2 * RATE)] == 0  # a short cue is followed by silence


def test_chunked_true_peak_equals_one_pass():
    rng = np.random.default_rng(1)
    x = rng.standard_normal(600_000) * 0.2
    whole = np.abs(resample_poly(x, 4, 1)).reshape(-1, 4).max(axis=1)
    assert np.allclose(oversampled_peaks(x), np.maximum(whole, np.abs(x)))


@pytest.mark.parametrize("target", [-16.0, -23.0])
def test_loudness_reaches_the_target_and_peaks_stay_under_the_ceiling(target):
    rng = np.random.default_rng(0)
    speechy = (rng.standard_normal(10 * RATE) * 0.02).astype(np.float32)
    speechy[:: RATE // 3] = 0.95  # clicks that the gain would push over the ceiling
    out, report = normalize_loudness(speechy, RATE, target, ceiling_dbtp=-1.0)
    assert abs(integrated_loudness(out, RATE) - target) <= 0.5 and report.limited
    assert true_peak_dbtp(out, RATE) <= -1.0 + 0.05


def test_too_short_to_measure_is_left_alone_and_odd_targets_are_refused():
    out, report = normalize_loudness(np.full(100, 0.1, np.float32), RATE, -16.0)
    assert report.final_lufs is None and "too short" in report.note and np.all(out == np.float32(0.1))
    from studio.project.errors import ProjectError

    with pytest.raises(ProjectError, match="out of range"):
        normalize_loudness(np.zeros(RATE, np.float32), RATE, 3.0)
