"""Recorder behaviour, driven by a fake sounddevice backend (errors real hardware produces)."""

from __future__ import annotations

import time

import numpy as np
import pytest

from studio.audio import recorder as recorder_module
from studio.audio.devices import list_input_devices, resolve_input_device
from studio.audio.errors import RecorderError
from studio.audio.recorder import Recorder
from tests.audio.fake_backend import FakeBackend


def _wait(predicate, timeout=5.0):
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        time.sleep(0.01)


def test_recording_and_stopping_makes_a_clip_and_removes_the_journal(lib):
    voice = lib.add_voice("Ann")
    rec = Recorder(lib, backend=FakeBackend(), voice_id=voice.id, samplerate=48000)
    rec_id = rec.start()
    assert rec.state == "recording" and rec.recording_id == rec_id
    _wait(lambda: rec.elapsed_s > 0.2)
    assert lib.pending_recordings() == []  # a live recording is not offered for recovery
    clip = rec.stop(transcript="hello", quality={"ok": True})
    assert rec.state == "stopped"
    assert (clip.voice_id, clip.transcript, clip.source, clip.device) == (
        voice.id,
        "hello",
        "recorded",
        "Fake Mic 0",
    )
    assert clip.sample_rate == 48000 and clip.frames % 480 == 0 and clip.frames > 0
    audio, _ = lib.clip_audio(clip)
    assert np.allclose(audio, 0.25, atol=1e-6)
    assert not (lib.journal_root / rec_id).exists()


def test_the_level_meter_follows_the_input(lib):
    rec = Recorder(lib, backend=FakeBackend())
    rec.start()
    _wait(lambda: rec.level.peak_dbfs > -20)
    assert rec.level.peak_dbfs == pytest.approx(-12.04, abs=0.05)
    assert rec.level.rms_dbfs == pytest.approx(-12.04, abs=0.05)
    rec.stop()
    assert rec.max_peak_dbfs == pytest.approx(-12.04, abs=0.05)


def test_no_input_device_is_a_clear_error(lib):
    with pytest.raises(RecorderError, match="No audio input device was found"):
        Recorder(lib, backend=FakeBackend(inputs=0)).start()
    assert lib.pending_recordings() == []


def test_an_unknown_device_is_a_clear_error(lib):
    with pytest.raises(RecorderError, match="not available"):
        Recorder(lib, backend=FakeBackend(), device="Studio Condenser").start()


def test_a_device_that_fails_to_open_leaves_nothing_behind(lib):
    with pytest.raises(RecorderError, match=r"could not be opened.*PaErrorCode"):
        Recorder(lib, backend=FakeBackend(fail_on_start=True)).start()
    assert lib.pending_recordings() == []
    assert not any(lib.journal_root.iterdir())


def test_a_vanishing_device_stops_the_recording_and_keeps_what_was_captured(lib):
    lost = []
    rec = Recorder(lib, backend=FakeBackend(vanish_after=50), on_device_lost=lost.append)
    rec.start()
    _wait(lambda: rec.state == "device_lost")
    assert "unplugged" in rec.error and "kept" in rec.error
    assert lost == [rec.error]
    clip = rec.stop()
    assert clip.frames == 50 * 480


def test_a_device_that_stops_delivering_audio_is_detected_by_the_watchdog(lib):
    backend = FakeBackend(hang_after=20)
    rec = Recorder(lib, backend=backend, stall_timeout_s=0.3)
    rec.start()
    _wait(lambda: rec.state == "device_lost")
    assert "No audio arrived" in rec.error
    assert backend.streams[0].stopped  # the recorder stopped the stream itself
    assert rec.stop().frames == 20 * 480


def test_a_killed_process_leaves_a_recoverable_journal(lib):
    rec = Recorder(lib, backend=FakeBackend())
    rec_id = rec.start()
    _wait(lambda: rec.elapsed_s > 0.1)
    # Simulate the process dying: the stream stops, and the OS drops the journal's lock.
    rec._close_stream()
    rec._stopping.set()
    rec._queue.put(recorder_module._STOP)
    rec._writer.join()
    rec._journal.close()
    (pending,) = lib.pending_recordings()
    assert pending.id == rec_id and pending.frames == rec._journal.frames


def test_stopping_with_nothing_recorded_is_an_error_and_leaves_no_journal(lib):
    rec = Recorder(lib, backend=FakeBackend(hang_after=0), stall_timeout_s=60)
    rec.start()
    with pytest.raises(RecorderError, match="Nothing was recorded"):
        rec.stop()
    assert lib.pending_recordings() == []


def test_cancel_discards_the_recording(lib):
    rec = Recorder(lib, backend=FakeBackend())
    rec.start()
    _wait(lambda: rec.elapsed_s > 0.05)
    rec.cancel()
    assert lib.pending_recordings() == [] and lib.list_clips(None) == []


def test_a_recorder_is_used_once(lib):
    rec = Recorder(lib, backend=FakeBackend())
    rec.start()
    rec.stop()
    with pytest.raises(RecorderError, match="already been used"):
        rec.start()


def test_the_writer_fsyncs_at_least_every_flush_interval(lib, monkeypatch):
    syncs = []
    real_sync = recorder_module.JournalWriter.sync
    monkeypatch.setattr(
        recorder_module.JournalWriter, "sync", lambda self: (syncs.append(time.monotonic()), real_sync(self))
    )
    rec = Recorder(lib, backend=FakeBackend(), flush_interval_s=0.1)
    rec.start()
    time.sleep(0.55)
    rec.stop()
    assert len(syncs) >= 4
    assert max(np.diff(syncs)) < 0.3


def test_device_listing_reports_inputs_only_and_the_default():
    devices = list_input_devices(FakeBackend(inputs=2))
    assert [d.name for d in devices] == ["Fake Mic 0", "Fake Mic 1"]
    assert devices[0].is_default and devices[0].host_api == "Fake API"
    assert resolve_input_device("mic 1", FakeBackend(inputs=2)).index == 1
