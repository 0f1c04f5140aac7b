"""Putting rendered blocks on one timeline, and loudness normalization (ITU-R BS.1770 via pyloudnorm).

Scripts: blocks follow each other with each block's pause after it; every join (block to pause,
pause to block, or block to block when the pause is 0) is a short equal-power cross-fade
(`studio.library.crossfade.join_with_crossfade`). Subtitles: the timeline is the subtitle file's
(0 to its last cue's end); each cue's speech starts exactly at the cue's start; a short one is
followed by silence; an overrun (speech longer than its slot) keeps playing under the next cue and
is reported; speech past the file's end is cut with a 10 ms fade.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from studio.library.crossfade import join_with_crossfade
from studio.project.errors import ProjectError
from studio.project.model import Block, BlockTake, SentenceMark


@dataclass(frozen=True)
class Placement:
    """Where a block landed in the output: [start, end) in samples, and its sentences (absolute)."""

    block: Block
    take: BlockTake
    start: int
    end: int
    sentences: tuple[SentenceMark, ...]
    overrun_s: float = 0.0


@dataclass
class Mixdown:
    audio: np.ndarray  # float32 (frames,)
    sample_rate: int
    placements: list[Placement] = field(default_factory=list)

    @property
    def duration_s(self) -> float:
        return len(self.audio) / self.sample_rate


def _sentences(take: BlockTake, offset: int, length: int, text: str) -> tuple[SentenceMark, ...]:
    if not take.sentences:
        return (SentenceMark(offset, offset + length, text),)
    scale = length / take.frames if take.frames else 1.0
    return tuple(
        SentenceMark(offset + round(m.start * scale), offset + min(length, round(m.end * scale)), m.text)
        for m in take.sentences
    )


def join_script(
    blocks: Sequence[Block],
    takes: Sequence[BlockTake],
    audios: Sequence[np.ndarray],
    sample_rate: int,
    fade_ms: float,
) -> Mixdown:
    """Blocks in order with their pauses, cross-faded by `fade_ms`."""
    parts: list[np.ndarray] = []
    owners: list[int | None] = []  # block index of each part, None for a pause
    for i, (block, audio) in enumerate(zip(blocks, audios)):
        parts.append(np.asarray(audio, dtype=np.float32))
        owners.append(i)
        if i + 1 < len(blocks) and block.pause_ms > 0:
            parts.append(np.zeros(round(sample_rate * block.pause_ms / 1000), dtype=np.float32))
            owners.append(None)
    kept = [(p, o) for p, o in zip(parts, owners) if len(p) > 0]
    fade = max(0, round(sample_rate * fade_ms / 1000.0))
    overlaps = [min(fade, len(a), len(b)) for (a, _), (b, _) in itertools.pairwise(kept)]
    mix = Mixdown(join_with_crossfade([p for p, _ in kept], sample_rate, fade_ms), sample_rate)
    pos = 0
    for k, (part, owner) in enumerate(kept):
        if owner is not None:
            block, take = blocks[owner], takes[owner]
            mix.placements.append(
                Placement(block, take, pos, pos + len(part), _sentences(take, pos, len(part), block.text))
            )
        pos += len(part) - (overlaps[k] if k < len(overlaps) else 0)
    return mix


def lay_cues(
    blocks: Sequence[Block],
    takes: Sequence[BlockTake],
    audios: Sequence[np.ndarray],
    sample_rate: int,
    timeline_ms: int,
) -> Mixdown:
    """Each cue's speech at its cue start on a timeline of exactly `timeline_ms`."""
    total = round(sample_rate * timeline_ms / 1000)
    out = np.zeros(total, dtype=np.float32)
    mix = Mixdown(out, sample_rate)
    tail = max(1, round(sample_rate * 0.01))
    for block, take, audio in zip(blocks, takes, audios):
        if not block.is_cue:
            raise ProjectError(f"Block {block.position + 1} has no cue time; re-import the subtitle file.")
        start = round(sample_rate * block.cue_start_ms / 1000)  # type: ignore[operator]
        slot = round(sample_rate * block.cue_end_ms / 1000) - start  # type: ignore[operator]
        audio = np.asarray(audio, dtype=np.float32)
        length = min(len(audio), max(0, total - start))
        piece = audio[:length].copy()
        if length < len(audio) and length > 0:  # cut at the file's end: fade, no click
            n = min(tail, length)
            piece[-n:] *= np.linspace(1.0, 0.0, n, dtype=np.float32)
        out[start : start + length] += piece
        overrun = max(0, len(audio) - slot) / sample_rate
        mix.placements.append(
            Placement(
                block, take, start, start + length, _sentences(take, start, length, block.text), overrun
            )
        )
    return mix


# -- loudness ------------------------------------------------------------------------------------

MIN_LOUDNESS_SECONDS = 0.4  # one BS.1770 gating block


@dataclass(frozen=True)
class LoudnessReport:
    target_lufs: float
    measured_lufs: float | None  # before
    final_lufs: float | None  # after
    true_peak_dbtp: float  # after
    ceiling_dbtp: float
    gain_db: float
    limited: bool
    note: str = ""


