"""Reading a clip file: a file cut off after its header promised more audio is named as such."""

from __future__ import annotations

import numpy as np
import soundfile as sf

from studio.audio.clipfile import read_clip_file


def _wav(path, seconds=2.0, rate=16000):
    t = np.arange(int(rate * seconds)) / rate
    sf.write(str(path), (0.3 * np.sin(2 * np.pi * 220 * t)).astype(np.float32), rate, subtype="PCM_16")
    return path


def test_a_whole_file_is_not_truncated(tmp_path):
    clip = read_clip_file(_wav(tmp_path / "whole.wav"))
    assert clip.declared_frames == clip.audio.size == 32000 and not clip.truncated


def test_a_wav_cut_off_after_its_header_says_how_long_it_should_be(tmp_path):
    path = _wav(tmp_path / "cut.wav", seconds=4.9)
    data = path.read_bytes()
    path.write_bytes(data[: 44 + 2 * 3200])  # header + 0.2 s of 16-bit samples: a copy cut short
    clip = read_clip_file(path)
    assert clip.truncated
    assert abs(clip.seconds - 0.2) < 0.01 and abs(clip.declared_seconds - 4.9) < 0.01
