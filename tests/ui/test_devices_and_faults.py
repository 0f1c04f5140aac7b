"""Audio devices for real (PortAudio on ALSA's file/null plugins) and the faults a person meets:
no device, a device unplugged mid-recording, a model that fails to load, a synthesis that raises,
CUDA out of memory. Each gets a clear message and leaves the rest of the window working."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import torch

from studio.ui.recording import IDLE, RECORDING
from tests.alsa_env import ALSA_RATE, read_playback, reinitialize_portaudio
from tests.audio.fake_backend import FakeBackend
from tests.conftest import CV2_MODEL, copy_model
from tests.ui.conftest import make_take, save_voice, wait_until


def test_a_streaming_take_plays_through_the_output_device_while_it_is_made(make_window, alsa, qtbot):
    window = make_window(ui__autoplay=True)
    save_voice(qtbot, window)
    take_id, run = make_take(qtbot, window, "Play me while you make me.", stream=True)
    assert run.streaming_to_player
    wait_until(qtbot, lambda: not window.ctx.player.active, 60)
    played = read_playback(alsa).astype(np.float32) / 32767.0
    take_audio, rate = window.ctx.library.take_audio(take_id)
    expected = take_audio.shape[0] * ALSA_RATE / rate
    # every sample went out (resampled to the device rate), nothing was dropped or doubled
    assert abs(played.size - expected) < 0.02 * expected + 2048
    assert np.sqrt(np.mean(played**2)) > 1e-3
    assert window.ctx.player.error is None


def test_playing_a_take_from_the_list_and_space_pauses(window, alsa, qtbot):
    save_voice(qtbot, window)
    take_id, _ = make_take(qtbot, window, "A take to play back.", stream=False)
    window.takes.select_take(take_id)
    before = read_playback(alsa).size
    window.play_take(take_id)
    wait_until(qtbot, lambda: window.ctx.player.active or read_playback(alsa).size > before, 10)
    wait_until(qtbot, lambda: not window.ctx.player.active, 60)
    assert read_playback(alsa).size > before


def test_recording_a_reference_from_the_input_device(make_window, alsa_capture, qtbot):
    window = make_window(ui__autoplay=False)
    panel = window.reference
    panel.recording.start(countdown_s=0)
    assert panel.recording.state == RECORDING, window.message_bar.text()
    peaks = []
    window.ctx.display.subscribe(lambda: peaks.append(panel.recording.level.peak_dbfs))
    wait_until(qtbot, lambda: panel.recording.elapsed >= 3.5, 30)
    with qtbot.waitSignal(panel.recording.recorded, timeout=30_000):
        panel.recording.stop()
    assert panel.clip is not None and panel.clip.source == "recorded"
    assert 3.0 < panel.clip.seconds < 8.0
    assert max(peaks) > -30.0  # the meter saw the speech
    # the recording is already in the library (crash-safe), before any "Save as voice"
    assert window.ctx.library.get_clip(panel.clip.clip_id).frames > 0
    panel.update_quality()
    assert panel.report is not None and not panel.report.blocking


def test_no_input_device_is_a_clear_message(make_window, tmp_path, monkeypatch, qtbot):
    # A machine whose only device can play but not record (a wholly empty ALSA configuration
    # makes alsa-lib abort the process inside PortAudio: see tests/audio/test_alsa_device.py).
    config = tmp_path / "playback-only.conf"
    config.write_text(
        'pcm.!default { type asym playback.pcm { type file slave.pcm { type null } file "/dev/null" format "raw" } }\n'
    )
    monkeypatch.setenv("ALSA_CONFIG_PATH", str(config))
    reinitialize_portaudio()
    window = make_window(ui__autoplay=False)
    window.reference.recording.start(countdown_s=0)
    assert window.reference.recording.state == IDLE
    assert "input device" in window.message_bar.text().lower()


def test_a_device_unplugged_mid_recording_keeps_what_was_captured(make_window, alsa, qtbot):
    window = make_window(ui__autoplay=False)
    panel = window.reference
    panel.recording.backend = FakeBackend(vanish_after=150)  # PortAudio cannot unplug a device on cue
    with qtbot.waitSignal(panel.recording.recorded, timeout=30_000):
        panel.recording.start(countdown_s=0)
    assert "unplugged" in window.message_bar.history[-2][1] or "unplugged" in window.message_bar.text()
    assert panel.clip is not None and panel.clip.seconds > 1.0


def test_a_model_folder_that_fails_to_load_says_which_file(make_window, tmp_path, qtbot):
    from studio.ui.engine_bridge import EngineBridge

    bridge = EngineBridge()
    window = make_window(bridge=bridge)
    broken = copy_model(CV2_MODEL, tmp_path / "broken")
    (broken / "flow.pt").write_bytes(b"not a checkpoint")
    window.load_model(broken)
    wait_until(qtbot, lambda: not bridge.loading, 60)
    assert bridge.loaded is None
    assert window.centre.currentIndex() == 1  # the empty state, with the reason
    assert "flow.pt" in window.empty.error.text()
    assert "flow.pt" in window.message_bar.text()
    assert not window.script.synth_button.isEnabled()
    # the user fixes it by opening a good folder: the studio comes back
    window.ask_model_folder = lambda: str(CV2_MODEL)
    window.choose_model_folder()
    wait_until(qtbot, lambda: bridge.loaded is not None, 120)
    assert window.centre.currentIndex() == 0


def test_a_synthesis_that_raises_and_cuda_out_of_memory_are_messages(
    window, shared_bridge, monkeypatch, qtbot
):
    save_voice(qtbot, window)
    engine = shared_bridge.worker.engine
    for error, words in [
        (RuntimeError("something inside the model broke"), "something inside the model broke"),
        (torch.cuda.OutOfMemoryError("CUDA out of memory. Tried to allocate 2.00 GiB"), "ran out of memory"),
    ]:

        def boom(*_args, error=error, **_kwargs):
            raise error

        monkeypatch.setattr(engine, "synthesize", boom)
        ended = []
        window.takeEnded.connect(lambda kind, _tid, ended=ended: ended.append(kind))
        window.script.set_text("This will fail.")
        window.synthesize()
        wait_until(qtbot, lambda ended=ended: ended, 30)
        assert ended == ["failed"]
        assert words in window.message_bar.text()
    monkeypatch.undo()
    take_id, _ = make_take(qtbot, window, "Working again.")
    assert take_id


def test_the_self_test_passes_in_a_fresh_process(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "studio", "--self-test", str(CV2_MODEL)],
        capture_output=True,
        text=True,
        timeout=600,
        env={**_clean_env(), "VOICE_STUDIO_LIBRARY": str(tmp_path / "lib")},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("self-test ok: cosyvoice2"), result.stdout
    assert "exported" in lines[0]


def test_the_self_test_fails_with_the_reason(tmp_path):
    broken = copy_model(CV2_MODEL, tmp_path / "broken")
    (broken / "hift.pt").unlink()
    result = subprocess.run(
        [sys.executable, "-m", "studio", "--self-test", str(broken)],
        capture_output=True,
        text=True,
        timeout=300,
        env=_clean_env(),
    )
    assert result.returncode == 1
    assert "self-test FAILED" in result.stderr and "hift.pt" in result.stderr


def _clean_env() -> dict[str, str]:
    import os

    env = dict(os.environ)
    env.pop("DISPLAY", None)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["HF_HUB_OFFLINE"] = "1"
    return env


def test_without_a_display_the_window_says_so_instead_of_aborting(tmp_path):
    env = _clean_env()
    env.pop("QT_QPA_PLATFORM")
    env.pop("WAYLAND_DISPLAY", None)
    result = subprocess.run(
        [sys.executable, "-m", "studio", "--library", str(tmp_path / "lib")],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert result.returncode == 2
    assert "No display found" in result.stderr and "voice-studio synth" in result.stderr
