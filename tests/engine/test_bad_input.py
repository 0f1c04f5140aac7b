"""Bad input gets a clear message naming the problem (and nothing is written)."""

from __future__ import annotations

import struct

import numpy as np
import pytest

from studio.engine import AudioInputError, RequestError, TextInputError
from tests.conftest import PROMPT_EN, write_wav

SR = 16000


def speech_like(seconds: float, sr: int = SR) -> np.ndarray:
    t = np.arange(int(seconds * sr)) / sr
    return (0.3 * np.sin(2 * np.pi * 150 * t) * (1 + np.sin(2 * np.pi * 3 * t))).astype(np.float32)


def test_missing_file(cv2_engine, tmp_path):
    with pytest.raises(AudioInputError, match="does not exist"):
        cv2_engine.prepare_voice(tmp_path / "nope.wav")


def test_corrupt_file(cv2_engine, tmp_path):
    bad = tmp_path / "bad.wav"
    bad.write_bytes(b"RIFF\x00\x00\x00\x00WAVEjunkjunkjunk" * 10)
    with pytest.raises(AudioInputError, match="bad.wav.*(cannot be read|damaged)"):
        cv2_engine.prepare_voice(bad)


def test_not_audio_at_all(cv2_engine, tmp_path):
    bad = tmp_path / "notes.wav"
    bad.write_text("these are my notes, not audio")
    with pytest.raises(AudioInputError, match="notes.wav"):
        cv2_engine.prepare_voice(bad)


def test_empty_audio_file(cv2_engine, tmp_path):
    path = write_wav(tmp_path / "empty.wav", np.zeros(0, np.float32), SR)
    with pytest.raises(AudioInputError, match="no audio|no samples"):
        cv2_engine.prepare_voice(path)


def test_too_short_prompt(cv2_engine, tmp_path):
    path = write_wav(tmp_path / "short.wav", speech_like(0.3), SR)
    with pytest.raises(AudioInputError, match=r"0\.30 s long; it must be at least 0\.5 s"):
        cv2_engine.prepare_voice(path)


def test_too_long_prompt(cv2_engine, tmp_path):
    path = write_wav(tmp_path / "long.wav", speech_like(31), SR)
    with pytest.raises(AudioInputError, match=r"31\.0 s long; it must be at most 30 s"):
        cv2_engine.prepare_voice(path)


def test_one_hour_clip_is_refused_before_decoding(cv2_engine, tmp_path):
    # A real one-hour file, kept small by an 8-bit 1 kHz encoding (3.6 MB): the length check
    # reads the header only and must fire before anything is decoded or resampled.
    rate = 1000
    frames = 3600 * rate
    header = b"RIFF" + struct.pack("<I", 36 + frames) + b"WAVE"
    header += b"fmt " + struct.pack("<IHHIIHH", 16, 1, 1, rate, rate, 1, 8)
    header += b"data" + struct.pack("<I", frames)
    path = tmp_path / "hour.wav"
    path.write_bytes(header + bytes([128]) * frames)
    with pytest.raises(AudioInputError, match="60 minutes long"):
        cv2_engine.prepare_voice(path)


def test_nan_and_inf_samples(cv2_engine):
    audio = speech_like(2.0)
    audio[100] = np.nan
    with pytest.raises(AudioInputError, match="NaN or infinite"):
        cv2_engine.prepare_voice(audio, sample_rate=SR)
    audio[100] = np.inf
    with pytest.raises(AudioInputError, match="NaN or infinite"):
        cv2_engine.prepare_voice(audio, sample_rate=SR)


def test_silent_audio(cv2_engine, tmp_path):
    path = write_wav(tmp_path / "silence.wav", np.zeros(SR * 3, np.float32), SR)
    with pytest.raises(AudioInputError, match="silent"):
        cv2_engine.prepare_voice(path)


def test_sample_rate_below_8k(cv2_engine, tmp_path):
    path = write_wav(tmp_path / "low.wav", speech_like(3, 6000), 6000)
    with pytest.raises(AudioInputError, match="6000 Hz.*at least 8000 Hz"):
        cv2_engine.prepare_voice(path)


def test_narrow_band_8k_is_accepted_and_resampled(cv2_engine, tmp_path):
    path = write_wav(tmp_path / "phone.wav", speech_like(3, 8000), 8000)
    voice = cv2_engine.prepare_voice(path, transcript="hi")
    assert voice.sample_rate == 8000 and voice.speech_tokens.numel() > 0


def test_array_without_sample_rate(cv2_engine):
    with pytest.raises(AudioInputError, match="sample_rate must be given"):
        cv2_engine.prepare_voice(speech_like(2.0))


def test_any_rate_channels_and_depth_are_accepted(cv2_engine, tmp_path):
    stereo = np.stack([speech_like(2.0, 44100), speech_like(2.0, 44100) * 0.5], axis=1)
    path = write_wav(tmp_path / "stereo.wav", stereo, 44100, subtype="PCM_24")
    voice = cv2_engine.prepare_voice(path, transcript="hi")
    assert voice.sample_rate == 44100 and voice.speech_tokens.numel() == 50


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_empty_text(cv2_engine, cv2_voice, text):
    with pytest.raises(TextInputError, match="empty"):
        cv2_engine.synthesize(text, cv2_voice)


def test_text_that_normalizes_to_nothing(cv2_engine, cv2_voice):
    with pytest.raises(TextInputError, match="normalizes to nothing"):
        cv2_engine.synthesize("... !!! ???", cv2_voice)


def test_huge_text(cv2_engine, cv2_voice):
    with pytest.raises(TextInputError, match="split it into parts"):
        cv2_engine.synthesize("word " * 20000, cv2_voice)


def test_unknown_mode(cv2_engine, cv2_voice):
    with pytest.raises(RequestError, match="Unknown mode 'karaoke'"):
        cv2_engine.synthesize("Hello.", cv2_voice, mode="karaoke")


@pytest.mark.parametrize("instruction", [None, "", "   "])
def test_instruct_without_instruction(cv2_engine, cv2_voice, instruction):
    with pytest.raises(RequestError, match="needs an instruction"):
        cv2_engine.synthesize("Hello.", cv2_voice, mode="instruct", instruction=instruction)


def test_zero_shot_without_transcript(cv2_engine):
    voice = cv2_engine.prepare_voice(PROMPT_EN)
    with pytest.raises(RequestError, match="needs the transcript"):
        cv2_engine.synthesize("Hello.", voice, mode="zero_shot")


def test_vc_without_source(cv2_engine, cv2_voice):
    with pytest.raises(RequestError, match="source speech"):
        cv2_engine.synthesize(None, cv2_voice, mode="vc")


def test_speed_out_of_range_and_with_streaming(cv2_engine, cv2_voice):
    with pytest.raises(RequestError, match="out of range"):
        cv2_engine.synthesize("Hello.", cv2_voice, speed=10)
    with pytest.raises(RequestError, match="non-streaming"):
        cv2_engine.synthesize("Hello.", cv2_voice, speed=1.5, stream=True)


def test_voice_from_another_family(cv2_engine, cv2_voice):
    import dataclasses

    other = dataclasses.replace(cv2_voice, family="cosyvoice3")
    with pytest.raises(RequestError, match="prepared for cosyvoice3"):
        cv2_engine.synthesize("Hello.", other)
