"""Recording from a real PortAudio device: ALSA's file plugin stands in for a sound card.

Each test runs the audio code in a child process, because PortAudio reads the ALSA
configuration when sounddevice is imported (see tests/alsa_env.py).
"""

from __future__ import annotations

import numpy as np
import pytest

from tests.alsa_env import make_alsa_env, read_playback
from tests.library.helpers import child_env, run_python


def test_the_test_device_is_listed_with_input_channels(alsa_env):
    env = child_env(**alsa_env)
    code = (
        "from studio.audio.devices import list_input_devices\n"
        "for d in list_input_devices(): print(d.name, d.max_channels, d.is_default)\n"
    )
    result = run_python(["-c", code], env=env)
    assert result.returncode == 0, result.stderr
    assert "default" in result.stdout and "True" in result.stdout


def test_capture_returns_the_source_file_samples_and_playback_lands_in_a_file(alsa_env):
    alsa = alsa_env
    code = (
        "import numpy as np, sounddevice as sd, os\n"
        "x = sd.rec(24000, samplerate=48000, channels=1, dtype='int16', blocking=True)[:, 0]\n"
        "ref = np.fromfile(os.environ['VOICE_STUDIO_TEST_ALSA_CAPTURE_RAW'], dtype='<i2')[:24000]\n"
        "print('CAPTURE_MATCHES', bool(np.array_equal(x, ref)))\n"
        "sd.play(np.full(4800, 0.5, np.float32), 48000, blocking=True)\n"
    )
    result = run_python(["-c", code], env=child_env(**alsa))
    assert result.returncode == 0, result.stderr
    assert "CAPTURE_MATCHES True" in result.stdout
    played = read_playback(alsa)
    assert np.count_nonzero(played == 16384) >= 4800  # 0.5 full scale as 16-bit


def test_a_real_recording_stops_into_a_clip_of_the_right_length(tmp_path, speech_wav, lib):
    env = child_env(**make_alsa_env(tmp_path, speech_wav, realtime=True))
    result = run_python(["-m", "tests.audio.record_child", str(lib.root), "1.0"], env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    clip_line = next(line for line in result.stdout.splitlines() if line.startswith("CLIP"))
    clip = lib.get_clip(int(clip_line.split()[1]))
    assert clip.duration_s == pytest.approx(1.0, abs=0.25)
    assert clip.sample_rate == 48000 and clip.source == "recorded" and clip.device
    audio, _ = lib.clip_audio(clip)
    assert np.sqrt(np.mean(audio**2)) > 0.01
    assert lib.pending_recordings() == []


def test_no_input_device_gives_a_recorder_error_sentence(tmp_path, lib):
    # A machine whose only device can play but not record. (A wholly empty ALSA configuration
    # makes PortAudio abort the process inside alsa-lib, before Python code can react.)
    config = tmp_path / "playback-only.conf"
    config.write_text(
        'pcm.!default { type asym playback.pcm { type file slave.pcm { type null } file "/dev/null" format "raw" } }\n'
    )
    env = child_env(ALSA_CONFIG_PATH=str(config))
    result = run_python(["-m", "tests.audio.record_child", str(lib.root), "1.0"], env=env)
    assert result.returncode == 3, result.stdout + result.stderr
    assert "ERROR No audio input device was found, so nothing was recorded" in result.stdout


def test_an_already_imported_sounddevice_can_be_pointed_at_the_test_device(alsa_env):
    """The in-process route for window tests: set the env, then reinitialise PortAudio."""
    code = (
        "import os, json, sys\n"
        "env = json.loads(sys.argv[1])\n"
        "import sounddevice as sd\n"
        "from tests.alsa_env import reinitialize_portaudio\n"
        "os.environ.update(env)\n"
        "reinitialize_portaudio()\n"
        "print('INPUTS', sum(d['max_input_channels'] > 0 for d in sd.query_devices()))\n"
    )
    import json

    env = child_env()
    env.pop("ALSA_CONFIG_PATH", None)
    result = run_python(["-c", code, json.dumps(alsa_env)], env=env)
    assert result.returncode == 0, result.stderr
    assert "INPUTS 1" in result.stdout