_CHUNK = 1 << 18  # samples per oversampling pass: bounded memory for hour-long renders
_PAD = 64  # input samples of context on each side (the polyphase filter reaches ~10)


def oversampled_peaks(audio: np.ndarray, factor: int = 4) -> np.ndarray:
    """Per input sample, the largest |value| among its `factor` oversampled values (and itself).

    Oversampling is scipy's polyphase FIR (`resample_poly`), done in chunks with context so memory
    stays bounded; shape (n,) float64.
    """
    from scipy.signal import resample_poly

    audio = np.asarray(audio, dtype=np.float64)
    n = len(audio)
    out = np.abs(audio).copy()
    for start in range(0, n, _CHUNK):
        stop = min(n, start + _CHUNK)
        lo, hi = max(0, start - _PAD), min(n, stop + _PAD)
        up = np.abs(resample_poly(audio[lo:hi], factor, 1))
        up = up[(start - lo) * factor : (start - lo + stop - start) * factor]
        up = np.pad(up, (0, (stop - start) * factor - len(up)))
        np.maximum(out[start:stop], up.reshape(stop - start, factor).max(axis=1), out=out[start:stop])
    return out


def true_peak_dbtp(audio: np.ndarray, sample_rate: int) -> float:
    """True peak (dBTP) by 4x oversampling, as ITU-R BS.1770-4 Annex 2 describes (2x above 96 kHz)."""
    if len(audio) == 0:
        return -np.inf
    peak = float(np.max(oversampled_peaks(audio, 4 if sample_rate < 96000 else 2)))
    return 20 * np.log10(peak) if peak > 0 else -np.inf


def integrated_loudness(audio: np.ndarray, sample_rate: int) -> float | None:
    """BS.1770-4 integrated loudness in LUFS (pyloudnorm); None for silence or under 0.4 s."""
    import pyloudnorm

    audio = np.asarray(audio, dtype=np.float64)
    if len(audio) < MIN_LOUDNESS_SECONDS * sample_rate:
        return None
    value = pyloudnorm.Meter(sample_rate).integrated_loudness(audio)
    return None if not np.isfinite(value) else float(value)


def _limit(audio: np.ndarray, sample_rate: int, ceiling_dbtp: float) -> np.ndarray:
    """A look-ahead peak limiter: a smooth gain that keeps the 4x-oversampled peak under the ceiling."""
    from scipy.ndimage import minimum_filter1d, uniform_filter1d

    ceiling = 10 ** (ceiling_dbtp / 20) * 0.995
    need = np.minimum(1.0, ceiling / np.maximum(oversampled_peaks(audio), 1e-12))
    window = max(3, round(sample_rate * 0.005))  # 5 ms attack/release
    # min over +-window then a mean over `window`: every gain at a peak is <= what the peak needs
    gain = uniform_filter1d(minimum_filter1d(need, size=2 * window + 1), size=window)
    return (audio * gain).astype(np.float32)


def normalize_loudness(
    audio: np.ndarray, sample_rate: int, target_lufs: float, ceiling_dbtp: float = -1.0
) -> tuple[np.ndarray, LoudnessReport]:
    """Gain `audio` to `target_lufs` integrated loudness, with true peaks under `ceiling_dbtp`.

    Peaks the gain pushes over the ceiling are limited, and the loudness is measured and corrected
    again (up to three rounds), so the result is within a few hundredths of an LU of the target
    unless the material is so peaky that the ceiling wins (then `note` says so).
    """
    if not -70.0 <= target_lufs <= -5.0:
        raise ProjectError(
            f"The loudness target {target_lufs} LUFS is out of range; use -70 to -5 (e.g. -16 or -23)."
        )
    measured = integrated_loudness(audio, sample_rate)
    if measured is None:
        tp = true_peak_dbtp(audio, sample_rate)
        return np.asarray(audio, dtype=np.float32), LoudnessReport(
            target_lufs,
            None,
            None,
            tp,
            ceiling_dbtp,
            0.0,
            False,
            "too short or silent to measure loudness; left as rendered",
        )
    out = np.asarray(audio, dtype=np.float32)
    total_gain = 0.0
    limited = False
    current = measured
    for _round in range(4):
        gain_db = target_lufs - current
        out = (out * 10 ** (gain_db / 20)).astype(np.float32)
        total_gain += gain_db
        if true_peak_dbtp(out, sample_rate) > ceiling_dbtp:
            out = _limit(out, sample_rate, ceiling_dbtp)
            limited = True
        current = integrated_loudness(out, sample_rate) or current
        if abs(current - target_lufs) < 0.05:
            break
    note = ""
    if abs(current - target_lufs) >= 0.5:
        note = f"the true-peak ceiling of {ceiling_dbtp} dBTP kept the loudness at {current:.1f} LUFS"
    return out, LoudnessReport(
        target_lufs,
        measured,
        current,
        true_peak_dbtp(out, sample_rate),
        ceiling_dbtp,
        total_gain,
        limited,
        note,
    )
