"""Clips: lossless storage at the original rate, non-destructive trims, imports, quality reports."""

from __future__ import annotations

import numpy as np
import pytest
import soundfile as sf

from studio.library import LibraryError
from tests.library.helpers import REAL_AUDIO, tone


def test_float_audio_is_stored_as_24_bit_flac_at_its_own_sample_rate(lib):
    voice = lib.add_voice("Ann")
    audio = tone(0.5, 44100)
    clip = lib.add_clip(voice.id, audio, 44100, transcript="la", device="USB mic")
    info = sf.info(str(clip.path))
    assert (info.format, info.subtype, info.samplerate) == ("FLAC", "PCM_24", 44100)
    assert (clip.sample_rate, clip.frames, clip.channels) == (44100, len(audio), 1)
    back, rate = lib.clip_audio(clip.id, trimmed=False)
    assert rate == 44100
    assert np.max(np.abs(back - audio)) < 2e-7  # 24-bit: lossless within quantisation


def test_16_bit_audio_stays_16_bit_and_bit_exact(lib):
    voice = lib.add_voice("Ann")
    audio = (np.random.default_rng(1).integers(-20000, 20000, 8000)).astype(np.int16)
    clip = lib.add_clip(voice.id, audio, 16000)
    assert sf.info(str(clip.path)).subtype == "PCM_16"
    back, _ = sf.read(str(clip.path), dtype="int16")
    assert np.array_equal(back, audio)


def test_full_scale_floats_are_clipped_not_wrapped(lib):
    audio = np.array([1.0, -1.0, 1.5, -1.5, 0.0], dtype=np.float32).repeat(100)
    clip = lib.add_clip(None, audio, 8000)
    back, _ = lib.clip_audio(clip)
    assert back.max() > 0.999 and back.min() < -0.999
    assert np.all(np.sign(back[::100]) == np.sign(np.clip(audio[::100], -1, 1)))


def test_stereo_clips_keep_their_channels(lib):
    audio = np.stack([tone(0.2), tone(0.2, freq=220)], axis=1)
    clip = lib.add_clip(None, audio, 24000)
    back, _ = lib.clip_audio(clip)
    assert clip.channels == 2 and back.shape == audio.shape


def test_trim_is_non_destructive_and_the_trimmed_audio_is_returned_on_request(lib):
    voice = lib.add_voice("Ann")
    audio = np.arange(24000, dtype=np.float32) / 48000.0  # a ramp: position is recoverable
    clip = lib.add_clip(voice.id, audio, 24000)
    original_bytes = clip.path.read_bytes()
    trimmed = lib.set_clip_trim(clip.id, 0.25, 0.5)
    assert (trimmed.trim_start, trimmed.trim_end) == (0.25, 0.5)
    assert trimmed.trim_frames() == (6000, 12000)
    assert trimmed.trimmed_duration_s == pytest.approx(0.25)
    part, _ = lib.clip_audio(clip.id)
    assert len(part) == 6000
    assert part[0] == pytest.approx(audio[6000], abs=1e-6)
    whole, _ = lib.clip_audio(clip.id, trimmed=False)
    assert len(whole) == 24000
    assert clip.path.read_bytes() == original_bytes
    cleared = lib.set_clip_trim(clip.id, None, None)
    assert cleared.trim_frames() == (0, 24000)


def test_trim_points_outside_the_clip_are_refused(lib):
    clip = lib.add_clip(None, tone(1.0), 24000)
    for start, end in ((0.5, 0.4), (-0.1, 0.5), (0.2, 1.5)):
        with pytest.raises(LibraryError, match="Trim points"):
            lib.set_clip_trim(clip.id, start, end)


def test_a_quality_report_is_stored_as_given(lib):
    report = {"snr_db": 31.5, "clipping": False, "warnings": ["slight reverb"], "peak": np.float32(0.5)}
    clip = lib.add_clip(None, tone(), 24000, quality=report)
    assert lib.get_clip(clip.id).quality == {**report, "peak": 0.5}
    updated = lib.update_clip(clip.id, quality={"snr_db": 10}, transcript="new words")
    assert updated.quality == {"snr_db": 10} and updated.transcript == "new words"


def test_importing_a_real_int16_recording_keeps_rate_and_bits(lib):
    source = REAL_AUDIO / "cross_lingual_prompt.wav"
    if not source.exists():
        pytest.skip("shared real audio not available")
    voice = lib.add_voice("Real")
    clip = lib.import_clip_file(voice.id, source, transcript="...")
    original, rate = sf.read(str(source), dtype="int16")
    stored, stored_rate = sf.read(str(clip.path), dtype="int16")
    assert (clip.source, clip.source_name) == ("imported", "cross_lingual_prompt.wav")
    assert stored_rate == rate == 22050
    assert np.array_equal(stored, original)


def test_importing_a_real_float_recording_keeps_its_rate(lib):
    source = REAL_AUDIO / "zh_zero_shot_prompt.wav"
    if not source.exists():
        pytest.skip("shared real audio not available")
    clip = lib.import_clip_file(None, source)
    original, rate = sf.read(str(source), dtype="float32")
    stored, _ = lib.clip_audio(clip)
    assert clip.sample_rate == rate == 24000
    assert np.max(np.abs(stored - np.clip(original, -1, 1))) < 1e-6


def test_importing_something_that_is_not_audio_is_a_clear_error(lib, tmp_path):
    bad = tmp_path / "notes.wav"
    bad.write_text("not audio")
    with pytest.raises(LibraryError, match="is not an audio file Voice Studio can read: it is damaged"):
        lib.import_clip_file(None, bad)
    with pytest.raises(LibraryError, match="does not exist"):
        lib.import_clip_file(None, tmp_path / "missing.wav")


def test_invalid_audio_is_refused_before_anything_is_written(lib):
    before = set(lib.root.rglob("*.flac"))
    for audio in (np.zeros(0, np.float32), np.array([np.nan, 0.0], np.float32), np.zeros((2, 2, 2))):
        with pytest.raises(LibraryError):
            lib.add_clip(None, audio, 24000)
    with pytest.raises(LibraryError, match="sample rate"):
        lib.add_clip(None, tone(), 0)
    assert set(lib.root.rglob("*.flac")) == before


def test_clips_are_listed_per_voice_and_unassigned_clips_separately(lib):
    ann = lib.add_voice("Ann")
    a1 = lib.add_clip(ann.id, tone(), 24000)
    loose = lib.add_clip(None, tone(), 24000)
    assert [c.id for c in lib.list_clips(ann.id)] == [a1.id]
    assert [c.id for c in lib.list_clips(None)] == [loose.id]
    lib.update_clip(loose.id, voice_id=ann.id)
    assert [c.id for c in lib.list_clips(ann.id)] == [a1.id, loose.id]
    assert lib.get_voice(ann.id).clip_count == 2
    lib.delete_clip(a1.id)
    assert not a1.path.exists()
