"""A quality report for a reference clip: pass / warn / fail per check (pure numpy, no Qt).

Checks (each on the trimmed region the voice would use):
  duration      3-30 s passes; 0.5-3 s warns (short prompts clone poorly); outside 0.5-30 s fails
                (the engine refuses such prompts)
  sample_rate   16 kHz or more passes; 8-16 kHz warns and flags the clip "narrow-band" (telephone, old
                tape: accepted and resampled, but the clone inherits the missing highs and sounds
                muffled); below 8 kHz fails (the engine refuses it)
  clipping      share of samples at full scale: none passes, under 0.1 % warns, more fails
  silence       share of 20 ms frames more than 35 dB below the loud frames: up to 40 % passes,
                up to 70 % warns, more fails (and a clip with no signal at all fails)
  snr           loud frames vs. the quietest tenth (a noise-floor estimate): 25 dB or more passes,
                15-25 dB warns, less fails
  level         RMS of the speech frames: -30 to -6 dBFS passes; -42 to -30 (quiet) or above -6
                (hot) warns; below -42 fails

The report carries numbers and status codes only; the window words them (and translates them).
`blocking` is True when the engine would refuse the clip (duration, sample rate, no signal).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from studio.audio.levels import CLIP_THRESHOLD, SILENCE_DBFS

PASS, WARN, FAIL = "pass", "warn", "fail"
_RANK = {PASS: 0, WARN: 1, FAIL: 2}

MIN_SECONDS, SHORT_SECONDS, MAX_SECONDS = 0.5, 3.0, 30.0
MIN_RATE = 8_000  # the engine's floor
WIDE_BAND_RATE = 16_000  # below: narrow-band
FRAME_S = 0.02
SILENCE_BELOW_LOUD_DB = 35.0
NO_SIGNAL_DBFS = -70.0


@dataclass(frozen=True)
class Check:
    key: str  # duration, sample_rate, clipping, silence, snr, level
    status: str  # pass, warn, fail
    value: float
    blocking: bool = False  # a failure the engine would refuse outright


@dataclass(frozen=True)
class QualityReport:
    checks: tuple[Check, ...] = field(default_factory=tuple)
    seconds: float = 0.0
    sample_rate: int = 0

    @property
    def overall(self) -> str:
        if not self.checks:
            return FAIL
        return max((c.status for c in self.checks), key=_RANK.__getitem__)

    @property
    def blocking(self) -> bool:
        return any(c.status == FAIL and c.blocking for c in self.checks)

    @property
    def narrow_band(self) -> bool:
        """8-16 kHz: usable, but the clone will sound muffled (no energy above half the rate)."""
        return MIN_RATE <= self.sample_rate < WIDE_BAND_RATE

    def check(self, key: str) -> Check:
        return next(c for c in self.checks if c.key == key)

    def to_dict(self) -> dict:
        """JSON-able, for the library's clip quality field."""
        return {
            "overall": self.overall,
            "seconds": round(self.seconds, 3),
            "sample_rate": self.sample_rate,
            "narrow_band": self.narrow_band,
            "checks": {c.key: {"status": c.status, "value": round(float(c.value), 3)} for c in self.checks},
        }


def _db(x: np.ndarray | float) -> np.ndarray:
    return np.maximum(SILENCE_DBFS, 20.0 * np.log10(np.maximum(np.asarray(x, dtype=np.float64), 1e-12)))


def frame_rms_db(audio: np.ndarray, sample_rate: int) -> np.ndarray:
    """RMS of consecutive 20 ms frames, in dBFS (a trailing partial frame is dropped unless alone)."""
    n = max(1, round(FRAME_S * sample_rate))
    frames = audio.size // n
    if frames == 0:
        if not audio.size:
            return np.array([])
        return np.atleast_1d(_db(np.sqrt(np.mean(np.square(audio, dtype=np.float64)))))
    blocks = audio[: frames * n].astype(np.float64).reshape(frames, n)
    return _db(np.sqrt(np.mean(blocks * blocks, axis=1)))


def _grade(value: float, pass_if, warn_if) -> str:
    if pass_if(value):
        return PASS
    return WARN if warn_if(value) else FAIL


def analyse(audio: np.ndarray, sample_rate: int) -> QualityReport:
    """The quality report for mono (or multichannel, mixed down) float audio in [-1, 1]."""
    data = np.asarray(audio, dtype=np.float32)
    if data.ndim == 2:
        data = data.mean(axis=1)
    seconds = data.size / sample_rate if sample_rate else 0.0
    checks = [
        Check(
            "duration",
            _grade(
                seconds,
                lambda s: SHORT_SECONDS <= s <= MAX_SECONDS,
                lambda s: MIN_SECONDS <= s < SHORT_SECONDS,
            ),
            seconds,
            blocking=True,
        ),
        Check(
            "sample_rate",
            _grade(sample_rate, lambda r: r >= WIDE_BAND_RATE, lambda r: r >= MIN_RATE),
            float(sample_rate),
            blocking=True,
        ),
    ]
    if data.size == 0:
        return QualityReport(tuple(checks), seconds, int(sample_rate))

    clipped = float(np.count_nonzero(np.abs(data) >= CLIP_THRESHOLD)) / data.size * 100.0
    checks.append(Check("clipping", _grade(clipped, lambda p: p == 0.0, lambda p: p < 0.1), clipped))

    db = frame_rms_db(data, sample_rate)
    loud = float(np.percentile(db, 95))
    if loud < NO_SIGNAL_DBFS:
        checks.append(Check("silence", FAIL, 100.0, blocking=True))
        checks.append(Check("snr", FAIL, 0.0))
        checks.append(Check("level", FAIL, float(np.max(db))))
        return QualityReport(tuple(checks), seconds, int(sample_rate))

    silent = db < loud - SILENCE_BELOW_LOUD_DB
    silence = float(np.mean(silent)) * 100.0
    checks.append(Check("silence", _grade(silence, lambda p: p <= 40.0, lambda p: p <= 70.0), silence))

    floor = float(np.percentile(db, 10))
    snr = loud - floor
    checks.append(Check("snr", _grade(snr, lambda v: v >= 25.0, lambda v: v >= 15.0), snr))

    speech = db[~silent]
    power = np.mean(np.power(10.0, speech / 10.0)) if speech.size else 0.0
    level = float(_db(np.sqrt(power)))
    checks.append(
        Check(
            "level",
            _grade(level, lambda v: -30.0 <= v <= -6.0, lambda v: -42.0 <= v < -30.0 or v > -6.0),
            level,
        )
    )
    return QualityReport(tuple(checks), seconds, int(sample_rate))
