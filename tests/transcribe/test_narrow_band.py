"""Narrow-band (8-16 kHz) clips: accepted, resampled, flagged in the quality report; other checks unchanged."""

from __future__ import annotations

import json

import numpy as np
import soundfile as sf

from studio.audio.quality import FAIL, PASS, WARN, analyse
from studio.transcribe.audio import resample
from tests.transcribe.speech import build_recording, speak


def _sentence(rate: int) -> np.ndarray:
    audio = speak("The weather is nice today, so we can walk to the park.", rate) * 0.5
    pad = np.zeros(rate // 4, np.float32)
    return np.concatenate([pad, audio, pad]) + 1e-4 * np.random.default_rng(0).standard_normal(
        audio.size + 2 * pad.size
    ).astype(np.float32)


def test_8k_clip_is_flagged_narrow_band_and_other_checks_are_unchanged():
    wide = _sentence(16_000)
    narrow = resample(wide, 16_000, 8_000)
    a, b = analyse(wide, 16_000), analyse(narrow, 8_000)
    assert a.check("sample_rate").status == PASS and not a.narrow_band
    assert b.check("sample_rate").status == WARN and b.narrow_band
    assert not b.blocking
    for key in ("duration", "clipping", "silence", "snr", "level"):
        assert a.check(key).status == b.check(key).status, key
    assert b.to_dict()["narrow_band"] is True
    assert analyse(resample(wide, 16_000, 6_000), 6_000).check("sample_rate").status == FAIL


def test_quality_view_says_what_narrow_band_means(qtbot):
    from studio.ui.quality_view import QualityView

    view = QualityView()
    qtbot.addWidget(view)
    view.set_report(analyse(resample(_sentence(16_000), 16_000, 8_000), 8_000))
    assert view.rows()["sample_rate"] == view.status_text(WARN)
    assert "narrow-band" in view.summary.text().lower() and "muffled" in view.summary.text()


def test_8k_ogg_recording_is_ingested_at_its_own_rate(tmp_path, capsys):
    from studio.cli import main

    wav = tmp_path / "phone.wav"
    build_recording(wav, ("My brother has three dogs and two cats at his farm.",
                          "We will meet at the station at half past seven tonight."), rate=8_000)  # fmt: skip
    data, rate = sf.read(str(wav), dtype="float32")
    ogg = tmp_path / "phone.ogg"
    sf.write(str(ogg), data, rate, format="OGG", subtype="VORBIS")
    assert main(["ingest", str(ogg), "--library", str(tmp_path / "lib"), "--json"]) == 0
    clips = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(clips) == 2
    for c in clips:
        assert c["sample_rate"] == 8000
        assert c["quality"]["narrow_band"] is True
        assert c["quality"]["checks"]["sample_rate"]["status"] == "warn"
