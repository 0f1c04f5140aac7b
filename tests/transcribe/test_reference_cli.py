"""`voice-studio synth --ref-text auto`, and the warning when a typed transcript does not match."""

from __future__ import annotations

import os
import subprocess
import sys

import soundfile as sf

from tests.conftest import CV2_MODEL, REPO
from tests.transcribe.speech import speak

SAID = "Please call me tomorrow morning before you leave the house."


def _ref(tmp_path):
    path = tmp_path / "ref.wav"
    sf.write(str(path), speak(SAID) * 0.5, 16_000)
    return path


def _synth(tmp_path, *extra):
    env = {**os.environ, "VOICE_STUDIO_MODELS": str(tmp_path / "models"), "HF_HUB_OFFLINE": "1"}
    cmd = [sys.executable, "-m", "studio.cli", "synth", "--model", str(CV2_MODEL), "--normalizer", "rules",
           "--text", "Hello.", "--seed", "1", "--out", str(tmp_path / "take.wav"), *extra]  # fmt: skip
    return subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, timeout=300, env=env)


def test_ref_text_auto_fills_the_transcript(tmp_path):
    proc = _synth(tmp_path, "--ref", str(_ref(tmp_path)), "--ref-text", "auto", "--asr", "pocketsphinx")
    assert proc.returncode == 0, proc.stderr
    line = next(x for x in proc.stderr.splitlines() if x.startswith("reference transcript (pocketsphinx"))
    assert "tomorrow morning" in line
    assert (tmp_path / "take.wav").is_file()


def test_a_typed_transcript_that_does_not_match_warns_and_names_the_words(tmp_path):
    typed = "Please call me tomorrow evening after the elephants leave the zoo."
    proc = _synth(tmp_path, "--ref", str(_ref(tmp_path)), "--ref-text", typed, "--asr", "pocketsphinx")
    assert proc.returncode == 0, proc.stderr
    warning = next(
        x for x in proc.stderr.splitlines() if x.startswith("warning: the --ref-text does not match")
    )
    assert '"elephants' in warning or "elephants" in warning
    assert "babble" in warning


def test_check_transcript_rule():
    from studio.transcribe.agreement import decide
    from studio.transcribe.base import Recognition
    from studio.transcribe.reference import check_transcript

    verdict = decide([Recognition("x", "please call me tomorrow morning", "en", 0.9)])
    assert check_transcript("Please call me tomorrow morning!", verdict) is None
    assert check_transcript("Please call me tomorrow evening.", verdict) is None  # 1 of 5 words: 0.2
    mismatch = check_transcript("Please phone him this evening.", verdict)
    assert mismatch is not None and mismatch.error_rate > 0.3
    assert '"phone him this evening" heard as "call me tomorrow morning"' in mismatch.describe()


def test_auto_without_any_recognizer_says_how_to_get_one(tmp_path, monkeypatch):
    from studio.synth_cli import _reference_transcript, _RefTextError
    from studio.transcribe import recognizers

    monkeypatch.setattr(recognizers, "installed", lambda *a, **k: [])
    import argparse

    args = argparse.Namespace(
        ref=str(_ref(tmp_path)), ref_text="auto", asr=None, models_dir=None, device="cpu"
    )
    try:
        _reference_transcript(args)
    except _RefTextError as exc:
        assert "needs a speech recognizer" in str(exc) and "models download" in str(exc)
    else:
        raise AssertionError("expected an error")
