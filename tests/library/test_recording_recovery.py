"""Crash-safe recording: journals survive a killed process and are recovered into clips."""

from __future__ import annotations

import signal
import subprocess
import sys
import time

import numpy as np
import pytest

from studio.library import Library, LibraryError, NotFoundError
from studio.library import journal as journal_module
from tests.alsa_env import make_alsa_env
from tests.library.helpers import REPO_ROOT, child_env, noise


def test_an_unfinished_journal_is_pending_and_recovers_into_a_clip(lib):
    voice = lib.add_voice("Ann")
    writer = lib.start_recording_journal(sample_rate=16000, channels=1, device="Test Mic", voice_id=voice.id)
    audio = noise(1.5, 16000)
    for block in np.array_split(audio, 15):
        writer.append(block[:, None])
    writer.sync()
    assert lib.pending_recordings() == []  # still held by a live writer
    writer.close()  # like a crash: the lock is gone, the journal stays
    (pending,) = lib.pending_recordings()
    assert pending.id == writer.id and pending.device == "Test Mic" and pending.voice_id == voice.id
    assert pending.duration_s == pytest.approx(1.5)
    clip = lib.recover_recording(pending.id, transcript="words")
    assert (clip.voice_id, clip.source, clip.device, clip.transcript) == (
        voice.id,
        "recorded",
        "Test Mic",
        "words",
    )
    assert clip.created_at == pending.started_at
    stored, rate = lib.clip_audio(clip)
    assert rate == 16000 and np.max(np.abs(stored - audio)) < 1e-6
    assert lib.pending_recordings() == []
    assert not pending.folder.exists()


def test_a_half_written_last_frame_is_ignored(lib):
    writer = lib.start_recording_journal(sample_rate=8000, channels=2)
    writer.append(np.zeros((800, 2), np.float32))
    writer.close()
    with open(writer.folder / journal_module.AUDIO_NAME, "ab") as handle:
        handle.write(b"\x01\x02\x03")  # killed in the middle of a frame
    (pending,) = lib.pending_recordings()
    assert pending.frames == 800
    assert lib.recover_recording(pending.id).frames == 800


def test_a_pending_recording_can_be_discarded_or_assigned_to_another_voice(lib):
    bob = lib.add_voice("Bob")
    for _ in range(2):
        writer = lib.start_recording_journal(sample_rate=8000, channels=1)
        writer.append(np.zeros(800, np.float32))
        writer.close()
    first, second = lib.pending_recordings()
    lib.discard_recording(first.id)
    assert lib.recover_recording(second.id, voice_id=bob.id).voice_id == bob.id
    assert lib.pending_recordings() == []


def test_unknown_empty_or_live_recordings_are_refused_clearly(lib):
    with pytest.raises(NotFoundError):
        lib.recover_recording("../../etc")
    with pytest.raises(NotFoundError):
        lib.discard_recording("nope")
    live = lib.start_recording_journal(sample_rate=8000, channels=1)
    with pytest.raises(LibraryError, match="still in progress"):
        lib.recover_recording(live.id)
    with pytest.raises(LibraryError, match="still in progress"):
        lib.discard_recording(live.id)
    live.close()
    with pytest.raises(LibraryError, match="no audio"):
        lib.recover_recording(live.id)
    assert lib.pending_recordings()[0].id == live.id  # kept until the user discards it


def test_pending_recordings_are_part_of_the_open_report(lib):
    writer = lib.start_recording_journal(sample_rate=8000, channels=1)
    writer.append(np.zeros(8000, np.float32))
    writer.close()
    report = lib.check()
    assert report.ok and [r.id for r in report.pending_recordings] == [writer.id]
    assert "can be recovered" in report.lines()[0]


def test_a_killed_recording_process_is_recovered_with_at_most_one_second_lost(lib, tmp_path, speech_wav):
    """Record from a real PortAudio device (file-backed ALSA), SIGKILL the recorder, recover."""
    voice = lib.add_voice("Speaker")
    env = child_env(**make_alsa_env(tmp_path, speech_wav, realtime=True))
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.audio.record_child", str(lib.root), "-1", str(voice.id)],
        cwd=REPO_ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    last_elapsed = 0.0
    try:
        first = child.stdout.readline().split()
        if not first or first[0] != "RECORDING":
            child.kill()
            pytest.fail(f"recorder did not start: {first} {child.stderr.read()}")
        started = time.monotonic()
        rec_id = first[1]
        while time.monotonic() - started < 2.5:
            line = child.stdout.readline().split()
            if line and line[0] == "ELAPSED":
                last_elapsed = float(line[1])
        elapsed = time.monotonic() - started
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(10)
    assert child.returncode == -signal.SIGKILL

    # "Next start": open the library afresh; the open report offers the recording for recovery.
    with Library.open(lib.root) as reopened:
        (pending,) = reopened.open_report.pending_recordings
        assert reopened.pending_recordings() == [pending]
        assert pending.id == rec_id
        assert pending.voice_id == voice.id and pending.sample_rate == 48000
        print(
            f"elapsed {elapsed:.2f} s, journal {pending.duration_s:.2f} s, last reported {last_elapsed:.2f} s"
        )
        assert pending.duration_s >= elapsed - 1.0, (pending.duration_s, elapsed)
        assert pending.duration_s >= last_elapsed  # nothing handed to the journal was lost
        clip = reopened.recover_recording(rec_id)
        assert clip.voice_id == voice.id and clip.source == "recorded" and clip.device
        assert clip.duration_s >= elapsed - 1.0
        audio, _ = reopened.clip_audio(clip)
        assert np.sqrt(np.mean(audio**2)) > 0.01, "the speech from the capture source was recorded"
        assert reopened.pending_recordings() == []
