"""Fast checks of the pieces: the clip rule, agreement scoring, the Whisper backend's contract."""

from __future__ import annotations

import json
import threading

import numpy as np
import pytest

from studio.transcribe.agreement import agreement_score, decide, error_rate, normalize, word_differences
from studio.transcribe.base import Recognition
from studio.transcribe.vad import plan_clips


def test_pauses_split_breaths_join_and_clips_stay_within_3_to_15_s():
    # two sentences with a breath (0.2 s) inside the first, then a 1 s pause
    regions = [(1.0, 2.5), (2.7, 4.6), (5.6, 9.0)]
    plan = plan_clips(regions, 12.0)
    assert len(plan.clips) == 2
    (a0, a1), (b0, b1) = plan.clips
    assert a0 == pytest.approx(0.85) and a1 == pytest.approx(4.75)  # 0.15 s of silence each side
    assert b0 == pytest.approx(5.45) and b1 == pytest.approx(9.15)
    # continuous speech with short pauses is cut before 15 s, at a pause
    regions = [(i * 2.0, i * 2.0 + 1.8) for i in range(12)]
    plan = plan_clips(regions, 25.0)
    assert all(3.0 <= b - a <= 15.0 for a, b in plan.clips)
    assert sum(1 for _ in plan.clips) >= 2


def test_a_short_utterance_is_widened_into_silence_or_skipped():
    plan = plan_clips([(5.0, 6.5)], 20.0)  # 1.5 s of speech alone: widened to 3 s
    [(a, b)] = plan.clips
    assert b - a == pytest.approx(3.0) and a < 5.0 and b > 6.5
    plan = plan_clips([(0.0, 1.0)], 1.2)  # no room to widen: skipped and counted
    assert plan.clips == () and plan.skipped == ((0.0, 1.0),)


def test_normalisation_reads_numbers_and_drops_punctuation():
    assert normalize("I have 2 cats, and 3 dogs!") == "i have two cats and three dogs"
    assert agreement_score("I have 2 cats.", "i have two cats") == 1.0
    assert normalize("我有2只猫。") == "我有两只猫"


def test_cer_for_chinese_wer_otherwise():
    assert error_rate("我有两只猫", "我有两只狗") == pytest.approx(0.2)  # 1 of 5 characters
    assert error_rate("the cat sat", "the cat sat down") == pytest.approx(1 / 3)
    diffs = word_differences("the quick brown fox jumps", "the quick frown fox")
    assert [(d.kind, d.typed, d.heard) for d in diffs] == [
        ("substitute", "brown", "frown"),
        ("delete", "jumps", ""),
    ]


def test_decide_takes_the_confident_text_when_they_agree_and_flags_otherwise():
    a = Recognition("a", "The cat sat on the mat.", "en", 0.6)
    b = Recognition("b", "the cat sat on the mat", "en", 0.9)
    v = decide([a, b])
    assert v.agreement == 1.0 and not v.needs_review and v.chosen == "b" and v.transcript == b.text
    c = Recognition("c", "a dog stood by the door", "en", 0.95)
    v = decide([a, c])
    assert v.agreement < 0.9 and v.needs_review and v.metric == "wer"
    assert json.loads(json.dumps(v.to_dict()))["recognitions"][1]["text"] == c.text
    one = decide([a])
    assert one.agreement is None and not one.needs_review
    assert decide([]).needs_review


def test_whisper_backend_contract(tiny_whisper):
    from studio.transcribe import recognizers
    from studio.transcribe.errors import Cancelled

    rec = recognizers.load(str(tiny_whisper), device="cpu")
    audio = np.random.default_rng(0).standard_normal(16_000 * 2).astype(np.float32) * 0.1
    out = rec.transcribe(audio)
    assert isinstance(out.text, str) and 0.0 <= out.confidence <= 1.0
    assert out.language in rec.languages and out.pieces
    assert rec.transcribe(audio, language="zh").language == "zh"
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled):
        rec.transcribe(audio, cancel=cancel)


def test_a_broken_whisper_folder_is_refused_with_a_sentence(tmp_path):
    from studio.transcribe import recognizers
    from studio.transcribe.errors import RecognizerUnavailable

    (tmp_path / "config.json").write_text("{}")
    with pytest.raises(RecognizerUnavailable, match="not a complete Whisper model folder"):
        recognizers.load(str(tmp_path))
    with pytest.raises(RecognizerUnavailable, match="no recognizer called"):
        recognizers.load("whisper-huge")


def test_transcribe_command(tiny_whisper, tmp_path, capsys):
    import soundfile as sf

    from studio.cli import main

    clip = tmp_path / "clip.wav"
    sf.write(str(clip), np.random.default_rng(0).standard_normal(16_000).astype(np.float32) * 0.1, 16_000)
    assert main(["transcribe", str(clip), "--asr", str(tiny_whisper), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["file"] == str(clip) and doc["agreement"] is None and doc["recognitions"][0]["recognizer"]
    long = tmp_path / "long.wav"
    sf.write(str(long), np.zeros(16_000 * 40, np.float32), 16_000)
    assert main(["transcribe", str(long), "--asr", str(tiny_whisper)]) == 1
    assert "use `voice-studio ingest`" in capsys.readouterr().err


def test_a_recognizer_does_not_judge_a_transcript_in_a_language_it_does_not_know():
    """PocketSphinx (English only) on Mandarin writes English words that sound alike: a correct
    Chinese transcript must not be called wrong against them (nor an English one by a Mandarin-only
    recognizer); within a language it knows, a wrong transcript still is."""
    from studio.transcribe.agreement import Verdict
    from studio.transcribe.reference import check_transcript, recognizer_can_judge

    sphinx = Verdict("yeah i have held up after the lockout are you", None, False, "pocketsphinx", "wer")
    assert check_transcript("希望你以后能够做的比我还好呦。", sphinx) is None
    assert check_transcript("Please phone the elephants this evening.", sphinx) is not None
    paraformer = Verdict("希望你以后能够做得比我还好", None, False, "paraformer-zh", "cer")
    assert check_transcript("Please phone the elephants this evening.", paraformer) is None
    assert check_transcript("今天天气很好我们去公园", paraformer) is not None
    assert recognizer_can_judge("こんにちは", "sensevoice-small")
    assert recognizer_can_judge("anything", "whisper-small") and recognizer_can_judge("任何", "whisper-small")
