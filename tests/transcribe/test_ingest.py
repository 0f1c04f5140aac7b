"""Ingest end to end: espeak-ng speech with known pauses, the real VAD, PocketSphinx, a tiny Whisper."""

from __future__ import annotations

import csv
import itertools
import json
import threading

import numpy as np
import pytest

from studio.library import Library
from studio.transcribe import ingest as ing
from studio.transcribe.agreement import error_rate
from tests.transcribe.conftest import sentences_in


def test_two_minute_recording_is_cut_at_the_pauses(long_recording, tmp_path, capsys):
    from studio.cli import main

    path, spans = long_recording
    assert 100 < spans[-1][1] < 140  # about two minutes
    code = main(["ingest", str(path), "--library", str(tmp_path / "lib"), "--json", "--speaker", "Tester",
                 "--dialect", "General American", "--region", "nowhere", "--consent", "test data"])  # fmt: skip
    out = capsys.readouterr()
    assert code == 0, out.err
    clips = [json.loads(line) for line in out.out.splitlines()]
    assert abs(len(clips) - len(spans)) <= 1, (len(clips), len(spans))
    for c in clips:
        assert 3.0 - 1e-6 <= c["end"] - c["start"] <= 15.0
        assert c["transcript"] == "" and c["agreement"] is None and c["needs_review"] is True
    # every sentence lies inside exactly one clip, and clips do not overlap
    for a, b, text in spans:
        holders = [c for c in clips if c["start"] <= a + 0.05 and b - 0.05 <= c["end"]]
        assert len(holders) == 1, text
    for first, second in itertools.pairwise(clips):
        assert first["end"] <= second["start"]
    # no recognizer installed: says so and how to get one
    assert "No speech recognizer is installed" in out.err and "models download" in out.err
    with Library.open(tmp_path / "lib") as lib:
        stored = lib.list_ingested()
        assert len(stored) == len(clips)
        assert stored[0].speaker == "Tester" and stored[0].dialect == "General American"
        assert stored[0].clip.source_name == "field-recording.wav"


def test_cancel_keeps_saved_clips_and_resume_finishes(short_recording, tmp_path):
    path, spans = short_recording
    cancel = threading.Event()
    seen = []

    def on_event(e):
        if isinstance(e, ing.ClipSaved):
            seen.append(e)
            if len(seen) == 2:
                cancel.set()

    with Library.open(tmp_path / "lib") as lib:
        first = ing.ingest_files([path], lib, [], on_event=on_event, cancel=cancel)
        assert first.cancelled and len(first.saved) == 2
        assert len(lib.list_ingested()) == 2
        second = ing.ingest_files([path], lib, [])
        assert not second.cancelled
        assert second.already_saved == 2
        assert len(second.saved) == len(spans) - 2
        starts = sorted(c.start_s for c in lib.list_ingested())
        assert len(starts) == len(set(starts)) == len(spans)


@pytest.fixture(scope="module")
def recognized(short_recording, tiny_whisper, tmp_path_factory):
    """The short recording ingested with PocketSphinx and the tiny random Whisper."""
    from studio.transcribe import recognizers

    path, spans = short_recording
    recs = [recognizers.load("pocketsphinx"), recognizers.load(str(tiny_whisper))]
    lib = Library.open(tmp_path_factory.mktemp("lib") / "lib")
    summary = ing.ingest_files([path], lib, recs, ing.IngestOptions(language="en"))
    yield lib, summary, spans
    lib.close()


def test_pocketsphinx_transcripts_match_the_spoken_sentences(recognized):
    _lib, summary, spans = recognized
    assert len(summary.saved) == len(spans)
    rates = []
    for clip in summary.saved:
        spoken = sentences_in((clip.start_s, clip.end_s), spans)
        sphinx = next(r for r in clip.recognitions["recognitions"] if r["recognizer"] == "pocketsphinx")
        rates.append(error_rate(spoken, sphinx["text"], "en"))
        assert 0.0 < sphinx["confidence"] <= 1.0
    print("PocketSphinx WER per clip:", [round(r, 2) for r in rates], "mean", round(float(np.mean(rates)), 3))
    # PocketSphinx is a basic recognizer and espeak-ng a formant synthesizer: measured ~0.25 mean here
    assert float(np.mean(rates)) < 0.5


def test_disagreeing_recognizers_flag_the_clip_for_review(recognized):
    lib, summary, _ = recognized
    for clip in summary.saved:
        assert clip.needs_review
        assert clip.agreement is not None and clip.agreement < 0.9
        names = [r["recognizer"] for r in clip.recognitions["recognitions"]]
        assert names == ["pocketsphinx", "tiny-whisper"]
        # the transcript kept is the more confident recognition's
        best = max(clip.recognitions["recognitions"], key=lambda r: r["confidence"])
        assert clip.transcript == best["text"]
    flagged = lib.list_ingested(needs_review=True)
    assert len(flagged) == len(summary.saved)


def test_review_voice_and_dataset_export(recognized, tmp_path):
    lib, summary, _ = recognized
    a, b, *rest = summary.saved
    lib.review_ingested(
        a.id, review="accepted", transcript="I would like a cup of tea please, with a little milk."
    )
    lib.review_ingested(b.id, review="accepted")
    if rest:
        lib.review_ingested(rest[0].id, review="rejected")
    assert not lib.get_ingested(a.id).needs_review  # a corrected transcript needs no review
    result = lib.export_dataset(tmp_path / "ds")
    assert result["clips"] == 2
    rows = list(csv.DictReader((tmp_path / "ds" / "metadata.csv").read_text(encoding="utf-8").splitlines()))
    assert next(r["transcript"] for r in rows) == "I would like a cup of tea please, with a little milk."
    for r in rows:
        assert (tmp_path / "ds" / r["file"]).is_file() and r["file"].endswith(".flac")
    scp = (tmp_path / "ds" / "wav.scp").read_text().splitlines()
    text = (tmp_path / "ds" / "text").read_text().splitlines()
    assert len(scp) == len(text) == 2
    assert [line.split()[0] for line in scp] == [line.split()[0] for line in text]
    with pytest.raises(Exception, match="accepted"):
        lib.voice_from_ingested([rest[0].id], "Nope")
    vid = lib.voice_from_ingested([a.id, b.id], "Field voice")
    assert {c.id for c in lib.list_clips(vid)} == {a.id, b.id}


def test_a_file_that_is_not_audio_is_reported_and_others_continue(short_recording, tmp_path):
    path, spans = short_recording
    bad = tmp_path / "notes.wav"
    bad.write_text("not audio")
    with Library.open(tmp_path / "lib") as lib:
        summary = ing.ingest_files([bad, path], lib, [])
    assert len(summary.failed) == 1 and "notes.wav" in summary.failed[0][1]
    assert len(summary.saved) == len(spans)


def test_cli_errors_are_one_line(tmp_path, capsys):
    from studio.cli import main

    assert main(["ingest", str(tmp_path / "missing.wav"), "--library", str(tmp_path / "lib")]) == 1
    assert capsys.readouterr().err.startswith("voice-studio: error: the recording")
    wav = tmp_path / "x.wav"
    import soundfile as sf

    sf.write(str(wav), np.zeros(8000, np.float32), 8000)
    code = main(["ingest", str(wav), "--library", str(tmp_path / "lib"), "--asr", "whisper-small"])
    err = capsys.readouterr().err
    assert code == 1 and "not installed" in err and "models download whisper-small" in err
